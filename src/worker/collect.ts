// Turning drained engine events into wire events: console lines for typed commands (the engine's
// `command` event carries the reply as redis-cli prints it), actions for other inputs, traffic
// commands left out; thinning a frame that passed the bound; keeping the kinds the page reads.
// Pure functions of their arguments.
import type { LabInput, SimEvent, TimedInput, World } from '../engine/index.ts';
import type { WireEvent } from '../protocol.ts';

type CommandInput = Extract<LabInput, { type: 'command' }>;

/** Bulk events: many per write. Thinned first when a frame is too big. */
export function isBulk(e: WireEvent): boolean {
  switch (e.type) {
    case 'message.sent':
      return (
        e.kind === 'stream' ||
        e.kind === 'REPLCONF ACK' ||
        e.kind === 'newline' ||
        e.kind === 'REPLCONF GETACK'
      );
    case 'message.delivered':
    case 'backlog.written':
    case 'data.changed':
    case 'offset.changed':
    case 'offset.acked':
      return true;
    default:
      return false;
  }
}

/**
 * Routine events: what a running write load makes many times a second — the bulk, and the backlog
 * trims it causes — and messages on the wire, which the message layer draws as they come (what a
 * message changes on a node is an event of its own). A frame of nothing else changes only numbers
 * (offsets, ACKs, key counts), which the page shows at a reading pace; any other event (a link
 * state, a PSYNC answer, a log line, an action) makes the frame `discrete` (protocol.ts Frame).
 */
export function isRoutine(e: WireEvent): boolean {
  return isBulk(e) || e.type.startsWith('message.') || e.type === 'backlog.trimmed';
}

const sameArgv = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Wire events from drained engine events. `applied` are the inputs applied while these events
 * were produced, in order: each `command` input claims the first matching `command` event.
 */
export function toWire(w: World, events: SimEvent[], applied: TimedInput[]): WireEvent[] {
  const out: WireEvent[] = [];
  const claims: CommandInput[] = [];
  // Actions sort just before what they caused (the first drained event).
  const actionSeq = (events.length ? events[0].seq : w.seq) - 0.5;
  for (const a of applied) {
    if (a.input.type === 'command') claims.push(a.input);
    else out.push({ type: 'action', at: a.at, seq: actionSeq, input: a.input });
  }
  for (const e of events) {
    if (e.type !== 'command') {
      out.push(e);
      continue;
    }
    // The late reply of a blocked call (WAIT, SHUTDOWN) belongs to a line typed earlier.
    if (!e.resumed) {
      const k = claims.findIndex((c) => c.node === e.node && sameArgv(c.argv, e.argv));
      if (k < 0) continue; // the traffic generator and bursts: nobody typed them
      claims.splice(k, 1);
    }
    out.push({
      type: 'console',
      at: e.at,
      seq: e.seq,
      node: e.node,
      argv: e.argv,
      reply: e.reply,
    });
  }
  return out;
}

/**
 * Keep a frame under `bound` events: every non-bulk event, every message still in flight at `to`,
 * and the newest bulk events up to half the bound. Returns the kept events and how many were left out.
 */
export function thin(
  events: WireEvent[],
  bound: number,
  to: number,
): { events: WireEvent[]; dropped: number } {
  if (events.length <= bound) return { events, dropped: 0 };
  const bulkBudget = Math.floor(bound / 2);
  let bulkSeen = 0;
  const keep = new Array<boolean>(events.length);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (!isBulk(e)) keep[i] = true;
    else if (e.type === 'message.sent' && e.deliverAt > to) keep[i] = true;
    else keep[i] = bulkSeen++ < bulkBudget;
  }
  const kept = events.filter((_, i) => keep[i]);
  return { events: kept, dropped: events.length - kept.length };
}

/**
 * The events of the kinds in `keep`, and the times of all of them that passed every earlier one
 * (protocol.ts Frame.times): folding those times gives the page the same "one event back" stops
 * as folding every event's time (history.ts keeps a time only past the last it has).
 */
export function only(events: WireEvent[], keep: readonly string[]): { events: WireEvent[]; times: number[] } {
  const kinds = new Set(keep);
  const times: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  const out: WireEvent[] = [];
  for (const e of events) {
    if (e.at > last) times.push((last = e.at));
    if (kinds.has(e.type)) out.push(e);
  }
  return { events: out, times };
}
