// The Keyspace object: dispatch, snapshots (clone), the trace dump, the UI listing, randomness.
import { describe, expect, it } from 'vitest';
import { KEYSPACE_COMMANDS, Keyspace } from './keyspace.ts';
import type { ExecContext } from './types.ts';

const T0 = 1764000000000;
const ctx: ExecContext = { nowMs: T0, random: () => 0, fromMaster: false };

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('exec', () => {
  it('returns null for commands the server layer owns', () => {
    const ks = new Keyspace();
    for (const argv of [
      ['PING'],
      ['SELECT', '1'],
      ['PUBLISH', 'c', 'm'],
      ['WAIT', '1', '0'],
      ['nosuch'],
      [],
    ]) {
      expect(ks.exec(0, argv, ctx), JSON.stringify(argv)).toBeNull();
    }
    expect(KEYSPACE_COMMANDS.has('get')).toBe(true);
    expect(KEYSPACE_COMMANDS.has('ping')).toBe(false);
  });

  it('checks arity from the 7.0 table and changes nothing', () => {
    const ks = new Keyspace();
    expect(ks.exec(0, ['SET', 'a'], ctx)).toEqual({
      reply: { t: 'error', v: "ERR wrong number of arguments for 'set' command" },
      propagate: [],
      changed: [],
    });
    expect(ks.exec(0, ['lpop', 'l', '1', '2'], ctx)!.reply).toEqual({
      t: 'error',
      v: "ERR wrong number of arguments for 'lpop' command",
    });
  });

  it('keeps the 16 databases apart; FLUSHDB clears one, FLUSHALL all', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'a', '0'], ctx);
    ks.exec(5, ['SET', 'a', '5'], ctx);
    expect(ks.exec(5, ['GET', 'a'], ctx)!.reply).toEqual({ t: 'bulk', v: '5' });
    expect(ks.exec(5, ['FLUSHDB'], ctx)!.changed).toEqual(['a']);
    expect([ks.dbsize(0), ks.dbsize(5), ks.keyCount()]).toEqual([1, 0, 1]);
    ks.exec(15, ['SET', 'z', '1', 'EX', '10'], ctx);
    expect(ks.expiresCount()).toBe(1);
    ks.exec(3, ['FLUSHALL'], ctx);
    expect(ks.keyCount()).toBe(0);
  });

  it('reports each changed key once', () => {
    const ks = new Keyspace();
    expect(ks.exec(0, ['MSET', 'a', '1', 'b', '2', 'a', '3'], ctx)!.changed).toEqual(['a', 'b']);
    expect(ks.exec(0, ['GET', 'a'], ctx)!.changed).toEqual([]);
    expect(ks.exec(0, ['SADD', 's', 'x'], ctx)!.changed).toEqual(['s']);
    expect(ks.exec(0, ['SADD', 's', 'x'], ctx)!.changed).toEqual([]);
  });
});

describe('clone (the RDB snapshot)', () => {
  it('is a deep copy in effect: writes on either side never show on the other', () => {
    const ks = new Keyspace();
    const setup = [
      ['SET', 's', 'v'],
      ['RPUSH', 'l', 'a', 'b'],
      ['SADD', 'set', 'x'],
      ['HSET', 'h', 'f', 'v'],
      ['ZADD', 'z', '1', 'm'],
      ['SET', 't', 'v', 'EX', '100'],
    ];
    for (const argv of setup) ks.exec(0, argv, ctx);
    const snap = ks.clone();
    const frozen = JSON.stringify(snap.dump(0));
    for (const argv of [
      ['SET', 's', 'w'],
      ['RPUSH', 'l', 'c'],
      ['LPOP', 'l'],
      ['SADD', 'set', 'y'],
      ['HSET', 'h', 'f', 'changed', 'g', 'new'],
      ['ZADD', 'z', '5', 'm', '2', 'n'],
      ['PERSIST', 't'],
      ['DEL', 'h'],
    ]) {
      ks.exec(0, argv, ctx);
    }
    expect(JSON.stringify(snap.dump(0))).toBe(frozen);
    expect(snap.exec(0, ['TTL', 't'], ctx)!.reply).toEqual({ t: 'int', v: 100 });
    // and the other way round
    const before = JSON.stringify(ks.dump(0));
    snap.exec(0, ['RPUSH', 'l', 'from-snapshot'], ctx);
    snap.exec(0, ['SADD', 'set', 'zz'], ctx);
    expect(JSON.stringify(ks.dump(0))).toBe(before);
  });

  // Its speed is a benchmark figure (npm run bench: keyspace.clone_101k_keys_ms), not a timed test.
  it('copies 101k keys, and the copy stays apart from later writes', () => {
    const ks = new Keyspace();
    for (let i = 0; i < 100000; i++) ks.exec(0, ['SET', `key:${i}`, `value:${i}`], ctx);
    for (let i = 0; i < 1000; i++) ks.exec(0, ['RPUSH', `list:${i}`, 'a', 'b', 'c'], ctx);
    const snap = ks.clone();
    ks.exec(0, ['SET', 'key:1', 'changed'], ctx);
    ks.exec(0, ['RPUSH', 'list:1', 'd'], ctx);
    expect(snap.keyCount()).toBe(101000);
    expect(snap.exec(0, ['GET', 'key:1'], ctx)?.reply).toEqual({ t: 'bulk', v: 'value:1' });
    expect(ks.exec(0, ['GET', 'key:1'], ctx)?.reply).toEqual({ t: 'bulk', v: 'changed' });
    expect(snap.exec(0, ['LLEN', 'list:1'], ctx)?.reply).toEqual({ t: 'int', v: 3 });
    expect(ks.exec(0, ['LLEN', 'list:1'], ctx)?.reply).toEqual({ t: 'int', v: 4 });
  });
});

