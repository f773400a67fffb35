// SETBIT GETBIT BITCOUNT BITPOS BITOP BITFIELD BITFIELD_RO: replies, errors and what is propagated.
// Every expectation was observed on a real 7.0.15 (master + replica: the replica's MONITOR and the
// master's master_repl_offset delta for each command).
import { describe, expect, it } from 'vitest';
import { type Argv, arr, bulk, err, int, NIL, type Reply, respSize } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';

const ctx = { nowMs: 1764000000000, random: () => 0, fromMaster: false };
const run = (ks: Keyspace, argv: Argv) => ks.exec(0, argv, ctx)!;
const ints = (...v: (number | null)[]): Reply => arr(v.map((x) => (x === null ? NIL : int(x))));
const OFFSET = err('ERR bit offset is not an integer or out of range');
const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
const SYNTAX = err('ERR syntax error');

describe('SETBIT / GETBIT', () => {
  it('propagates as typed only when the key was created, grew or the bit flipped', () => {
    const ks = new Keyspace();
    const r = run(ks, ['SETBIT', 'b', '0', '1']);
    expect(r.reply).toEqual(int(0));
    expect(r.propagate).toEqual([['SETBIT', 'b', '0', '1']]);
    expect(respSize(r.propagate[0])).toBe(37); // master_repl_offset +37
    expect(run(ks, ['GET', 'b']).reply).toEqual(bulk('\udc80')); // the one byte 0x80
    const same = run(ks, ['SETBIT', 'b', '0', '1']);
    expect(same.reply).toEqual(int(1));
    expect(same.propagate).toEqual([]); // +0
    expect(run(ks, ['SETBIT', 'b', '0', '0']).propagate).toEqual([['SETBIT', 'b', '0', '0']]);
    expect(run(ks, ['SETBIT', 'b', '0', '0']).propagate).toEqual([]);
    // clearing a clear bit past the end still grows the string: propagated (+38)
    const grow = run(ks, ['SETBIT', 'b', '20', '0']);
    expect(grow.propagate).toEqual([['SETBIT', 'b', '20', '0']]);
    expect(run(ks, ['STRLEN', 'b']).reply).toEqual(int(3));
    run(ks, ['SETBIT', 'b', '7', '1']);
    expect(run(ks, ['GET', 'b']).reply).toEqual(bulk('\u0001\u0000\u0000'));
    expect(run(ks, ['GETBIT', 'b', '7']).reply).toEqual(int(1));
    expect(run(ks, ['GETBIT', 'b', '100']).reply).toEqual(int(0));
    expect(run(ks, ['GETBIT', 'nokey', '3']).reply).toEqual(int(0));
  });

  it('keeps the TTL and works on any string ("v" 0x76 → 0xf6; "12345" grows with zeros)', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 't', 'v', 'EX', '100']);
    run(ks, ['SETBIT', 't', '0', '1']);
    expect(run(ks, ['TTL', 't']).reply).toEqual(int(100));
    expect(run(ks, ['GET', 't']).reply).toEqual(bulk('\udcf6'));
    run(ks, ['SET', 'num', '12345']);
    expect(run(ks, ['SETBIT', 'num', '100', '1']).propagate).toEqual([['SETBIT', 'num', '100', '1']]);
    expect(run(ks, ['GET', 'num']).reply).toEqual(bulk('12345\u0000\u0000\u0000\u0000\u0000\u0000\u0000\b'));
  });

  it('checks the offset, then the bit, then the key, in Redis words', () => {
    const ks = new Keyspace();
    run(ks, ['LPUSH', 'l', 'a']);
    const e = (argv: Argv) => run(ks, argv).reply;
    expect(e(['SETBIT', 'b', '4294967296', '1'])).toEqual(OFFSET);
    expect(e(['SETBIT', 'b', '-1', '1'])).toEqual(OFFSET);
    expect(e(['SETBIT', 'b', 'x', '2'])).toEqual(OFFSET);
    expect(e(['SETBIT', 'b', '1', '2'])).toEqual(err('ERR bit is not an integer or out of range'));
    expect(e(['SETBIT', 'l', '0', '5'])).toEqual(err('ERR bit is not an integer or out of range'));
    expect(e(['SETBIT', 'l', '0', '1'])).toEqual(WRONGTYPE);
    expect(e(['GETBIT', 'b', '4294967296'])).toEqual(OFFSET);
    expect(e(['GETBIT', 'l', '-1'])).toEqual(OFFSET);
    expect(e(['GETBIT', 'l', '0'])).toEqual(WRONGTYPE);
    // 4294967295 is a valid offset (Redis makes a 512 MB string); the lab refuses past 64 MB
    expect(e(['SETBIT', 'big', '4294967295', '0'])).toEqual(
      err('ERR the lab keeps no string over 64 MB (a real server allows up to proto-max-bulk-len, 512 MB)'),
    );
  });
});

