// The Redis 7.0 replication buffer and backlog (spec §4.3), as plain data + pure-ish functions.
//
// 7.0 keeps ONE list of blocks (`server.repl_buffer_blocks`). The backlog references the first
// block it still counts as history; each replica references the block it still has to send from.
// History is dropped in whole blocks and never below repl-backlog-size:
//   with repl-backlog-size 16384 and 20440-byte blocks, the first byte stays 1 until
//   histlen > 16384 + 20440 = 36824; then block 1 goes and first_byte_offset jumps to 20441.
// Numbers kept explicit: `offset` (first byte held, numbered from 1), `histlen`, and
// always offset = master_repl_offset - histlen + 1.
//
// The stream's *content* is kept beside the blocks as entries (one per command), so a PSYNC can
// be answered with the real bytes and a replica's pending buffer can be streamed.
import type { Argv } from '../core/resp.ts';
import { commandName } from '../keyspace/index.ts';
import { type PackedEntries, packShared, packWindow, unpack } from './packed.ts';

/** Header of a replBufBlock in bytes; the allocation is rounded up to a jemalloc size class. */
const BLOCK_HEADER = 40;
/** PROTO_REPLY_CHUNK_BYTES: the smallest block payload asked for. */
const CHUNK = 16 * 1024;

export interface ReplBlock {
  /** Stream offset of this block's first byte (1-based). */
  start: number;
  /** Capacity in bytes (the allocation's usable size minus the header). */
  size: number;
  used: number;
}

export interface StreamEntry {
  /** Offset of the entry's first byte. */
  start: number;
  size: number;
  argv: Argv;
  /** argv[0] in lower case, computed once where the command enters the stream. */
  cmd: string;
}

export interface Backlog {
  /** repl_backlog_first_byte_offset. */
  offset: number;
  histlen: number;
  /** The block list (shared with the replicas' send positions). blocks[0] is the oldest still held. */
  blocks: ReplBlock[];
  /**
   * Stream content: the oldest part packed (sent to every replica: packed.ts), then the entries
   * from `entries[head].start` on. Kept while the backlog or a replica still needs it. Dropped
   * entries are skipped by moving `head` (amortised O(1)); the array is compacted once the dead
   * prefix is large.
   */
  packed: PackedEntries[];
  entries: StreamEntry[];
  head: number;
}

/**
 * jemalloc size classes: 4 per power of two above 8 KiB... (16K, 20K, 24K, 28K, 32K, 40K, …).
 * The power of two comes from doubling, not `2 ** …`: V8's interpreter boxes a `**` result as a
 * heap number, a block's `size` then held 20440.0, the first trim turned the backlog's `histlen`
 * and `offset` into doubles, and that shape change threw away the compiled code of every function
 * that touches a backlog (the first ~100 000 SETs of a run with 3 replicas ran 2.5× slower).
 */
export function jemallocSizeClass(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  let p = 128; // the largest power of two < n
  while (p * 2 < n) p *= 2;
  const step = p / 4;
  return Math.ceil(n / step) * step;
}

/** Usable payload of a new block for a write of `len` bytes (feedReplicationBuffer, 7.0.10+). */
export function newBlockSize(len: number, backlogSize: number): number {
  const want = Math.min(Math.max(len, CHUNK), Math.max(Math.floor(backlogSize / 16), CHUNK));
  return jemallocSizeClass(want + BLOCK_HEADER) - BLOCK_HEADER;
}

/** createReplicationBacklog: empty, first byte = master_repl_offset + 1. */
export function createBacklog(masterReplOffset: number): Backlog {
  return { offset: masterReplOffset + 1, histlen: 0, blocks: [], packed: [], entries: [], head: 0 };
}

/**
 * Append one command's bytes (feedReplicationBuffer). The caller adds `size` to
 * master_repl_offset. Fills the tail block, then opens new blocks as needed.
 */
export function feedBacklog(
  bl: Backlog,
  argv: Argv,
  size: number,
  backlogSize: number,
  masterReplOffset: number,
  cmd = commandName(argv[0]),
  /** The upstream's entry for the same bytes: a chain shares one offset space, so it is reused. */
  shared?: StreamEntry,
): void {
  const start = masterReplOffset + 1;
  bl.entries.push(
    // Frozen: an entry never changes once written; the nodes of a chain share it, and a checkpoint
    // packs it by value (lab/pack-format.ts: a frozen object of primitives).
    shared && shared.start === start && shared.size === size
      ? shared
      : Object.freeze({ start, size, argv, cmd }),
  );
  let len = size;
  let at = start;
  const tail = bl.blocks[bl.blocks.length - 1];
  if (tail && tail.used < tail.size) {
    const n = Math.min(tail.size - tail.used, len);
    tail.used += n;
    len -= n;
    at += n;
  }
  while (len > 0) {
    const cap = newBlockSize(len, backlogSize);
    const n = Math.min(cap, len);
    bl.blocks.push({ start: at, size: cap, used: n });
    len -= n;
    at += n;
  }
  bl.histlen += size;
}

/**
 * incrementalTrimReplicationBacklog: drop the first block while
 *   histlen > size, more than one block, nobody but the backlog references it, and
 *   histlen - first.size > size.
 * `pinnedFrom` is the smallest send position (offset of the next byte to send) among replicas that
 * hold a reference into the buffer, or Infinity. Returns true when history was dropped.
 */
