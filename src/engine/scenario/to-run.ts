// A scenario file as a run record the page plays (timeline.ts replays it like any lab run).
import { LAB_NET } from '../lab/lab.ts';
import { ENGINE_RUN_VERSION, type RunRecord } from '../lab/timeline.ts';
import { playSteps, setupScenario } from './play.ts';
import type { Scenario } from './types.ts';
import { validateScenario } from './validate.ts';

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
