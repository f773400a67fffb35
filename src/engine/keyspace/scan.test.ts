// SCAN and its aggregate forms: the guarantees of Redis's SCAN contract (every element present for
// the whole iteration comes back; cursor 0 ends it), its options and errors (as redis-server 7.0.15
// answers them), and the DEL a master propagates for a key whose TTL passed.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';
import type { ExecContext } from './types.ts';

const T0 = 1764000000000;
const ctx = (nowMs = T0): ExecContext => ({ nowMs, random: () => 0, fromMaster: false });

/** [next cursor, elements] of a SCAN-like reply. */
function page(r: Reply): [string, string[]] {
  if (r.t !== 'array' || !r.v) throw new Error(JSON.stringify(r));
  const [cur, items] = r.v;
  if (cur.t !== 'bulk' || items.t !== 'array' || !items.v) throw new Error(JSON.stringify(r));
  return [cur.v as string, items.v.map((x) => (x as { v: string }).v)];
}

/** Iterate to cursor 0, calling `between` after each page; returns the pages' elements in order. */
function iterate(ks: Keyspace, argv: (cursor: string) => string[], between = () => {}): string[] {
  const out: string[] = [];
  let cursor = '0';
  for (let calls = 0; calls < 10_000; calls++) {
    const [next, items] = page(ks.exec(0, argv(cursor), ctx())!.reply);
    out.push(...items);
    between();
    if (next === '0') return out;
    cursor = next;
  }
  throw new Error('SCAN did not end');
}

