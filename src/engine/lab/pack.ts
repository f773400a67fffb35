// Packing a lab for a checkpoint: the format and its contract are in pack-format.ts.
import { isPackedEntries, type PackedEntries, packedArgs } from '../replication/packed.ts';
import {
  INT_LIMIT,
  type IntRun,
  LINES,
  MIN_LIKE,
  MIN_LINES,
  type PackCache,
  type Packed,
  type Shape,
  type ShapeNode,
  Tag,
} from './pack-format.ts';

/** The one Shape of `o` (its keys are `keys`), made on first sight. */
function shapeOf(cache: PackCache, o: object, keys: string[], frozen: boolean): Shape {
  const proto = Object.getPrototypeOf(o) as object | null;
  let node = step(step(cache.shapes, proto), frozen);
  for (const k of keys) node = step(node, k);
  node.shape ??= { proto, keys, frozen, blank: Object.fromEntries(keys.map((k) => [k, undefined])) };
  return node.shape;
}

function step(node: ShapeNode, k: unknown): ShapeNode {
  let n = node.next.get(k);
  if (!n) {
    n = { next: new Map() };
    node.next.set(k, n);
  }
  return n;
}

class Writer {
  buf = new Uint8Array(1 << 16);
  n = 0;
  private view = new DataView(this.buf.buffer);

  byte(b: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[this.n++] = b;
  }

  /** An unsigned integer < 2^53, 7 bits a byte. */
  uint(v: number): void {
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  tagged(tag: Tag, n: number): void {
    this.byte(tag);
    this.uint(n);
  }

  double(v: number): void {
    if (this.n + 8 > this.buf.length) this.grow();
    this.view.setFloat64(this.n, v);
    this.n += 8;
  }

  private grow(): void {
    const b = new Uint8Array(this.buf.length * 2);
    b.set(this.buf);
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
}

/** Values numbered in order of first sight (strings, shared references). */
class Interner<T> {
  list: T[] = [];
  private index = new Map<T, number>();

  of(v: T): number {
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(v);
      this.index.set(v, i);
    }
    return i;
  }
}

class Packer {
  body = new Writer();
  strs = new Interner<string>();
  refs = new Interner<unknown>();
  seen = new Map<object, number>();
  arrays = new Map<IntRun, readonly number[]>();
  /** Big Maps packed so far (complete), for `map` to find one alike. */
  bigMaps: Map<unknown, unknown>[] = [];

  constructor(private cache: PackCache) {}

  num(v: number): void {
    if (Number.isInteger(v) && Math.abs(v) < INT_LIMIT && !Object.is(v, -0))
      this.body.tagged(Tag.Int, v >= 0 ? v * 2 : -v * 2 - 1);
    else {
      this.body.byte(Tag.Double);
      this.body.double(v);
    }
  }

  value(v: unknown, key: string): void {
    const w = this.body;
    if (typeof v === 'string') w.tagged(Tag.Str, this.strs.of(v));
    else if (typeof v === 'number') this.num(v);
    else if (typeof v === 'boolean') w.byte(v ? Tag.True : Tag.False);
    else if (v === undefined) w.byte(Tag.Undefined);
    else if (v === null) w.byte(Tag.Null);
    else if (typeof v === 'object') this.object(v, key);
    else throw new Error(`packData: a ${typeof v} under '${key}': the World must be plain data`);
  }

  object(o: object, key: string): void {
    const w = this.body;
    const id = this.seen.get(o);
    const frozen = Object.isFrozen(o);
    if (id !== undefined) w.tagged(Tag.Seen, id);
    else if (ArrayBuffer.isView(o)) w.tagged(Tag.Bytes, this.refs.of((o as Uint8Array).slice()));
    else if (frozen && Array.isArray(o)) this.frozenArray(o);
    else if (frozen && !packable(o)) w.tagged(Tag.Ref, this.refs.of(o));
    else {
      this.seen.set(o, this.seen.size);
      this.container(o, frozen, key);
    }
  }

  container(o: object, frozen: boolean, key: string): void {
    const w = this.body;
    if (Array.isArray(o) && o.length >= MIN_LINES && o.every((x) => typeof x === 'string')) this.lines(o);
    else if (Array.isArray(o)) {
      w.tagged(Tag.Array, o.length);
      for (let i = 0; i < o.length; i++) this.value(o[i], key);
    } else if (o instanceof Map) this.map(o, key);
    else if (o instanceof Set) {
      w.tagged(Tag.Set, o.size);
      for (const x of o) this.value(x, key);
    } else if (frozen && isPackedEntries(o)) this.packedEntries(o);
    else {
      const keys = Object.keys(o);
      w.tagged(Tag.Object, this.refs.of(shapeOf(this.cache, o, keys, frozen)));
      for (const k of keys) this.value((o as Record<string, unknown>)[k], k);
    }
  }

  /**
   * A stream pack by its arguments: as one `text` it would be a string of its own in every copy
   * (~16 KB each); its arguments are mostly the keys and values the keyspaces hold, kept once.
   */
  packedEntries(p: PackedEntries): void {
    const args = packedArgs(p);
    this.body.tagged(Tag.Packed, args.length);
    this.num(p.start);
    this.num(p.end);
    this.value(p.meta, 'meta');
    for (const a of args) this.body.uint(this.strs.of(a));
  }

