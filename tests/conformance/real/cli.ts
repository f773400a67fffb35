// Runs scenario files on real Redis and writes their traces (one cluster per file, in parallel).
//   tsx tests/conformance/real/cli.ts scenarios/b_short_drop_partial.json [more.json …]
//       [--out DIR]        write DIR/<name>.trace.json (default out/conformance/real)
//       [--compare]        compare each trace with the recorded scenarios/<name>.trace.json
//       [--runs N]         run each scenario N times and compare the runs with each other
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Scenario, Trace } from '../../../src/engine/scenario/types.ts';
import { compareTraces, formatComparison } from '../compare.ts';
import { runReal } from './runner.ts';
import { acquireSlot } from './slots.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const out = flag('--out') ?? 'out/conformance/real';
const runs = Number(flag('--runs') ?? 1);
const compare = args.includes('--compare');
const files = args.filter((a) => !a.startsWith('--'));
mkdirSync(out, { recursive: true });

let failed = 0;
await Promise.all(
  files.map(async (file, k) => {
    const scenario: Scenario = JSON.parse(readFileSync(file, 'utf8'));
    const traces: Trace[] = [];
    for (let r = 0; r < runs; r++) {
      const slot = await acquireSlot(k);
      const t0 = Date.now();
      const { trace, problems } = await runReal(scenario, { slot });
      slot.release();
      const suffix = runs > 1 ? `.run${r + 1}` : '';
      writeFileSync(join(out, `${scenario.name}${suffix}.trace.json`), `${JSON.stringify(trace, null, 1)}\n`);
      console.log(
        `${scenario.name}${suffix}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ok=${trace.ok}, ${trace.outcome.line}`,
      );
      for (const p of problems) console.log(`  ! ${p}`);
      if (problems.length) failed++;
      traces.push(trace);
    }
    for (let r = 1; r < traces.length; r++) {
      const c = compareTraces(traces[0], traces[r]);
      console.log(formatComparison(`${scenario.name} run1 vs run${r + 1}`, c));
      if (c.diffs.length) failed++;
    }
    if (compare) {
      const refFile = join(dirname(file), `${basename(file, '.json')}.trace.json`);
      const ref: Trace = JSON.parse(readFileSync(refFile, 'utf8'));
      const c = compareTraces(ref, traces[0]);
      console.log(formatComparison(`${scenario.name} reference vs real`, c));
      if (c.diffs.length) failed++;
    }
  }),
);
process.exit(failed ? 1 : 0);