export function trimBacklog(
  bl: Backlog,
  backlogSize: number,
  masterReplOffset: number,
  pinnedFrom: number,
): boolean {
  let trimmed = false;
  while (bl.histlen > backlogSize && bl.blocks.length > 1) {
    const first = bl.blocks[0];
    if (refersTo(bl, pinnedFrom, 0)) break;
    if (bl.histlen - first.size <= backlogSize) break;
    bl.blocks.shift();
    bl.histlen -= first.size;
    trimmed = true;
  }
  bl.offset = masterReplOffset - bl.histlen + 1;
  if (trimmed) dropEntriesBefore(bl, Math.min(bl.offset, pinnedFrom));
  return trimmed;
}

/** Does a replica whose next byte to send is `pos` hold a reference to blocks[i]? */
function refersTo(bl: Backlog, pos: number, i: number): boolean {
  if (!Number.isFinite(pos)) return false;
  const b = bl.blocks[i];
  if (pos >= b.start && pos < b.start + b.size) return true;
  // A replica that has sent everything references the tail block.
  return i === bl.blocks.length - 1 && pos >= b.start;
}

/** Forget stream content before `offset` (nobody can ask for it any more). */
export function dropEntriesBefore(bl: Backlog, offset: number): void {
  let n = 0;
  while (n < bl.packed.length && bl.packed[n].end <= offset) n++;
  if (n > 0) bl.packed.splice(0, n);
  const e = bl.entries;
  let k = bl.head;
  while (k < e.length && e[k].start + e[k].size <= offset) k++;
  bl.head = k;
  compactIfMostlyDead(bl);
}

/**
 * Compact once the dead prefix outweighs the live entries (amortised O(1) per entry) and holds
 * 1 024 entries: a dead entry the array still holds survives the young-generation collections with
 * its argv and key (with 4 096 their copying was a fifth of the engine's time at full speed).
 */
function compactIfMostlyDead(bl: Backlog): void {
  const k = bl.head;
  if (k >= 1024 && k * 2 > bl.entries.length) compactEntries(bl);
}

/** Drop the dead prefix now (nothing reads before `head`): a checkpoint then copies only live entries. */
export function compactEntries(bl: Backlog): void {
  const k = bl.head;
  if (k === 0) return;
  // splice: V8 drops a prefix by moving the array's start (no copy of the live part, and the
  // array keeps its room at the end, where copying down and shortening it gave the room back and
  // every push after regrew it: 116 bytes a SET); it builds an array of the k dropped entries.
  bl.entries.splice(0, k);
  bl.head = 0;
}

/** PSYNC data check: can byte `p` (the first one the replica lacks) be served? offset ≤ p ≤ offset + histlen. */
export function backlogCovers(bl: Backlog | null, p: number): boolean {
  return bl !== null && p >= bl.offset && p <= bl.offset + bl.histlen;
}

/**
 * Pack the entries every replica has been sent (they end at or before `sentBefore`, the smallest
 * send position), one whole 16 KB window at a time (packed.ts): the backlog's window then holds a
 * few objects per window, not three per command.
 */
export function packSent(bl: Backlog, sentBefore: number): void {
  const e = bl.entries;
  let k = bl.head;
  // Nothing to do until the oldest live window is complete (a later entry starts the next one).
  if (k >= e.length || packWindow(e[k].start) === packWindow(e[e.length - 1].start)) return;
  while (k < e.length) {
    const win = packWindow(e[k].start);
    let j = k + 1;
    while (j < e.length && packWindow(e[j].start) === win) j++;
    const last = e[j - 1];
    if (j === e.length || last.start + last.size > sentBefore) break;
    bl.packed.push(packShared(e, k, j));
    k = j;
  }
  bl.head = k;
  compactIfMostlyDead(bl);
}

/** The stream entries from offset `from` to the end (addReplyReplicationBacklog's bytes). */
export function entriesFrom(bl: Backlog, from: number): StreamEntry[] {
  const older: StreamEntry[] = [];
  for (const p of bl.packed) if (p.end > from) unpack(p, from, older);
  const live = liveEntriesFrom(bl, from);
  return older.length === 0 ? live : older.concat(live);
}

function liveEntriesFrom(bl: Backlog, from: number): StreamEntry[] {
  const e = bl.entries;
  let lo = bl.head;
  let hi = e.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e[mid].start + e[mid].size <= from) lo = mid + 1;
    else hi = mid;
  }
  return e.slice(lo);
}

/**
 * Rebase after a master restart from an RDB (7.0, spec §8.2): the saved offset becomes this
 * node's master_repl_offset and the (empty or DEL-only) backlog starts right after it.
 */
export function rebaseBacklog(bl: Backlog, delta: number, masterReplOffset: number): void {
  for (const b of bl.blocks) b.start += delta;
  // Entries may be shared with other nodes' backlogs: rebase copies, never the shared objects.
  bl.entries = entriesFrom(bl, 0).map((e) => Object.freeze({ ...e, start: e.start + delta }));
  bl.packed = [];
  bl.head = 0;
  bl.offset = masterReplOffset - bl.histlen + 1;
}

/** What a UI draws: the range held and the blocks, numbers as Redis reports them. */
export interface BacklogView {
  active: boolean;
  size: number;
  firstByteOffset: number;
  histlen: number;
  masterReplOffset: number;
  blocks: { start: number; size: number; used: number }[];
}

export function backlogView(bl: Backlog | null, size: number, masterReplOffset: number): BacklogView {
  if (!bl) return { active: false, size, firstByteOffset: 0, histlen: 0, masterReplOffset, blocks: [] };
  return {
    active: true,
    size,
    firstByteOffset: bl.offset,
    histlen: bl.histlen,
    masterReplOffset,
    blocks: bl.blocks.map((b) => ({ start: b.start, size: b.size, used: b.used })),
  };
}
