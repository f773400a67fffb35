// One call from the host → the lab. Pure over the `EmbedLab` interface (host.ts gives it the page's
// controller; tests give it a fake): each method maps to the very action a button of the widget
// takes, and every call gets exactly one answer — a `reply` with the caller's id, or an `error` in
// Redis's words. A refused call leaves the run as it was.
import type { LabInput } from '../engine/index.ts';
import type { Milestone } from '../protocol.ts';
import { type Call, type Parsed, parseMessage } from './messages.ts';
import type { EmbedState, OutEvent } from './outbound.ts';

export interface EmbedLab {
  /** Open a scenario or a lesson chapter; throws (with a Redis-style message) and keeps the run if it cannot. */
  load(what: { scenario: string; seed?: number } | { chapter: number }): Promise<void>;
  play(speed?: number): void;
  pause(): void;
  seekTime(t: number): Promise<void>;
  /** Throws when the run has no such step. */
  seekStep(step: number): Promise<void>;
  /** To the first milestone of a kind (and node) in this run; throws, back where it was, if none comes. */
  seekMilestone(kind: Exclude<Milestone, 'step'>, node?: string): Promise<void>;
  step(until: 'event' | 'milestone'): Promise<void>;
  /** The UI's own input path; throws with the lab's refusal. */
  input(input: LabInput): Promise<{ forked: boolean; reply: string | null }>;
  state(): EmbedState;
}

/** Redis-style text for anything thrown: "ERR …" kept, anything else prefixed. */
export function errText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return /^[A-Z]+ /.test(m) ? m : `ERR ${m}`;
}

async function run(call: Call, lab: EmbedLab): Promise<unknown> {
  switch (call.method) {
    case 'load':
      await lab.load(call.args);
      break;
    case 'play':
      lab.play(call.args?.speed);
      break;
    case 'pause':
      lab.pause();
      break;
    case 'seek': {
      const a = call.args;
      if ('t' in a) await lab.seekTime(a.t);
      else if ('step' in a) await lab.seekStep(a.step);
      else await lab.seekMilestone(a.milestone, a.node);
      break;
    }
    case 'step':
      await lab.step(call.args?.until ?? 'event');
      break;
    case 'input': {
      const r = await lab.input(call.args);
      return { ...r, state: lab.state() };
    }
    case 'state':
      break;
  }
  return { state: lab.state() };
}

/** Answer one parsed call. Never throws: a failure is an `error` event naming the call. */
export async function dispatch(call: Call, lab: EmbedLab): Promise<OutEvent> {
  const id = call.id === undefined ? {} : { id: call.id };
  try {
    return { event: 'reply', ...id, method: call.method, result: await run(call, lab) };
  } catch (e) {
    return { event: 'error', ...id, method: call.method, message: errText(e) };
  }
}

/** A message as received → its answer: a reply, or the error that says what was wrong with it. */
export async function answer(data: unknown, lab: EmbedLab): Promise<OutEvent> {
  const p: Parsed = parseMessage(data);
  if (p.ok) return dispatch(p.call, lab);
  const { id, method } = p;
  return {
    event: 'error',
    ...(id === undefined ? {} : { id }),
    ...(method === undefined ? {} : { method }),
    message: p.message,
  };
}
