// What golden.test.ts cannot see (it reads db 0 only, and no encodings): COPY/MOVE into another
// db, their lazily expired destinations there (what a replica then applies), and the encodings the
// new writes leave. Every expectation was checked on a real 7.0.15 (redis-cli, OBJECT ENCODING, a
// PSYNC'd pseudo-replica reading the stream).
import { describe, expect, it } from 'vitest';
import { type Argv, bulk, formatReply, int, respSize, utf8Length } from '../core/resp.ts';
import { compareBytes, utf8Decode, utf8Encode } from './bytes.ts';
import { Keyspace } from './keyspace.ts';
import type { ExecContext } from './types.ts';

const NOW = 1764000000000;
const at = (nowMs: number, extra: Partial<ExecContext> = {}): ExecContext => ({
  nowMs,
  random: () => 0,
  fromMaster: false,
  ...extra,
});

function run(ks: Keyspace, argv: Argv, ctx = at(NOW), db = 0) {
  return ks.exec(db, argv, ctx)!;
}

/** A replica applying a master's entries for db 0, following the SELECTs among them. */
function apply(ks: Keyspace, entries: Argv[], nowMs: number): void {
  let db = 0;
  for (const e of entries) {
    if (e[0] === 'SELECT') db = Number(e[1]);
    else ks.exec(db, e, at(nowMs, { fromMaster: true }));
  }
}

const encodingOf = (ks: Keyspace, key: string, db = 0) => {
  const v = ks.dbs[db].data.get(key);
  return typeof v === 'object' && 'enc' in v ? v.enc : undefined;
};

describe('COPY and MOVE across databases', () => {
  it('COPY … DB 1 copies value and TTL; the copy changes on its own', () => {
    const ks = new Keyspace();
    run(ks, ['RPUSH', 'l', 'x', 'y']);
    run(ks, ['PEXPIREAT', 'l', String(NOW + 5000)]);
    expect(run(ks, ['COPY', 'l', 'c', 'DB', '1'])).toMatchObject({
      reply: { t: 'int', v: 1 },
      propagate: [['COPY', 'l', 'c', 'DB', '1']],
    });
    expect(ks.dump(1, NOW)).toEqual({ c: { type: 'list', value: ['x', 'y'] } });
    expect(ks.dbs[1].expires.get('c')).toBe(NOW + 5000);
    run(ks, ['RPUSH', 'c', 'z'], at(NOW), 1);
    expect(ks.dump(0, NOW).l.value).toEqual(['x', 'y']);
  });

  it('MOVE k 2 takes the TTL along and leaves nothing behind', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'k', 'v', 'PX', '5000']);
    expect(run(ks, ['MOVE', 'k', '2'])).toMatchObject({
      reply: { t: 'int', v: 1 },
      propagate: [['MOVE', 'k', '2']],
    });
    expect(ks.dbsize(0)).toBe(0);
    expect(ks.dbs[0].expires.size).toBe(0);
    expect(ks.dbs[2].expires.get('k')).toBe(NOW + 5000);
  });

  it("MOVE onto a key whose TTL passed in db 1: DEL in db 1 between SELECTs, as 7.0.15's stream shows", () => {
    // real: SELECT 1, MULTI, DEL k, SELECT 0, MOVE k 1, EXEC (the lab puts the first SELECT after MULTI)
    const master = new Keyspace();
    const replica = new Keyspace();
    const write = (argv: Argv, db = 0, now = NOW) => {
      const res = master.exec(db, argv, at(now))!;
      let entries = res.propagate;
      if (db !== 0) entries = [['SELECT', String(db)], ...entries, ['SELECT', '0']];
      apply(replica, entries, now);
      return res;
    };
    write(['SET', 'k', 'old', 'PX', '50'], 1);
    write(['SET', 'k', 'new']);
    const later = NOW + 100;
    const res = write(['MOVE', 'k', '1'], 0, later);
    expect(res.reply).toEqual({ t: 'int', v: 1 });
    expect(res.propagate).toEqual([
      ['SELECT', '1'],
      ['DEL', 'k'],
      ['SELECT', '0'],
      ['MOVE', 'k', '1'],
    ]);
    expect(master.stats.expiredKeys).toBe(1);
    for (const db of [0, 1]) expect(replica.dump(db, later)).toEqual(master.dump(db, later));
    expect(master.dump(1, later)).toEqual({ k: { type: 'string', value: 'new' } });
  });

  it('a writable replica deletes such a destination silently and propagates nothing', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'k', 'old', 'PX', '50'], at(NOW), 1);
    run(ks, ['SET', 'k', 'new']);
    const res = run(ks, ['MOVE', 'k', '1'], at(NOW + 100, { replica: true }));
    expect(res.reply).toEqual({ t: 'int', v: 1 });
    expect(ks.dump(1, NOW + 100)).toEqual({ k: { type: 'string', value: 'new' } });
  });
});

