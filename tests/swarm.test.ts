// Seeded swarm: see tests/swarm.ts. 2000 seeds here (npm test), more on demand:
//   npm run swarm -- --runs 10000            seeds 1..10000, failures printed with their seed
//   SWARM_SEED=<seed> npx vitest run tests/swarm.test.ts   replays one run.
// A failure once found and fixed is pinned in REGRESSION_SEEDS (tests/swarm.ts) and runs every time.
import { describe, expect, it } from 'vitest';
import { REGRESSION_SEEDS, swarmRun } from './swarm.ts';

const RUNS = Number(process.env.SWARM_RUNS ?? 2000);

function failuresOf(seeds: number[]): string[] {
  const failures: string[] = [];
  for (const seed of seeds) {
    const r = swarmRun(seed);
    if (r.violations.length) failures.push(`seed ${seed}: ${r.violations[0]}`);
    if (failures.length >= 5) break;
  }
  if (failures.length)
    console.error(`swarm failures (replay with SWARM_SEED=<seed>):\n${failures.join('\n')}`);
  return failures;
}

describe('seeded swarm', () => {
  const only = process.env.SWARM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: RUNS }, (_, i) => i + 1);
  it(`${seeds.length} random runs keep the invariants and converge after healing`, () => {
    expect(failuresOf(seeds)).toEqual([]);
  });
  it.runIf(!only && REGRESSION_SEEDS.length > 0)('the pinned regression seeds still pass', () => {
    expect(failuresOf(REGRESSION_SEEDS.map((r) => r.seed))).toEqual([]);
  });
});
