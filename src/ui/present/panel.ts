// Which panel presenter mode keeps beside the cluster (the rest are hidden, present.css):
//  - free lab: the teaching panel the current milestone is about, or the selected node / link;
//  - lesson: its panel (status, prediction, back / next), plus the teaching panel or the console
//    its step points at (the step's `anchor`).
import type { Milestone } from '../../protocol.ts';
import type { InsightTab } from '../../store/store.ts';
import { INSIGHT_TABS } from '../Insights.tsx';

export type PresentPanel = 'insights' | 'side' | 'lesson' | 'lesson insights' | 'lesson side';

export function presentPanel(p: { lesson: boolean; anchor?: string; selected: boolean }): PresentPanel {
  if (!p.lesson) return p.selected ? 'side' : 'insights';
  const [kind, arg] = (p.anchor ?? '').split(':');
  if (kind === 'panel' && (INSIGHT_TABS as string[]).includes(arg)) return 'lesson insights';
  if (kind === 'console') return 'lesson side';
  return 'lesson';
}

/** The teaching panel a milestone is about (a scenario step keeps the one on screen). */
export const MILESTONE_TAB: Record<Milestone, InsightTab | null> = {
  handshake: 'handshake',
  fullresync: 'decision',
  continue: 'decision',
  loaded: 'fullsync',
  step: null,
};
