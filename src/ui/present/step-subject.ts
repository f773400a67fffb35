// The node or link a lesson step is about, selected beside the lesson when the step is entered:
// in presenter mode always; outside it only in the lab's two-column layout — in the one-column
// layout (a phone, a zoomed page) it would push the cluster a screen further down.
import { useEffect } from 'react';
import type { Step } from '../../engine/lesson/types.ts';
import { useLesson } from '../../store/lesson/runtime.ts';
import { useLab } from '../../store/store.ts';
import { presentSelection } from './panel.ts';

/** The lab's two-column layout (app.css turns to one column at ≤ 820 px wide or ≤ 600 px high). */
const TWO_COLUMNS = '(min-width: 821px) and (min-height: 601px)';

/**
 * Select `step`'s subject once its chapter's run is open. While the chapter loads, the step shown
 * is already step 0, but the run's 'ready' clears the selection (store/client.ts) — selecting
 * before it was lost whenever the lesson's file came in before the run (CI, a busy machine), and
 * entering step 0 after the load does not change `step`. So the effect waits for the load to end.
 * `from`: the presenter's caption, or the lesson panel at a desk (which leaves presenter mode to
 * the former). The layout is read at the moment of entering.
 */
export function useStepSubject(step: Step | null | undefined, from: 'presenter' | 'desk'): void {
  const loading = useLesson((s) => s.phase === 'loading');
  useEffect(() => {
    if (!step || loading) return;
    if (from === 'desk' && (useLab.getState().present || !matchMedia(TWO_COLUMNS).matches)) return;
    const show = presentSelection(step);
    if (show) useLab.setState(show);
  }, [step, loading, from]);
}
