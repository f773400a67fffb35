// An event pattern: what a lesson step waits for, written as data ({ "type": "rdb.phase",
// "node": "B", "phase": "rename" }). Every field but `type` must equal the event's field of that
// name; a dotted name reaches inside (`decision.outcome`). Pure; shared by the worker (to stop a
// run exactly at the matching event) and by the lesson (to know a step is done).

import type { LabInput } from '../lab/lab.ts';
import type { SimEvent } from '../server/events.ts';

/** What the UI sees: engine events, with typed commands as `console` lines and inputs as `action`s. */
export type LessonEvent =
  | Exclude<SimEvent, { type: 'command' }>
  | { type: 'command' | 'console'; at: number; seq: number; node: string; argv: string[]; reply: string }
  | { type: 'action'; at: number; seq: number; input: LabInput };

export type LessonEventType = LessonEvent['type'];

export type EventPattern = { type: LessonEventType } & Record<string, string | number | boolean>;

/** Every event type a pattern may name (the compiler checks the list is whole). */
export const EVENT_TYPES = [
  'message.sent',
  'message.delivered',
  'message.dropped',
  'node.started',
  'node.state',
  'node.role',
  'replica.state',
  'handshake.error',
  'link.state',
  'psync.decided',
  'psync.result',
  'backlog.written',
  'backlog.trimmed',
  'backlog.created',
  'backlog.freed',
  'rdb.phase',
  'offset.acked',
  'offset.changed',
  'replid.shifted',
  'data.changed',
  'obuf.closed',
  'replica.expired-read',
  'writes.lost',
  'wait.answered',
  'log',
  'command',
  'console',
  'action',
] as const satisfies readonly LessonEventType[];

type Missing = Exclude<LessonEventType, (typeof EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

function field(e: unknown, path: string): unknown {
  let v: unknown = e;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

export function matchesEvent(e: { type: string }, p: EventPattern): boolean {
  if (e.type !== p.type) return false;
  for (const [k, want] of Object.entries(p)) {
    if (k === 'type') continue;
    if (field(e, k) !== want) return false;
  }
  return true;
}

/** Index of the first event matching `p`, or -1. */
export function findMatch(events: readonly { type: string }[], p: EventPattern, from = 0): number {
  for (let i = from; i < events.length; i++) if (matchesEvent(events[i], p)) return i;
  return -1;
}