describe('BITCOUNT', () => {
  it('counts over BYTE or BIT ranges ("foobar")', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'mykey', 'foobar']);
    run(ks, ['SET', 'e', '']);
    run(ks, ['SET', 'num', '12345']);
    const count = (...a: string[]) => run(ks, ['BITCOUNT', ...a]).reply;
    const cases: [string[], number][] = [
      [['mykey'], 26],
      [['mykey', '0', '0'], 4],
      [['mykey', '1', '1'], 6],
      [['mykey', '1', '1', 'BYTE'], 6],
      [['mykey', '5', '30', 'BIT'], 17],
      [['mykey', '-1', '-1'], 4],
      [['mykey', '0', '-1', 'bit'], 26],
      [['mykey', '-100', '100'], 26],
      [['mykey', '5', '2'], 0],
      [['mykey', '1', '-3', 'bit'], 25],
      [['mykey', '-1', '-5', 'nibble'], 0], // both negative, wrong way round: 0 before the unit
      [['nokey', 'x', 'y'], 0], // the key first
      [['nokey', '0'], 0],
      [['e'], 0],
      [['e', '0', '-1', 'bit'], 0],
      [['num'], 17],
    ];
    for (const [args, n] of cases) expect(count(...args), args.join(' ')).toEqual(int(n));
    expect(count('mykey', '2')).toEqual(SYNTAX);
    expect(count('mykey', '0', '1', '2')).toEqual(SYNTAX);
    expect(count('mykey', '0', '-1', 'nibble')).toEqual(SYNTAX);
    expect(count('mykey', '0', 'x')).toEqual(err('ERR value is not an integer or out of range'));
    run(ks, ['LPUSH', 'l', 'x']);
    expect(count('l', '0', 'x')).toEqual(WRONGTYPE);
    expect(run(ks, ['BITCOUNT', 'mykey']).propagate).toEqual([]);
  });
});

describe('BITPOS', () => {
  it('finds the first set or clear bit in a BYTE or BIT range', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'mykey', '\udcff\udcf0\u0000']);
    run(ks, ['SET', 'allones', '\udcff\udcff']);
    run(ks, ['SET', 'z', '\u0000\u0000']);
    run(ks, ['SET', 'e', '']);
    const pos = (...a: string[]) => run(ks, ['BITPOS', ...a]).reply;
    const cases: [string[], number][] = [
      [['mykey', '0'], 12],
      [['mykey', '1'], 0],
      [['mykey', '1', '2'], -1],
      [['mykey', '0', '2', '-1'], 16],
      [['mykey', '1', '7', '15', 'BIT'], 7],
      [['mykey', '0', '7', '15', 'BIT'], 12],
      [['mykey', '0', '0', '11', 'BIT'], -1],
      [['mykey', '0', '0', '0'], -1],
      [['mykey', '1', '-3', '-1', 'BIT'], -1],
      [['mykey', '0', '-100', '100', 'bit'], 12],
      // a clear bit with no end given: the first bit after the string; with an end, -1
      [['allones', '0'], 16],
      [['allones', '0', '1'], 16],
      [['allones', '0', '0', '-1'], -1],
      [['allones', '0', '3', '9', 'BIT'], -1],
      [['allones', '1', '-1', '-2'], -1],
      [['nokey', '0'], 0],
      [['nokey', '1'], -1],
      [['nokey', '1', 'x'], -1], // the key before the range
      [['e', '0'], -1],
      [['e', '1'], -1],
      [['z', '1'], -1],
      [['z', '0', '1', '1'], 8],
    ];
    for (const [args, n] of cases) expect(pos(...args), args.join(' ')).toEqual(int(n));
    expect(pos('allones', '2')).toEqual(err('ERR The bit argument must be 1 or 0.'));
    expect(pos('nokey', '2')).toEqual(err('ERR The bit argument must be 1 or 0.'));
    expect(pos('allones', 'x')).toEqual(err('ERR value is not an integer or out of range'));
    expect(pos('allones', '1', '0', '1', 'NIBBLE')).toEqual(SYNTAX);
    run(ks, ['LPUSH', 'l', 'a']);
    expect(pos('l', '1')).toEqual(WRONGTYPE);
    expect(pos('l', '3')).toEqual(err('ERR The bit argument must be 1 or 0.'));
  });
});