describe('dump (the trace data format)', () => {
  it('lists keys in byte order with each type in its trace form', () => {
    const ks = new Keyspace();
    for (const argv of [
      ['SET', 'b', 'text'],
      ['RPUSH', 'a', 'x', 'y', 'x'],
      ['SADD', 's', 'm2', 'm1', '10'],
      ['HSET', 'h', 'z', '1', 'a', '2'],
      ['ZADD', 'z', '2', 'b', '1', 'c', '1', 'a', 'inf', 'top'],
      ['SET', '\u{1F600}', 'astral'],
      ['SET', '\uFF21', 'bmp'],
    ]) {
      ks.exec(0, argv, ctx);
    }
    const d = ks.dump(0);
    // U+FF21 sorts before U+1F600 in bytes (JS's default sort would put the emoji first).
    expect(Object.keys(d)).toEqual(['a', 'b', 'h', 's', 'z', '\uFF21', '\u{1F600}']);
    expect(d.a).toEqual({ type: 'list', value: ['x', 'y', 'x'] });
    expect(d.b).toEqual({ type: 'string', value: 'text' });
    expect(d.h).toEqual({ type: 'hash', value: { a: '2', z: '1' } });
    expect(Object.keys(d.h.value)).toEqual(['a', 'z']);
    expect(d.s).toEqual({ type: 'set', value: ['10', 'm1', 'm2'] });
    expect(d.z).toEqual({ type: 'zset', value: ['a', 1, 'c', 1, 'b', 2, 'top', 'inf'] });
  });

  it('keys() gives the UI each live key with its type, TTL and size', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'a', 'héllo', 'PXAT', String(T0 + 5000)], ctx);
    ks.exec(0, ['RPUSH', 'l', '1', '2'], ctx);
    expect(ks.keys(0)).toEqual([
      { key: 'a', type: 'string', expiresAt: T0 + 5000, size: 6 },
      { key: 'l', type: 'list', expiresAt: null, size: 2 },
    ]);
    expect(ks.keys(0, T0 + 6000).map((k) => k.key)).toEqual(['l']);
  });
});

describe('randomness comes only from ctx.random', () => {
  it('the same seed gives the same SPOP/SRANDMEMBER/RANDOMKEY choices', () => {
    const runOnce = (seed: number) => {
      const ks = new Keyspace();
      const c: ExecContext = { nowMs: T0, random: seeded(seed), fromMaster: false };
      ks.exec(0, ['SADD', 's', ...Array.from({ length: 50 }, (_, i) => `m${i}`)], c);
      for (let i = 0; i < 20; i++) ks.exec(0, ['SET', `k${i}`, 'v'], c);
      return [
        ks.exec(0, ['SPOP', 's'], c),
        ks.exec(0, ['SPOP', 's', '3'], c),
        ks.exec(0, ['SRANDMEMBER', 's', '-4'], c),
        ks.exec(0, ['SRANDMEMBER', 's', '4'], c),
        ks.exec(0, ['RANDOMKEY'], c),
      ];
    };
    expect(runOnce(7)).toEqual(runOnce(7));
    expect(runOnce(7)).not.toEqual(runOnce(8));
  });

  it('RANDOMKEY on a master deletes expired keys it draws (propagating DEL) and draws again', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'old', '1', 'PX', '1'], ctx);
    ks.exec(0, ['SET', 'live', '1'], ctx);
    const later: ExecContext = { ...ctx, nowMs: T0 + 10, random: () => 0 };
    expect(ks.exec(0, ['RANDOMKEY'], later)).toEqual({
      reply: { t: 'bulk', v: 'live' },
      propagate: [['DEL', 'old']],
      changed: ['old'],
    });
  });
});
