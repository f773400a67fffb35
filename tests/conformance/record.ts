// Records reference traces for scenarios/: each scenario runs N times (default 2) on real Redis;
// only if every run completed (waits, expectations) and all runs agree with the first by the
// comparison rules (0 divergences) is the first written as scenarios/<name>.trace.json.
// A scenario whose real runs disagree is not reproducible: fix the scenario, never the rules.
//   tsx tests/conformance/record.ts [NAME …] [--runs N] [--force] [--jobs K]
//   (no names: every scenario without a recorded trace; --force: re-record those named)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, Trace } from '../../src/engine/scenario/types.ts';
import { compareTraces, formatComparison } from './compare.ts';
import { realSkipReason } from './era-skip.ts';
import { cleanupAll } from './real/cleanup.ts';
import { runReal } from './real/runner.ts';
import { acquireSlot } from './real/slots.ts';

const DIR = join(import.meta.dirname, '../../scenarios');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const runs = opt('--runs', 2);
const jobs = opt('--jobs', 4);
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
const names = (
  named.length
    ? named
    : readdirSync(DIR)
        .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
        .map((f) => f.slice(0, -5))
).filter((n) => force || !existsSync(join(DIR, `${n}.trace.json`)));

async function record(name: string): Promise<boolean> {
  const scenario: Scenario = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
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
  writeFileSync(join(DIR, `${name}.trace.json`), `${JSON.stringify(traces[0], null, 1)}\n`);
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
