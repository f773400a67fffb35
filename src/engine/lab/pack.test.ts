// pack.ts round trips plain data exactly: values, order, shared references, prototypes, frozen parts.
import { describe, expect, it } from 'vitest';
import { respSize } from '../core/resp.ts';
import { Keyspace } from '../keyspace/index.ts';
import type { StreamEntry } from '../replication/backlog.ts';
import { pack, unpack } from '../replication/packed.ts';
import { packData } from './pack.ts';
import { newPackCache } from './pack-format.ts';
import { unpackData } from './unpack.ts';

class Thing {
  a = 1;
  get twice(): number {
    return this.a * 2;
  }
}

describe('packData / unpackData', () => {
  it('gives back numbers bit for bit, strings, booleans, null and undefined', () => {
    const nums = [
      0,
      -0,
      1,
      -1,
      127,
      128,
      -129,
      2 ** 31,
      -(2 ** 40),
      2 ** 51,
      2 ** 53 - 1,
      -(2 ** 53),
      0.1,
      -1.5e300,
    ];
    const v = {
      nums: [...nums, Number.NaN, Number.POSITIVE_INFINITY],
      s: ['', 'é', '漢字', 'a\0b'],
      b: [true, false],
      n: null,
      u: undefined,
    };
    const back = unpackData<typeof v>(packData(v, newPackCache()), newPackCache());
    expect(back).toEqual(v);
    expect(Object.is(back.nums[1], -0)).toBe(true);
    expect(Object.keys(back)).toEqual(['nums', 's', 'b', 'n', 'u']);
  });

  it('keeps Map and Set order, shared references and cycles, and prototypes', () => {
    const shared = { x: 1 };
    const m = new Map<unknown, unknown>([
      ['z', shared],
      [3, [shared]],
    ]);
    const o: Record<string, unknown> = { m, s: new Set(['b', 'a', shared]), t: new Thing() };
    o.self = o;
    const back = unpackData<typeof o>(packData(o, newPackCache()), newPackCache());
    const bm = back.m as Map<unknown, unknown>;
    expect([...bm.keys()]).toEqual(['z', 3]);
    expect((bm.get(3) as unknown[])[0]).toBe(bm.get('z'));
    expect([...(back.s as Set<unknown>)][2]).toBe(bm.get('z'));
    expect(bm.get('z')).not.toBe(shared);
    expect(back.self).toBe(back);
    expect(back.t).toBeInstanceOf(Thing);
    expect((back.t as Thing).twice).toBe(2);
  });

  it('copies a keyspace (a class with Maps inside) into one of its own', () => {
    const k = new Keyspace();
    k.dbs[0].data.set('a', '1');
    k.dbs[0].expires.set('a', 9e12);
    const back = unpackData<Keyspace>(packData(k, newPackCache()), newPackCache());
    expect(back).toBeInstanceOf(Keyspace);
    expect(back.dump(0)).toEqual(k.dump(0));
    back.dbs[0].data.set('b', '2');
    expect(k.dbs[0].data.has('b')).toBe(false);
  });

  it('packs frozen entries, shares frozen integer arrays between packs, keeps other frozen objects by reference', () => {
    const cache = newPackCache();
    const entry = Object.freeze({ start: 1, size: 30, argv: ['SET', 'k', 'v'], cmd: 'set' });
    const ends = Object.freeze([5, 40, 75, 70_000, 2 ** 40]);
    const rdb = Object.freeze({ data: new Keyspace(), bytes: 18 });
    const v = { a: [entry, entry], ends, rdb };
    const p1 = packData(v, cache);
    const p2 = packData(v, cache);
    const back = unpackData<typeof v>(p1, cache);
    expect(back.a[0]).toEqual(entry);
    expect(back.a[0]).not.toBe(entry);
    expect(back.a[1]).toBe(back.a[0]);
    expect(Object.isFrozen(back.a[0])).toBe(true);
    expect(back.ends).toEqual(ends);
    expect(Object.isFrozen(back.ends)).toBe(true);
    expect(back.rdb).toBe(rdb);
    // Both packs hold the one packed run; packing the unpacked array again reuses it too.
    const run = (p: typeof p1) => p.refs.find((r) => r && typeof r === 'object' && 'deltas' in r);
    expect(run(p2)).toBe(run(p1));
    expect(run(packData(back, cache))).toBe(run(p1));
    // Unpacking reuses the array of the lab packed last (frozen: sharing it is safe), else rebuilds it.
    expect(back.ends).toBe(ends);
    packData({}, cache);
    const again = unpackData<typeof v>(p1, cache);
    expect(again.ends).not.toBe(ends);
    expect(again.ends).toEqual(ends);
  });

  it('packs a long string array (a log) as blocks shared between packs, exact after changes', () => {
    const cache = newPackCache();
    const log = Array.from({ length: 600 }, (_, i) => `M * line ${i}`);
    const v = { log, ends: Object.freeze([1, 46, 91, 300]) };
    const blocks = (p: ReturnType<typeof packData>) => p.refs.filter((r) => Array.isArray(r));
    const p1 = packData(v, cache);
    expect(blocks(p1)).toHaveLength(4); // 4 × 128 lines shared, 88 in the tail
    log.push('M * one more');
    log[300] = 'M * changed in place';
    const p2 = packData(v, cache);
    expect(blocks(p2).filter((b) => blocks(p1).includes(b))).toHaveLength(3); // block 2 is new
    const back = unpackData<typeof v>(p2, cache);
    expect(back.log).toEqual(log);
    expect(back.ends).toEqual([1, 46, 91, 300]);
    expect(unpackData<typeof v>(p1, cache).log).toEqual(
      Array.from({ length: 600 }, (_, i) => `M * line ${i}`),
    );
    // Packing what was unpacked reuses its blocks; dropping the oldest lines makes new ones.
    expect(blocks(packData(back, cache))).toEqual(blocks(p2));
    back.log.splice(0, 100);
    const p3 = packData(back, cache);
    expect(blocks(p3).some((b) => blocks(p2).includes(b))).toBe(false);
    expect(unpackData<typeof v>(p3, cache).log).toEqual(log.slice(100));
  });

  it('packs a big Map like one packed before as its differences, exactly', () => {
    const shared = { deep: true };
    const a = new Map<string, unknown>(Array.from({ length: 100 }, (_, i) => [`k${i}`, `v${i}`]));
    a.set('obj', shared);
    a.set('zero', 0);
    const b = new Map(a);
    b.set('k7', 'changed');
    b.set('zero', -0);
    b.set('k99', { other: 1 });
    const c = new Map([...a].reverse()); // same entries, other order: packed in full
    const v = { a, b, c };
    const p = packData(v, newPackCache());
    const back = unpackData<typeof v>(p, newPackCache());
    for (const k of ['a', 'b', 'c'] as const) expect([...back[k]]).toEqual([...v[k]]);
    expect(Object.is(back.b.get('zero'), -0)).toBe(true);
    expect(back.b.get('obj')).toBe(back.a.get('obj'));
    expect(back.b).not.toBe(back.a);
    // b costs its 3 differences, not its 102 entries (a and c alone: ~1170 bytes).
    expect(p.bytes.length - packData({ a, c }, newPackCache()).bytes.length).toBeLessThan(40);
  });

  it('refuses a function, naming where it was found', () => {
    expect(() => packData({ hooks: { onSync: () => 1 } }, newPackCache())).toThrow(/'onSync'/);
  });
  it('packs a stream pack by its arguments: same text, meta and offsets, shared once, frozen', () => {
    const entry = (start: number, argv: string[]) =>
      Object.freeze({ start, size: respSize(argv), argv, cmd: argv[0].toLowerCase() });
    const e1 = entry(101, ['SET', 'k1', 'v1']);
    const e2 = entry(e1.start + e1.size, ['SET', 'k2', 'é漢']);
    const p = pack([e1, e2], 0, 2);
    const v = { a: { packed: [p] }, b: { packed: [p] }, keys: new Map([['k1', 'v1']]) };
    const packed = packData(v, newPackCache());
    const back = unpackData<typeof v>(packed, newPackCache());
    expect(back).toEqual(v);
    expect(back.a.packed[0]).toBe(back.b.packed[0]);
    expect(Object.isFrozen(back.a.packed[0])).toBe(true);
    const out: StreamEntry[] = [];
    unpack(back.a.packed[0], 0, out);
    expect(out.map((e) => [e.start, e.size, e.argv])).toEqual([
      [e1.start, e1.size, e1.argv],
      [e2.start, e2.size, e2.argv],
    ]);
    // Its arguments are strings of the copy, each once: 'SET', 'k1', 'v1', 'k2', 'é漢'.
    expect(packed.text).not.toContain(p.text);
  });
});
