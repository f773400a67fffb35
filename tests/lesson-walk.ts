// Walking a lesson chapter headless, through the same worker Session the page talks to (the same
// frames, the same `advance … stop`), doing what a student who presses "show me" does: tell steps
// pass, do steps send their input, waits play until their event, predictions pause at the PSYNC
// and play to the master's decision. Throws when a step never fires.

import {
  answerOf,
  type Chapter,
  type Checklist,
  decidedAt,
  type EventPattern,
  emptyChecklist,
  finisher,
  type LessonEvent,
  matchesEvent,
  observe,
  type PsyncDecision,
  pauseAt,
  take,
} from '../src/engine/lesson/index.ts';
import type { Frame, Response } from '../src/protocol.ts';
import { Session } from '../src/worker/session.ts';

const MS = 1000;

export interface WalkedStep {
  id: string;
  kind: string;
  /** Virtual time when the step finished. */
  at: number;
  /** For predictions: the engine's answer, and the master's decision it came from. */
  answer?: string;
  decision?: PsyncDecision;
}

function frameOf(r: Response): Frame {
  if (r.type === 'ready' || r.type === 'frame' || r.type === 'reset' || r.type === 'input') return r.frame;
  throw new Error(`no frame in ${r.type}: ${JSON.stringify(r)}`);
}

export function walkChapter(ch: Chapter, checklist: Checklist = emptyChecklist()): WalkedStep[] {
  const s = new Session();
  const buf: LessonEvent[] = [];
  const add = (r: Response) => {
    const f = frameOf(r);
    observe(checklist, f.events);
    buf.push(...f.events);
  };
  const seed = ch.seed ?? 1;
  add(
    s.handle({
      type: 'load',
      seed,
      source: { kind: 'lab', setup: ch.setup },
    }),
  );
  const until = (p: EventPattern, limitMs: number, where: string): LessonEvent => {
    const end = s.now + limitMs * MS;
    for (;;) {
      const e = take(buf, (x) => matchesEvent(x, p));
      if (e) return e;
      if (s.now >= end) throw new Error(`${where}: no ${JSON.stringify(p)} within ${limitMs} ms`);
      add(s.handle({ type: 'advance', to: end, stop: p }));
    }
  };
  const out: WalkedStep[] = [];
  for (const [i, step] of ch.steps.entries()) {
    const where = `chapter '${ch.id}' step ${i + 1} '${step.id}'`;
    let answer: string | undefined;
    let decision: PsyncDecision | undefined;
    if (step.kind === 'do') {
      const r = s.handle({ type: 'input', input: step.input });
      if (r.type === 'input-error') throw new Error(`${where}: ${r.message}`);
      add(r);
      if (!take(buf, finisher(step)!)) throw new Error(`${where}: the input did not reach the engine`);
    } else if (step.kind === 'wait') until(step.until, step.limitMs ?? 60_000, where);
    else if (step.kind === 'predict') {
      until(pauseAt(step), 60_000, `${where} (pause)`);
      const d = until(decidedAt(step), 60_000, `${where} (decision)`);
      decision = (d as { decision: PsyncDecision }).decision;
      answer = answerOf(step, decision);
    }
    out.push({ id: step.id, kind: step.kind, at: s.now, answer, decision });
  }
  return out;
}
