// Stream content every replica has already been sent, packed. A backlog keeps its whole window
// (1 MB by default: ~20 000 SETs) for a PSYNC that may come; as entry objects that is three
// long-lived objects per command (the entry, its argv, the key string), which the garbage collector
// copies and promotes: with 3 replicas at full speed that was over half the engine's time. Packed,
// a 16 KB window of entries is two strings, shared by the nodes that hold it. A PSYNC from inside
// the packed part unpacks it (entriesFrom): the bytes and offsets are the same, only the objects
// are new.
//
//   SET k1 v1 (27 bytes at 101), SET k2 v2 (27 bytes at 128)
//   → { start: 101, end: 155, meta: '\x1b\x03\x03\x02\x02\x1b\x03\x03\x02\x02', text: 'SETk1v1SETk2v2' }
//   (meta: the numbers 27, 3, 3, 2, 2, 27, 3, 3, 2, 2 as UTF-16 units)
import type { Argv } from '../core/resp.ts';
import { commandName } from '../keyspace/index.ts';
import type { StreamEntry } from './backlog.ts';

/**
 * Frozen: never changes once packed. A checkpoint packs it by its arguments (lab/pack.ts), so the
 * strings it shares with the keyspaces are stored once per checkpoint, not again as `text`.
 */
export interface PackedEntries {
  /** Offset of the first byte; `end` is the offset after the last byte. */
  readonly start: number;
  readonly end: number;
  /**
   * Per entry: its size in bytes, argc, then each argument's length in UTF-16 units, each number
   * one UTF-16 unit (metaString). A string, not a number list: a 16 KB window of SETs has ~1 800
   * numbers, 14 KB as an array but 1.8 KB as a string, and the backlog keeps it long enough that
   * the young-generation collector copies it twice (a third of what it copied at full speed).
   */
  readonly meta: string;
  /** The arguments one after the other. */
  readonly text: string;
}

/**
 * Entries are packed by 16 KB window of the offset space (the entries whose first byte falls in
 * [16384·j, 16384·(j+1))): every node of a chain holds the same entries at the same offsets, so
 * they cut the same packs, and one pack object serves them all (`packShared`).
 */
export const PACK_BYTES = 16384;

export function packWindow(offset: number): number {
  return Math.floor(offset / PACK_BYTES);
}

/**
 * Packs by their first entry: a replica packing the entries its master already packed (the same
 * objects, proxied) reuses that pack after checking it holds the same bytes. A cache beside the
 * World, not in it: reuse changes no result, and it forgets packs whose entries are gone.
 */
const byFirstEntry = new WeakMap<StreamEntry, PackedEntries>();

/**
 * The last packs made or reused, with the entry objects they hold: the nodes of a chain pack the
 * same window within a few milliseconds of each other, and a node holding the very same (frozen)
 * objects needs only a pointer test per entry, not a comparison of every byte. Bounded: it keeps
 * at most RECENT windows of entries alive (~1 500 SETs): a master packs a window as soon as
 * every replica was sent it, the replicas as soon as they applied it, within a millisecond or two.
 */
const recent: { pack: PackedEntries; entries: readonly StreamEntry[] }[] = [];
const RECENT = 4;

/** pack(), or the equal pack another node already made of the same entries. */
export function packShared(entries: readonly StreamEntry[], from: number, to: number): PackedEntries {
  for (const r of recent) if (sameObjects(r.entries, entries, from, to)) return r.pack;
  let p = byFirstEntry.get(entries[from]);
  if (!p || !holds(p, entries, from, to)) {
    p = pack(entries, from, to);
    byFirstEntry.set(entries[from], p);
  }
  if (recent.push({ pack: p, entries: entries.slice(from, to) }) > RECENT) recent.shift();
  return p;
}

/** Are entries[from..to) the objects of `held`, in order? */
function sameObjects(
  held: readonly StreamEntry[],
  entries: readonly StreamEntry[],
  from: number,
  to: number,
): boolean {
  if (held.length !== to - from || held[0] !== entries[from]) return false;
  for (let i = from + 1; i < to; i++) if (entries[i] !== held[i - from]) return false;
  return true;
}

/** Does `p` hold exactly entries[from..to) (sizes, argument counts and texts)? */
function holds(p: PackedEntries, entries: readonly StreamEntry[], from: number, to: number): boolean {
  const last = entries[to - 1];
  if (p.start !== entries[from].start || p.end !== last.start + last.size) return false;
  const { meta, text } = p;
  let m = 0; // -1 once a number differs
  let at = 0;
  for (let i = from; i < to; i++) {
    const e = entries[i];
    m = metaAt(meta, metaAt(meta, m, e.size), e.argv.length);
    for (const a of e.argv) {
      m = metaAt(meta, m, a.length);
      if (m < 0 || !text.startsWith(a, at)) return false;
      at += a.length;
    }
  }
  return m === meta.length;
}

