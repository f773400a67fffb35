// Stream content every replica has already been sent, packed. A backlog keeps its whole window
// (1 MB by default: ~20 000 SETs) for a PSYNC that may come; as entry objects that is three
// long-lived objects per command (the entry, its argv, the key string), which the garbage collector
// copies and promotes: with 3 replicas at full speed that was over half the engine's time. Packed,
// a 16 KB window of entries is one string and one number list, shared by the nodes that hold it. A PSYNC from inside the packed part unpacks it
// (entriesFrom): the bytes and offsets are the same, only the objects are new.
//
//   SET k1 v1 (27 bytes at 101), SET k2 v2 (27 bytes at 128)
//   → { start: 101, end: 155, meta: [27, 3, 3, 2, 2, 27, 3, 3, 2, 2], text: 'SETk1v1SETk2v2' }
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
  /** Per entry: its size in bytes, argc, then each argument's length in UTF-16 units. */
  readonly meta: readonly number[];
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

/** pack(), or the equal pack another node already made of the same entries. */
export function packShared(entries: readonly StreamEntry[], from: number, to: number): PackedEntries {
  const known = byFirstEntry.get(entries[from]);
  if (known && holds(known, entries, from, to)) return known;
  const p = pack(entries, from, to);
  byFirstEntry.set(entries[from], p);
  return p;
}

/** Does `p` hold exactly entries[from..to) (sizes, argument counts and texts)? */
function holds(p: PackedEntries, entries: readonly StreamEntry[], from: number, to: number): boolean {
  const last = entries[to - 1];
  if (p.start !== entries[from].start || p.end !== last.start + last.size) return false;
  const { meta, text } = p;
  let m = 0;
  let at = 0;
  for (let i = from; i < to; i++) {
    const e = entries[i];
    if (meta[m++] !== e.size || meta[m++] !== e.argv.length) return false;
    for (const a of e.argv) {
      if (meta[m++] !== a.length || !text.startsWith(a, at)) return false;
      at += a.length;
    }
  }
  return m === meta.length;
}

export function pack(entries: readonly StreamEntry[], from: number, to: number): PackedEntries {
  const meta: number[] = [];
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const e = entries[i];
    meta.push(e.size, e.argv.length);
    for (const a of e.argv) {
      meta.push(a.length);
      parts.push(a);
    }
  }
  const last = entries[to - 1];
  return Object.freeze({
    start: entries[from].start,
    end: last.start + last.size,
    meta: Object.freeze(meta),
    text: parts.join(''),
  });
}

/** Is `o` a PackedEntries (a checkpoint packs one by its arguments: lab/pack.ts)? */
export function isPackedEntries(o: object): o is PackedEntries {
  const p = o as Partial<PackedEntries>;
  return (
    typeof p.text === 'string' &&
    Array.isArray(p.meta) &&
    typeof p.start === 'number' &&
    typeof p.end === 'number'
  );
}

/** The arguments `p.text` joins, in order (`p.text === packedArgs(p).join('')`). */
export function packedArgs(p: PackedEntries): string[] {
  const { meta, text } = p;
  const out: string[] = [];
  let at = 0;
  for (let m = 0; m < meta.length; ) {
    m++; // size
    const argc = meta[m++];
    for (let j = 0; j < argc; j++) {
      const len = meta[m++];
      out.push(text.slice(at, at + len));
      at += len;
    }
  }
  return out;
}

/** Append to `out` the entries of `p` that end after offset `from` (a byte inside one includes it). */
export function unpack(p: PackedEntries, from: number, out: StreamEntry[]): void {
  const { meta, text } = p;
  let start = p.start;
  let at = 0;
  for (let m = 0; m < meta.length; ) {
    const size = meta[m++];
    const argc = meta[m++];
    if (start + size > from) {
      const argv: Argv = [];
      for (let j = 0; j < argc; j++) {
        const len = meta[m++];
        argv.push(text.slice(at, at + len));
        at += len;
      }
      out.push(Object.freeze({ start, size, argv, cmd: commandName(argv[0]) }));
    } else for (let j = 0; j < argc; j++) at += meta[m++];
    start += size;
  }
}
