// The worker's state: one timeline, answered request by request. No DOM, no postMessage: the
// worker file is a thin adapter around handle(), so this is tested as plain functions.
//
// Contracts kept here:
//  - one Response per Request; frames are bounded (FRAME_EVENT_BOUND);
//  - advancing stops at every recorded input's time, so a typed command's reply (INFO, ROLE) is
//    rebuilt at the moment it ran, and at every sample time of the offsets chart;
//  - going back replays quietly (events off): a long run replayed must not pile up events.
import {
  advance,
  createTimeline,
  DEFAULT_SETUP,
  drainEvents,
  type EventPattern,
  emptyResyncLog,
  findMatch,
  foldResync,
  type InputOutcome,
  type LabInput,
  LabInputError,
  input as labInput,
  nextDueAt,
  nodeViews,
  offsetsSample,
  type ResyncLog,
  recordScenario,
  ScenarioError,
  type SimEvent,
  scenarioToRun,
  seek as seekTimeline,
  type TimedInput,
  type Timeline,
  timelineOf,
  truncateResync,
  undoInput,
  type World,
} from '../engine/index.ts';
import {
  FRAME_EVENT_BOUND,
  type Frame,
  type LoadSource,
  type MilestoneHit,
  type Request,
  type Response,
  SAMPLE_EVERY_US,
  type Sample,
  type WireEvent,
} from '../protocol.ts';
import { thin, toWire } from './collect.ts';
import { findMilestone } from './milestone.ts';

/** Most due-steps one `step` request may take (a guard; the virtual limit usually ends it first). */
const MAX_STEPS = 200_000;
/** Inputs that can be undone, newest last (each keeps a copy of the run's inputs before it). */
const MAX_UNDO = 50;

/** What undoing one input needs: the inputs before it, its time, and the run's state of leaving its scenario. */
interface Undo {
  before: TimedInput[];
  at: number;
  leftAt: number | null;
}

interface Pending {
  from: number;
  events: WireEvent[];
  samples: Sample[];
}

export class Session {
  private tl: Timeline | null = null;
  private stepTimes: number[] = [];
  private endAt = 0;
  private nextSample = 0;
  /** Nodes whose views carry keys, INFO and ROLE text (null: all of them). */
  private focus: Set<string> | null = null;
  private undos: Undo[] = [];
  /** When the run left its scenario's recorded story (an input dropped the scenario's future). */
  private leftAt: number | null = null;
  /** What each replica went through (engine resync.ts), for the ghost run's diff. */
  resync: ResyncLog = emptyResyncLog();

  /** The run so far, for a fault report. */
  get record() {
    return this.tl?.record ?? null;
  }

  get now(): number {
    return this.tl?.lab.w.now ?? 0;
  }

  /** The live world (read-only use: tests compare it before and after an input). */
  get world(): World | null {
    return this.tl?.lab.w ?? null;
  }

  /** The lab's traffic generators (read-only, as `world`). */
  get traffic(): ReadonlyMap<string, { perSecond: number }> {
    return this.tl?.lab.traffic ?? new Map();
  }

  get seed(): number {
    return this.tl?.record.seed ?? 0;
  }

  handle(req: Request): Response {
    switch (req.type) {
      case 'load':
        return this.load(req);
      case 'advance': {
        const p = this.begin();
        if (req.stop) this.advanceUntil(req.to, req.stop, p);
        else this.advanceTo(req.to, p);
        return { type: 'frame', frame: this.finish(p) };
      }
      case 'seek':
        return this.seek(req.to);
      case 'step':
        return this.step(req.until, req.limitUs);
      case 'focus': {
        this.focus = new Set(req.nodes);
        return { type: 'frame', frame: this.finish(this.begin()) };
      }
      case 'input':
        return this.input(req.input);
      case 'undo':
        return this.undo(req.depth);
      case 'export':
        return { type: 'run', record: structuredClone(this.timeline().record) };
      case 'record-scenario':
        return this.recordScenario(req);
      case 'debug-throw':
        throw new Error('debug-throw: a fault raised on purpose (test hook)');
      case 'debug-die':
        throw new Error('debug-die is answered by the worker file (it closes the worker)');
      case 'what-if':
      case 'what-if-close':
      case 'probe':
      case 'ghost':
        throw new Error(`'${req.type}' is answered by Runs (worker/runs.ts), not by one session`);
    }
  }

  private recordScenario(req: Extract<Request, { type: 'record-scenario' }>): Response {
    const { name, title, text } = req;
    try {
      const r = recordScenario(this.timeline().record, { name, title, text, until: this.now });
      return { type: 'scenario-file', ...r };
    } catch (e) {
      if (e instanceof ScenarioError) return { type: 'input-error', message: e.message };
      throw e;
    }
  }

