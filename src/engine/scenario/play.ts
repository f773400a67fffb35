// Playing a scenario: its nodes as a lab setup, its steps through the op table (ops.ts), every
// action recorded as a timed lab input. The engine runner (run.ts, traces) and the page
// (to-run.ts scenarioToRun) both play through here; they differ only in the network.

import { createLab, type LabInput, type LabSetup, recordingInput } from '../lab/lab.ts';
import { startCluster } from '../lab/start.ts';
import { streamsLanded } from '../replication/stream.ts';
import { MS } from '../server/emit.ts';
import { LOOPBACK, runUntil, runUntilCondition } from '../server/simulation.ts';
import type { NetConfig, World } from '../server/world.ts';
import { type OpCtx, runStep } from './ops.ts';
import type { Scenario, Step } from './types.ts';
import { logMarks } from './waits.ts';

/** Bound on waiting for in-flight stream bytes between steps (see `streamsLanded`). */
const LAND_MS = 2000;

/** A scenario being played, with the inputs recorded so far (the run record's `inputs`). */
export interface ScenarioPlay extends OpCtx {
  scenario: Scenario;
  setup: LabSetup;
  /** The lab's world (never replaced during a play). */
  w: World;
  inputs: { at: number; input: LabInput }[];
}

/**
 * Start the scenario's nodes (setup replicas attached, as the real runner starts processes), on
 * a loopback network unless `net` says otherwise (the page plays on LAB_NET).
 */
export function setupScenario(scenario: Scenario, seed: number, net: NetConfig = LOOPBACK): ScenarioPlay {
  const setup = setupFromScenario(scenario, net);
  const lab = createLab(seed, setup);
  const inputs: ScenarioPlay['inputs'] = [];
  const input = recordingInput(lab, inputs);
  startCluster(lab, input);
  // Starting and attaching takes real Redis ~150 ms or more: the first cron ticks are behind us.
  runUntil(lab.w, Math.max(lab.w.now, 150 * MS));
  return { scenario, setup, lab, w: lab.w, inputs, logFrom: logMarks(lab.w), input };
}

/**
 * Play every step; `afterStep(i, step, result)` runs after step i (1-based) before the next, then
 * wait-log's reading position moves to the end of each node's log (as the real runner's snapshot
 * cursor does). Returns the time each step started and the time the story ended.
 */
export function playSteps(
  play: ScenarioPlay,
  afterStep?: (i: number, step: Step, result: Record<string, unknown>) => void,
): { stepTimes: number[]; endAt: number } {
  const stepTimes: number[] = [];
  play.scenario.steps.forEach((step, k) => {
    stepTimes.push(play.lab.w.now);
    const result = runStep(play, step);
    afterStep?.(k + 1, step, result);
    play.logFrom = logMarks(play.lab.w);
    // The real runner's snapshot takes ≥ 3 ms: bytes in flight land before the next op (scenario h3).
    runUntilCondition(play.lab.w, () => streamsLanded(play.lab.w), play.lab.w.now + LAND_MS * MS);
  });
  return { stepTimes, endAt: play.lab.w.now };
}

/**
 * A scenario file as a lab setup (its steps become timed inputs: scenario/play.ts). The nodes are
 * configured exactly as the scenario's (no lab defaults such as a 10 s PING period: PINGs move
 * offsets); `net` is the lab's slow network unless the caller asks for another.
 */
export function setupFromScenario(s: Scenario, net?: NetConfig): LabSetup {
  return {
    nodes: Object.entries(s.nodes).map(([name, d]) => ({
      name,
      replicaof: d.replicaof ?? null,
      config: d.config,
    })),
    config: s.config,
    ...(net ? { net } : {}),
    ...(s.era ? { era: s.era } : {}),
  };
}
