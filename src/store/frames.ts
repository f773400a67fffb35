// Frame listeners: code outside the store that folds what the worker sends (the lesson's waits,
// the checklist) registers here; applyFrame calls them after the store took the frame, in order.
// `ready`: the first frame of a newly loaded run; `reset`: after going back in time.
import type { Frame } from '../protocol.ts';

export type FrameKind = 'ready' | 'frame' | 'reset';
type Listener = (frame: Frame, kind: FrameKind) => void;

const listeners = new Set<Listener>();

/** Call `fn` with every frame from now on; returns the unsubscribe. */
export function onFrame(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function emitFrame(frame: Frame, kind: FrameKind): void {
  for (const fn of listeners) fn(frame, kind);
}
