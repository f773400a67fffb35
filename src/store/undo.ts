// Undo (Ctrl+Z, and the fork notice's button): loaded on first use. The worker keeps a copy of
// the run's inputs before each action (session.ts); undoing puts one back exactly.
import { ctl } from './instance.ts';
import { applyFrame, useLab } from './store.ts';

/**
 * Undo the last action, or with `depth` every action after the first `depth` (the fork notice's
 * button undoes the fork and all after it). The run comes back exactly as it was, at the time of
 * the earliest action undone. False when there was nothing to undo.
 */
export async function undo(depth?: number): Promise<boolean> {
  const c = ctl();
  if (useLab.getState().undoable === 0) return false;
  c.setPlaying(false);
  await c.settled();
  const r = await c.request({ type: 'undo', ...(depth !== undefined ? { depth } : {}) });
  if (r.type !== 'reset' || r.reason !== 'undo') {
    c.handle(r);
    return false;
  }
  applyFrame(r.frame, { reset: true });
  const fork = useLab.getState().fork;
  useLab.setState({
    maxT: Math.max(r.frame.to, r.frame.horizon),
    leftAt: r.leftAt,
    undoable: r.undo,
    fork: fork && fork.depth < r.undo ? fork : null,
  });
  void c.keepRecord();
  return true;
}
