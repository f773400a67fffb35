// What finishes a lesson step, as pure functions the page and the headless walk (tests) share:
// the event a wait/predict stops at, whether an event is the student's input, the answer the
// engine's PSYNC decision gives to a prediction.
import type { LabInput } from '../lab/lab.ts';
import type { PsyncDecision } from '../replication/psync.ts';
import { type EventPattern, type LessonEvent, matchesEvent } from './pattern.ts';
import type { PredictStep, Step } from './types.ts';

/** Where a prediction pauses: by default when the replica sends PSYNC (before the master answers). */
export function pauseAt(s: PredictStep): EventPattern {
  return s.pauseAt ?? { type: 'message.sent', kind: 'PSYNC', from: s.replica };
}

/** The master's decision that settles a prediction. */
export function decidedAt(s: PredictStep): EventPattern {
  return { type: 'psync.decided', replica: s.replica };
}

/**
 * A command's words as a step compares them: case-insensitive, SLAVEOF is REPLICAOF, and REPLICAOF
 * localhost is 127.0.0.1 (the lab's nodes answer on both: server/commands.ts `replicaof`), so a
 * student who types `replicaof localhost 7101` is not left at "your turn" with B already online.
 */
function norm(argv: readonly string[]): string[] {
  const w = argv.map((a) => a.toUpperCase());
  if (w[0] === 'SLAVEOF') w[0] = 'REPLICAOF';
  if (w[0] === 'REPLICAOF' && w[1] === 'LOCALHOST') w[1] = '127.0.0.1';
  return w;
}

function sameInput(a: LabInput, b: LabInput): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return false;
  return ka.every((k) => JSON.stringify((a as never)[k]) === JSON.stringify((b as never)[k]));
}

/**
 * Is `e` the engine receiving `input`? A command counts when typed on the same node with the same
 * words, case-insensitively (SLAVEOF is REPLICAOF); other inputs as recorded actions.
 */
export function isInput(e: LessonEvent, input: LabInput): boolean {
  if (input.type === 'command') {
    if (e.type !== 'console' && e.type !== 'command') return false;
    const a = norm(e.argv);
    const b = norm(input.argv);
    return e.node === input.node && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return e.type === 'action' && sameInput(e.input, input);
}

/**
 * The events a step has not yet looked at: a step takes the first event that finishes it and
 * everything before it, so the next step sees only what came after (several handshake messages
 * leave at the same instant: each wait still finds its own).
 */
export function take(buf: LessonEvent[], done: (e: LessonEvent) => boolean): LessonEvent | null {
  const i = buf.findIndex(done);
  if (i < 0) return null;
  const e = buf[i];
  buf.splice(0, i + 1);
  return e;
}

/** What finishes a step once its pause (if any) is behind it: a do's input, a wait's event. */
export function finisher(s: Step): ((e: LessonEvent) => boolean) | null {
  if (s.kind === 'do') return (e) => isInput(e, s.input);
  const p = stopOf(s);
  return p ? (e) => matchesEvent(e, p) : null;
}

/** The pattern a wait step, or a prediction's pause, waits for (null: the step waits for nothing). */
export function stopOf(s: Step): EventPattern | null {
  if (s.kind === 'wait') return s.until;
  if (s.kind === 'predict') return pauseAt(s);
  return null;
}

/** The engine's answer to a prediction, as the student would write it. */
export function answerOf(s: PredictStep, d: PsyncDecision): string {
  switch (s.ask) {
    case 'outcome':
      return d.outcome;
    case 'reason':
      return d.reason;
    case 'requested-offset':
      return String(d.values.requestedOffset);
    case 'backlog-bytes':
      return String(d.outcome === 'CONTINUE' ? d.backlogBytes : 0);
  }
}

/** A given answer against the engine's ("+CONTINUE" and "continue" both count as CONTINUE). */
export function isRight(s: PredictStep, given: string, d: PsyncDecision): boolean {
  const want = answerOf(s, d);
  const g = given.trim().replace(/^\+/, '');
  if (s.ask === 'outcome' || s.ask === 'reason') return g.toUpperCase() === want.toUpperCase();
  return /^\d+$/.test(g) && Number(g) === Number(want);
}