  private timeline(): Timeline {
    if (!this.tl) throw new Error('no run loaded: send `load` first');
    return this.tl;
  }

  private load(req: Extract<Request, { type: 'load' }>): Response {
    const src = req.source;
    let opened: Opened;
    try {
      opened = open(src, req.seed);
    } catch (e) {
      // Nothing changed: the run on screen stays (an imported file that fails is only reported).
      if (e instanceof ScenarioError || e instanceof LabInputError)
        return { type: 'load-error', message: e.message };
      throw e;
    }
    const { description } = opened;
    this.tl = opened.tl;
    this.stepTimes = opened.stepTimes;
    this.endAt = opened.endAt;
    this.undos = [];
    this.leftAt = src.kind === 'run' ? (src.leftAt ?? null) : null;
    this.nextSample = 0;
    this.resync = emptyResyncLog();
    const p = this.begin();
    // A lesson chapter (`lab`) begins with its nodes up: its first step acts on them. The free lab
    // and scenarios begin at t = 0, so the start-up (each node's start, the first handshakes) plays.
    this.advanceTo(src.kind === 'lab' ? startedAt(this.tl.record.inputs) : 0, p);
    return {
      type: 'ready',
      seed: this.tl.record.seed,
      scenario: this.tl.record.scenario ?? null,
      description,
      stepTimes: this.stepTimes,
      endAt: this.endAt,
      frame: this.finish(p),
    };
  }

  private begin(): Pending {
    return { from: this.now, events: [], samples: [] };
  }

  /** Advance to `to`, stopping at recorded inputs and sample times; collects wire events. */
  private advanceTo(to: number, p: Pending): void {
    const tl = this.timeline();
    const w = () => tl.lab.w;
    const ins = tl.record.inputs;
    do {
      const nextIn = tl.cursor < ins.length ? ins[tl.cursor].at : Number.POSITIVE_INFINITY;
      const next = Math.min(to, this.nextSample, nextIn);
      const c0 = tl.cursor;
      advance(tl, Math.max(next, w().now));
      this.collect(p, drainEvents(w()), ins.slice(c0, tl.cursor));
      while (this.nextSample <= w().now) {
        if (this.nextSample >= p.from || p.samples.length === 0) p.samples.push(this.sample(this.nextSample));
        this.nextSample += SAMPLE_EVERY_US;
      }
    } while (w().now < to);
  }

  /** Advance due time by due time until an event matches `stop` (or `to`): the frame ends there. */
  private advanceUntil(to: number, stop: EventPattern, p: Pending): void {
    for (let i = 0; i < MAX_STEPS && this.now < to; i++) {
      const before = p.events.length;
      this.advanceTo(Math.min(to, nextDueAt(this.timeline())), p);
      if (findMatch(p.events, stop, before) >= 0) return;
    }
  }

  private collect(p: Pending, events: SimEvent[], applied: TimedInput[]): void {
    if (events.length === 0 && applied.length === 0) return;
    foldResync(this.resync, events);
    for (const e of toWire(this.timeline().lab.w, events, applied)) p.events.push(e);
  }

  /** The chart's point for `at` (a sample time already reached: the world's state stands for it). */
  private sample(at: number): Sample {
    return { ...offsetsSample(this.timeline().lab.w), at };
  }

  private finish(p: Pending): Frame {
    const tl = this.timeline();
    const to = tl.lab.w.now;
    const { events, dropped } = thin(p.events, FRAME_EVENT_BOUND, to);
    // Detail (keys, INFO, ROLE) for the nodes on screen only; log lines travel as events.
    const views = nodeViews(tl.lab.w, { detailFor: this.focus, log: false });
    const ins = tl.record.inputs;
    const traffic: Record<string, number> = {};
    for (const [name, g] of tl.lab.traffic) traffic[name] = g.perSecond;
    let samples = p.samples;
    if (samples.length > 4000) {
      const k = Math.ceil(samples.length / 4000);
      samples = samples.filter((_, i) => i % k === 0 || i === samples.length - 1);
    }
    return {
      from: p.from,
      to,
      events,
      dropped,
      views,
      samples,
      horizon: ins.length ? ins[ins.length - 1].at : 0,
      traffic,
    };
  }

  private seek(to: number): Response {
    const tl = this.timeline();
    to = Math.max(0, Math.floor(to));
    if (to >= tl.lab.w.now) {
      const p = this.begin();
      this.advanceTo(to, p);
      return { type: 'frame', frame: this.finish(p) };
    }
    seekTimeline(tl, to); // back: from the nearest checkpoint, quietly
    truncateResync(this.resync, tl.lab.w.now);
    this.nextSample = Math.ceil((tl.lab.w.now + 1) / SAMPLE_EVERY_US) * SAMPLE_EVERY_US;
    const p = this.begin();
    return { type: 'reset', at: tl.lab.w.now, reason: 'seek', frame: this.finish(p) };
  }

