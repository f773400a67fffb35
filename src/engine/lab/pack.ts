// A lab packed for a timeline checkpoint: the World's plain data (architecture.md rule 2) written
// as one byte array and one string, and unpacked into a fresh copy when the timeline goes back.
// A live object costs V8 a header, a map pointer and 8 bytes per field; packed, a stream entry
// { start, size, argv: ['SET', 't:7', 'v1234'], cmd } is ~8 bytes, and strings are kept once per
// checkpoint (the three nodes' keyspaces and backlogs hold the same keys and values). Worked
// figure (30 min at 500 writes/s, three nodes): ~480 kB a copy as objects, ~60 kB packed.
//
// Exact by construction: objects, arrays, Maps, Sets and class instances (their prototype kept)
// come back with the same fields in the same order, the same insertion order, and shared
// references still shared (two chained nodes' backlogs and an in-flight message hold one entry).
// Numbers come back bit for bit (-0, NaN and non-integers as 8-byte doubles).
//
// Frozen objects are immutable, so some are not copied at all, as before packing:
//   - a frozen object holding only primitives and arrays of them (a stream entry) is packed;
//   - a frozen array of integers (a chunk of acknowledged write ends, acked.ts) is kept once as
//     deltas in a typed array and shared by every checkpoint that holds it (`PackCache`): 1000
//     ends of ~45-byte writes take 1 kB as Uint8 deltas instead of 8 kB;
//   - any other frozen object (an RdbFile with its dataset) is shared by reference.
// A function anywhere is a contract break: packing throws, naming the property it was found under.

/** Packed data: `bytes` (string lengths, then the values) and `text` (every string, joined). */
export interface Packed {
  bytes: Uint8Array;
  text: string;
  /** What is shared by reference: prototypes, frozen objects, packed integer runs, typed arrays. */
  refs: unknown[];
}

/** A frozen array of integers as its first value and the deltas after it (or the raw values). */
interface IntRun {
  n: number;
  first: number;
  deltas: Uint8Array | Uint16Array | Uint32Array | Float64Array;
}

/** An object's prototype and keys, in order: kept once per timeline, shared by its checkpoints. */
interface Shape {
  proto: object | null;
  keys: string[];
  frozen: boolean;
  /** The keys set to undefined, in order: a copy of it has the final layout at once. */
  blank: object;
}

/** Shapes found so far: a trie over (prototype, frozen, key, key, …). */
interface ShapeNode {
  shape?: Shape;
  next: Map<unknown, ShapeNode>;
}

/** Per timeline: what its checkpoints share (integer runs, shapes). */
export interface PackCache {
  /** The packed form of each frozen integer array met. */
  runs: WeakMap<readonly number[], IntRun>;
  /**
   * The integer arrays of the lab packed or unpacked last, by run: unpacking a run the live lab
   * holds reuses its (frozen) array, so scrubbing back 1 s rebuilds 1 acked chunk, not 50.
   */
  arrays: Map<IntRun, readonly number[]>;
  /** The blocks each long string array was last packed (or unpacked) as. */
  lines: WeakMap<readonly unknown[], (readonly string[])[]>;
  shapes: ShapeNode;
}

export function newPackCache(): PackCache {
  return { runs: new WeakMap(), arrays: new Map(), lines: new WeakMap(), shapes: { next: new Map() } };
}

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

enum Tag {
  Undefined,
  Null,
  False,
  True,
  Int,
  Double,
  Str,
  Seen,
  Array,
  Object,
  Map,
  Set,
  Ref,
  Ints,
  Bytes,
  Lines,
  MapLike,
}

/** Maps of at least this size are packed as a few changes to one packed before (see `map`). */
const MIN_LIKE = 64;

/** Strings a shared block of a long string array holds; arrays of at least MIN_LINES are blocked. */
const LINES = 128;
const MIN_LINES = 2 * LINES;

/** |n| below this packs as a zigzag varint (2n or -2n-1 stays an exact double). */
const INT_LIMIT = 2 ** 51;

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
    } else {
      const keys = Object.keys(o);
      w.tagged(Tag.Object, this.refs.of(shapeOf(this.cache, o, keys, frozen)));
      for (const k of keys) this.value((o as Record<string, unknown>)[k], k);
    }
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

