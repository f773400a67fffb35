// The widget → host half of the embed API (docs/embedding.md): what each event carries, built by
// pure functions from what the page already receives (frames, the checklist, the lesson's answers),
// so tests check them without a browser. host.ts adds the envelope {psyncLab: 1} and posts them.
import type { PsyncDecision } from '../engine/index.ts';
import type { Frame, Milestone } from '../protocol.ts';
import { milestones } from '../worker/milestone.ts';
import type { Id } from './messages.ts';
import type { Statement } from './xapi.ts';

/** What `state` answers, and every reply to a call that moves the run. */
export interface EmbedState {
  scenario: string | null;
  /** Lesson 27's chapter open (1-based), or null. */
  chapter: number | null;
  seed: number;
  /** Virtual time (µs). */
  t: number;
  playing: boolean;
  /** Virtual time of each scenario step (µs). */
  stepTimes: number[];
  /** Virtual time of the last recorded input (the end of a scenario's known future). */
  horizon: number;
  /** When the scenario's play ends (its last step done), µs; 0 when no scenario is open. */
  endAt: number;
}

export type OutEvent =
  | { event: 'ready'; version: number; methods: string[]; controls: 'min' | 'full'; state: EmbedState }
  | { event: 'height'; height: number }
  | { event: 'reply'; id?: Id; method: string; result: unknown }
  | { event: 'error'; id?: Id; method?: string; message: string }
  | { event: 'milestone'; kind: Milestone; node: string; at: number }
  | {
      event: 'psync';
      master: string;
      replica: string;
      outcome: 'CONTINUE' | 'FULLRESYNC';
      reason: PsyncDecision['reason'];
      /** The offset the replica asked for, and the backlog bytes +CONTINUE sends. */
      requestedOffset: number;
      backlogBytes: number;
      at: number;
    }
  | { event: 'progress'; checklist: { seen: number[]; fresh: number[]; total: number } }
  | {
      event: 'progress';
      lesson: { lesson: number; chapter: number; step: number; steps: number; phase: string };
    }
  | { event: 'statement'; statement: Statement }
  /** The engine threw or the worker died: the widget shows the fault screen; `repro` reopens the run. */
  | { event: 'fault'; message: string; seed: number; at: number; repro: string };

/**
 * The events one frame from the worker reports: each milestone (handshake done, +FULLRESYNC /
 * +CONTINUE, RDB loaded), each scenario step reached (`step`, node = its 1-based number), each
 * PSYNC the master decided — in virtual-time order. A frame after going back (`reset`) reports
 * nothing: it reached nothing new.
 */
export function frameEvents(frame: Frame, stepTimes: readonly number[], reset: boolean): OutEvent[] {
  if (reset) return [];
  const out: OutEvent[] = milestones(frame.events).map((m) => ({ event: 'milestone', ...m }));
  stepTimes.forEach((at, i) => {
    // A step at time 0 is reached by the load itself (the ready frame runs from 0 to 0).
    if (at > frame.from && at <= frame.to)
      out.push({ event: 'milestone', kind: 'step', node: String(i + 1), at });
    else if (at === 0 && frame.from === 0 && frame.to === 0)
      out.push({ event: 'milestone', kind: 'step', node: '1', at });
  });
  for (const e of frame.events)
    if (e.type === 'psync.decided')
      out.push({
        event: 'psync',
        master: e.master,
        replica: e.replica,
        outcome: e.decision.outcome,
        reason: e.decision.reason,
        requestedOffset: e.decision.values.requestedOffset,
        backlogBytes: e.decision.backlogBytes,
        at: e.at,
      });
  return out.sort((a, b) => at(a) - at(b));
}

const at = (e: OutEvent) => ('at' in e ? e.at : 0);

/** Points newly seen, given the checklist before and after (numbers, ascending). */
export function freshPoints(before: Record<string, number>, after: Record<string, number>): number[] {
  return Object.keys(after)
    .filter((k) => before[k] === undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * A scenario run is complete once virtual time reaches the end of the scenario's own play (its last
 * step done, e.g. the closing wait-sync settled: `endAt`), however it got there (playing, stepping,
 * seeking). In b_short_drop_partial the last input (reconnect-link) is at 3.24 s, B's +CONTINUE
 * lands at 4.34 s and the play ends at 5.35 s: the end comes after the outcome, never before it.
 */
export function scenarioDone(s: { scenario: string | null; endAt: number; t: number }): boolean {
  return s.scenario !== null && s.endAt > 0 && s.t >= s.endAt;
}
