// Expiry: who deletes a key whose TTL passed, what goes into the stream, and active expiry order.
// Master and replica behaviour checked on real 7.0.15 (a replica: GET nil, EXISTS 0, TTL -2, KEYS
// skips it, DBSIZE still counts it until the master's DEL arrives).
import { describe, expect, it } from 'vitest';
import { Keyspace } from './keyspace.ts';
import type { ExecContext } from './types.ts';

const T0 = 1764000000000;
const at = (nowMs: number, extra: Partial<ExecContext> = {}): ExecContext => ({
  nowMs,
  random: () => 0,
  fromMaster: false,
  ...extra,
});

function withTtl(): Keyspace {
  const ks = new Keyspace();
  ks.exec(0, ['SET', 'k', 'v', 'PX', '100'], at(T0)); // expires at T0+100
  ks.exec(0, ['SET', 'p', 'v'], at(T0));
  return ks;
}

describe('lazy expiry', () => {
  it('a key is live up to and including its expire time (Redis: expired when now > when)', () => {
    const ks = withTtl();
    expect(ks.exec(0, ['GET', 'k'], at(T0 + 100))!.reply).toEqual({ t: 'bulk', v: 'v' });
    expect(ks.exec(0, ['PTTL', 'k'], at(T0 + 100))!.reply).toEqual({ t: 'int', v: 0 });
    expect(ks.exec(0, ['GET', 'k'], at(T0 + 101))!.reply).toEqual({ t: 'bulk', v: null });
  });

  it('on a master a read deletes it and propagates DEL before the command itself', () => {
    const ks = withTtl();
    const r = ks.exec(0, ['GET', 'k'], at(T0 + 200))!;
    expect(r).toEqual({ reply: { t: 'bulk', v: null }, propagate: [['DEL', 'k']], changed: ['k'] });
    expect(ks.dbsize(0)).toBe(1);
    expect(ks.stats.expiredKeys).toBe(1);
    const ks2 = withTtl();
    expect(ks2.exec(0, ['INCR', 'k'], at(T0 + 200))!.propagate).toEqual([
      ['DEL', 'k'],
      ['INCR', 'k'],
    ]);
  });

  it('DBSIZE counts an expired key nobody touched; dump and KEYS leave it out', () => {
    const ks = withTtl();
    expect(ks.exec(0, ['DBSIZE'], at(T0 + 200))!.reply).toEqual({ t: 'int', v: 2 });
    expect(ks.exec(0, ['KEYS', '*'], at(T0 + 200))!).toMatchObject({
      reply: { t: 'array', v: [{ t: 'bulk', v: 'p' }] },
      propagate: [],
    });
    expect(Object.keys(ks.dump(0, T0 + 200))).toEqual(['p']);
    expect(ks.dbsize(0)).toBe(2);
  });

  it('on a replica (ordinary client) reads miss it but it stays for the master DEL', () => {
    const ks = withTtl();
    const replica = at(T0 + 200, { replica: true });
    for (const [argv, reply] of [
      [['GET', 'k'], { t: 'bulk', v: null }],
      [['EXISTS', 'k'], { t: 'int', v: 0 }],
      [['TTL', 'k'], { t: 'int', v: -2 }],
      [['TYPE', 'k'], { t: 'simple', v: 'none' }],
      [['DBSIZE'], { t: 'int', v: 2 }],
    ] as const) {
      const r = ks.exec(0, [...argv], replica)!;
      expect({ reply: r.reply, propagate: r.propagate, changed: r.changed }, JSON.stringify(argv)).toEqual({
        reply,
        propagate: [],
        changed: [],
      });
      // The lab is told which reads met a key whose TTL passed (DBSIZE reads no key).
      expect(r.expiredOnReplica, JSON.stringify(argv)).toEqual(argv[0] === 'DBSIZE' ? undefined : ['k']);
    }
    expect(ks.dbsize(0)).toBe(2);
    expect(ks.stats.expiredKeys).toBe(0);
    // The master's DEL then removes it.
    expect(ks.exec(0, ['DEL', 'k'], at(T0 + 200, { fromMaster: true }))!.reply).toEqual({ t: 'int', v: 1 });
    expect(ks.dbsize(0)).toBe(1);
  });

  it("commands from the master's stream see the key as live (expireIfNeeded returns 0 for server.master)", () => {
    const ks = withTtl();
    const r = ks.exec(0, ['APPEND', 'k', 'x'], at(T0 + 200, { fromMaster: true }))!;
    expect(r.reply).toEqual({ t: 'int', v: 2 });
    expect(ks.dbs[0].data.get('k')).toBe('vx');
  });

  it('a writable replica deletes it silently on a write', () => {
    const ks = withTtl();
    const r = ks.exec(0, ['SET', 'k', 'new', 'NX'], at(T0 + 200, { replica: true }))!;
    expect(r.reply).toEqual({ t: 'simple', v: 'OK' });
    expect(r.propagate).toEqual([['SET', 'k', 'new', 'NX']]);
  });

  it('EXPIRE with a past time deletes on a master but only sets the TTL on a replica', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'a', '1'], at(T0));
    expect(ks.exec(0, ['PEXPIREAT', 'a', '5'], at(T0, { replica: true }))!.propagate).toEqual([
      ['PEXPIREAT', 'a', '5'],
    ]);
    expect(ks.dbsize(0)).toBe(1);
    ks.exec(0, ['SET', 'b', '1'], at(T0));
    expect(ks.exec(0, ['PEXPIREAT', 'b', '5'], at(T0))!.propagate).toEqual([['DEL', 'b']]);
  });

  it('SET keeps or drops the TTL as Redis does: KEEPTTL, INCR, APPEND, SETRANGE-like writes keep it', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'n', '1', 'EX', '100'], at(T0));
    for (const argv of [
      ['INCR', 'n'],
      ['APPEND', 'n', '0'],
      ['INCRBYFLOAT', 'n', '1'],
      ['SET', 'n', '5', 'KEEPTTL'],
    ]) {
      ks.exec(0, argv, at(T0));
      expect(ks.exec(0, ['TTL', 'n'], at(T0))!.reply, JSON.stringify(argv)).toEqual({ t: 'int', v: 100 });
    }
    ks.exec(0, ['SET', 'n', '5'], at(T0));
    expect(ks.exec(0, ['TTL', 'n'], at(T0))!.reply).toEqual({ t: 'int', v: -1 });
  });

  it('TTL rounds to the nearest second, PTTL is exact', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'a', '1', 'PX', '2500'], at(T0));
    expect(ks.exec(0, ['TTL', 'a'], at(T0))!.reply).toEqual({ t: 'int', v: 3 });
    expect(ks.exec(0, ['TTL', 'a'], at(T0 + 1001))!.reply).toEqual({ t: 'int', v: 1 });
    expect(ks.exec(0, ['PTTL', 'a'], at(T0 + 1001))!.reply).toEqual({ t: 'int', v: 1499 });
  });
});

