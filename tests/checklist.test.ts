// The 20-point checklist over real engine runs: scenarios played through the worker session as the
// page plays them, each checked for the points it must tick and for the ones it must not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Checklist, emptyChecklist, observe } from '../src/engine/lesson/index.ts';
import { Session } from '../src/worker/session.ts';

function play(name: string, seconds = 60): Checklist {
  const json = JSON.parse(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8'));
  const s = new Session();
  const c = emptyChecklist();
  const r = s.handle({ type: 'load', seed: 1, source: { kind: 'scenario', name, json } });
  if (r.type !== 'ready') throw new Error(JSON.stringify(r));
  observe(c, r.frame.events);
  for (let t = 1; t <= seconds; t++) {
    const f = s.handle({ type: 'advance', to: t * 1_000_000 });
    if (f.type === 'frame') observe(c, f.frame.events);
  }
  return c;
}

const seen = (c: Checklist) =>
  Object.keys(c.seen)
    .map(Number)
    .sort((a, b) => a - b);

describe('checklist over scenario runs', () => {
  it('a first attach shows the handshake and a full sync, but no partial sync and no overflow', () => {
    const c = play('a_initial_attach');
    expect(seen(c)).toEqual(expect.arrayContaining([2, 3, 5, 6, 7, 12, 15, 16, 17]));
    for (const p of [9, 10, 14, 19, 20] as const) expect(c.seen[p]).toBeUndefined();
  });

  it('a short drop resyncs partially: conditions, +CONTINUE with backlog bytes, the stream applied', () => {
    const c = play('b_short_drop_partial');
    expect(seen(c)).toEqual(expect.arrayContaining([9, 10, 13, 19]));
    expect(c.advantages.reconnect).toBeDefined();
    expect(c.seen[20]).toBeUndefined();
  });

  it('a backlog overflow forces a full sync: points 11 and 20', () => {
    const c = play('c_backlog_overflow_full');
    expect(seen(c)).toEqual(expect.arrayContaining([11, 12, 20]));
  });

  it('a chained full resync drops the sub-replica (point 14)', () => {
    expect(play('h_chained_full_resync').seen[14]).toBeDefined();
  });

  it('a chain kept in partial sync does not drop its sub-replica', () => {
    expect(play('h2_chain_partial_keeps_subreplica').seen[14]).toBeUndefined();
  });

  it('masterauth errors show PING and AUTH', () => {
    expect(seen(play('i_masterauth_errors'))).toEqual(expect.arrayContaining([3, 4]));
  });

  it('a failover shows replid2 and a master switch ending in +CONTINUE', () => {
    const c = play('f_failover_promote_partial');
    expect(c.seen[8]).toBeDefined();
    expect(c.advantages.switch).toBeDefined();
    expect(c.seen[1]).toBeDefined();
  });

  it('a replica restarted from its RDB resyncs partially (the restart part of point 18)', () => {
    const c = play('d_replica_restart_save_partial');
    expect(c.advantages.restart).toBeDefined();
    expect(c.advantages.switch).toBeUndefined();
  });

  it('a replica restarted without an RDB does not count as a restart advantage', () => {
    const c = play('e_replica_restart_nosave_full');
    expect(c.advantages.restart).toBeUndefined();
    // It asks PSYNC ? -1: a full sync it requested, not a failed check (point 11 waits for one).
    expect(c.full.B).toBe(true);
    expect(c.seen[11]).toBeUndefined();
  });

  it('every point ticks once, at the time of the first event that showed it', () => {
    const c = emptyChecklist();
    const ev = { type: 'rdb.phase', node: 'B', phase: 'rename', at: 5, seq: 1 } as const;
    expect(observe(c, [ev])).toEqual([15]);
    expect(observe(c, [{ ...ev, at: 9 }])).toEqual([]);
    expect(c.seen[15]).toBe(5);
  });
});
