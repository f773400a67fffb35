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

export function Spotlight({ anchor }: { anchor: Anchor | undefined }) {
  useEffect(() => {
    if (!anchor) return;
    const [kind, arg] = anchor.split(':');
    if (kind === 'panel' && (INSIGHT_TABS as string[]).includes(arg))
      useLab.setState({ insight: arg as InsightTab, insightsOpen: true });
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