  private step(until: 'event' | 'milestone', limitUs: number): Response {
    const end = this.now + Math.max(1, limitUs);
    const p = this.begin();
    let found: MilestoneHit | null = null;
    for (let i = 0; i < MAX_STEPS && this.now < end; i++) {
      const before = p.events.length;
      const from = this.now;
      // A scenario step is a milestone at its own time, even when nothing is due then (a `sleep`
      // step): stop there, so the step's caption and the page's "previous milestone" agree.
      const nextStep = until === 'milestone' ? (this.stepTimes.find((t) => t > from) ?? end) : end;
      this.advanceTo(Math.min(end, nextStep, nextDueAt(this.timeline())), p);
      if (until === 'event') {
        if (p.events.length > before) break;
        continue;
      }
      found = findMilestone(p.events, before) ?? this.stepMilestone(from);
      if (found) break;
    }
    return { type: 'frame', frame: this.finish(p), milestone: found };
  }

  private stepMilestone(from: number): MilestoneHit | null {
    // Steps after the run left the scenario do not happen.
    const t = this.stepTimes.find(
      (s) => s > from && s <= this.now && (this.leftAt === null || s <= this.leftAt),
    );
    return t === undefined ? null : { kind: 'step', node: String(this.stepTimes.indexOf(t) + 1) };
  }

  private input(inp: LabInput): Response {
    const tl = this.timeline();
    const p = this.begin();
    const at = this.now;
    let out: InputOutcome;
    try {
      out = labInput(tl, inp);
    } catch (e) {
      if (e instanceof LabInputError) {
        drainEvents(tl.lab.w);
        return { type: 'input-error', message: e.message };
      }
      throw e;
    }
    this.undos.push({ before: out.before, at, leftAt: this.leftAt });
    if (this.undos.length > MAX_UNDO) this.undos.shift();
    if (out.dropped.length && this.stepTimes.length && this.leftAt === null) this.leftAt = at;
    const ins = tl.record.inputs;
    this.collect(p, drainEvents(tl.lab.w), [ins[ins.length - 1]]);
    // Run what the input made due right now (the write's flush to the replicas), as a replay would.
    advance(tl, tl.lab.w.now);
    this.collect(p, drainEvents(tl.lab.w), []);
    return {
      type: 'input',
      result: out.result,
      dropped: out.dropped.length,
      undo: this.undos.length,
      leftAt: this.leftAt,
      frame: this.finish(p),
    };
  }

  /**
   * Undo inputs down to `depth` of them left (default: the last one): the run's inputs as they
   * were, and the time goes back to the moment of the earliest input undone (answered as a reset).
   */
  private undo(depth = this.undos.length - 1): Response {
    const tl = this.timeline();
    if (this.undos.length === 0 || depth < 0 || depth >= this.undos.length)
      return { type: 'input-error', message: 'ERR nothing to undo' };
    const u = this.undos[depth];
    this.undos.length = depth;
    undoInput(tl, u.before, u.at);
    this.leftAt = u.leftAt;
    this.nextSample = Math.ceil((tl.lab.w.now + 1) / SAMPLE_EVERY_US) * SAMPLE_EVERY_US;
    return {
      type: 'reset',
      at: tl.lab.w.now,
      reason: 'undo',
      undo: this.undos.length,
      leftAt: this.leftAt,
      frame: this.finish(this.begin()),
    };
  }
}

interface Opened {
  tl: Timeline;
  stepTimes: number[];
  /** When the scenario's play ended (0: no scenario). */
  endAt: number;
  description: string | null;
}

/** A timeline for what `src` names, with its scenario's step times and description. Throws on a bad one. */
function open(src: LoadSource, seed: number): Opened {
  const none = { stepTimes: [], endAt: 0, description: null };
  switch (src.kind) {
    case 'default':
      return { ...none, tl: createTimeline(seed, DEFAULT_SETUP) };
    case 'lab':
      return { ...none, tl: createTimeline(seed, src.setup) };
    case 'run':
      return { ...none, tl: timelineOf(src.record), stepTimes: src.stepTimes ?? [] };
    case 'scenario': {
      const { record, stepTimes, endAt } = scenarioToRun(src.json, seed);
      const d = (src.json as { description?: unknown }).description;
      return {
        tl: createTimeline(seed, record.setup, record.inputs, record.scenario),
        stepTimes,
        endAt,
        description: typeof d === 'string' ? d : null,
      };
    }
  }
}

/** When the last node of a new run's start-up has started (its recorded `start` inputs). */
function startedAt(inputs: readonly TimedInput[]): number {
  let at = 0;
  for (const i of inputs) if (i.input.type === 'start') at = Math.max(at, i.at);
  return at;
}
