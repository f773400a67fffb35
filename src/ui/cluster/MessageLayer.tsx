// Messages travelling along the links. Positions come from each message's sentAt/deliverAt and
// the display time (store/clock.ts), so pause, speed and scrubbing need no special cases. Drawn
// imperatively (no React render per frame) by message-mount.ts, loaded on demand (the first screen
// has no message in flight yet): protocol messages are pooled buttons, named for assistive
// technology, placed on every display-time tick; the bulk is painted on one canvas — by a draw
// worker where the browser has OffscreenCanvas — and a click near a dot opens it too. The
// transcript lists every message as a button.
import { useEffect, useRef } from 'react';
import type { Layout } from './layout.ts';

/** `scale`: the stage's CSS scale, so the canvas is backed at the size it is shown (not redrawn larger). */
export function MessageLayer({ layout, scale }: { layout: Layout; scale: number }) {
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef({ layout, scale });
  const redraw = useRef<() => void>(() => {});
  stage.current = { layout, scale };

  useEffect(() => {
    let stop: (() => void) | null = null;
    void import('./message-mount.ts').then((m) => {
      // Unmounted meanwhile (StrictMode mounts twice), or no element: nothing to start.
      if (stop || !root.current) return;
      [redraw.current, stop] = m.mountMessages(root.current, () => stage.current);
    });
    return () => {
      stop?.();
      stop = () => {};
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the layout or scale changes (read through refs)
  useEffect(() => {
    redraw.current();
  }, [layout, scale]);

  return <div ref={root} className="messages" />;
}
