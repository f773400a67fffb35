// A cut belongs to one replica→master link, as the harness's proxy does (one proxy per pair).
// Checked on real redis-server 7.0.15 (probe r5, proxyLinks): C is cut from A, B is promoted,
// then `C REPLICAOF B` reaches B at once and continues through B's replid2 (C was behind B's
// promotion point 178, asking 144); D, which read past it (211 > 178), gets FULLRESYNC@177; A,
// the old master at 211, too (FULLRESYNC@230 after one write on B). B's counters: full 2,
// partial_ok 1, partial_err 2. Before, the engine kept C's cut on C itself, so its new link to B
// was refused and it never synced.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

const scenario = {
  name: 'cut_pair',
  proxyLinks: true,
  nodes: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' }, D: { replicaof: 'A' } },
  steps: [
    { op: 'wait-sync' },
    { op: 'write', node: 'A', cmd: ['SET', 'k:{i}', 'v{i}'], repeat: 4 },
    { op: 'wait-sync' },
    { op: 'disconnect-link', replica: 'C' },
    { op: 'write', node: 'A', cmd: ['SET', 'c-missed', '1'] },
    { op: 'wait-sync', nodes: ['A', 'B', 'D'] },
    { op: 'disconnect-link', replica: 'B' },
    { op: 'write', node: 'A', cmd: ['SET', 'b-missed', '1'] },
    { op: 'wait-sync', nodes: ['A', 'D'] },
    { op: 'disconnect-link', replica: 'D' },
    { op: 'replicaof', node: 'B', master: null },
    { op: 'replicaof', node: 'C', master: 'B' },
    { op: 'replicaof', node: 'D', master: 'B' },
    { op: 'write', node: 'B', cmd: ['SET', 'on-b', '1'] },
    { op: 'replicaof', node: 'A', master: 'B' },
    { op: 'wait-sync' },
  ],
};

describe('a cut link is one replica→master pair', () => {
  it('a replica cut from A and re-pointed to B connects to B; outcomes as on real 7.0.15', () => {
    const t = runScenario(scenario);
    const events = t.outcome.events
      .filter((e) => e.step > 0 && e.replica)
      .map((e) => `s${e.step}:${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`);
    expect(events).toEqual(['s12:C=CONTINUE', 's13:D=FULLRESYNC@177', 's15:A=FULLRESYNC@230']);
    const last = t.steps[t.steps.length - 1];
    expect(last.result).toMatchObject({ ok: true });
    const b = last.snapshot.B.stats!;
    expect([b.sync_full, b.sync_partial_ok, b.sync_partial_err]).toEqual([2, 1, 2]);
    for (const n of ['A', 'C', 'D']) expect(last.snapshot[n].replication?.master_link_status).toBe('up');
    expect(last.snapshot.C.replication?.second_repl_offset).toBe(144);
  });
});
