// Databases in a scenario's writes, checked against real redis-server 7.0.15 (probe p19, B cut
// from A so each write's stream bytes show in A's offset). `write` goes through the runner's
// persistent connection for its db (db 0's unless `db`): a SELECT inside a MULTI moves that
// connection for good, and a script's SELECT moves only the script's later calls.
// Real deltas: MULTI{SET a, SELECT 2, SET b} 129 · SET c 27 (already in db 2) · EVAL{select 5,
// set s} 50 (SELECT 5 + SET) · SET d 50 (SELECT 2 + SET: the caller is still in db 2) · db 5's
// SET e 50 · FLUSHDB 40 (SELECT 2 + FLUSHDB) · SET f 27; db 0 then holds only `a`.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';
import type { Step } from './types.ts';

describe('databases of scenario writes (probe p19)', () => {
  it('per-db connections and a script SELECT give real 7.0.15 stream bytes and data', () => {
    const steps: Step[] = [
      { op: 'wait-sync' },
      { op: 'disconnect-link', replica: 'B' },
      {
        op: 'write',
        node: 'A',
        cmds: [['MULTI'], ['SET', 'a', '1'], ['SELECT', '2'], ['SET', 'b', '2'], ['EXEC']],
      },
      { op: 'write', node: 'A', cmd: ['SET', 'c', '3'] },
      {
        op: 'write',
        node: 'A',
        cmd: ['EVAL', "redis.call('select','5') redis.call('set','s','1') return 1", '0'],
      },
      { op: 'write', node: 'A', cmd: ['SET', 'd', '4'] },
      { op: 'write', node: 'A', db: 5, cmd: ['SET', 'e', '5'] },
      { op: 'write', node: 'A', cmd: ['FLUSHDB'] },
      { op: 'write', node: 'A', cmd: ['SET', 'f', '6'] },
    ];
    const t = runScenario({ name: 'p19', proxyLinks: true, nodes: { A: {}, B: { replicaof: 'A' } }, steps });
    const deltas = t.steps.slice(3).map((s) => (s.result as { totalDelta: number }).totalDelta);
    expect(deltas).toEqual([129, 27, 50, 50, 50, 40, 27]);
    expect(t.steps.at(-1)!.snapshot.A.data).toEqual({ a: { type: 'string', value: '1' } });
  });
});
