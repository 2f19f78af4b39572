/**
 * What the computed fields cost, measured: for each field priced in
 * src/common/graphql/field-prices.ts, the time one more alias of it adds to a request
 * (a request of ALIASES aliases against one of a single alias, medians of ROUNDS), beside
 * a plain root look-up. A unit of query cost is taken as UNIT_MS of server time, so that
 * the limit of 10,000 is about 200 ms of a core; the implied price is the measured time
 * in units (for a field nested under a root look-up, less that look-up's time).
 * `field-prices.<field>` records implied / configured with a limit of 1: over 1 means the
 * field is priced below what it costs, so the cost limit admits more work than it means to.
 *
 * Spawns the built server on a fresh database of the local PostgreSQL server, with the
 * reference catalogue. Run alone, after `npm run build`: npx tsx bench/field-prices.bench.ts
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FIELD_PRICES } from '../src/common/graphql/field-prices.js';
import { ROOT_FIELD_COST } from '../src/common/graphql/query-complexity.js';
import { proposeAmendment, stewardToken } from '../testkit/factories/index.js';
import { ok } from '../testkit/graphql-client.js';
import { record, writeResults } from './results.js';
import { machineLoad, startServer } from './server.js';

/** Server time one unit of query cost stands for. */
export const UNIT_MS = 0.02;
const ALIASES = 8;
const ROUNDS = 15;

const SYSTEMS = ['llama-2', 'grok-1', 'phi-2', 'mixtral-8x7b', 'pythia', 'olmo', 'amber', 't5'];
const VERSIONS = [
  ['osaid', '0.0.9'],
  ['osaid', '1.0-RC1'],
  ['osaid', '1.0'],
  ['mof', '1.0'],
];
const rule = (i: number) => `components.modelParameters.available${' && true'.repeat(i)}`;

/**
 * Each priced field, and the reference root look-up, as its i-th alias: the arguments vary
 * from alias to alias where they can, as an attacker's would, since the per-request loaders
 * answer repeats of the same look-up once.
 */
const FIELDS: Record<string, (i: number) => string> = {
  'root look-up': (i) => `system(slug: "${SYSTEMS[i % 8]}") { name }`,
  'Query.previewImpact': (i) => `previewImpact(input: { definition: "osaid", baseVersion: "1.0",
    changes: [{ kind: MODIFY, key: "parameters.terms", rule: "${rule(i)}" }] }) { summary { evaluated } }`,
  'Query.combinedImpact': () => `combinedImpact(definition: "osaid", amendments: [1]) {
    impact { summary { evaluated } } }`,
  'Query.versionDiff': (
    i,
  ) => `versionDiff(definition: "osaid", from: "${i % 2 ? '0.0.9' : '1.0-RC1'}",
    to: "1.0") { verdictChanges { after } }`,
  'Amendment.impact': () =>
    `amendment(definition: "osaid", number: 1) { impact { summary { evaluated } } }`,
  'DefinitionVersion.verdicts': (i) => {
    const [definition, label] = VERSIONS[i % 4];
    return `version(definition: "${definition}", label: "${label}") { verdicts { outcome } }`;
  },
  'AiSystem.verdict': (i) => `system(slug: "${SYSTEMS[i % 8]}") {
    verdict(definition: "osaid", version: "1.0") { outcome } }`,
  'Query.auditIntegrity': () => `auditIntegrity { ok }`,
};
/** What the root look-up costs: a root field and one scalar under it. */
const ROOT_LOOKUP_COST = ROOT_FIELD_COST + 1;

async function median(url: string, query: string, token: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await ok(url, query, {}, token);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function run(): Promise<void> {
  const server = await startServer('prices');
  try {
    const token = await stewardToken(server);
    // An amendment for combinedImpact and Amendment.impact to compute.
    await proposeAmendment(server, token);
    const rows = [];
    let rootMs = 0;
    for (const [name, field] of Object.entries(FIELDS)) {
      const one = `{ a0: ${field(0)} }`;
      const many = `{ ${Array.from({ length: ALIASES }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
      await median(server.url, many, token); // warm: caches, compiled queries
      const marginal = Math.max(
        0,
        ((await median(server.url, many, token)) - (await median(server.url, one, token))) /
          (ALIASES - 1),
      );
      const price = FIELD_PRICES[name];
      const nested = !name.startsWith('Query.') && name !== 'root look-up';
      if (name === 'root look-up') rootMs = marginal;
      const costed = price ?? ROOT_LOOKUP_COST;
      // A nested field's alias also looks up its parent: that part is the root look-up's.
      const implied = Math.max(0, marginal - (nested ? rootMs : 0)) / UNIT_MS;
      rows.push({
        field: name,
        'ms per alias': marginal.toFixed(2),
        'implied units': Math.round(implied),
        configured: costed,
        ratio: (costed / implied).toFixed(2),
      });
      if (price !== undefined) {
        record(`field-prices.${name}.ms`, Number(marginal.toFixed(2)), 'ms');
        record(
          `field-prices.${name}`,
          Number((implied / costed).toFixed(2)),
          'implied/configured',
          1,
        );
      }
    }
    console.table(rows);
    console.log(`one unit = ${UNIT_MS} ms; machine load ${machineLoad()}`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  run()
    .then(() => console.log(`results: ${writeResults()}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