describe('SWAPDB (real 7.0.15, probe r26)', () => {
  it('swaps two dbs, TTLs included (active expiry follows the key), propagates as typed even for a = b', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'a', '1']);
    run(ks, ['SET', 't', 'v', 'PX', '100'], at(NOW), 2);
    expect(run(ks, ['SWAPDB', '0', '2'])).toMatchObject({
      reply: { t: 'simple', v: 'OK' },
      propagate: [['SWAPDB', '0', '2']],
    });
    expect(run(ks, ['GET', 'a'], at(NOW), 2).reply).toEqual({ t: 'bulk', v: '1' });
    expect(run(ks, ['PTTL', 't']).reply).toEqual({ t: 'int', v: 100 });
    expect(ks.activeExpire(NOW + 200)).toEqual([{ db: 0, key: 't' }]);
    expect(run(ks, ['SWAPDB', '1', '1'])).toMatchObject({
      reply: { t: 'simple', v: 'OK' },
      propagate: [['SWAPDB', '1', '1']],
    });
  });

  it('refuses bad indexes in Redis words, changing nothing', () => {
    const ks = new Keyspace();
    const e = (argv: Argv) => run(ks, argv).reply;
    expect(e(['SWAPDB', 'x', '1'])).toEqual({ t: 'error', v: 'ERR invalid first DB index' });
    expect(e(['SWAPDB', '1', 'y'])).toEqual({ t: 'error', v: 'ERR invalid second DB index' });
    expect(e(['SWAPDB', '99999999999', '1'])).toEqual({ t: 'error', v: 'ERR invalid first DB index' });
    expect(e(['SWAPDB', '0', '16'])).toEqual({ t: 'error', v: 'ERR DB index is out of range' });
    expect(e(['SWAPDB', '-1', '0'])).toEqual({ t: 'error', v: 'ERR DB index is out of range' });
  });
});

describe('encodings the new writes leave (OBJECT ENCODING on 7.0.15)', () => {
  it('hashes: HSETNX or HINCRBYFLOAT writing a value over 64 bytes → hashtable', () => {
    const ks = new Keyspace();
    run(ks, ['HSETNX', 'h', 'b', 'x'.repeat(70)]);
    expect(encodingOf(ks, 'h')).toBe('hashtable');
    run(ks, ['HSET', 'g', 'a', '1']);
    run(ks, ['HINCRBYFLOAT', 'g', 'a', '1e100']);
    expect(encodingOf(ks, 'g')).toBe('hashtable');
    run(ks, ['HSETNX', 'small', 'f', 'v']);
    expect(encodingOf(ks, 'small')).toBe('listpack');
  });

  it('sets: SINTERSTORE of integers → intset; SUNIONSTORE/SDIFFSTORE with a word → hashtable', () => {
    const ks = new Keyspace();
    run(ks, ['SADD', 'a', '1', '2', 'x']);
    run(ks, ['SADD', 'b', '1', '2']);
    run(ks, ['SINTERSTORE', 'd', 'a', 'b']);
    run(ks, ['SUNIONSTORE', 'u', 'a', 'b']);
    run(ks, ['SDIFFSTORE', 'df', 'a', 'b']);
    run(ks, ['COPY', 'a', 'a2']);
    expect(['d', 'u', 'df', 'a2'].map((k) => encodingOf(ks, k))).toEqual([
      'intset',
      'hashtable',
      'hashtable',
      'hashtable',
    ]);
  });

  it('sets: SMOVE creates an intset for an integer, which a word then turns into a hashtable', () => {
    const ks = new Keyspace();
    run(ks, ['SADD', 's1', '1', '2', 'abc']);
    run(ks, ['SMOVE', 's1', 's2', '1']);
    expect(encodingOf(ks, 's2')).toBe('intset');
    run(ks, ['SMOVE', 's1', 's2', 'abc']);
    expect(encodingOf(ks, 's2')).toBe('hashtable');
  });

  it('zsets: ZINCRBY creating a member over 64 bytes → skiplist', () => {
    const ks = new Keyspace();
    run(ks, ['ZINCRBY', 'z', '1', 'y'.repeat(70)]);
    expect(encodingOf(ks, 'z')).toBe('skiplist');
  });
});

