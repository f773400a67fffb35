// The spotlight: the element a caption talks about gets the `lesson-spot` class (an outline that
// reduced motion keeps still), and a panel anchor brings its tab forward.
import { useEffect } from 'react';
import type { Anchor } from '../../engine/lesson/types.ts';
import { type InsightTab, useLab } from '../../store/store.ts';
import { INSIGHT_TABS } from '../Insights.tsx';

function selector(anchor: Anchor): string | null {
  const [kind, arg] = anchor.split(':');
  switch (kind) {
    case 'node':
      return `.node-card[data-node="${arg}"]`;
    case 'link':
      return `[data-link="${arg}"]`;
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

export function useSpotlight(anchor: Anchor | undefined): void {
  useEffect(() => {
    if (!anchor) return;
    const [kind, arg] = anchor.split(':');
    if (kind === 'panel' && (INSIGHT_TABS as string[]).includes(arg))
      useLab.setState({ insight: arg as InsightTab, insightsOpen: true });
    let el: Element | null = null;
    // The element may appear a frame later (a tab just switched): look once painted.
    const id = requestAnimationFrame(() => {
      const sel = selector(anchor);
      el = sel ? document.querySelector(sel) : null;
      // Highlighted, not scrolled to: scrolling the side column would hide the caption itself.
      el?.classList.add('lesson-spot');
    });
    return () => {
      cancelAnimationFrame(id);
      el?.classList.remove('lesson-spot');
    };
  }, [anchor]);
}
