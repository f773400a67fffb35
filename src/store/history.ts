// The UI's history: a pure fold of wire events into lists ordered by virtual time.
//   applyEvents(h, events) appends; truncate(h, t) forgets everything after t (going back in time:
//   the worker replays deterministically, so what comes after t will arrive again, identically).
// Lists are bounded: past their cap the oldest half goes (scrubbing there still works: the
// worker rebuilds the world; only the drawings of that far past are thinner).
import type { ActionEvent, ConsoleEvent, Sample, WireEvent } from '../protocol.ts';

type Ev<T extends WireEvent['type']> = Extract<WireEvent, { type: T }>;

/** A message on a link, with where it is in its life. */
export interface MsgRec {
  id: number;
  conn: number;
  from: string;
  to: string;
  kind: Ev<'message.sent'>['kind'];
  label: string;
  resp: string;
  bytes: number;
  sentAt: number;
  deliverAt: number;
  /** Set when it was dropped (a cut): when and why. */
  droppedAt: number | null;
  dropReason: string | null;
  offsets?: [number, number];
}

export interface History {
  messages: MsgRec[];
  byId: Map<number, MsgRec>;
  /** Longest sentAt→deliverAt seen: bounds the backwards scan for messages in flight. */
  maxFlight: number;
  decisions: Ev<'psync.decided'>[];
  results: Ev<'psync.result'>[];
  phases: Ev<'rdb.phase'>[];
  replStates: Ev<'replica.state'>[];
  /** Handshake steps answered with an error (the stepper marks them failed or warned). */
  hsErrors: Ev<'handshake.error'>[];
  linkStates: Ev<'link.state'>[];
  logs: Ev<'log'>[];
  consoles: ConsoleEvent[];
  actions: ActionEvent[];
  shifts: Ev<'replid.shifted'>[];
  /** Replicas closed for their output-buffer limit (a why card explains the full sync that follows). */
  obufCloses: Ev<'obuf.closed'>[];
  /** Replica reads that met keys whose TTL had passed (the console explains the nil). */
  expiredReads: Ev<'replica.expired-read'>[];
  /** Acknowledged writes thrown away by a full sync (the "acknowledged but lost" counter). */
  lostWrites: Ev<'writes.lost'>[];
  /** WAIT's answers (shown beside the counter). */
  waits: Ev<'wait.answered'>[];
  lifecycle: (Ev<'node.started'> | Ev<'node.state'> | Ev<'node.role'>)[];
  backlog: (Ev<'backlog.created'> | Ev<'backlog.freed'> | Ev<'backlog.trimmed'>)[];
  samples: Sample[];
  /** Distinct virtual times at which something happened (for "one event back"). */
  times: number[];
  dropped: number;
}

/** Which lists a fold touched: the store bumps a revision per list so views re-render narrowly. */
export interface Touched {
  messages: boolean;
  decisions: boolean;
  phases: boolean;
  states: boolean;
  logs: boolean;
  consoles: boolean;
  actions: boolean;
  samples: boolean;
}

export const CAPS = { messages: 20_000, logs: 6_000, samples: 30_000, times: 50_000, other: 5_000 };

export function emptyHistory(): History {
  return {
    messages: [],
    byId: new Map(),
    maxFlight: 0,
    decisions: [],
    results: [],
    phases: [],
    replStates: [],
    hsErrors: [],
    linkStates: [],
    logs: [],
    consoles: [],
    actions: [],
    shifts: [],
    obufCloses: [],
    expiredReads: [],
    lostWrites: [],
    waits: [],
    lifecycle: [],
    backlog: [],
    samples: [],
    times: [],
    dropped: 0,
  };
}

export function noneTouched(): Touched {
  return {
    messages: false,
    decisions: false,
    phases: false,
    states: false,
    logs: false,
    consoles: false,
    actions: false,
    samples: false,
  };
}

function push<T>(list: T[], x: T, cap: number): void {
  list.push(x);
  if (list.length > cap) list.splice(0, list.length - Math.floor(cap / 2));
}

type Kind = WireEvent['type'];
type Folder<K extends Kind> = (h: History, e: Ev<K>, t: Touched) => void;

/** Append `e` to one of h's lists (capped at CAPS.other) and mark `list`'s revision touched. */
const keep =
  <K extends Kind>(into: (h: History) => WireEvent[], list: keyof Touched | null): Folder<K> =>
  (h, e, t) => {
    push(into(h), e, CAPS.other);
    if (list) t[list] = true;
  };

