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

// Probe r1 (WAIT right after setup), real redis-server 7.0.15: A with setup replicas B and C, step 1
// `WAIT 2 200` on A with no write before it. The real setup ends once both replicas are loaded and
// listed online (C asked while B's BGSAVE ran, so it waited for the next one), so WAIT answers 2 at
// once and nothing enters the stream: master_repl_offset 0. The engine used to stop at C's answered
// PSYNC (C still wait_bgsave), block the WAIT and send REPLCONF GETACK *: offset 37.
describe('setup ends with every diskless setup replica online', () => {
  it('WAIT 2 right after setup answers 2 without a GETACK (offset stays 0)', () => {
    const t = runScenario({
      name: 'r1_wait_after_setup',
      nodes: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' } },
      steps: [{ op: 'write', node: 'A', cmd: ['WAIT', '2', '200'] }],
    });
    const setup = t.steps[0].snapshot.A.replication;
    expect(setup).toMatchObject({ slave0: { state: 'online' }, slave1: { state: 'online' } });
    expect(t.steps[1].result).toMatchObject({ reply: 2 });
    expect(t.steps[1].snapshot.A.replication?.master_repl_offset).toBe(0);
  });
});
