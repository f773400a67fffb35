// Timeline checkpoints: copies of the lab taken as a run advances, so going back restores the
// nearest one at or before the target and replays only from there — exactly, because a run is
// deterministic and a checkpoint is the state a straight run has at that moment (after every
// input recorded at or before its time, and every task due by then).
//
// Spacing: one every CHECKPOINT_EVERY_US of virtual time. Memory stays bounded: past
// MAX_CHECKPOINTS, every other one is dropped and the spacing doubles (2 s → 4 s → 8 s …), so a
// 30-minute run keeps at most 128 copies, 16 s apart at most (1800 s / 64 → the next doubling, 16 s).
// A copy is the lab packed (pack.ts): ~70 kB with three nodes at 500 writes/s (the stream entries
// of its backlog window, three 1000-key keyspaces), where a copy as live objects held ~480 kB.
import { compactEntries } from '../replication/backlog.ts';
import type { Lab } from './lab.ts';
import { newPackCache, type PackCache, type Packed, packData, unpackData } from './pack.ts';

export const CHECKPOINT_EVERY_US = 2_000_000;
export const MAX_CHECKPOINTS = 128;

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
  /** Current spacing, µs (doubles at each thinning). */
  every: number;
  /** What the checkpoints share (pack.ts). */
  cache: PackCache;
}

export function noCheckpoints(): Checkpoints {
  return { list: [], every: CHECKPOINT_EVERY_US, cache: newPackCache() };
}

/** When the next checkpoint is due: `every` after the newest one. */
export function nextCheckpointAt(cps: Checkpoints): number {
  const last = cps.list[cps.list.length - 1];
  return last ? last.at + cps.every : cps.every;
}

/** A copy of `lab` now. Events not yet drained belong to the caller, not to the copy. */
export function takeCheckpoint(cps: Checkpoints, lab: Lab, cursor: number): void {
  const w = lab.w;
  for (const n of w.nodes.values()) if (n.backlog) compactEntries(n.backlog);
  const pending = w.events;
  w.events = [];
  try {
    cps.list.push({ at: w.now, cursor, lab: packData(lab, cps.cache) });
  } finally {
    w.events = pending;
  }
  if (cps.list.length > MAX_CHECKPOINTS) {
    cps.list = cps.list.filter((_, i) => i % 2 === 1);
    cps.every *= 2;
  }
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
  while (cps.list.length && cps.list[cps.list.length - 1].at > t) cps.list.pop();
}
