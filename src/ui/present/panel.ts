// Which panel presenter mode keeps beside the cluster (the rest are hidden, present.css):
//  - free lab: the teaching panel the current milestone is about, or the selected node / link;
//  - lesson: its panel (status, prediction, back / next), plus what its step points at (the step's
//    `anchor`): the teaching panel, or the side panel — the console, the node, the link (the
//    handshake stepper and the RESP transcript). Without that, 50 of the 78 steps of lesson 27
//    (node and link anchors) left the column under the lesson panel blank on the projector.
import type { Step } from '../../engine/lesson/types.ts';
import type { Milestone } from '../../protocol.ts';
import type { InsightTab, NodeTab, Selection } from '../../store/store.ts';
import { INSIGHT_TABS } from '../Insights.tsx';

export type PresentPanel = 'insights' | 'side' | 'lesson' | 'lesson insights' | 'lesson side';

export function presentPanel(p: { lesson: boolean; anchor?: string; selected: boolean }): PresentPanel {
  if (!p.lesson) return p.selected ? 'side' : 'insights';
  const [kind, arg] = (p.anchor ?? '').split(':');
  if (kind === 'panel' && (INSIGHT_TABS as string[]).includes(arg)) return 'lesson insights';
  if (kind === 'console' || kind === 'node' || kind === 'link') return 'lesson side';
  return 'lesson';
}

/**
 * What the side panel shows beside a lesson step in presenter mode: the node or link its anchor
 * names (a node on its INFO tab: role and offsets). Null: leave it — a step the student acts in
 * has selected its node and tab already (runtime.ts focusFor), other anchors use no side panel.
 */
export function presentSelection(step: Step): { selected: Selection; nodeTab?: NodeTab } | null {
  if (step.kind === 'do' && !step.auto) return null;
  const [kind, arg] = (step.anchor ?? '').split(':');
  if (kind === 'node' && arg) return { selected: { kind: 'node', name: arg }, nodeTab: 'info' };
  if (kind === 'link' && arg) return { selected: { kind: 'link', replica: arg } };
  return null;
}

/** The teaching panel a milestone is about (a scenario step keeps the one on screen). */
export const MILESTONE_TAB: Record<Milestone, InsightTab | null> = {
  handshake: 'handshake',
  fullresync: 'decision',
  continue: 'decision',
  loaded: 'fullsync',
  step: null,
};
