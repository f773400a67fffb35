// Records reference traces for scenarios/ and tests/conformance/probes/: each scenario runs N times (default 2) on real Redis;
// only if every run completed (waits, expectations) and all runs agree with the first by the
// comparison rules (0 divergences) is the first written as scenarios/<name>.trace.json.
// A scenario whose real runs disagree is not reproducible: fix the scenario, never the rules.
//   tsx tests/conformance/record.ts [NAME …] [--runs N] [--force] [--jobs K]
//   (no names: every scenario without a recorded trace; --force: re-record those named)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Scenario, Trace } from '../../src/engine/scenario/types.ts';
import { compareTraces, formatComparison } from './compare.ts';
import { realSkipReason } from './era-skip.ts';
import { cleanupAll } from './real/cleanup.ts';
import { runReal } from './real/runner.ts';
import { acquireSlot } from './real/slots.ts';
import { scenarioFiles } from './scenario-files.ts';

/** Each scenario's file by name (scenarios/ and the probes); its trace is written beside it. */
const FILES = new Map(scenarioFiles().map(({ name, file }) => [name, file]));
const traceOf = (name: string) => FILES.get(name)!.replace(/\.json$/, '.trace.json');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const runs = opt('--runs', 2);
const jobs = opt('--jobs', 4);
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
const names = (named.length ? named : [...FILES.keys()]).filter((n) => force || !existsSync(traceOf(n)));

async function record(name: string): Promise<boolean> {
  const file = FILES.get(name);
  if (!file) throw new Error(`no scenario named ${name} (scenarios/, tests/conformance/probes/)`);
  const scenario: Scenario = JSON.parse(readFileSync(file, 'utf8'));
  const skip = realSkipReason(scenario);
  if (skip) {
    console.log(`${name}: skipped: ${skip}`);
    return true;
  }
  const traces: Trace[] = [];
  for (let r = 0; r < runs; r++) {
    const slot = await acquireSlot();
    const { trace, problems } = await runReal(scenario, { slot }).finally(() => slot.release());
    if (problems.length) {
      console.log(`${name}: run ${r + 1} not ok:\n  ${problems.join('\n  ')}`);
      return false;
    }
    traces.push(trace);
  }
  let same = true;
  for (let r = 1; r < traces.length; r++) {
    const c = compareTraces(traces[0], traces[r]);
    if (c.diffs.length) {
      console.log(formatComparison(`${name}: run 1 vs run ${r + 1}`, c, 20));
      same = false;
    }
  }
  if (!same) return false;
  writeFileSync(traceOf(name), `${JSON.stringify(traces[0], null, 1)}\n`);
  console.log(`${name}: recorded (${runs} runs agree) ${traces[0].outcome.line}`);
  return true;
}

const queue = [...names];
let failed = 0;
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let n = queue.shift(); n; n = queue.shift()) if (!(await record(n))) failed++;
  }),
);
cleanupAll();
console.log(`${names.length - failed} recorded, ${failed} not reproducible or failing`);
process.exit(failed ? 1 : 0);
