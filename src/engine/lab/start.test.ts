// Setup with a delayed diskless sync: the real runner's setup counts a replica that its master
// holds for the delayed BGSAVE (listed wait_bgsave) as answered, so the +FULLRESYNC, which comes
// when the BGSAVE starts, lands in step 1. Real redis-server 7.0.15 (probe r19: B a setup replica
// of A, repl-diskless-sync-delay 1, step 1 a wait-sync): outcome `s1:B=FULLRESYNC@0`.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

describe('setup with repl-diskless-sync-delay', () => {
  it('a setup replica held for the delayed BGSAVE gets its FULLRESYNC in step 1, not in setup', () => {
    const t = runScenario({
      name: 'setup_delay',
      config: { 'repl-diskless-sync-delay': '1' },
      nodes: { A: {}, B: { replicaof: 'A' } },
      steps: [{ op: 'wait-sync' }],
    });
    expect(t.steps[0].snapshot.A.replication?.slave0).toMatchObject({ state: 'wait_bgsave' });
    expect(
      t.outcome.events.filter((e) => e.replica).map((e) => `s${e.step}:${e.replica}=${e.result}`),
    ).toEqual(['s1:B=FULLRESYNC']);
  });
});
