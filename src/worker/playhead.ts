// The play position of one run: moves its timeline and gathers what a frame carries — wire
// events, the offsets chart's samples, the resync record — then builds the frame.
//
// Contracts kept here:
//  - frames are bounded (FRAME_EVENT_BOUND events, at most 4000 samples);
//  - advancing stops at every recorded input's time, so a typed command's reply (INFO, ROLE) is
//    rebuilt at the moment it ran, and at every sample time of the offsets chart;
//  - going back replays quietly (engine `seek`: events off), so a long replay piles up nothing.
import {
  advance,
  drainEvents,
  type EventPattern,
  emptyResyncLog,
  findMatch,
  foldResync,
  nextDueAt,
  nodeViews,
  offsetsSample,
  type ResyncLog,
  type SimEvent,
  seek,
  type TimedInput,
  type Timeline,
  truncateResync,
} from '../engine/index.ts';
import {
  FRAME_EVENT_BOUND,
  type Frame,
  type MilestoneHit,
  SAMPLE_EVERY_US,
  type Sample,
  type WireEvent,
} from '../protocol.ts';
import { isRoutine, only, thin, toWire } from './collect.ts';
import { findMilestone } from './milestone.ts';

/** Most due-steps one request may take (a guard; the virtual limit usually ends it first). */
const MAX_STEPS = 200_000;
/** Most chart samples in one frame (a long jump forward is thinned to this, keeping the last). */
const MAX_SAMPLES = 4000;

export interface Pending {
  from: number;
  events: WireEvent[];
  samples: Sample[];
}

export class Playhead {
  private nextSample = 0;
  /** What each replica went through (engine resync.ts), for the ghost run's diff. */
  readonly resync: ResyncLog = emptyResyncLog();

  /** `stepTimes`: when each step of the run's scenario ran (empty: no scenario). */
  constructor(
    readonly tl: Timeline,
    readonly stepTimes: readonly number[] = [],
  ) {}

  get now(): number {
    return this.tl.lab.w.now;
  }

  begin(): Pending {
    return { from: this.now, events: [], samples: [] };
  }

  /** Advance to `to`, stopping at recorded inputs and sample times; collects wire events. */
  advanceTo(to: number, p: Pending): void {
    const tl = this.tl;
    const ins = tl.record.inputs;
    do {
      const nextIn = tl.cursor < ins.length ? ins[tl.cursor].at : Number.POSITIVE_INFINITY;
      const c0 = tl.cursor;
      advance(tl, Math.max(Math.min(to, this.nextSample, nextIn), this.now));
      this.collect(p, drainEvents(tl.lab.w), ins.slice(c0, tl.cursor));
      for (; this.nextSample <= this.now; this.nextSample += SAMPLE_EVERY_US)
        if (this.nextSample >= p.from || p.samples.length === 0)
          p.samples.push({ ...offsetsSample(tl.lab.w), at: this.nextSample });
    } while (this.now < to);
  }

  /** Advance due time by due time until an event matches `stop` (or `to`): the frame ends there. */
  advanceUntil(to: number, stop: EventPattern, p: Pending): void {
    for (let i = 0; i < MAX_STEPS && this.now < to; i++) {
      const before = p.events.length;
      this.advanceTo(Math.min(to, nextDueAt(this.tl)), p);
      if (findMatch(p.events, stop, before) >= 0) return;
    }
  }

  /**
   * Advance to the next event (or milestone: an event that teaches, or a scenario step's time, while
   * the run has not left its story at `leftAt`), within `limitUs`.
   */
  step(
    until: 'event' | 'milestone',
    limitUs: number,
    leftAt: number | null,
    p: Pending,
  ): MilestoneHit | null {
    const end = this.now + Math.max(1, limitUs);
    for (let i = 0; i < MAX_STEPS && this.now < end; i++) {
      const before = p.events.length;
      const from = this.now;
      // A scenario step is a milestone at its own time, even when nothing is due then (a `sleep`
      // step): stop there, so the step's caption and the page's "previous milestone" agree.
      const nextStep = until === 'milestone' ? (this.stepTimes.find((t) => t > from) ?? end) : end;
      this.advanceTo(Math.min(end, nextStep, nextDueAt(this.tl)), p);
      if (until === 'event') {
        if (p.events.length > before) break;
        continue;
      }
      const found = findMilestone(p.events, before) ?? stepMilestone(this.stepTimes, leftAt, from, this.now);
      if (found) return found;
    }
    return null;
  }

  /** Go back to `to` (quietly, from the nearest checkpoint). */
  seekBack(to: number): void {
    seek(this.tl, to);
    this.rewound();
  }

  /** The timeline went back (a seek, an undo): forget what lies after, sample again from here. */
  rewound(): void {
    truncateResync(this.resync, this.now);
    this.nextSample = Math.ceil((this.now + 1) / SAMPLE_EVERY_US) * SAMPLE_EVERY_US;
  }

  collect(p: Pending, events: SimEvent[], applied: TimedInput[]): void {
    if (events.length === 0 && applied.length === 0) return;
    foldResync(this.resync, events);
    for (const e of toWire(this.tl.lab.w, events, applied)) p.events.push(e);
  }

  /**
   * The frame for what `p` gathered; detail (keys, INFO, ROLE) for the nodes in `focus` only, no
   * views unless `views` or the frame is discrete (the page skips them between two it shows while
   * the numbers alone move: protocol.ts advance), and only events of the kinds in `keep`, if given
   * (with the times of them all).
   */
  frame(p: Pending, focus: ReadonlySet<string> | null, views = true, keep?: readonly string[]): Frame {
    const { lab, record } = this.tl;
    const discrete = !p.events.every(isRoutine);
    const thinned = thin(p.events, FRAME_EVENT_BOUND, this.now);
    const { events, times } = keep
      ? only(thinned.events, keep)
      : { events: thinned.events, times: undefined };
    const traffic: Record<string, number> = {};
    for (const [name, g] of lab.traffic) traffic[name] = g.perSecond;
    let samples = p.samples;
    if (samples.length > MAX_SAMPLES) {
      const k = Math.ceil(samples.length / MAX_SAMPLES);
      samples = samples.filter((_, i) => i % k === 0 || i === samples.length - 1);
    }
    const ins = record.inputs;
    return {
      from: p.from,
      to: this.now,
      events,
      dropped: thinned.dropped,
      ...(times ? { times } : {}),
      // Log lines travel as events, so views carry none.
      ...(views || discrete ? { views: nodeViews(lab.w, { detailFor: focus, log: false }) } : {}),
      ...(discrete ? { discrete } : {}),
      samples,
      horizon: ins.length ? ins[ins.length - 1].at : 0,
      traffic,
    };
  }
}

/** The scenario step that ran in (from, now], if the run had not left the story by then. */
function stepMilestone(
  stepTimes: readonly number[],
  leftAt: number | null,
  from: number,
  now: number,
): MilestoneHit | null {
  const t = stepTimes.find((s) => s > from && s <= now && (leftAt === null || s <= leftAt));
  return t === undefined ? null : { kind: 'step', node: String(stepTimes.indexOf(t) + 1) };
}
