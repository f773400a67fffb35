// Unpacking a checkpoint into a fresh copy of the lab: the format and its contract are in
// pack-format.ts.
import type { PackedEntries } from '../replication/packed.ts';
import { type IntRun, type PackCache, type Packed, type Shape, Tag } from './pack-format.ts';

function fromRun(r: IntRun): number[] {
  if (r.deltas instanceof Float64Array) return Array.from(r.deltas);
  const a: number[] = [];
  if (r.n === 0) return a;
  let v = r.first;
  a.push(v);
  for (let i = 0; i < r.deltas.length; i++) a.push((v += r.deltas[i]));
  return a;
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
      case Tag.Packed: {
        const at = this.objs.push(null) - 1;
        const start = this.value() as number;
        const end = this.value() as number;
        const meta = this.value() as string;
        let text = '';
        for (let i = 0; i < n; i++) text += this.strs[this.uint()];
        const p: PackedEntries = Object.freeze({ start, end, meta, text });
        this.objs[at] = p;
        return p;
      }
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
