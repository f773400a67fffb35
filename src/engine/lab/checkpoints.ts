// Timeline checkpoints: copies of the lab taken as a run advances, so going back restores the
// nearest one at or before the target and replays only from there — exactly, because a run is
// deterministic and a checkpoint is the state a straight run has at that moment (after every
// input recorded at or before its time, and every task due by then).
//
// Spacing: one every CHECKPOINT_EVERY_US (2 s) of virtual time, further apart for copies bigger
// than COPY_BYTES_PER_SPACING (a big dataset). Memory stays bounded: past
// MAX_CHECKPOINTS, one older copy goes each time a new one comes, the one whose neighbours are
// closest (so the older ones stay evenly spread), while the newest RECENT_CHECKPOINTS are kept as
// taken (scrubbing back a little replays at most 2 s). A 30-minute run keeps 500 copies: the last
// 16 cover 32 s, the 484 older ones the first ~1768 s, ~3.7 s apart (gaps of 2 and 4 s). At 500
// writes/s that is ~34 MB (a copy ~60 kB packed), ~37 MB at 60 minutes.
// A copy is the lab packed (pack.ts): ~55-60 kB with three nodes at 500 writes/s (the stream entries
// of its backlog window, three 1000-key keyspaces), where a copy as live objects held ~480 kB.
import { compactEntries } from '../replication/backlog.ts';
import type { Lab } from './lab.ts';
import { packData } from './pack.ts';
import { newPackCache, type PackCache, type Packed } from './pack-format.ts';
import { unpackData } from './unpack.ts';

export const CHECKPOINT_EVERY_US = 2_000_000;
/**
 * Copies bigger than this come further apart, in proportion: packing costs ~70 ms a MB, so a 3 MB
 * copy (100 000 keys) is taken every ~23 s, not every 2 s (~9 ms of packing a simulated second
 * instead of ~100). The 30-minute class's ~60 kB copies stay 2 s apart.
 */
export const COPY_BYTES_PER_SPACING = 256 * 1024;
export const MAX_CHECKPOINTS = 500;
export const RECENT_CHECKPOINTS = 16;
/**
 * Packed bytes the copies may hold in all (what they share is not counted). A 30-minute class at
 * 500 writes/s packs ~27 MB into its 500 copies and never meets it; a lab holding 100 000 keys packs
 * ~3 MB a copy (packing it takes ~200 ms) and keeps ~13, spread over the run, so memory stays
 * bounded whatever the dataset.
 */
export const MAX_CHECKPOINT_BYTES = 40_000_000;

export interface Checkpoint {
  /** Virtual time of the copy. */
  at: number;
  /** Recorded inputs applied by then (the timeline's cursor). */
  cursor: number;
  /** The lab, packed (pack.ts). */
  lab: Packed;
}

export interface Checkpoints {
  list: Checkpoint[];
  /** How many are kept, and how many of the newest are thinned last. */
  max: number;
  recent: number;
  /** Packed bytes allowed in all, and held now (packedSize). */
  maxBytes: number;
  bytes: number;
  /** Spacing after the newest, µs: CHECKPOINT_EVERY_US, longer for a big copy. */
  every: number;
  /** What the checkpoints share (pack.ts). */
  cache: PackCache;
}

export function noCheckpoints(
  max = MAX_CHECKPOINTS,
  recent = RECENT_CHECKPOINTS,
  maxBytes = MAX_CHECKPOINT_BYTES,
): Checkpoints {
  return { list: [], max, recent, maxBytes, bytes: 0, every: CHECKPOINT_EVERY_US, cache: newPackCache() };
}

/** Bytes a packed copy holds: its byte array and its text (one byte a character, two if wide). */
function packedSize(p: Packed): number {
  return p.bytes.length + p.text.length;
}

/** When the next checkpoint is due: `every` after the newest one. */
export function nextCheckpointAt(cps: Checkpoints): number {
  const last = cps.list[cps.list.length - 1];
  return (last?.at ?? 0) + cps.every;
}

/** A copy of `lab` now. Events not yet drained belong to the caller, not to the copy. */
export function takeCheckpoint(cps: Checkpoints, lab: Lab, cursor: number): void {
  const w = lab.w;
  for (const n of w.nodes.values()) if (n.backlog) compactEntries(n.backlog);
  const pending = w.events;
  w.events = [];
  try {
    const packed = packData(lab, cps.cache);
    cps.list.push({ at: w.now, cursor, lab: packed });
    const size = packedSize(packed);
    cps.bytes += size;
    cps.every = Math.round(Math.max(1, size / COPY_BYTES_PER_SPACING) * CHECKPOINT_EVERY_US);
  } finally {
    w.events = pending;
  }
  while (cps.list.length > cps.max || (cps.bytes > cps.maxBytes && cps.list.length > 1)) thinOlder(cps);
}

/**
 * Drop the older checkpoint whose neighbours are closest (the earliest on a tie): the gap its
 * going leaves, next.at - prev.at (t = 0 before the first, where a fresh lab stands), is the
 * smallest. With gaps of 2, 2, 4, 2 s the first goes (a 4-s gap), not the one beside the 4.
 * The newest `recent` are spared, at most half of them (a byte budget that keeps few copies still
 * spreads them over the run); the newest one always stays.
 */
function thinOlder(cps: Checkpoints): void {
  const list = cps.list;
  const spared = Math.min(cps.recent, Math.floor(list.length / 2));
  let drop = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < list.length - spared; i++) {
    const gap = list[i + 1].at - (i > 0 ? list[i - 1].at : 0);
    if (gap < smallest) [smallest, drop] = [gap, i];
  }
  cps.bytes -= packedSize(list[drop].lab);
  list.splice(drop, 1);
}

/** A fresh copy of the newest checkpoint at or before `t`, or null when there is none. */
export function restoreCheckpoint(cps: Checkpoints, t: number): { lab: Lab; cursor: number } | null {
  let lo = 0;
  let hi = cps.list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps.list[mid].at <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  const cp = cps.list[found];
  return { lab: unpackData<Lab>(cp.lab, cps.cache), cursor: cp.cursor };
}

/** Whether a checkpoint lies in (from, to]: restoring it beats replaying up to it. */
export function checkpointAfter(cps: Checkpoints, from: number, to: number): boolean {
  return cps.list.some((c) => c.at > from && c.at <= to);
}

/** Acting at `t` forks the run: checkpoints after `t` show a future that no longer happens. */
export function dropCheckpointsAfter(cps: Checkpoints, t: number): void {
  while (cps.list.length && cps.list[cps.list.length - 1].at > t)
    cps.bytes -= packedSize(cps.list.pop()!.lab);
}