/** The position after number n if metaString `meta` holds n at position m, else -1 (also for m = -1). */
function metaAt(meta: string, m: number, n: number): number {
  if (n < WIDE) return m >= 0 && meta.charCodeAt(m) === n ? m + 1 : -1;
  return m >= 0 && meta.charCodeAt(m) === WIDE && new MetaReader(meta, m).next() === n ? m + 3 : -1;
}

export function pack(entries: readonly StreamEntry[], from: number, to: number): PackedEntries {
  const meta = new MetaWriter();
  let n = 0;
  for (let i = from; i < to; i++) {
    const e = entries[i];
    meta.put(e.size);
    meta.put(e.argv.length);
    for (const a of e.argv) {
      meta.put(a.length);
      parts[n++] = a;
    }
  }
  if (parts.length !== n) parts.length = n;
  const text = parts.join('');
  parts.fill(''); // holds no argument after the call
  const last = entries[to - 1];
  return Object.freeze({ start: entries[from].start, end: last.start + last.size, meta: meta.text(), text });
}

/**
 * The arguments pack joins, one list for every call (one packs at a time), as MetaWriter's units.
 * Written by index and never emptied (`length = 0` gives V8's backing store back): a window of SETs
 * has ~1 000 arguments, and a new list grown push by push was ~26 KB of garbage a window, a tenth
 * of what a SET allocated with 3 replicas.
 */
const parts: string[] = [];

/** Numbers from 0xFFFF up take three units: 0xFFFF, then the high and low 16 bits (below 2³²). */
const WIDE = 0xffff;

/**
 * The numbers (integers in [0, 2³²)) as UTF-16 units, for MetaReader: [27, 3, 70000] →
 * '\x1b\x03\uffff\x01\u1170'. Entry sizes and argument lengths stay far below 2³² (512 MB).
 */
export function metaString(nums: readonly number[]): string {
  const w = new MetaWriter();
  for (const n of nums) w.put(n);
  return w.text();
}

/** One buffer for every MetaWriter (one writes at a time): packing one allocates no list. */
let units = new Uint16Array(4096);

class MetaWriter {
  private n = 0;

  put(v: number): void {
    if (this.n + 3 > units.length) {
      const bigger = new Uint16Array(units.length * 2);
      bigger.set(units);
      units = bigger;
    }
    if (v < WIDE) units[this.n++] = v;
    else {
      units[this.n++] = WIDE;
      units[this.n++] = Math.floor(v / 0x10000);
      units[this.n++] = v % 0x10000;
    }
  }

  text(): string {
    let out = '';
    // fromCharCode takes its units as arguments: in slices, far below any engine's argument limit.
    for (let i = 0; i < this.n; i += 4096)
      out += String.fromCharCode.apply(
        null,
        units.subarray(i, Math.min(i + 4096, this.n)) as unknown as number[],
      );
    if (units.length > 65536) units = new Uint16Array(4096); // the pack of one huge MSET: not kept
    return out;
  }
}

/** Reads back the numbers of a metaString, in order. */
export class MetaReader {
  constructor(
    private readonly s: string,
    private at = 0,
  ) {}

  done(): boolean {
    return this.at >= this.s.length;
  }

  next(): number {
    const u = this.s.charCodeAt(this.at++);
    if (u !== WIDE) return u;
    const n = this.s.charCodeAt(this.at) * 0x10000 + this.s.charCodeAt(this.at + 1);
    this.at += 2;
    return n;
  }
}

/** Is `o` a PackedEntries (a checkpoint packs one by its arguments: lab/pack.ts)? */
export function isPackedEntries(o: object): o is PackedEntries {
  const p = o as Partial<PackedEntries>;
  return (
    typeof p.text === 'string' &&
    typeof p.meta === 'string' &&
    typeof p.start === 'number' &&
    typeof p.end === 'number'
  );
}

/** The arguments `p.text` joins, in order (`p.text === packedArgs(p).join('')`). */
export function packedArgs(p: PackedEntries): string[] {
  const meta = new MetaReader(p.meta);
  const { text } = p;
  const out: string[] = [];
  let at = 0;
  while (!meta.done()) {
    meta.next(); // size
    const argc = meta.next();
    for (let j = 0; j < argc; j++) {
      const len = meta.next();
      out.push(text.slice(at, at + len));
      at += len;
    }
  }
  return out;
}

/** Append to `out` the entries of `p` that end after offset `from` (a byte inside one includes it). */
export function unpack(p: PackedEntries, from: number, out: StreamEntry[]): void {
  const meta = new MetaReader(p.meta);
  const { text } = p;
  let start = p.start;
  let at = 0;
  while (!meta.done()) {
    const size = meta.next();
    const argc = meta.next();
    if (start + size > from) {
      const argv: Argv = [];
      for (let j = 0; j < argc; j++) {
        const len = meta.next();
        argv.push(text.slice(at, at + len));
        at += len;
      }
      out.push(Object.freeze({ start, size, argv, cmd: commandName(argv[0]) }));
    } else for (let j = 0; j < argc; j++) at += meta.next();
    start += size;
  }
}
