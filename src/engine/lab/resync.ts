// What each replica went through, folded from a run's events, for the ghost run's diff (issue 11):
// how it resynchronized (+CONTINUE, +FULLRESYNC, or SYNC for a replica that cannot PSYNC), how
// many bytes its master sent it, and how long it took to be back online.
//
// The log is a list of timed marks; `truncateResync` forgets marks after t (going back in time:
// the replay brings them again), `resyncSummary` reads a span [from, t]. Pure functions.
//
// Worked example (lesson chapter 5's short reconnect, backlog 1 MB): B's link goes down at
// 4.10 s (link.state connecting), A answers +CONTINUE at 4.52 s and sends 20 writes (≈ 700 B),
// B's link is online at 4.56 s → { outcome: CONTINUE, bytes ≈ 700, backAfter: 0.46 s }.
// With a 16 KB backlog and 2 000 writes in the outage: +FULLRESYNC, the RDB's bytes, and the
// time the BGSAVE, transfer and load took.
import type { SimEvent } from '../server/events.ts';

export type ResyncOutcome = 'CONTINUE' | 'FULLRESYNC' | 'SYNC';

type Mark =
  | { at: number; replica: string; k: 'outcome'; outcome: ResyncOutcome }
  | { at: number; replica: string; k: 'bytes'; bytes: number }
  | { at: number; replica: string; k: 'link'; up: boolean };

export interface ResyncLog {
  marks: Mark[];
  /**
   * Each replica's link as of the last mark (true = online). Bytes are marked only while it is
   * not: the live stream (every write, to every replica) would make the log grow with the run.
   */
  up: Record<string, boolean>;
}

export interface ReplicaResync {
  replica: string;
  /** The last resynchronization in the span, or null. */
  outcome: ResyncOutcome | null;
  /**
   * Bytes its master sent it while its link was down, last time: the +FULLRESYNC/+CONTINUE line,
   * the RDB, the backlog's bytes — what getting back cost (the live stream once online is not counted).
   */
  bytes: number;
  /** When its link last went down (at or before t), or null when it never did in the span. */
  downAt: number | null;
  /** µs from downAt until the link was online again; null while still down. */
  backAfter: number | null;
}

/** Kinds of message that carry data to a replica (what "bytes moved" counts). */
const MOVED = new Set(['+FULLRESYNC', '+CONTINUE', 'RDB', 'stream']);

export function emptyResyncLog(): ResyncLog {
  return { marks: [], up: {} };
}

/** Fold events (in time order) into the log. */
export function foldResync(log: ResyncLog, events: readonly SimEvent[]): void {
  const m = log.marks;
  for (const e of events) {
    if (e.type === 'psync.result' && e.result !== 'ERROR')
      m.push({ at: e.at, replica: e.replica, k: 'outcome', outcome: e.result });
    else if (e.type === 'message.sent' && e.kind === 'SYNC')
      m.push({ at: e.at, replica: e.from, k: 'outcome', outcome: 'SYNC' });
    else if (e.type === 'message.sent' && MOVED.has(e.kind)) {
      if (log.up[e.to] !== true) addBytes(m, e.at, e.to, e.bytes);
    } else if (e.type === 'link.state') {
      const up = e.state === 'online';
      if (log.up[e.replica] !== up) m.push({ at: e.at, replica: e.replica, k: 'link', up });
      log.up[e.replica] = up;
    }
  }
}

/** Bytes at the same µs for the same replica add up in one mark (a stream is many small sends). */
function addBytes(m: Mark[], at: number, replica: string, bytes: number): void {
  const last = m[m.length - 1];
  if (last?.k === 'bytes' && last.at === at && last.replica === replica) last.bytes += bytes;
  else m.push({ at, replica, k: 'bytes', bytes });
}

/** Forget marks after `t` (and the link states they set). */
export function truncateResync(log: ResyncLog, t: number): void {
  const k = log.marks.findIndex((x) => x.at > t);
  if (k < 0) return;
  log.marks.length = k;
  log.up = {};
  for (const x of log.marks) if (x.k === 'link') log.up[x.replica] = x.up;
}

/** Each replica's resync in the span [from, t], replicas by name. */
export function resyncSummary(log: ResyncLog, from: number, t: number): ReplicaResync[] {
  const by = new Map<string, ReplicaResync>();
  const row = (replica: string) => {
    let r = by.get(replica);
    if (!r) by.set(replica, (r = { replica, outcome: null, bytes: 0, downAt: null, backAfter: null }));
    return r;
  };
  for (const x of log.marks) {
    if (x.at > t) break;
    const r = row(x.replica);
    if (x.k === 'link') {
      if (!x.up) [r.downAt, r.backAfter, r.bytes] = [x.at, null, 0];
      else if (r.downAt !== null && r.backAfter === null) r.backAfter = x.at - r.downAt;
    } else if (x.k === 'bytes') {
      if (r.downAt !== null && r.backAfter === null) r.bytes += x.bytes;
    } else if (x.at >= from) r.outcome = x.outcome;
  }
  // A link that went down and came back before the span is no part of it.
  for (const r of by.values())
    if (r.downAt !== null && r.backAfter !== null && r.downAt + r.backAfter < from)
      [r.downAt, r.backAfter, r.bytes] = [null, null, 0];
  return [...by.values()]
    .filter((r) => r.outcome !== null || r.bytes > 0 || r.downAt !== null)
    .sort((a, b) => (a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0));
}

export interface ResyncDiffRow {
  replica: string;
  a: ReplicaResync | null;
  b: ReplicaResync | null;
  /** The outcomes differ (the row the diff puts first). */
  outcomeDiffers: boolean;
}

/** The two runs' summaries side by side, one row per replica in either; differing outcomes first. */
export function resyncDiff(a: readonly ReplicaResync[], b: readonly ReplicaResync[]): ResyncDiffRow[] {
  const names = [...new Set([...a.map((r) => r.replica), ...b.map((r) => r.replica)])].sort();
  const rows = names.map((replica) => {
    const ra = a.find((r) => r.replica === replica) ?? null;
    const rb = b.find((r) => r.replica === replica) ?? null;
    return { replica, a: ra, b: rb, outcomeDiffers: (ra?.outcome ?? null) !== (rb?.outcome ?? null) };
  });
  return [...rows.filter((r) => r.outcomeDiffers), ...rows.filter((r) => !r.outcomeDiffers)];
}
