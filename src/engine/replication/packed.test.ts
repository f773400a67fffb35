import { describe, expect, it } from 'vitest';
import { respSize } from '../core/resp.ts';
import {
  createBacklog,
  dropEntriesBefore,
  entriesFrom,
  feedBacklog,
  packSent,
  type StreamEntry,
} from './backlog.ts';
import { MetaReader, metaString, PACK_BYTES, pack, unpack } from './packed.ts';

const plain = (es: StreamEntry[]) =>
  es.map((e) => ({ start: e.start, size: e.size, argv: e.argv, cmd: e.cmd }));

/** A backlog fed `n` SETs (some with non-ASCII values), and a twin never packed. */
function fed(n: number, sentBefore: (off: number) => number) {
  const bl = createBacklog(0);
  const twin = createBacklog(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const argv =
      i % 7 === 0
        ? ['SELECT', String(i % 16)]
        : ['set', `key:${i}`, i % 5 ? `v${i}` : `é${'x'.repeat(i % 300)}`];
    const size = respSize(argv);
    feedBacklog(bl, argv, size, 1 << 20, off);
    feedBacklog(twin, argv, size, 1 << 20, off);
    off += size;
    if (i % 50 === 49) packSent(bl, sentBefore(off));
  }
  return { bl, twin, off };
}

/**
 * Two backlogs fed 2 000 SETs, b proxying a's entry objects (a chain) except where `own(i)` gives
 * b a command of its own; both then packed.
 */
function twins(own: (i: number) => string[] | null) {
  const a = createBacklog(0);
  const b = createBacklog(0);
  let off = 0;
  for (let i = 0; i < 2000; i++) {
    const argv = ['SET', `k${i}`, `v${i}`];
    const size = respSize(argv);
    feedBacklog(a, argv, size, 1 << 20, off);
    const e = a.entries[a.entries.length - 1];
    const mine = own(i);
    if (mine) feedBacklog(b, mine, respSize(mine), 1 << 20, off);
    else feedBacklog(b, argv, size, 1 << 20, off, e.cmd, e); // proxied: the same entry object
    off += size;
  }
  packSent(a, off + 1);
  packSent(b, off + 1);
  return { a, b };
}

describe('packed stream entries', () => {
  it('unpack gives back the entries, from any offset (a byte inside one includes it)', () => {
    const { twin } = fed(40, () => 0);
    const p = pack(twin.entries, 3, 30);
    expect(p.start).toBe(twin.entries[3].start);
    const all: StreamEntry[] = [];
    unpack(p, 0, all);
    expect(plain(all)).toEqual(plain(twin.entries.slice(3, 30)));
    const mid = twin.entries[10];
    const tail: StreamEntry[] = [];
    unpack(p, mid.start + 1, tail);
    expect(tail[0].start).toBe(mid.start);
    expect(tail).toHaveLength(20);
  });

  it('a backlog with packed windows answers every offset with the same entries as one never packed', () => {
    const { bl, twin, off } = fed(3000, (o) => o + 1);
    expect(bl.packed.length).toBeGreaterThan(3);
    // Whole 16 KB windows only, in order, contiguous with the live entries.
    for (const [i, p] of bl.packed.entries()) {
      const inside: StreamEntry[] = [];
      unpack(p, 0, inside);
      const windows = new Set(inside.map((e) => Math.floor(e.start / PACK_BYTES)));
      expect(windows.size).toBe(1);
      if (i > 0) expect(p.start).toBe(bl.packed[i - 1].end);
    }
    expect(bl.entries[bl.head].start).toBe(bl.packed[bl.packed.length - 1].end);
    for (let k = 0; k < twin.entries.length; k += 97) {
      const from = twin.entries[k].start + (k % 3);
      expect(plain(entriesFrom(bl, from))).toEqual(plain(entriesFrom(twin, from)));
    }
    expect(entriesFrom(bl, off + 1)).toEqual([]);
    // Dropping history drops whole packs and live entries alike.
    const cut = twin.entries[2000].start;
    dropEntriesBefore(bl, cut);
    dropEntriesBefore(twin, cut);
    expect(plain(entriesFrom(bl, cut))).toEqual(plain(entriesFrom(twin, cut)));
  });

  it('nothing a replica has not been sent is packed', () => {
    const pin = 5000;
    const { bl } = fed(2000, () => pin);
    for (const p of bl.packed) expect(p.end).toBeLessThanOrEqual(pin);
    expect(entriesFrom(bl, pin)[0].start).toBeLessThanOrEqual(pin);
  });

  it('two backlogs holding the same entries share one pack per window', () => {
    const { a, b } = twins(() => null);
    expect(b.packed.length).toBe(a.packed.length);
    for (const [i, p] of b.packed.entries()) expect(p).toBe(a.packed[i]);
  });

  it('meta numbers round-trip through their string, the wide ones (from 0xFFFF up) included', () => {
    const nums = [0, 27, 3, 255, 256, 0xfffe, 0xffff, 70_000, 1 << 20, 2 ** 32 - 1];
    const s = metaString(nums);
    expect(s.length).toBe(6 + 4 * 3); // six narrow units, four wide numbers of three units
    const r = new MetaReader(s);
    const back: number[] = [];
    while (!r.done()) back.push(r.next());
    expect(back).toEqual(nums);
    // A window of 5 000 units goes through fromCharCode in slices.
    const many = Array.from({ length: 5000 }, (_, i) => i * 13);
    const r2 = new MetaReader(metaString(many));
    expect(Array.from({ length: 5000 }, () => r2.next())).toEqual(many);
    expect(r2.done()).toBe(true);
  });

  it('an entry with a value of 100 000 bytes packs and unpacks whole', () => {
    const argv = ['SET', 'big', 'x'.repeat(100_000)];
    const e = Object.freeze({ start: 1, size: respSize(argv), argv, cmd: 'set' });
    const out: StreamEntry[] = [];
    unpack(pack([e], 0, 1), 0, out);
    expect(plain(out)).toEqual(plain([e]));
  });

  it('a backlog whose window starts with the same entry but then diverges gets a pack of its own', () => {
    // b holds the same entry objects but for one of the same size: same offsets, other bytes.
    const { a, b } = twins((i) => (i === 5 ? ['SET', 'k5', 'w5'] : null));
    expect(b.packed[0]).not.toBe(a.packed[0]);
    expect(b.packed[1]).toBe(a.packed[1]);
    expect(entriesFrom(b, 0)[5].argv).toEqual(['SET', 'k5', 'w5']);
  });
});
