// The spotlight: the element a caption talks about is outlined by a style rule aimed at it (not a
// class added to it: React re-renders would wipe that), and a panel anchor brings its tab forward.
// The outline pulses only when the reader has not asked for reduced motion. The rule lives in a
// constructed stylesheet (CSSOM), not a <style> element: the lab's CSP allows no inline styles.
import { useEffect } from 'react';
import type { Anchor } from '../../engine/lesson/types.ts';
import { type InsightTab, useLab } from '../../store/store.ts';
import { INSIGHT_TABS } from '../Insights.tsx';

function selector(anchor: Anchor): string | null {
  const [kind, arg] = anchor.split(':');
  if (!/^[A-Za-z-]*$/.test(arg ?? '')) return null;
  switch (kind) {
    case 'node':
      return `.node-card[data-node="${arg}"]`;
    case 'link':
      return `line[data-link="${arg}"]`;
    case 'panel':
      return '.insights';
    case 'console':
      return '.side';
    case 'checklist':
      return '.lesson-checklist';
    default:
      return null;
  }
}

function ruleFor(sel: string): string {
  return sel.startsWith('line')
    ? `${sel} { stroke: var(--accent); stroke-width: 7; }`
    : `${sel} { outline: 3px solid var(--accent); outline-offset: 3px; }
       @media (prefers-reduced-motion: no-preference) { ${sel} { animation: lesson-pulse 1.6s ease-in-out 3; } }`;
}

let sheet: CSSStyleSheet | null = null;

/**
 * A backlog step talks about the backlog PSYNC is answered from, the master's. With a replica
 * selected (B, just healed in chapter 3) the panel showed B's own 7.0 backlog, without the
 * requested offset pinned on it, under "see the pinned offset on the backlog ring" (QA walk 3):
 * the replica's master is selected instead. Nothing selected: the panel already shows the top master.
 */
function selectMasterOfReplica(): void {
  const s = useLab.getState();
  const sel = s.selected?.kind === 'node' ? s.selected.name : null;
  const master = sel && s.views[sel]?.role === 'slave' ? s.views[sel].master : null;
  if (master && s.views[master]) useLab.setState({ selected: { kind: 'node', name: master } });
}

export function Spotlight({ anchor }: { anchor: Anchor | undefined }) {
  useEffect(() => {
    if (!anchor) return;
    const [kind, arg] = anchor.split(':');
    if (kind === 'panel' && (INSIGHT_TABS as string[]).includes(arg))
      useLab.setState({ insight: arg as InsightTab, insightsOpen: true });
    if (anchor === 'panel:backlog') selectMasterOfReplica();
  }, [anchor]);
  const sel = anchor ? selector(anchor) : null;
  useEffect(() => {
    if (!sel) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(ruleFor(sel));
    return () => sheet?.replaceSync('');
  }, [sel]);
  return null;
}
