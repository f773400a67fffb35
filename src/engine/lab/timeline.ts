// Time travel: a run is { seed, setup, inputs }. Going back = rebuild and replay the inputs up to
// the target (deterministic, so exact); acting in the past forks: the recorded future is dropped
// (and handed back, so the page can undo it: undoInput).

import {
  type Checkpoints,
  checkpointAfter,
  dropCheckpointsAfter,
  nextCheckpointAt,
  noCheckpoints,
  restoreCheckpoint,
  takeCheckpoint,
} from './checkpoints.ts';
import {
  advanceLab,
  applyInput,
  createLab,
  DEFAULT_SETUP,
  type Lab,
  type LabInput,
  LabInputError,
  type LabSetup,
  recordingInput,
} from './lab.ts';
import { startCluster } from './start.ts';

/**
 * The semantics a run record replays under. 2: scenario setups keep the scenario's own config (no
 * lab PING period), nodes start one after another as the real runner starts them, and scenario
 * steps are the op table's inputs (start asReplicaOf, sigstop-kill cuts).
 */
export const ENGINE_RUN_VERSION = 2;

export interface TimedInput {
  at: number;
  input: LabInput;
}

export interface RunRecord {
  engineVersion: number;
  seed: number;
  setup: LabSetup;
  scenario?: string;
  inputs: TimedInput[];
}

export interface Timeline {
  record: RunRecord;
  lab: Lab;
  /** Index of the next recorded input not yet applied. */
  cursor: number;
  /** Copies of the lab along the run (checkpoints.ts): going back replays from the nearest. */
  checkpoints: Checkpoints;
}

/**
 * A timeline over `setup`. Without `inputs` it is a new run: the nodes start as the setup says
 * (startCluster), and those starts become the run's first recorded inputs, so going back to
 * t = 0 shows every node come up and attach. With `inputs` it replays a recorded run as it is
 * (a recorded run carries its own starts). Inputs are stably sorted by time.
 */
export function createTimeline(
  seed: number,
  setup: LabSetup = DEFAULT_SETUP,
  inputs?: TimedInput[],
  scenario?: string,
): Timeline {
  const recorded = inputs ?? startInputs(seed, setup);
  const record: RunRecord = {
    engineVersion: ENGINE_RUN_VERSION,
    seed,
    setup,
    scenario,
    inputs: [...recorded].sort((a, b) => a.at - b.at),
  };
  return { record, lab: createLab(seed, setup), cursor: 0, checkpoints: noCheckpoints() };
}

/**
 * A recorded run (a share link's `#run=`) as a timeline. A record made under other replay
 * semantics would not reproduce what its author saw: it is refused with a clear message.
 */
export function timelineOf(r: RunRecord): Timeline {
  if (r.engineVersion !== ENGINE_RUN_VERSION)
    throw new LabInputError(
      `ERR this run was recorded by lab engine version ${r.engineVersion}; this lab replays version ${ENGINE_RUN_VERSION} only (open the scenario again to start a new run)`,
    );
  return createTimeline(r.seed, r.setup, r.inputs, r.scenario);
}

/** The start inputs of a new run over `setup`, found by playing the start-up once. */
function startInputs(seed: number, setup: LabSetup): TimedInput[] {
  const lab = createLab(seed, setup);
  const inputs: TimedInput[] = [];
  startCluster(lab, recordingInput(lab, inputs));
  return inputs;
}

/** Advance to virtual time `to`, applying recorded inputs on the way and taking checkpoints. */
export function advance(tl: Timeline, to: number): void {
  for (let due = nextCheckpointAt(tl.checkpoints); due <= to; due = nextCheckpointAt(tl.checkpoints)) {
    if (due > tl.lab.w.now) replay(tl, due);
    takeCheckpoint(tl.checkpoints, tl.lab, tl.cursor);
  }
  replay(tl, to);
}

/** Advance to `to`: recorded inputs apply at their times (one the lab refuses is skipped, as it was live). */
function replay(tl: Timeline, to: number): void {
  const ins = tl.record.inputs;
  while (tl.cursor < ins.length && ins[tl.cursor].at <= to) {
    const { at, input } = ins[tl.cursor++];
    advanceLab(tl.lab, at);
    try {
      applyInput(tl.lab, input);
    } catch (e) {
      if (!(e instanceof LabInputError)) throw e;
    }
  }
  advanceLab(tl.lab, to);
}

/**
 * Go to `t`, quietly: forward it advances; back it restores the nearest checkpoint at or before
 * `t` (or a fresh lab) and replays from there. Either way the events on the way are dropped (a
 * caller that wants them advances instead), so afterwards the run emits exactly what a straight
 * run emits from `t` on (same events, same seq numbers). Returns true when it went back.
 */
export function seek(tl: Timeline, t: number): boolean {
  const now = tl.lab.w.now;
  const back = t < now;
  // Forward too, a checkpoint between now and t saves replaying the stretch before it.
  if (back || checkpointAfter(tl.checkpoints, now, t)) restoreBefore(tl, t);
  advanceQuietly(tl, t);
  return back;
}