describe('rewrites and their bytes', () => {
  it('HINCRBYFLOAT h f 1.5 → HSET h f 1.5 (37 bytes), upper-case whatever was typed', () => {
    const res = run(new Keyspace(), ['hincrbyfloat', 'h', 'f', '1.5']);
    expect(res.propagate).toEqual([['HSET', 'h', 'f', '1.5']]);
    expect(respSize(res.propagate[0])).toBe(37);
  });
});

describe('utf8Decode', () => {
  it('inverts utf8Encode, a stray byte kept as its raw-byte escape U+DC00 + byte', () => {
    for (const s of ['', 'abc', 'héllo€', '😀x', '\u0000\u0000ab', '\udc80A\udcff'])
      expect(utf8Decode(utf8Encode(s))).toBe(s);
    expect(utf8Decode(new Uint8Array([0xc3, 0x78]))).toBe('\udcc3x');
    expect(utf8Decode(new Uint8Array([0xc0, 0x80]))).toBe('\udcc0\udc80'); // overlong NUL
    expect(Array.from(utf8Encode('\udcc3x'))).toEqual([0xc3, 0x78]);
    expect(utf8Length('\udcc3x')).toBe(2);
  });

  it('keeps the bytes SETRANGE leaves and APPEND joins (observed on 7.0.15)', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'u', 'é']);
    // SETRANGE u 1 x on "é" (c3 a9) → 2, STRLEN 2, GETRANGE u 0 0 → "\xc3" (redis-cli, 7.0.15)
    expect(run(ks, ['SETRANGE', 'u', '1', 'x']).reply).toEqual(int(2));
    expect(run(ks, ['STRLEN', 'u']).reply).toEqual(int(2));
    expect(run(ks, ['GETRANGE', 'u', '0', '0']).reply).toEqual(bulk('\udcc3'));
    expect(formatReply(run(ks, ['GET', 'u']).reply)).toBe('"\\xc3x"');
    // e2, then 82 ac: the bytes of '€'
    run(ks, ['SET', 'j', '\udce2']);
    expect(run(ks, ['APPEND', 'j', '\udc82\udcac']).reply).toEqual(int(3));
    expect(run(ks, ['GET', 'j']).reply).toEqual(bulk('€'));
    expect(compareBytes('\udcc3', 'é')).toBeLessThan(0);
    expect(compareBytes('é', '\udcc3x')).toBeGreaterThan(0);
  });
});

describe("the lab's own limits (a real server would try, and may run out of memory)", () => {
  it('refuses a reply of more than a million random members, and a string over 64 MB', () => {
    const ks = new Keyspace();
    run(ks, ['SADD', 's', 'a']);
    run(ks, ['HSET', 'h', 'f', 'v']);
    for (const argv of [
      ['SRANDMEMBER', 's', '-5000000000'],
      ['HRANDFIELD', 'h', '-1000001'],
      ['SETRANGE', 'str', String(64 * 1024 * 1024), 'x'],
    ]) {
      const res = run(ks, argv);
      expect(res.reply.t, argv.join(' ')).toBe('error');
      expect(String(res.reply.v)).toMatch(/^ERR the lab /);
      expect(res.propagate).toEqual([]);
    }
    expect(run(ks, ['HRANDFIELD', 'h', '-3']).reply).toMatchObject({ t: 'array' });
  });

  it('HRANDFIELD h 2 draws two distinct fields from ctx.random', () => {
    const ks = new Keyspace();
    run(ks, ['HSET', 'h', 'a', '1', 'b', '2', 'c', '3']);
    for (const r of [0, 0.4, 0.99]) {
      const res = ks.exec(0, ['HRANDFIELD', 'h', '2', 'WITHVALUES'], { ...at(NOW), random: () => r })!;
      const flat = (res.reply.v as { v: string }[]).map((x) => x.v);
      expect(new Set([flat[0], flat[2]]).size).toBe(2);
      expect(flat[1]).toBe({ a: '1', b: '2', c: '3' }[flat[0]]);
    }
  });
});