describe('SCAN', () => {
  it('returns every key exactly once over an iteration, COUNT at a time, and ends at cursor 0', () => {
    const ks = new Keyspace();
    for (let i = 0; i < 100; i++) ks.exec(0, ['SET', `k${i}`, 'v'], ctx());
    const seen = iterate(ks, (c) => ['SCAN', c, 'COUNT', '7']);
    expect(seen.length).toBe(100);
    expect(new Set(seen).size).toBe(100);
    // COUNT 7 visits 7 keys a call: 15 calls (14 of 7, the last of 2).
    expect(page(ks.exec(0, ['SCAN', '0', 'COUNT', '7'], ctx())!.reply)[1]).toHaveLength(7);
  });

  it('a key present for the whole iteration comes back though keys are added and deleted meanwhile', () => {
    const ks = new Keyspace();
    for (let i = 0; i < 60; i++) ks.exec(0, ['SET', `stay${i}`, 'v'], ctx());
    for (let i = 0; i < 30; i++) ks.exec(0, ['SET', `go${i}`, 'v'], ctx());
    let n = 0;
    const seen = iterate(
      ks,
      (c) => ['SCAN', c],
      () => {
        ks.exec(0, ['DEL', `go${n}`], ctx());
        ks.exec(0, ['SET', `new${n++}`, 'v'], ctx());
      },
    );
    for (let i = 0; i < 60; i++) expect(seen).toContain(`stay${i}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('MATCH and TYPE filter what a call visited; a call may return none with a cursor to go on', () => {
    const ks = new Keyspace();
    for (let i = 0; i < 40; i++) ks.exec(0, ['SET', `user:${i}`, 'v'], ctx());
    for (let i = 0; i < 5; i++) ks.exec(0, ['RPUSH', `queue:${i}`, 'a'], ctx());
    expect(iterate(ks, (c) => ['SCAN', c, 'MATCH', 'queue:*']).sort()).toEqual([
      'queue:0',
      'queue:1',
      'queue:2',
      'queue:3',
      'queue:4',
    ]);
    expect(iterate(ks, (c) => ['SCAN', c, 'TYPE', 'LIST']).length).toBe(5);
    expect(iterate(ks, (c) => ['SCAN', c, 'type', 'string', 'match', 'user:1*']).length).toBe(11);
    const pages = [];
    let cursor = '0';
    do {
      const [next, items] = page(
        ks.exec(0, ['SCAN', cursor, 'MATCH', 'queue:*', 'COUNT', '2'], ctx())!.reply,
      );
      pages.push(items.length);
      cursor = next;
    } while (cursor !== '0');
    expect(pages).toContain(0);
  });

  it('answers errors as redis-server 7.0.15 does', () => {
    const ks = new Keyspace();
    const e = (argv: string[]) => ks.exec(0, argv, ctx())!.reply;
    expect(e(['SCAN', 'abc'])).toEqual({ t: 'error', v: 'ERR invalid cursor' });
    expect(e(['SCAN', '0', 'COUNT', '0'])).toEqual({ t: 'error', v: 'ERR syntax error' });
    expect(e(['SCAN', '0', 'COUNT', 'x'])).toEqual({
      t: 'error',
      v: 'ERR value is not an integer or out of range',
    });
    expect(e(['SCAN', '0', 'MATCH'])).toEqual({ t: 'error', v: 'ERR syntax error' });
    expect(e(['SCAN', '0', 'FOO', 'bar'])).toEqual({ t: 'error', v: 'ERR syntax error' });
    expect(page(e(['SSCAN', 's', '0', 'TYPE', 'set']))).toEqual(['0', []]); // missing key: before options
    e(['SADD', 's', 'a']);
    expect(e(['SSCAN', 's', '0', 'TYPE', 'set'])).toEqual({ t: 'error', v: 'ERR syntax error' });
    expect(e(['SCAN', '18446744073709551616'])).toEqual({ t: 'error', v: 'ERR invalid cursor' });
    expect(e(['SCAN', '0', 'COUNT', '-1'])).toEqual({ t: 'error', v: 'ERR syntax error' });
    expect(page(e(['SCAN', '99999999999']))).toEqual(['0', []]);
    expect(page(e(['SCAN', '-1']))).toEqual(['0', []]); // strtoul wraps a negative cursor
  });

  it('on a master, meeting a key whose TTL passed deletes it and propagates DEL; it is not returned', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'old', 'v', 'PX', '100'], ctx());
    ks.exec(0, ['SET', 'live', 'v'], ctx());
    const r = ks.exec(0, ['SCAN', '0'], ctx(T0 + 200))!;
    expect(page(r.reply)).toEqual(['0', ['live']]);
    expect(r.propagate).toEqual([['DEL', 'old']]);
    expect(ks.dbsize(0)).toBe(1);
  });
});

describe('SSCAN, HSCAN, ZSCAN', () => {
  it('a small aggregate (intset, listpack) comes back whole with cursor 0; pairs for hashes and zsets', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SADD', 's', '3', '1', '2'], ctx());
    ks.exec(0, ['HSET', 'h', 'f', 'v', 'g', 'w'], ctx());
    ks.exec(0, ['ZADD', 'z', '2', 'b', '1.5', 'a'], ctx());
    const run = (argv: string[]) => page(ks.exec(0, argv, ctx())!.reply);
    expect(run(['SSCAN', 's', '0', 'COUNT', '1'])).toEqual(['0', ['1', '2', '3']]);
    expect(run(['HSCAN', 'h', '0'])).toEqual(['0', ['f', 'v', 'g', 'w']]);
    expect(run(['ZSCAN', 'z', '0'])).toEqual(['0', ['a', '1.5', 'b', '2']]);
    expect(run(['HSCAN', 'h', '0', 'MATCH', 'g'])).toEqual(['0', ['g', 'w']]);
    expect(run(['SSCAN', 'missing', '0'])).toEqual(['0', []]);
    expect(ks.exec(0, ['ZSCAN', 'h', '0'], ctx())!.reply.t).toBe('error'); // WRONGTYPE
  });

  it('a large one (hashtable) is walked by cursor, each member once', () => {
    const ks = new Keyspace();
    const members = Array.from({ length: 600 }, (_, i) => `m${i}`);
    ks.exec(0, ['SADD', 's', ...members], ctx());
    const seen = iterate(ks, (c) => ['SSCAN', 's', c]);
    expect(seen.sort()).toEqual([...members].sort());
  });
});