describe('activeExpire', () => {
  it('deletes due keys earliest first, ties by db then key bytes, and reports them', () => {
    const ks = new Keyspace();
    ks.exec(3, ['SET', 'z', '1', 'PXAT', String(T0 + 10)], at(T0));
    ks.exec(0, ['SET', 'b', '1', 'PXAT', String(T0 + 10)], at(T0));
    ks.exec(0, ['SET', 'a', '1', 'PXAT', String(T0 + 20)], at(T0));
    ks.exec(0, ['SET', 'c', '1', 'PXAT', String(T0 + 5)], at(T0));
    ks.exec(0, ['SET', 'later', '1', 'PXAT', String(T0 + 1000)], at(T0));
    expect(ks.activeExpire(T0 + 10)).toEqual([{ db: 0, key: 'c' }]);
    expect(ks.activeExpire(T0 + 100)).toEqual([
      { db: 0, key: 'b' },
      { db: 3, key: 'z' },
      { db: 0, key: 'a' },
    ]);
    expect(ks.keyCount()).toBe(1);
    expect(ks.stats.expiredKeys).toBe(4);
  });

  it('stops after maxKeys and continues on the next call', () => {
    const ks = new Keyspace();
    for (const k of ['a', 'b', 'c']) ks.exec(0, ['SET', k, '1', 'PXAT', String(T0 + 1)], at(T0));
    expect(ks.activeExpire(T0 + 5, 2)).toHaveLength(2);
    expect(ks.activeExpire(T0 + 5, 2)).toEqual([{ db: 0, key: 'c' }]);
  });

  it('ignores TTLs that were replaced, removed or deleted with their key', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'moved', '1', 'PXAT', String(T0 + 10)], at(T0));
    ks.exec(0, ['PEXPIREAT', 'moved', String(T0 + 50)], at(T0));
    ks.exec(0, ['SET', 'kept', '1', 'PXAT', String(T0 + 10)], at(T0));
    ks.exec(0, ['PERSIST', 'kept'], at(T0));
    ks.exec(0, ['SET', 'gone', '1', 'PXAT', String(T0 + 10)], at(T0));
    ks.exec(0, ['SET', 'gone', '2'], at(T0));
    expect(ks.activeExpire(T0 + 20)).toEqual([]);
    expect(ks.activeExpire(T0 + 60)).toEqual([{ db: 0, key: 'moved' }]);
    expect(ks.keyCount()).toBe(2);
  });

  it('keeps its index small when TTLs are rewritten over and over', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'k', '1'], at(T0));
    for (let i = 0; i < 5000; i++) ks.exec(0, ['PEXPIRE', 'k', String(100000 + i)], at(T0));
    expect(ks.index.size).toBeLessThanOrEqual(2 * 1 + 1024 + 1);
    expect(ks.activeExpire(T0 + 200000)).toEqual([{ db: 0, key: 'k' }]);
  });
});
