// What goes into the replication stream, in bytes: the spec's table (redis-replication.md §1,
// scenario k on a real 7.0.15). The keyspace returns the rewritten commands; the server adds
// SELECT and wraps more than one entry in MULTI/EXEC.
import { describe, expect, it } from 'vitest';
import { type Argv, respSize } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';
import type { ExecContext } from './types.ts';

const NOW = 1764000000000;
const ctx: ExecContext = { nowMs: NOW, random: () => 0, fromMaster: false };
const MULTI_EXEC = respSize(['MULTI']) + respSize(['EXEC']);

function run(ks: Keyspace, argv: Argv) {
  const res = ks.exec(0, argv, ctx)!;
  const bytes =
    res.propagate.reduce((n, p) => n + respSize(p), 0) + (res.propagate.length > 1 ? MULTI_EXEC : 0);
  return { ...res, bytes };
}

describe('propagation rewrites and byte counts (scenario k)', () => {
  it('SET a 1 → 27 bytes; SET a 2 when a is already "2" still propagates', () => {
    const ks = new Keyspace();
    expect(run(ks, ['SET', 'a', '1']).bytes).toBe(27);
    expect(run(ks, ['SET', 'a', '2']).bytes).toBe(27);
    expect(run(ks, ['SET', 'a', '2'])).toMatchObject({ propagate: [['SET', 'a', '2']], bytes: 27 });
  });

  it('DEL of a missing key propagates nothing', () => {
    expect(run(new Keyspace(), ['DEL', 'does-not-exist'])).toMatchObject({ propagate: [], bytes: 0 });
  });

  it('SET ttl v EX 1000 → SET ttl v PXAT 1764001000000 (59 bytes)', () => {
    expect(run(new Keyspace(), ['SET', 'ttl', 'v', 'EX', '1000'])).toMatchObject({
      propagate: [['SET', 'ttl', 'v', 'PXAT', '1764001000000']],
      bytes: 59,
    });
  });

  it('EXPIRE a 1000 → PEXPIREAT a 1764001000000 (46 bytes); a past time → DEL a', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'a', '2']);
    expect(run(ks, ['EXPIRE', 'a', '1000'])).toMatchObject({
      propagate: [['PEXPIREAT', 'a', '1764001000000']],
      bytes: 46,
    });
    expect(run(ks, ['EXPIRE', 'a', '-1'])).toMatchObject({
      reply: { t: 'int', v: 1 },
      propagate: [['DEL', 'a']],
    });
  });

  it('INCRBYFLOAT f 1.5 → SET f 1.5 KEEPTTL (42 bytes)', () => {
    expect(run(new Keyspace(), ['INCRBYFLOAT', 'f', '1.5'])).toMatchObject({
      reply: { t: 'bulk', v: '1.5' },
      propagate: [['SET', 'f', '1.5', 'KEEPTTL']],
      bytes: 42,
    });
  });

  it('SPOP s → SREM s m1 (29 bytes), upper-case whatever was typed', () => {
    const ks = new Keyspace();
    expect(run(ks, ['SADD', 's', 'm1']).bytes).toBe(29);
    expect(run(ks, ['spop', 's'])).toMatchObject({
      reply: { t: 'bulk', v: 'm1' },
      propagate: [['SREM', 's', 'm1']],
      bytes: 29,
    });
  });

  it('SPOP s 2 → one SREM per member (wrapped by the server); SPOP s n ≥ size → DEL s', () => {
    const ks = new Keyspace();
    run(ks, ['SADD', 's', 'm1', 'm2', 'm3']);
    const two = run(ks, ['SPOP', 's', '2']);
    expect(two.propagate).toHaveLength(2);
    expect(two.propagate.every((p) => p[0] === 'SREM' && p[1] === 's')).toBe(true);
    expect(run(ks, ['SPOP', 's', '5']).propagate).toEqual([['DEL', 's']]);
  });

  it('EVAL with set and incr → set …, incr … in the script case: 85 bytes with MULTI/EXEC', () => {
    const ks = new Keyspace();
    const res = run(ks, [
      'EVAL',
      "redis.call('set', KEYS[1], ARGV[1]) redis.call('incr', 'evalcount') return 1",
      '1',
      'e',
      '1',
    ]);
    expect(res).toMatchObject({
      reply: { t: 'int', v: 1 },
      propagate: [
        ['set', 'e', '1'],
        ['incr', 'evalcount'],
      ],
      bytes: 85,
    });
  });

  it('FLUSHALL → 18 bytes, even on an empty keyspace', () => {
    expect(run(new Keyspace(), ['FLUSHALL']).bytes).toBe(18);
  });

  it('integers keep their decimal form; big values count in UTF-8 bytes', () => {
    const ks = new Keyspace();
    expect(run(ks, ['INCRBY', 'n', '-100']).propagate).toEqual([['INCRBY', 'n', '-100']]);
    expect(run(ks, ['SET', 'big', 'x'.repeat(100000)]).bytes).toBe(100033);
    expect(run(ks, ['SET', 'u', 'é']).bytes).toBe(4 + 9 + 7 + 8);
  });

  it('no-op writes propagate nothing: SADD existing, SREM/HDEL/ZREM missing, ZADD same score, NX refused', () => {
    const ks = new Keyspace();
    run(ks, ['SADD', 's', 'x']);
    run(ks, ['HSET', 'h', 'f', 'v']);
    run(ks, ['ZADD', 'z', '1', 'm']);
    run(ks, ['SET', 'k', 'v']);
    for (const argv of [
      ['SADD', 's', 'x'],
      ['SREM', 's', 'nope'],
      ['HDEL', 'h', 'nope'],
      ['ZREM', 'z', 'nope'],
      ['ZADD', 'z', '1', 'm'],
      ['SET', 'k', 'w', 'NX'],
      ['MSETNX', 'k', '1'],
      ['PERSIST', 'k'],
      ['LPOP', 'nolist'],
      ['GETDEL', 'nokey'],
      ['EXPIRE', 'nokey', '10'],
      ['RENAME', 'k', 'k'],
    ]) {
      expect(run(ks, argv).propagate, JSON.stringify(argv)).toEqual([]);
    }
  });

  it('HSET with the same value still propagates (Redis counts every pair as dirty)', () => {
    const ks = new Keyspace();
    run(ks, ['HSET', 'h', 'f', 'v']);
    expect(run(ks, ['HSET', 'h', 'f', 'v']).propagate).toEqual([['HSET', 'h', 'f', 'v']]);
  });

  it('SET … GET drops GET; SETEX/PSETEX/GETSET/GETDEL/GETEX are rewritten', () => {
    const ks = new Keyspace();
    expect(run(ks, ['set', 'g', '1', 'xx', 'get']).propagate).toEqual([]);
    expect(run(ks, ['set', 'g', '1', 'get']).propagate).toEqual([['set', 'g', '1']]);
    expect(run(ks, ['setex', 'g', '10', 'v']).propagate).toEqual([
      ['SET', 'g', 'v', 'PXAT', String(NOW + 10000)],
    ]);
    expect(run(ks, ['psetex', 'g', '10', 'v']).propagate).toEqual([
      ['SET', 'g', 'v', 'PXAT', String(NOW + 10)],
    ]);
    expect(run(ks, ['getset', 'g', 'w']).propagate).toEqual([['SET', 'g', 'w']]);
    expect(run(ks, ['getex', 'g', 'ex', '5']).propagate).toEqual([['PEXPIREAT', 'g', String(NOW + 5000)]]);
    expect(run(ks, ['getex', 'g', 'persist']).propagate).toEqual([['PERSIST', 'g']]);
    expect(run(ks, ['getex', 'g', 'pxat', '1']).propagate).toEqual([['DEL', 'g']]);
    run(ks, ['SET', 'g', 'v']);
    expect(run(ks, ['getdel', 'g']).propagate).toEqual([['DEL', 'g']]);
  });
});
