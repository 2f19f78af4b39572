import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLObjectType,
  type GraphQLInputType,
} from 'graphql';
import {
  amendmentAt,
  amendmentInput,
  committeeMember,
  signUp,
  stewardToken,
  type Account,
} from '../testkit/factories/index.js';
import { gql, type GraphQLResponse } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every field of schema.gql that takes an input with a default: an argument with one,
 * or an input object with a defaulted field somewhere inside.
 */
function fieldsWithDefaults(): string[] {
  const schema = buildSchema(readFileSync(new URL('../schema.gql', import.meta.url), 'utf8'));
  const hasDefault = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some(
      (field) => field.defaultValue !== undefined || hasDefault(field.type, seen),
    );
  };
  const takesDefault = (arg: GraphQLArgument) =>
    arg.defaultValue !== undefined || hasDefault(arg.type);
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values((type as GraphQLObjectType).getFields())
        .filter((field) => field.args.some(takesDefault))
        .map((field) => `${type.name}.${field.name}`),
    )
    .sort();
}

interface Case {
  /** The fields (`Type.field`) whose defaults this case leaves out. */
  covers: string[];
  /** Sent with variables; every defaulted input field is left out of `variables(i)`. */
  document: string;
  variables: (i: number) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The same operation with its values written inline, defaults again left out. */
  inline: (i: number) => Promise<string> | string;
  /** Whether the same values may be sent twice (otherwise each send gets fresh ones). */
  repeatable: boolean;
  token?: () => string;
}

let seq = 0;
const fresh = () => `${Date.now().toString(36)}-${++seq}`;

