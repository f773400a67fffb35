// A writable replica expires the TTLs its own clients set, and only those. Real redis-server
// 7.0.15 (probe r81): on a replica with replica-read-only no, `SET local v PX 200` and
// `SET local2 v`; 2.5 s later DBSIZE is 2 (local gone, expired_keys 1) and nothing entered the
// stream. A key with a TTL from the master stays until the master's DEL (pc_expired_key_on_replica).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

describe('writable replica TTLs (expireSlaveKeys)', () => {
  it('the replica deletes a key whose TTL one of its clients set, without touching the stream', () => {
    const t = runScenario({
      name: 'slave_keys',
      nodes: { A: {}, B: { replicaof: 'A', config: { 'replica-read-only': 'no' } } },
      steps: [
        { op: 'wait-sync' },
        { op: 'write', node: 'A', cmd: ['SET', 'm', '1'] },
        { op: 'write', node: 'B', cmd: ['SET', 'local', 'v', 'PX', '200'] },
        { op: 'write', node: 'B', cmd: ['SET', 'local2', 'v'] },
        { op: 'sleep', ms: 2500 },
        { op: 'wait-sync' },
      ],
    });
    const b = t.steps[6].snapshot.B;
    expect([b.dbsize, b.stats?.expired_keys]).toEqual([2, 1]);
    expect(b.replication?.master_repl_offset).toBe(t.steps[6].snapshot.A.replication?.master_repl_offset);
  });
});
