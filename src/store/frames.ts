// Frame listeners: code outside the store that folds what the worker sends (the lesson's waits,
// the checklist) registers here; applyFrame calls them after the store took the frame, in order.
// `ready`: the first frame of a newly loaded run; `reset`: after going back in time.
// Each listener says which event kinds it reads (`Reads`): play frames carry only the kinds some
// listener or the store reads (`kindsRead`, the advance's `keep`), so a listener that reads a kind
// it did not name would miss it. Naming none (null) reads every kind: the safe default.
import type { Frame, LessonEventType } from '../protocol.ts';

export type FrameKind = 'ready' | 'frame' | 'reset';
type Listener = (frame: Frame, kind: FrameKind) => void;
export type EventKind = LessonEventType;
/** The event kinds a listener reads now: a list, or null for every kind (asked at each play advance). */
export type Reads = readonly EventKind[] | null | (() => readonly EventKind[] | null);

const listeners = new Map<Listener, Reads>();

/** Call `fn` with every frame from now on; `reads`: the event kinds it looks at. Returns the unsubscribe. */
export function onFrame(fn: Listener, reads: Reads = null): () => void {
  listeners.set(fn, reads);
  return () => listeners.delete(fn);
}

export function emitFrame(frame: Frame, kind: FrameKind): void {
  for (const fn of listeners.keys()) fn(frame, kind);
}

/** `base` (the store's own kinds) and every kind a listener reads now; null when one reads them all. */
export function kindsRead(base: readonly EventKind[]): EventKind[] | null {
  const out = new Set(base);
  for (const reads of listeners.values()) {
    const kinds = typeof reads === 'function' ? reads() : reads;
    if (kinds === null) return null;
    for (const k of kinds) out.add(k);
  }
  return [...out];
}
