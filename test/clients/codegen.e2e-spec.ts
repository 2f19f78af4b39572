import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';
import ts from 'typescript';
import { OPERATIONS_FILE } from './support.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema.gql', import.meta.url));

/** What application code does with the generated types of operations.graphql. */
const USAGE = `
import type {
  AmendmentEventsSubscription,
  CastVoteMutation,
  CastVoteMutationVariables,
  SystemsPageQuery,
  SystemVerdictQuery,
} from './operations.js';
import type { Amendment, PageInfo, Verdict, Vote } from './schema-types.js';

/** The ids a normalised cache keys on, and the way back from a vote to its amendment. */
export const keys = (vote: Vote, verdict: Verdict): string[] => [vote.id, vote.amendment.id, verdict.id];
export const tally = (amendment: Amendment): number => amendment.tally.approve;
export const before = (page: PageInfo): boolean => page.hasPreviousPage;

export const vote: CastVoteMutationVariables = {
  input: { definition: 'osaid', number: 1, choice: 'APPROVE' },
};

export function tallyOf(result: CastVoteMutation): { amendment: string; approve: number; passed: boolean } {
  const { id, tally } = result.castVote.amendment;
  return { amendment: id, approve: tally.approve, passed: tally.passed };
}

export function nextPage(result: SystemsPageQuery): { after: string | null; ids: string[] } | null {
  const { pageInfo, edges } = result.systems;
  if (!pageInfo.hasNextPage) return null;
  return { after: pageInfo.endCursor ?? null, ids: edges.map((edge) => edge.node.id) };
}

export function outcome(result: SystemVerdictQuery): 'PASS' | 'FAIL' | 'UNKNOWN' | null {
  return result.system.verdict?.outcome ?? null;
}

export function actor(event: AmendmentEventsSubscription): string | null {
  return event.amendmentEvents.actor?.handle ?? null;
}
`;

/**
 * The plugins, imported as ES modules. Codegen's own loader require()s their CommonJS
 * builds, which require() auto-bind, an ES module that Jest's CommonJS loader cannot take
 * on Node 20; and its import()s of both at once trip Jest's module cache.
 */
const PLUGINS: Record<string, CodegenPlugin> = {
  '@graphql-codegen/typescript': typescriptPlugin,
  '@graphql-codegen/typescript-operations': operationsPlugin,
};
const pluginLoader = (name: string): Promise<CodegenPlugin> =>
  name in PLUGINS
    ? Promise.resolve(PLUGINS[name])
    : Promise.reject(
        Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' }),
      );

const scalars = { DateTime: 'string', JSON: 'unknown' };

/**
 * What a client project generates from schema.gql: the schema's types (`typescript`), and
 * each operation's result and variables (`typescript-operations`, which since its sixth
 * major declares the enums and inputs it needs itself, so it gets a file of its own).
 */
async function codegen(dir: string, documents: string): Promise<string[]> {
  const files = { schema: join(dir, 'schema-types.ts'), operations: join(dir, 'operations.ts') };
  await generate(
    {
      schema: SCHEMA_FILE,
      documents,
      silent: true,
      pluginLoader,
      generates: {
        [files.schema]: {
          plugins: ['typescript'],
          config: { enumsAsTypes: true, strictScalars: true, scalars },
        },
        [files.operations]: {
          plugins: ['typescript-operations'],
          config: { strictScalars: true, scalars },
        },
      },
    },
    true,
  );
  return [files.schema, files.operations];
}

/** The TypeScript compiler's complaints about these files, strict. */
function compile(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('graphql-codegen', () => {
  let dir: string;
  let generated: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-codegen-'));
    generated = await codegen(dir, OPERATIONS_FILE);
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('types every client operation against schema.gql, and the result compiles with its use', () => {
    const usage = join(dir, 'usage.ts');
    writeFileSync(usage, USAGE);
    expect(compile([...generated, usage])).toEqual([]);
  });

  it('gives types a compiler holds code to (a misuse is an error)', () => {
    const misuse = join(dir, 'misuse.ts');
    writeFileSync(
      misuse,
      `import type { CastVoteMutation } from './operations.js';
       export const approve = (r: CastVoteMutation): string => r.castVote.amendment.tally.approve;`,
    );
    const errors = compile([...generated, misuse]);
    expect(errors).toEqual([expect.stringMatching(/'number' is not assignable to type 'string'/)]);
  });

  it('fails on an operation the schema no longer answers', async () => {
    const stale = join(dir, 'stale.graphql');
    writeFileSync(stale, `query Stale { systems { edges { node { id licence } } } }`);
    await expect(codegen(join(dir, 'stale'), stale)).rejects.toThrow(/licence/);
  }, 120_000);
});
