/**
 * Criteria engine vs hand-written JS: the OSAID 1.0 starter criteria over 100,000 synthetic
 * systems, median of 5 alternating runs each. Hand-written closures are the limit; the
 * engine should stay within 15× of them. Both must agree on every verdict.
 *
 * Run: npx tsx bench/engine.bench.ts
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CriteriaEngine,
  osiApproved,
  type Facts,
  type Outcome,
} from '../src/criteria/engine/index.js';
import { OSAID_1_0_STARTER } from '../src/criteria/engine/fixtures/osaid-1.0-starter.js';
import { generateFacts } from '../testkit/generate-facts.js';
import { record, writeResults } from './results.js';

const SYSTEMS = 100_000;
const RUNS = 5;
const RATIO_LIMIT = 15;

type Verdict = boolean | undefined; // undefined: the fact is absent

/** Chains with CEL's commutative &&: any false fails, else any absent makes it unknown. */
function both(a: Verdict, b: Verdict): Outcome {
  if (a === false || b === false) return 'FAIL';
  return a === undefined || b === undefined ? 'UNKNOWN' : 'PASS';
}

function allThree(a: Verdict, b: Verdict, c: Verdict): Outcome {
  if (a === false || b === false || c === false) return 'FAIL';
  return a === undefined || b === undefined || c === undefined ? 'UNKNOWN' : 'PASS';
}

function osi(license: string | undefined): Verdict {
  return license === undefined ? undefined : osiApproved(license);
}

type Component = NonNullable<Facts['components']>['trainingCode'];

function releasedUnderOsi(component: Component): Outcome {
  return component ? both(component.available, osi(component.license)) : 'UNKNOWN';
}

/** The same eight rules as OSAID_1_0_STARTER, by hand, in the same order. */
const HAND_WRITTEN: Record<string, (facts: Facts) => Outcome> = {
  'freedoms.any-purpose': ({ terms }) => {
    if (!terms) return 'UNKNOWN';
    const unrestricted =
      terms.maxMonthlyActiveUsers === undefined &&
      terms.maxAnnualRevenueUsd === undefined &&
      terms.fieldOfUseRestrictions === undefined &&
      terms.nonCommercialOnly === undefined;
    return unrestricted ? 'PASS' : 'FAIL';
  },
  'data-information.description': ({ dataInformation: info }) =>
    both(info?.describesAllData, info?.unshareableDataDescribed),
  'data-information.sources': ({ dataInformation: info }) =>
    both(info?.publicDataListed, info?.thirdPartyDataListed),
  'code.data-processing': ({ components }) => releasedUnderOsi(components?.dataPreprocessingCode),
  'code.training': ({ components }) => {
    const code = components?.trainingCode;
    return code ? allThree(code.available, code.complete, osi(code.license)) : 'UNKNOWN';
  },
  'code.inference': ({ components }) => releasedUnderOsi(components?.inferenceCode),
  'code.architecture': ({ components }) => releasedUnderOsi(components?.modelArchitecture),
  'parameters.terms': ({ components }) => releasedUnderOsi(components?.modelParameters),
};

function overall(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.includes('FAIL')) return 'FAIL';
  return outcomes.includes('UNKNOWN') ? 'UNKNOWN' : 'PASS';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => number): { ms: number; passed: number } {
  const started = performance.now();
  const passed = run();
  return { ms: performance.now() - started, passed };
}

