// The seeded swarm on demand (tests/swarm.ts): `npm run swarm -- --runs 10000 [--from 1] [--seed S] [--era E]`.
// --era sync|psync1|psync2 (default psync2) plays the runs under that protocol era's rules.
// Runs seeds from..from+runs-1 (or one seed), prints each failure with its seed and the replay
// command, and exits 1 when any run broke an invariant or did not converge. Pin a fixed failure as
// a regression seed in tests/swarm.ts (REGRESSION_SEEDS).
import { ERAS, isEra } from '../src/engine/replication/era.ts';
import { swarmRun } from '../tests/swarm.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) {
    console.error(`${name} wants a whole number, got '${args[i + 1] ?? ''}'`);
    process.exit(2);
  }
  return v;
};
const eraArg = args.includes('--era') ? args[args.indexOf('--era') + 1] : 'psync2';
if (!isEra(eraArg)) {
  console.error(`--era wants one of ${ERAS.join(', ')}, got '${eraArg ?? ''}'`);
  process.exit(2);
}
const era = eraArg;
const one = args.includes('--seed') ? opt('--seed', 1) : null;
const from = opt('--from', 1);
const runs = one === null ? opt('--runs', 2000) : 1;
const seeds = one === null ? Array.from({ length: runs }, (_, i) => from + i) : [one];

const t0 = Date.now();
let failed = 0;
const seen = { obufCloses: 0, masterdown: 0, loading: 0, expiredReads: 0 };
for (const [i, seed] of seeds.entries()) {
  const r = swarmRun(seed, era);
  for (const k of Object.keys(seen) as (keyof typeof seen)[]) seen[k] += r.seen[k];
  if (r.violations.length) {
    failed++;
    console.log(`seed ${seed}: ${r.violations[0]}`);
    console.log(
      era === 'psync2'
        ? `  replay: SWARM_SEED=${seed} npx vitest run tests/swarm.test.ts`
        : `  replay: npm run swarm -- --seed ${seed} --era ${era}`,
    );
  }
  if ((i + 1) % 1000 === 0) console.log(`… ${i + 1}/${seeds.length} runs, ${failed} failed`);
}
const secs = ((Date.now() - t0) / 1000).toFixed(1);
console.log(
  `met: ${seen.obufCloses} output-buffer closes, ${seen.masterdown} -MASTERDOWN and ${seen.loading} -LOADING reads, ${seen.expiredReads} reads of expired keys on replicas`,
);
console.log(
  `swarm (${era}): ${seeds.length} runs (seeds ${seeds[0]}–${seeds[seeds.length - 1]}), ${failed} failed, ${secs} s`,
);
process.exit(failed ? 1 : 0);