describe('Inputs with defaults', () => {
  let app: TestApp;
  let steward: string;
  let member: Account;
  let voters: Account[];
  let voting: number;
  /** The RATIFIED OSAID label, which each ratification below moves on. */
  let ratified = '1.0';
  const ruleVariants = [
    'components.modelParameters.available',
    'components.modelParameters.available == true',
    'true == components.modelParameters.available',
    '!(components.modelParameters.available == false)',
  ];
  let ratifications = 0;

  /** An ACCEPTED amendment against the ratified version, changing the rule each time. */
  const accepted = async () =>
    amendmentAt(
      app,
      'ACCEPTED',
      { steward, proposer: member.token, voters },
      amendmentInput({
        baseVersion: ratified,
        changes: [
          {
            kind: 'MODIFY',
            key: 'parameters.terms',
            rule: ruleVariants[ratifications++ % ruleVariants.length],
          },
        ],
      }),
    );

  const CASES: Record<string, Case> = {
    systems: {
      covers: ['Query.systems'],
      document: `query ($after: String) { systems(after: $after) { totalCount edges { node { slug } } } }`,
      variables: () => ({}),
      inline: () => `{ systems { totalCount edges { node { slug } } } }`,
      repeatable: true,
    },
    amendments: {
      covers: ['Query.amendments'],
      document: `query ($d: String!) { amendments(definition: $d) { totalCount } }`,
      variables: () => ({ d: 'osaid' }),
      inline: () => `{ amendments(definition: "osaid") { totalCount } }`,
      repeatable: true,
    },
    verdicts: {
      covers: ['AiSystem.verdict', 'DefinitionVersion.verdicts'],
      document: `query ($s: String!, $l: String!) {
        system(slug: $s) { verdict(definition: "osaid", version: $l) { outcome source } }
        version(definition: "osaid", label: $l) { verdicts { outcome source } } }`,
      variables: () => ({ s: 'llama-2', l: '1.0' }),
      inline:
        () => `{ system(slug: "llama-2") { verdict(definition: "osaid", version: "1.0") { outcome source } }
        version(definition: "osaid", label: "1.0") { verdicts { outcome source } } }`,
      repeatable: true,
    },
    signUp: {
      covers: ['Mutation.signUp'],
      document: `mutation ($input: SignUpInput!) { signUp(input: $input) { stakeholder { organization sector roles } } }`,
      variables: () => {
        const id = fresh();
        return {
          input: {
            email: `defaults-${id}@example.org`,
            password: 'a-long-enough-password',
            handle: `defaults-${id}`.slice(0, 40),
            displayName: 'Defaults',
            sector: 'INDIVIDUAL',
          },
        };
      },
      inline: () => {
        const id = fresh();
        return `mutation { signUp(input: { email: "inline-${id}@example.org", password: "a-long-enough-password",
          handle: "${`inline-${id}`.slice(0, 40)}", displayName: "Defaults", sector: INDIVIDUAL }) {
          stakeholder { organization sector roles } } }`;
      },
      repeatable: false,
    },
    createDefinition: {
      covers: ['Mutation.createDefinition'],
      document: `mutation ($input: CreateDefinitionInput!) { createDefinition(input: $input) {
        description levels policy { quorum approvalThreshold commentPeriodDays voterRole } } }`,
      // `policy` given with one field, so GovernancePolicyInput's defaults are left out too.
      variables: () => ({
        input: {
          slug: `def-${fresh()}`,
          name: 'Defaults',
          stewardOrganization: 'Test',
          policy: { quorum: 0.5 },
        },
      }),
      inline: () => `mutation { createDefinition(input: { slug: "def-${fresh()}", name: "Defaults",
        stewardOrganization: "Test", policy: { quorum: 0.5 } }) {
        description levels policy { quorum approvalThreshold commentPeriodDays voterRole } } }`,
      repeatable: false,
      token: () => steward,
    },
    upsertSystem: {
      covers: ['Mutation.upsertSystem'],
      document: `mutation ($input: UpsertSystemInput!) { upsertSystem(input: $input) { slug name evidence { url } } }`,
      variables: () => ({
        input: {
          slug: 'defaults-system',
          name: 'Defaults',
          developer: 'Test',
          facts: { components: { modelParameters: { available: true } } },
        },
      }),
      inline:
        () => `mutation { upsertSystem(input: { slug: "defaults-system", name: "Defaults", developer: "Test",
        facts: { components: { modelParameters: { available: true } } } }) { slug name evidence { url } } }`,
      repeatable: true,
      token: () => steward,
    },
    recordVerdict: {
      covers: ['Mutation.recordVerdict'],
      document: `mutation ($input: RecordVerdictInput!) { recordVerdict(input: $input) { outcome notes source } }`,
      variables: () => ({
        input: { definition: 'osaid', version: '1.0', system: 'llama-2', outcome: 'FAIL' },
      }),
      inline:
        () => `mutation { recordVerdict(input: { definition: "osaid", version: "1.0", system: "llama-2",
        outcome: FAIL }) { outcome notes source } }`,
      repeatable: true,
      token: () => steward,
    },
    castVote: {
      covers: ['Mutation.castVote'],
      document: `mutation ($input: CastVoteInput!) { castVote(input: $input) { choice rationale } }`,
      variables: () => ({ input: { definition: 'osaid', number: voting, choice: 'ABSTAIN' } }),
      inline:
        () => `mutation { castVote(input: { definition: "osaid", number: ${voting}, choice: ABSTAIN }) {
        choice rationale } }`,
      repeatable: true,
      token: () => voters[0].token,
    },
    ratifyVersion: {
      covers: ['Mutation.ratifyVersion'],
      document: `mutation ($input: RatifyVersionInput!) { ratifyVersion(input: $input) { status definition { slug } } }`,
      variables: async () => {
        const number = await accepted();
        const label = `1.${ratifications}`;
        const input = { definition: 'osaid', baseVersion: ratified, label, amendments: [number] };
        ratified = label;
        return { input };
      },
      inline: async () => {
        const number = await accepted();
        const label = `1.${ratifications}`;
        const document = `mutation { ratifyVersion(input: { definition: "osaid", baseVersion: "${ratified}",
          label: "${label}", amendments: [${number}] }) { status definition { slug } } }`;
        ratified = label;
        return document;
      },
      repeatable: false,
      token: () => steward,
    },
  };

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    member = await signUp(app);
    voters = [await committeeMember(app, steward), await committeeMember(app, steward)];
    voting = await amendmentAt(
      app,
      'VOTING',
      { steward, proposer: member.token },
      amendmentInput(),
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has a case for every field of schema.gql that takes a defaulted input', () => {
    const covered = Object.values(CASES).flatMap((c) => c.covers);
    expect(fieldsWithDefaults()).toEqual([...covered].sort());
  });

  const answer = (result: GraphQLResponse<unknown>) => ({
    errors: result.errors,
    data: result.data,
  });

  it.each(Object.keys(CASES))(
    '%s: the same document answers alike the second time (graphql-jit) as the first, by variables and inline',
    async (name) => {
      const c = CASES[name];
      const token = c.token?.();
      const byVariables = [];
      const first = await c.variables(0);
      for (let i = 0; i < 2; i++) {
        const variables = i === 0 || c.repeatable ? first : await c.variables(i);
        byVariables.push(answer(await gql(app.url, c.document, variables, token)));
      }
      const inline = [];
      const firstInline = await c.inline(0);
      for (let i = 0; i < 2; i++) {
        const document = i === 0 || c.repeatable ? firstInline : await c.inline(i);
        inline.push(answer(await gql(app.url, document, {}, token)));
      }
      expect(byVariables[0].errors).toBeUndefined();
      expect(byVariables[0].data).not.toBeNull();
      expect(byVariables[1]).toEqual(byVariables[0]);
      expect(inline[0]).toEqual(byVariables[0]);
      expect(inline[1]).toEqual(byVariables[0]);
    },
  );
});
