// Milestones looking back (presenter mode): the caption names the latest one reached, and PageUp / ←
// goes to the one before. Forward is the worker's `step until milestone` (the same rule,
// worker/milestone.ts); back is a seek, so a replayed run shows the same milestone at the same time.

import type { History } from '../../store/history.ts';
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { type MilestoneAt, milestoneOf } from '../../worker/milestone.ts';

/** A milestone reached; for `step`, `node` is the scenario step's number (1-based). */
export type Reached = MilestoneAt;

/**
 * The latest milestone strictly before `before` (µs): events in the history, and scenario steps
 * (their start times). Lists are in time order, so each is read from its end. Example: a replica's
 * handshake at 0.42 s and its +FULLRESYNC at 0.46 s; before = 0.46 s gives the handshake,
 * before = 0.46 s + 1 µs gives the +FULLRESYNC.
 */
export function latestMilestone(h: History, stepTimes: readonly number[], before: number): Reached | null {
  let best: Reached | null = null;
  for (const list of [h.decisions, h.results, h.phases]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i];
      if (e.at >= before) continue;
      if (best && e.at <= best.at) break;
      const m = milestoneOf(e);
      if (m) {
        best = m;
        break;
      }
    }
  }
  for (let i = stepTimes.length - 1; i >= 0; i--) {
    const at = stepTimes[i];
    if (at >= before) continue;
    if (!best || at > best.at) best = { at, kind: 'step', node: String(i + 1) };
    break;
  }
  return best;
}

/** PageUp / ←: pause and go back to the milestone before the current time (or the start). */
export async function previousMilestone(): Promise<void> {
  const s = useLab.getState();
  ctl().setPlaying(false);
  await ctl().seek(latestMilestone(s.hist, s.stepTimes, s.t)?.at ?? 0);
}