  /**
   * A Map, or when a Map packed before in this copy has the same keys in the same order and
   * mostly the same values, the values that differ (by position) and that Map's id: a replica's
   * keyspace is its master's but for the writes still in flight (~20 of 1000 at 500 writes/s).
   */
  map(m: Map<unknown, unknown>, key: string): void {
    const w = this.body;
    const base = m.size >= MIN_LIKE ? this.like(m) : null;
    if (base) {
      w.tagged(Tag.MapLike, this.seen.get(base.map)!);
      w.uint(base.diffs.length);
      let last = 0;
      for (const [at, v] of base.diffs) {
        w.uint(at - last);
        last = at;
        this.value(v, key);
      }
    } else {
      w.tagged(Tag.Map, m.size);
      for (const [k, x] of m) {
        this.value(k, key);
        this.value(x, key);
      }
    }
    if (m.size >= MIN_LIKE) this.bigMaps.push(m);
  }

  /** The newest of the last 4 big Maps packed that `m` is like, and the differing values. */
  like(m: Map<unknown, unknown>): { map: Map<unknown, unknown>; diffs: [number, unknown][] } | null {
    for (let i = this.bigMaps.length - 1; i >= Math.max(0, this.bigMaps.length - 4); i--) {
      const b = this.bigMaps[i];
      if (b.size !== m.size) continue;
      const diffs: [number, unknown][] = [];
      const theirs = b.entries();
      let at = 0;
      for (const [k, v] of m) {
        const [bk, bv] = theirs.next().value as [unknown, unknown];
        if (bk !== k || diffs.length > m.size / 4) break;
        if (!Object.is(bv, v)) diffs.push([at, v]);
        at++;
      }
      if (at === m.size) return { map: b, diffs };
    }
    return null;
  }

  /**
   * A long array of strings (a node's log: up to 5000 lines) as blocks of LINES strings shared
   * with the checkpoints that hold the same lines, and a tail packed here. A block is reused when
   * the array holds exactly its strings at the same place (checked string by string: a list's
   * LSET in the middle makes a new block); a log that dropped its oldest lines makes new ones.
   */
  lines(a: string[]): void {
    const w = this.body;
    const old = this.cache.lines.get(a) ?? [];
    const blocks: (readonly string[])[] = [];
    for (let at = 0; at + LINES <= a.length; at += LINES) {
      const prev = old[blocks.length];
      blocks.push(prev && holds(a, at, prev) ? prev : Object.freeze(a.slice(at, at + LINES)));
    }
    this.cache.lines.set(a, blocks);
    w.tagged(Tag.Lines, blocks.length);
    for (const b of blocks) w.uint(this.refs.of(b));
    const from = blocks.length * LINES;
    w.uint(a.length - from);
    for (let i = from; i < a.length; i++) this.value(a[i], '');
  }

  /** A frozen array: integers as a shared run (IntRun), anything else shared by reference. */
  frozenArray(a: readonly unknown[]): void {
    const w = this.body;
    const ints = a as readonly number[];
    let run = this.cache.runs.get(ints);
    if (!run && a.every((x) => Number.isSafeInteger(x) && !Object.is(x, -0))) {
      run = intRun(ints);
      this.cache.runs.set(ints, run);
    }
    if (run) this.arrays.set(run, ints);
    w.tagged(run ? Tag.Ints : Tag.Ref, this.refs.of(run ?? a));
  }
}

/** A frozen object packed by value: it holds primitives and arrays of primitives only. */
function packable(o: object): boolean {
  for (const x of Object.values(o)) {
    if (typeof x !== 'object' || x === null) continue;
    if (!Array.isArray(x) || x.some((y) => typeof y === 'object' && y !== null)) return false;
  }
  return true;
}

/** Does `a` hold exactly `block`'s strings from index `at` on? */
function holds(a: readonly string[], at: number, block: readonly string[]): boolean {
  for (let i = 0; i < block.length; i++) if (a[at + i] !== block[i]) return false;
  return true;
}

function intRun(a: readonly number[]): IntRun {
  const n = a.length;
  let lo = 0;
  let hi = 0;
  for (let i = 1; i < n; i++) {
    const d = a[i] - a[i - 1];
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const first = n > 0 ? a[0] : 0;
  if (lo < 0 || hi >= 2 ** 32) return { n, first, deltas: Float64Array.from(a) };
  const len = Math.max(0, n - 1);
  const deltas =
    hi < 2 ** 8 ? new Uint8Array(len) : hi < 2 ** 16 ? new Uint16Array(len) : new Uint32Array(len);
  for (let i = 1; i < n; i++) deltas[i - 1] = a[i] - a[i - 1];
  return { n, first, deltas };
}

/** Pack `v` (plain data: see the contract above). */
export function packData(v: unknown, cache: PackCache): Packed {
  const p = new Packer(cache);
  p.value(v, 'root');
  cache.arrays = p.arrays;
  const head = new Writer();
  const parts = p.strs.list;
  head.uint(parts.length);
  for (const s of parts) head.uint(s.length);
  const bytes = new Uint8Array(head.n + p.body.n);
  bytes.set(head.buf.subarray(0, head.n));
  bytes.set(p.body.buf.subarray(0, p.body.n), head.n);
  return { bytes, text: parts.join(''), refs: p.refs.list };
}