/** One folder per event kind the history keeps; other kinds only move `times`. */
const FOLD: { [K in Kind]?: Folder<K> } = {
  'message.sent': (h, e, t) => {
    const m: MsgRec = {
      id: e.id,
      conn: e.conn,
      from: e.from,
      to: e.to,
      kind: e.kind,
      label: e.label,
      resp: e.resp,
      bytes: e.bytes,
      sentAt: e.sentAt,
      deliverAt: e.deliverAt,
      droppedAt: null,
      dropReason: null,
      offsets: e.offsets,
    };
    h.messages.push(m);
    h.byId.set(m.id, m);
    if (h.messages.length > CAPS.messages) {
      for (const x of h.messages.splice(0, CAPS.messages / 2)) h.byId.delete(x.id);
    }
    h.maxFlight = Math.max(h.maxFlight, e.deliverAt - e.sentAt);
    t.messages = true;
  },
  'message.dropped': (h, e, t) => {
    const m = h.byId.get(e.id);
    if (m) {
      m.droppedAt = e.at;
      m.dropReason = e.reason;
      t.messages = true;
    }
  },
  'psync.decided': keep((h) => h.decisions, 'decisions'),
  'psync.result': keep((h) => h.results, 'decisions'),
  'rdb.phase': keep((h) => h.phases, 'phases'),
  'replica.state': keep((h) => h.replStates, 'states'),
  'handshake.error': keep((h) => h.hsErrors, 'states'),
  'link.state': keep((h) => h.linkStates, 'states'),
  log: (h, e, t) => {
    push(h.logs, e, CAPS.logs);
    t.logs = true;
  },
  console: keep((h) => h.consoles, 'consoles'),
  action: keep((h) => h.actions, 'actions'),
  'replid.shifted': keep((h) => h.shifts, 'decisions'),
  'obuf.closed': keep((h) => h.obufCloses, 'decisions'),
  'writes.lost': keep((h) => h.lostWrites, 'decisions'),
  'wait.answered': keep((h) => h.waits, 'decisions'),
  'replica.expired-read': keep((h) => h.expiredReads, 'consoles'),
  'node.started': keep((h) => h.lifecycle, 'states'),
  'node.state': keep((h) => h.lifecycle, 'states'),
  'node.role': keep((h) => h.lifecycle, 'states'),
  'backlog.created': keep((h) => h.backlog, null),
  'backlog.freed': keep((h) => h.backlog, null),
  'backlog.trimmed': keep((h) => h.backlog, null),
};

/**
 * The event kinds the history keeps. The store reads no others (its follow-tab and notices look at
 * `psync.decided` and `rdb.phase`, kept here), so a play frame may leave the rest out (`advance`
 * `keep`): their times come in the frame's `times`.
 */
export const FOLDED = Object.keys(FOLD) as Kind[];

/**
 * Fold events (in order) into h. Returns which lists changed. `times` (a frame that left some
 * events out: protocol.ts Frame) replaces the events' own times for "one event back".
 */
export function applyEvents(
  h: History,
  events: WireEvent[],
  samples: Sample[] = [],
  t = noneTouched(),
  times?: readonly number[],
): Touched {
  for (const e of events) {
    if (!times) pushTime(h, e.at);
    (FOLD[e.type] as Folder<Kind> | undefined)?.(h, e as Ev<Kind>, t);
  }
  if (times) for (const at of times) pushTime(h, at);
  for (const s of samples) {
    const last = h.samples[h.samples.length - 1];
    if (last && s.at <= last.at) continue;
    push(h.samples, s, CAPS.samples);
    t.samples = true;
  }
  return t;
}

/** A distinct time something happened at, if it is past the last one. */
function pushTime(h: History, at: number): void {
  const last = h.times[h.times.length - 1];
  if (last === undefined || at > last) push(h.times, at, CAPS.times);
}

/** Index of the first element with key(x) > t, in a list sorted by key. */
export function upperBound<T>(list: T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cut<T extends { at: number }>(list: T[], t: number): boolean {
  const k = upperBound(list, t, (x) => x.at);
  if (k === list.length) return false;
  list.length = k;
  return true;
}

/** Forget everything after virtual time t. Messages still in flight at t lose their drop mark. */
export function truncate(h: History, t: number): Touched {
  const touched = noneTouched();
  const k = upperBound(h.messages, t, (m) => m.sentAt);
  if (k < h.messages.length) {
    for (const m of h.messages.splice(k)) h.byId.delete(m.id);
    touched.messages = true;
  }
  for (let i = h.messages.length - 1; i >= 0; i--) {
    const m = h.messages[i];
    if (m.sentAt < t - h.maxFlight) break;
    if (m.droppedAt !== null && m.droppedAt > t) {
      m.droppedAt = null;
      m.dropReason = null;
      touched.messages = true;
    }
  }
  // No short-circuit: every list must be cut.
  touched.decisions = [
    cut(h.decisions, t),
    cut(h.results, t),
    cut(h.shifts, t),
    cut(h.obufCloses, t),
    cut(h.lostWrites, t),
    cut(h.waits, t),
  ].includes(true);
  touched.phases = cut(h.phases, t);
  touched.states = [
    cut(h.replStates, t),
    cut(h.hsErrors, t),
    cut(h.linkStates, t),
    cut(h.lifecycle, t),
  ].includes(true);
  touched.logs = cut(h.logs, t);
  touched.consoles = [cut(h.consoles, t), cut(h.expiredReads, t)].includes(true);
  touched.actions = cut(h.actions, t);
  cut(h.backlog, t);
  touched.samples = cut(h.samples, t);
  h.times.length = upperBound(h.times, t, (x) => x);
  return touched;
}

/**
 * Messages on the wire at t (sent, not yet delivered), oldest first, the newest `max` kept. A
 * dropped message stays `linger` µs past its drop, so the view can show it being lost. With
 * `from` < t: those on the wire at some time in [from, t] (what the draw worker may show while
 * its display time glides from `from` to t).
 */
export function inFlight(h: History, t: number, max = 400, linger = 0, from = t): MsgRec[] {
  const out: MsgRec[] = [];
  const hi = upperBound(h.messages, t, (m) => m.sentAt);
  for (let i = hi - 1; i >= 0 && out.length < max; i--) {
    const m = h.messages[i];
    if (m.sentAt < from - h.maxFlight - linger) break;
    const end = m.droppedAt !== null ? m.droppedAt + linger : m.deliverAt;
    if (end > from) out.push(m);
  }
  return out.reverse();
}

/** The latest distinct event time strictly before t (for "one event back"), or 0. */
export function previousTime(h: History, t: number): number {
  let k = upperBound(h.times, t, (x) => x) - 1;
  while (k >= 0 && h.times[k] >= t) k--;
  return k >= 0 ? h.times[k] : 0;
}