describe('BITOP', () => {
  it('stores the result as long as the longest source, propagated as typed', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'a', '\udcff\u000f']);
    run(ks, ['SET', 'b', '\udcf0']);
    const and = run(ks, ['BITOP', 'AND', 'd', 'a', 'b']);
    expect(and.reply).toEqual(int(2));
    expect(and.propagate).toEqual([['BITOP', 'AND', 'd', 'a', 'b']]);
    expect(respSize(and.propagate[0])).toBe(45);
    expect(run(ks, ['GET', 'd']).reply).toEqual(bulk('\udcf0\u0000'));
    run(ks, ['BITOP', 'OR', 'd', 'a', 'b']);
    expect(run(ks, ['GET', 'd']).reply).toEqual(bulk('\udcff\u000f'));
    run(ks, ['BITOP', 'XOR', 'd', 'a', 'b', 'nokey']);
    expect(run(ks, ['GET', 'd']).reply).toEqual(bulk('\u000f\u000f'));
    run(ks, ['BITOP', 'NOT', 'd', 'a']);
    expect(run(ks, ['GET', 'd']).reply).toEqual(bulk('\u0000\udcf0'));
    const lower = run(ks, ['bitop', 'and', 'd', 'a', 'nokey']);
    expect(lower.propagate).toEqual([['bitop', 'and', 'd', 'a', 'nokey']]);
    expect(run(ks, ['GET', 'd']).reply).toEqual(bulk('\u0000\u0000'));
  });

  it('deletes the destination when every source is empty (propagated only if it existed)', () => {
    const ks = new Keyspace();
    expect(run(ks, ['BITOP', 'AND', 'nokey2', 'nokey1', 'nokey3']).propagate).toEqual([]);
    run(ks, ['SET', 'd', 'x']);
    const del = run(ks, ['BITOP', 'AND', 'd', 'nokey1']);
    expect(del.reply).toEqual(int(0));
    expect(del.propagate).toEqual([['BITOP', 'AND', 'd', 'nokey1']]); // +43
    expect(run(ks, ['EXISTS', 'd']).reply).toEqual(int(0));
    expect(run(ks, ['BITOP', 'AND', 'd', 'nokey1']).propagate).toEqual([]);
    run(ks, ['SET', 'e', '']);
    expect(run(ks, ['BITOP', 'NOT', 'd', 'e']).reply).toEqual(int(0));
  });

  it('overwrites any type, drops the TTL, and checks its words first', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'a', '\udcff\u000f']);
    run(ks, ['LPUSH', 'l', 'x']);
    expect(run(ks, ['BITOP', 'OR', 'd', 'a', 'l']).reply).toEqual(WRONGTYPE);
    expect(run(ks, ['BITOP', 'OR', 'l', 'a']).reply).toEqual(int(2));
    expect(run(ks, ['TYPE', 'l']).reply).toEqual({ t: 'simple', v: 'string' });
    run(ks, ['SET', 't', 'v', 'EX', '100']);
    run(ks, ['BITOP', 'OR', 't', 'a']);
    expect(run(ks, ['TTL', 't']).reply).toEqual(int(-1));
    expect(run(ks, ['BITOP', 'NOT', 'd', 'a', 'b']).reply).toEqual(
      err('ERR BITOP NOT must be called with a single source key.'),
    );
    expect(run(ks, ['BITOP', 'NAND', 'd', 'a']).reply).toEqual(SYNTAX);
  });
});