function fromRun(r: IntRun): number[] {
  if (r.deltas instanceof Float64Array) return Array.from(r.deltas);
  const a: number[] = [];
  if (r.n === 0) return a;
  let v = r.first;
  a.push(v);
  for (let i = 0; i < r.deltas.length; i++) a.push((v += r.deltas[i]));
  return a;
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

class Reader {
  pos = 0;
  strs: string[] = [];
  objs: unknown[] = [];
  arrays = new Map<IntRun, readonly number[]>();
  private view: DataView;

  constructor(
    private p: Packed,
    private cache: PackCache,
  ) {
    this.view = new DataView(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
    const count = this.uint();
    let at = 0;
    for (let i = 0; i < count; i++) {
      const len = this.uint();
      this.strs.push(p.text.slice(at, at + len));
      at += len;
    }
  }

  uint(): number {
    const b = this.p.bytes;
    let v = 0;
    let scale = 1;
    for (;;) {
      const x = b[this.pos++];
      v += (x & 0x7f) * scale;
      if (x < 0x80) return v;
      scale *= 0x80;
    }
  }

  value(): unknown {
    const tag = this.p.bytes[this.pos++] as Tag;
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int: {
        const z = this.uint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      case Tag.Double: {
        const v = this.view.getFloat64(this.pos);
        this.pos += 8;
        return v;
      }
      case Tag.Str:
        return this.strs[this.uint()];
      case Tag.Seen:
        return this.objs[this.uint()];
      case Tag.Ref:
        return this.p.refs[this.uint()];
      case Tag.Bytes:
        return (this.p.refs[this.uint()] as Uint8Array).slice();
      case Tag.Ints: {
        const run = this.p.refs[this.uint()] as IntRun;
        let a = this.cache.arrays.get(run);
        if (!a) {
          a = Object.freeze(fromRun(run));
          this.cache.runs.set(a, run);
        }
        this.arrays.set(run, a);
        return a;
      }
      default:
        return this.container(tag);
    }
  }

  container(tag: Tag): unknown {
    if (tag === Tag.Object) return this.plain();
    const n = this.uint();
    switch (tag) {
      case Tag.Array: {
        const a: unknown[] = [];
        this.objs.push(a);
        for (let i = 0; i < n; i++) a.push(this.value());
        return a;
      }
      case Tag.Map: {
        const m = new Map();
        this.objs.push(m);
        for (let i = 0; i < n; i++) m.set(this.value(), this.value());
        return m;
      }
      case Tag.Lines:
        return this.lines(n);
      case Tag.MapLike:
        return this.mapLike(this.objs[n] as Map<unknown, unknown>);
      case Tag.Set: {
        const s = new Set();
        this.objs.push(s);
        for (let i = 0; i < n; i++) s.add(this.value());
        return s;
      }
      default:
        throw new Error(`unpackData: bad tag ${tag} at byte ${this.pos - 1}`);
    }
  }

  /** A Map with `base`'s keys and values but for the differing values that follow. */
  mapLike(base: Map<unknown, unknown>): Map<unknown, unknown> {
    const m = new Map();
    this.objs.push(m);
    let left = this.uint();
    let next = left > 0 ? this.uint() : -1;
    let at = 0;
    for (const [k, v] of base) {
      if (at === next) {
        m.set(k, this.value());
        next = --left > 0 ? at + this.uint() : -1;
      } else m.set(k, v);
      at++;
    }
    return m;
  }

  lines(count: number): string[] {
    const a: string[] = [];
    this.objs.push(a);
    const blocks: (readonly string[])[] = [];
    for (let i = 0; i < count; i++) {
      const b = this.p.refs[this.uint()] as readonly string[];
      blocks.push(b);
      for (let j = 0; j < b.length; j++) a.push(b[j]);
    }
    const tail = this.uint();
    for (let i = 0; i < tail; i++) a.push(this.value() as string);
    this.cache.lines.set(a, blocks);
    return a;
  }

  plain(): object {
    const { proto, keys, frozen, blank } = this.p.refs[this.uint()] as Shape;
    const o = (proto === Object.prototype ? { ...blank } : Object.create(proto)) as Record<string, unknown>;
    this.objs.push(o);
    for (let i = 0; i < keys.length; i++) o[keys[i]] = this.value();
    return frozen ? Object.freeze(o) : o;
  }
}

/** A fresh copy of what `packData` packed. */
export function unpackData<T>(p: Packed, cache: PackCache): T {
  const r = new Reader(p, cache);
  const v = r.value() as T;
  cache.arrays = r.arrays;
  return v;
}
