// REPLICAOF that closes a loop (A → B → A) is allowed, as in Redis 7.0.15. Checked on real
// redis-server 7.0.15 (two nodes, B replica of A, one SET, then `A REPLICAOF B`): A logs
// "Trying a partial resynchronization (request <replid>:51)", B accepts ("Sending 0 bytes of
// backlog starting from offset 51"), both INFO replication show role:slave, master_link_status:up,
// the other listed `state=online,offset=50`, master_repl_offset:50, and `SET x 1` on A answers
// READONLY. The lab's engine must do the same (the why card 'replicationLoop' explains it).
import { describe, expect, it } from 'vitest';
import { advanceLab, applyInput, runCommand, startedLab } from '../src/engine/index.ts';

const SEC = 1_000_000;

describe('REPLICAOF closing a loop', () => {
  it('A → B → A: +CONTINUE at 51, both links up, offsets frozen at 50, writes refused', () => {
    const lab = startedLab(1, {
      nodes: [
        { name: 'A', replicaof: null },
        { name: 'B', replicaof: 'A' },
      ],
      config: { 'repl-diskless-sync-delay': '0' },
    });
    const w = lab.w;
    advanceLab(lab, 2 * SEC);
    applyInput(lab, { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] });
    advanceLab(lab, 3 * SEC);
    const a = w.nodes.get('A')!;
    const b = w.nodes.get('B')!;
    expect(a.masterReplOffset).toBe(50);
    const r = runCommand(lab, a, ['REPLICAOF', '127.0.0.1', String(b.port)]);
    expect(r).toEqual({ reply: { t: 'simple', v: 'OK' } });
    advanceLab(lab, 10 * SEC);
    expect(a.log.join('\n')).toContain(`Trying a partial resynchronization (request ${a.replid}:51)`);
    expect(b.log.join('\n')).toContain('Sending 0 bytes of backlog starting from offset 51');
    for (const [n, peer] of [
      [a, 'B'],
      [b, 'A'],
    ] as const) {
      expect(n.link?.state).toBe('REPL_STATE_CONNECTED');
      expect(n.masterReplOffset).toBe(50);
      expect(n.slaves.map((s) => `${s.peer}:${s.replstate}:${s.ackOff}`)).toEqual([`${peer}:online:50`]);
    }
    expect(runCommand(lab, a, ['SET', 'x', '1'])).toEqual({
      reply: { t: 'error', v: "READONLY You can't write against a read only replica." },
    });
  });
});
