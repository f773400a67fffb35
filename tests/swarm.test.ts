// Seeded swarm: see tests/swarm.ts. A failure prints its seed:
//   SWARM_SEED=<seed> npx vitest run tests/swarm.test.ts   replays one run.
import { describe, expect, it } from 'vitest';
import { swarmRun } from './swarm.ts';

const RUNS = Number(process.env.SWARM_RUNS ?? 2000);

describe('seeded swarm', () => {
  const only = process.env.SWARM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: RUNS }, (_, i) => i + 1);
  it(`${seeds.length} random runs keep the invariants and converge after healing`, () => {
    const failures: string[] = [];
    for (const seed of seeds) {
      const r = swarmRun(seed);
      if (r.violations.length) failures.push(`seed ${seed}: ${r.violations[0]}`);
      if (failures.length >= 5) break;
    }
    if (failures.length)
      console.error(`swarm failures (replay with SWARM_SEED=<seed>):\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
  });
});