const format = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs the benchmark, prints its figures and records them; returns the number of disagreements. */
export function run(): number {
  // --- setup -------------------------------------------------------------------------------
  const criteria = Object.entries(OSAID_1_0_STARTER).map(([key, rule]) => ({ key, rule }));
  const handWritten = criteria.map(({ key }) => HAND_WRITTEN[key]);
  const evaluations = SYSTEMS * criteria.length;

  let started = performance.now();
  const systems = generateFacts(SYSTEMS);
  console.log(`generated ${format(SYSTEMS)} systems in ${format(performance.now() - started)} ms`);

  const compileTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const fresh = new CriteriaEngine();
    started = performance.now();
    fresh.compile(criteria);
    compileTimes.push(((performance.now() - started) * 1000) / criteria.length);
  }
  const engine = new CriteriaEngine();
  const compiled = engine.compile(criteria);

  // --- agreement ------------------------------------------------------------------------------
  const tally: Record<Outcome, number> = { PASS: 0, FAIL: 0, UNKNOWN: 0 };
  const disagreements: string[] = [];
  for (const [index, facts] of systems.entries()) {
    const evaluation = engine.evaluate(compiled, facts);
    const expected = handWritten.map((rule) => rule(facts));
    evaluation.criteria.forEach((result, i) => {
      tally[result.outcome]++;
      if (result.outcome !== expected[i]) {
        disagreements.push(
          `system ${index} ${result.key}: engine ${result.outcome}, JS ${expected[i]}`,
        );
      }
    });
    if (evaluation.outcome !== overall(expected)) disagreements.push(`system ${index}: overall`);
  }

  // --- timing: alternate the two so that machine noise hits both alike ----------------------
  const runEngine = (): number => {
    let passed = 0;
    for (const facts of systems) if (engine.evaluate(compiled, facts).outcome === 'PASS') passed++;
    return passed;
  };
  const runHandWritten = (): number => {
    let passed = 0;
    const outcomes = new Array<Outcome>(handWritten.length);
    for (const facts of systems) {
      for (let i = 0; i < handWritten.length; i++) outcomes[i] = handWritten[i](facts);
      if (overall(outcomes) === 'PASS') passed++;
    }
    return passed;
  };
  runEngine(); // warm-up: let both be optimised before they are timed
  runHandWritten();
  const engineTimes: number[] = [];
  const handTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    engineTimes.push(time(runEngine).ms);
    handTimes.push(time(runHandWritten).ms);
  }

  // --- report ---------------------------------------------------------------------------------
  const engineMs = median(engineTimes);
  const handMs = median(handTimes);
  const ratio = engineMs / handMs;
  const perSecond = (ms: number): number => evaluations / (ms / 1000);

  console.log(
    `\n${format(SYSTEMS)} systems × ${criteria.length} OSAID 1.0 criteria = ${format(evaluations)} evaluations, median of ${RUNS} runs`,
  );
  console.table([
    {
      engine: 'hand-written JS closures',
      'median ms': format(handMs, 1),
      'evaluations/s': format(perSecond(handMs)),
      'vs JS': '1×',
    },
    {
      engine: 'CriteriaEngine (cel-js, untyped)',
      'median ms': format(engineMs, 1),
      'evaluations/s': format(perSecond(engineMs)),
      'vs JS': `${format(ratio, 1)}×`,
    },
  ]);
  console.log(
    `compile: ${format(median(compileTimes), 1)} µs per criterion (fresh engine, median of 20)`,
  );
  console.log(
    `verdicts: ${format(tally.PASS)} PASS, ${format(tally.FAIL)} FAIL, ${format(tally.UNKNOWN)} UNKNOWN`,
  );
  console.log(
    disagreements.length === 0
      ? `agreement: engine and hand-written JS agree on all ${format(evaluations)} verdicts`
      : `agreement: ${disagreements.length} DISAGREEMENTS, e.g.\n  ${disagreements.slice(0, 10).join('\n  ')}`,
  );
  console.log(
    ratio <= RATIO_LIMIT
      ? `ratio ${format(ratio, 1)}× is within ${RATIO_LIMIT}×`
      : `ratio ${format(ratio, 1)}× is OVER ${RATIO_LIMIT}×`,
  );

  record(
    'criteria.engine.evaluations-per-second',
    Math.round(perSecond(engineMs)),
    'evaluations/s',
  );
  record(
    'criteria.hand-written-js.evaluations-per-second',
    Math.round(perSecond(handMs)),
    'evaluations/s',
  );
  record('criteria.engine.vs-hand-written-js', Number(ratio.toFixed(2)), '×', RATIO_LIMIT);
  record('criteria.engine.compile-per-criterion', Number(median(compileTimes).toFixed(1)), 'µs');
  record('criteria.engine.disagreements', disagreements.length, 'verdicts');
  return disagreements.length;
}

// Run alone: npx tsx bench/engine.bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  if (run() > 0) process.exitCode = 1;
  console.log(`results written to ${writeResults()}`);
}
