// What a `load` request names, opened as a timeline: the free lab, a lesson chapter's lab, a saved
// run or a scenario file. Throws ScenarioError / LabInputError on a bad one (the caller reports it
// and keeps the run on screen).
import {
  createTimeline,
  DEFAULT_SETUP,
  scenarioToRun,
  type TimedInput,
  type Timeline,
  timelineOf,
} from '../engine/index.ts';
import type { LoadSource } from '../protocol.ts';

export interface Opened {
  tl: Timeline;
  /** When each scenario step ran (empty: no scenario). */
  stepTimes: number[];
  /** When the scenario's play ended (0: no scenario). */
  endAt: number;
  description: string | null;
}

/** A timeline for what `src` names, with its scenario's step times and description. */
export function open(src: LoadSource, seed: number): Opened {
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

/**
 * Where a new run's first frame ends. A lesson chapter (`lab`) begins with its nodes up — its first
 * step acts on them — so at the last recorded `start` input; the free lab and scenarios at t = 0,
 * so the start-up (each node's start, the first handshakes) plays.
 */
export function firstFrameEnd(src: LoadSource, inputs: readonly TimedInput[]): number {
  if (src.kind !== 'lab') return 0;
  let at = 0;
  for (const i of inputs) if (i.input.type === 'start') at = Math.max(at, i.at);
  return at;
}
