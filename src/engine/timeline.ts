// Time travel: a run is { seed, setup, inputs }. Going back = rebuild and replay the inputs up to
// the target (deterministic, so exact); acting in the past forks: the recorded future is dropped.
import {
  advanceLab,
  applyInput,
  createLab,
  DEFAULT_SETUP,
  LAB_NET,
  type Lab,
  type LabInput,
  LabInputError,
  type LabSetup,
  recordingInput,
  startCluster,
} from './lab.ts';
import { playSteps, setupScenario } from './scenario/play.ts';
import type { Scenario } from './scenario/types.ts';
import { validateScenario } from './scenario/validate.ts';

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
  return { record, lab: createLab(seed, setup), cursor: 0 };
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

/** Advance to virtual time `to`, applying recorded inputs on the way. */
export function advance(tl: Timeline, to: number): void {
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

/** Go to `t` (back or forward). Going back rebuilds the world and replays. Returns true if rebuilt. */
export function seek(tl: Timeline, t: number): boolean {
  if (t >= tl.lab.w.now) {
    advance(tl, t);
    return false;
  }
  tl.lab = createLab(tl.record.seed, tl.record.setup);
  tl.cursor = 0;
  advance(tl, t);
  return true;
}

/**
 * A user input now. Returns 'forked' when recorded inputs after now were dropped (acting in the
 * past), else 'appended'. Throws LabInputError (a Redis-style message) when it cannot apply.
 */
export function input(tl: Timeline, inp: LabInput): 'forked' | 'appended' {
  const now = tl.lab.w.now;
  const ins = tl.record.inputs;
  let forked = false;
  if (tl.cursor < ins.length) {
    ins.splice(tl.cursor);
    forked = true;
  }
  applyInput(tl.lab, inp);
  ins.push({ at: now, input: inp });
  tl.cursor = ins.length;
  return forked ? 'forked' : 'appended';
}

/** The virtual time of the last recorded input (the end of the known future). */
export function horizon(tl: Timeline): number {
  const ins = tl.record.inputs;
  return ins.length ? ins[ins.length - 1].at : 0;
}

/**
 * A scenario file as a lab run: its setup on the lab's network, and its steps played by the one
 * op table (scenario/ops.ts) as timed inputs — the same ops the traces compared with real Redis
 * come from, so the page tells the scenario's own story. Returns the run record, the time each
 * step started (for "jump to step") and the time the last step ended.
 */
export function scenarioToRun(
  raw: unknown,
  seed: number,
): { record: RunRecord; stepTimes: number[]; endAt: number } {
  const s: Scenario = validateScenario(raw);
  const play = setupScenario(s, seed, LAB_NET);
  const { stepTimes, endAt } = playSteps(play);
  const record = {
    engineVersion: ENGINE_RUN_VERSION,
    seed,
    setup: play.setup,
    scenario: s.name,
    inputs: play.inputs,
  };
  return { record, stepTimes, endAt };
}