describe('BITFIELD / BITFIELD_RO', () => {
  it('runs GET/SET/INCRBY in order with WRAP, SAT and FAIL', () => {
    const ks = new Keyspace();
    const r = run(ks, [
      'BITFIELD',
      'bf',
      'SET',
      'i8',
      '0',
      '100',
      'GET',
      'u4',
      '0',
      'INCRBY',
      'i8',
      '0',
      '50',
    ]);
    expect(r.reply).toEqual(ints(0, 6, -106));
    expect(r.propagate).toEqual([
      ['BITFIELD', 'bf', 'SET', 'i8', '0', '100', 'GET', 'u4', '0', 'INCRBY', 'i8', '0', '50'],
    ]);
    expect(respSize(r.propagate[0])).toBe(119);
    expect(run(ks, ['GET', 'bf']).reply).toEqual(bulk('\udc96'));
    const bf = (args = '') => run(ks, ['BITFIELD', 'bf', ...args.split(' ').filter(Boolean)]);
    expect(bf('INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1').reply).toEqual(ints(1, 1));
    // every write failed: nil, nothing written, nothing propagated (+0)
    const failed = bf('OVERFLOW FAIL INCRBY u2 100 5');
    expect(failed.reply).toEqual(ints(null));
    expect(failed.propagate).toEqual([]);
    expect(bf('OVERFLOW FAIL SET i4 #3 100').reply).toEqual(ints(null));
    expect(bf('GET i8 0 GET u8 #1').reply).toEqual(ints(-106, 0));
    const sat = bf('OVERFLOW SAT INCRBY i8 0 -500 INCRBY u8 8 -500 SET u8 16 -5 SET i8 24 200');
    expect(sat.reply).toEqual(ints(-128, 0, 0, 0));
    expect(respSize(sat.propagate[0])).toBe(191);
    const wrap = bf(
      'OVERFLOW WRAP SET u8 16 -5 SET i8 24 200 INCRBY i64 32 9223372036854775807 INCRBY i64 32 9223372036854775807',
    );
    // 2^63 − 1, then wrapped to -2 (a JS number carries the int64 reply: intReplyValue)
    expect(wrap.reply).toEqual(ints(255, 127, Number(2n ** 63n - 1n), -2));
    expect(bf('GET u8 16 GET i8 24 GET i64 32').reply).toEqual(ints(251, -56, -2));
    expect(bf().reply).toEqual(arr([]));
    expect(bf('overflow sat get i8 0').reply).toEqual(ints(-128));
    expect(bf('GET i8 4294967295 GET i8 #536870911').reply).toEqual(ints(0, 0));
  });

  it('a write whose every operation failed still creates the key on the master, propagating nothing', () => {
    const ks = new Keyspace();
    const r = run(ks, ['BITFIELD', 'fk', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '16', '300']);
    expect(r.reply).toEqual(ints(null));
    expect(r.propagate).toEqual([]);
    expect(run(ks, ['GET', 'fk']).reply).toEqual(bulk('\u0000\u0000\u0000'));
    const mixed = run(ks, ['BITFIELD', 'fk', 'GET', 'u8', '0', 'SET', 'u8', '0', '1', 'GET', 'u8', '0']);
    expect(mixed.reply).toEqual(ints(0, 0, 1));
    expect(respSize(mixed.propagate[0])).toBe(106);
    run(ks, ['SET', 't', 'v', 'EX', '100']);
    expect(run(ks, ['BITFIELD', 't', 'SET', 'u8', '0', '255']).reply).toEqual(ints(118));
    expect(run(ks, ['TTL', 't']).reply).toEqual(int(100));
    const get = run(ks, ['BITFIELD', 'nokey', 'GET', 'u8', '0']);
    expect(get.reply).toEqual(ints(0));
    expect(get.propagate).toEqual([]);
    expect(run(ks, ['EXISTS', 'nokey']).reply).toEqual(int(0));
  });

  it('parses every operation before the key, in Redis words', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 'bf', 'x']);
    run(ks, ['LPUSH', 'l', 'x']);
    const e = (...a: string[]) => run(ks, a).reply;
    const badType = err(
      'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.',
    );
    for (const t of ['u64', 'I8', 'i0', 'i65']) expect(e('BITFIELD', 'bf', 'GET', t, '0')).toEqual(badType);
    for (const o of ['-1', '#-1', '4294967296', '#536870912', 'x'])
      expect(e('BITFIELD', 'bf', 'GET', 'i8', o)).toEqual(OFFSET);
    expect(e('BITFIELD', 'bf', 'SET', 'i8', '0', 'x')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
    expect(e('BITFIELD', 'bf', 'SET', 'i8', '0')).toEqual(SYNTAX);
    expect(e('BITFIELD', 'bf', 'GET', 'i8')).toEqual(SYNTAX);
    expect(e('BITFIELD', 'bf', 'FOO')).toEqual(SYNTAX);
    expect(e('BITFIELD', 'bf', 'OVERFLOW')).toEqual(SYNTAX);
    expect(e('BITFIELD', 'bf', 'OVERFLOW', 'BAD', 'GET', 'i8', '0')).toEqual(
      err('ERR Invalid OVERFLOW type specified'),
    );
    expect(e('BITFIELD', 'l', 'GET', 'u8', '0')).toEqual(WRONGTYPE);
    expect(e('BITFIELD', 'l', 'SET', 'u8', '0', '1')).toEqual(WRONGTYPE);
    expect(e('BITFIELD', 'l', 'SET', 'u8', '0', 'x')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
    expect(e('BITFIELD_RO', 'bf', 'GET', 'i8', '0', 'GET', 'u4', '#1')).toEqual(ints(120, 8));
    expect(e('BITFIELD_RO', 'bf', 'SET', 'i8', '0', '1')).toEqual(
      err('ERR BITFIELD_RO only supports the GET subcommand'),
    );
    expect(e('BITFIELD_RO', 'bf', 'INCRBY', 'i8', '0', '1', 'GET', 'i8', 'x')).toEqual(OFFSET);
    expect(e('BITFIELD_RO', 'bf', 'OVERFLOW', 'SAT')).toEqual(arr([]));
    expect(e('BITFIELD_RO', 'l', 'GET', 'u8', '0')).toEqual(WRONGTYPE);
  });
});