/**
 * A quiet replay goes in frames of QUIET_FRAME_US and drops the events after each, so they die
 * young instead of piling up to be collected as old objects (the events of 8 s at 200 writes/s
 * number ~20 000). Advancing in frames is exact: a run does not depend on how it is sliced.
 */
const QUIET_FRAME_US = 50_000;

function advanceQuietly(tl: Timeline, to: number): void {
  for (let at = tl.lab.w.now; at < to; ) {
    at = Math.min(to, at + QUIET_FRAME_US);
    advance(tl, at);
    tl.lab.w.events = [];
  }
  advance(tl, to);
  tl.lab.w.events = [];
}

/** The lab as the nearest checkpoint at or before `t` holds it (or a fresh lab), not yet advanced. */
function restoreBefore(tl: Timeline, t: number): void {
  const cp = restoreCheckpoint(tl.checkpoints, t);
  tl.lab = cp?.lab ?? createLab(tl.record.seed, tl.record.setup);
  tl.cursor = cp?.cursor ?? 0;
}

/** What an input did to the recorded run: the inputs before it (to undo it) and the future it set aside. */
export interface InputOutcome {
  result: 'forked' | 'appended';
  /** The run's inputs as they were before this input (a copy): `undoInput` puts them back. */
  before: TimedInput[];
  /** Recorded inputs after now that this input dropped (acting in the past), in time order. */
  dropped: TimedInput[];
}

/**
 * A user input now. 'forked' when recorded inputs after now were dropped (acting in the past;
 * the setup's node starts are never dropped), else 'appended'; either way the outcome keeps what
 * is needed to undo it. Throws LabInputError
 * (a Redis-style message) when it cannot apply.
 */
export function input(tl: Timeline, inp: LabInput): InputOutcome {
  const now = tl.lab.w.now;
  const ins = tl.record.inputs;
  applyInput(tl.lab, inp); // refused (throws) before anything changed: the recorded future stays
  const before = [...ins];
  // Checkpoints after now show a future without this input: gone, even when no input followed.
  dropCheckpointsAfter(tl.checkpoints, now);
  // Only an input with recorded inputs after it needs to know which of them are setup starts.
  const setup = tl.cursor < ins.length ? setupStarts(tl.record) : NO_INDEXES;
  const from = tl.cursor;
  const later = ins.splice(from);
  ins.push({ at: now, input: inp });
  tl.cursor = ins.length;
  // The setup's own node starts stay: a student typing at t = 0.157 s, before the default lab's C
  // starts (0.2 s in), set C's start aside and C never came up (QA walk 4). Only what came after
  // the setup is the future this input replaces.
  const kept = later.filter((_, i) => setup.has(from + i));
  ins.push(...kept);
  const dropped = later.filter((_, i) => !setup.has(from + i));
  return { result: dropped.length ? 'forked' : 'appended', before, dropped };
}

const NO_INDEXES: ReadonlySet<number> = new Set();

/**
 * Which of a run's inputs are its setup's node starts: each setup node's first `start` (nodes are
 * created down; createTimeline records their starts first, and a later start of a node follows a
 * shutdown of it). A run over A, B, C: indexes 0, 1, 2, also after a student's input came between.
 */
function setupStarts(r: RunRecord): Set<number> {
  const waiting = new Set(r.setup.nodes.map((n) => n.name));
  const out = new Set<number>();
  for (let k = 0; k < r.inputs.length && waiting.size > 0; k++) {
    const i = r.inputs[k].input;
    if (i.type === 'start' && waiting.delete(i.node)) out.add(k);
  }
  return out;
}

/**
 * Undo: put back the inputs a run had before an input made at `at` (InputOutcome.before), and go
 * to `at` on that run. Checkpoints before `at` hold for both runs (they differ from `at` on) and
 * stay; later ones go. Afterwards the timeline is the earlier run exactly: same record, and from
 * `at` on the same events as a straight run of it.
 */
export function undoInput(tl: Timeline, before: TimedInput[], at: number): void {
  tl.record.inputs = [...before];
  dropCheckpointsAfter(tl.checkpoints, at - 1);
  restoreBefore(tl, at);
  advanceQuietly(tl, at);
}

/** Virtual time of the next thing due: a task, a recorded input or a traffic write (> now). */
export function nextDueAt(tl: Timeline): number {
  const w = tl.lab.w;
  let next = w.queue.peek()?.at ?? Number.POSITIVE_INFINITY;
  const ins = tl.record.inputs;
  if (tl.cursor < ins.length) next = Math.min(next, ins[tl.cursor].at);
  for (const g of tl.lab.traffic.values()) next = Math.min(next, g.next);
  return Math.max(next, w.now + 1);
}

/** The virtual time of the last recorded input (the end of the known future). */
export function horizon(tl: Timeline): number {
  const ins = tl.record.inputs;
  return ins.length ? ins[ins.length - 1].at : 0;
}
