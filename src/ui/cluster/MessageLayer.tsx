// Messages travelling along the links. Positions come from each message's sentAt/deliverAt and
// the display time (store/clock.ts), so pause, speed and scrubbing need no special cases. Drawn
// imperatively by message-renderer.ts on every display-time tick (no React render per frame):
// protocol messages are pooled buttons, named for assistive technology; the bulk is painted on one
// canvas, and a click near a dot opens it too. The transcript lists every message as a button.
import { useEffect, useRef } from 'react';
import { displayTime, onDisplayTime } from '../../store/clock.ts';
import { inFlight } from '../../store/history.ts';
import { useLab } from '../../store/store.ts';
import type { Layout } from './layout.ts';
import { createMessageRenderer, DROP_LINGER, MAX_IN_FLIGHT } from './message-renderer.ts';

/** `scale`: the stage's CSS scale, so the canvas is backed at the size it is shown (not redrawn larger). */
export function MessageLayer({ layout, scale }: { layout: Layout; scale: number }) {
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef(layout);
  const scaleRef = useRef(scale);
  const drawRef = useRef<() => void>(() => {});
  layoutRef.current = layout;
  scaleRef.current = scale;

  useEffect(() => {
    const el = root.current;
    const cv = canvas.current;
    if (!el || !cv) return;
    const r = createMessageRenderer(el, cv);
    const media = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    /** What the canvas shows: the display time and message revision it was drawn at. */
    let drawnT = -1;
    let drawnRev = -1;
    const draw = () => {
      const t = displayTime();
      drawnT = t;
      drawnRev = useLab.getState().rev.messages;
      r.draw({
        msgs: inFlight(useLab.getState().hist, t, MAX_IN_FLIGHT, DROP_LINGER),
        t,
        layout: layoutRef.current,
        reduced: media?.matches ?? false,
        dpr: (window.devicePixelRatio || 1) * scaleRef.current,
      });
    };
    drawRef.current = draw;
    draw();
    const open = (id: number) => useLab.setState({ resp: id, playing: false });
    const onClick = (ev: MouseEvent) => {
      const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button.msg');
      if (b?.dataset.id) open(Number(b.dataset.id));
    };
    // Clicks on the stage that hit no card, label or button may hit a canvas dot.
    const stage = el.parentElement;
    const onStageClick = (ev: MouseEvent) => {
      if (!stage || (ev.target as HTMLElement).closest('button')) return;
      const box = stage.getBoundingClientRect();
      const scale = box.width / layoutRef.current.width || 1;
      const hit = r.hitTest((ev.clientX - box.left) / scale, (ev.clientY - box.top) / scale);
      if (hit) open(hit.id);
    };
    const unclock = onDisplayTime(draw);
    // New messages are drawn in the next animation frame: while playing the clock's tick draws
    // them there anyway (one draw a frame, not a second one for each of ~30 folded frames a second).
    let pending = 0;
    const unsub = useLab.subscribe((st, prev) => {
      if (st.rev.messages === prev.rev.messages || pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        if (drawnT !== displayTime() || drawnRev !== useLab.getState().rev.messages) draw();
      });
    });
    media?.addEventListener('change', draw);
    el.addEventListener('click', onClick);
    stage?.addEventListener('click', onStageClick);
    return () => {
      cancelAnimationFrame(pending);
      unsub();
      unclock();
      media?.removeEventListener('change', draw);
      el.removeEventListener('click', onClick);
      stage?.removeEventListener('click', onStageClick);
      r.destroy();
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the layout or scale changes (read through refs)
  useEffect(() => {
    drawRef.current();
  }, [layout, scale]);

  return (
    <div ref={root} className="messages">
      <canvas ref={canvas} className="bulk" style={{ width: layout.width, height: layout.height }} />
    </div>
  );
}
