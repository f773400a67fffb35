// A polling wait's snapshot comes after what follows its condition on the wire (POLL_SNAPSHOT_MS).
// Probe p15, real redis-server 7.0.15: A master, B and C replicas; B frozen, one more write, then
// `FAILOVER TIMEOUT 3000` on A and a `wait` until C's role is master. C turns master in the same
// event in which it answers A's `PSYNC … FAILOVER`, and the real runner, which sees C's role
// through an INFO poll and only then reads every node, has `s7:A=CONTINUE` in the wait's step.
// The engine, stopping at the exact moment C turned master, put A's +CONTINUE in step 8.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

describe('polling waits', () => {
  it("a wait until C is master holds A's +CONTINUE from C (FAILOVER, probe p15)", () => {
    const t = runScenario({
      name: 'p15_failover_frozen_first',
      nodes: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' } },
      steps: [
        { op: 'wait-sync' },
        { op: 'write', node: 'A', cmd: ['SET', 'k:{i}', 'v{i}'], repeat: 3 },
        { op: 'wait-sync' },
        { op: 'stop', node: 'B' },
        { op: 'write', node: 'A', cmd: ['SET', 'x', '1'] },
        { op: 'cmd', node: 'A', cmds: [['FAILOVER', 'TIMEOUT', '3000']] },
        { op: 'wait', node: 'C', section: 'replication', until: { role: 'master' }, timeoutMs: 5000 },
        { op: 'cont', node: 'B' },
        { op: 'wait-sync' },
      ],
    });
    const results = t.outcome.events
      .filter((e) => e.replica)
      .map((e) => `s${e.step}:${e.replica}=${e.result}`);
    expect(results).toEqual(['s0:B=FULLRESYNC', 's0:C=FULLRESYNC', 's7:A=CONTINUE', 's8:B=CONTINUE']);
  });
});
