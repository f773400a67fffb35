// The message layer's wiring (loaded on demand by MessageLayer.tsx: not part of the first load):
// the renderer (message-renderer.ts) placed on every display-time tick, the draw worker told when
// the store changes what it shows (draw-scene.ts), clicks on buttons and on canvas dots.
import { displayTime, onDisplayTime } from '../../store/clock.ts';
import { inFlight } from '../../store/history.ts';
import { type LabState, useLab } from '../../store/store.ts';
import { sceneSender } from './draw-scene.ts';
import type { Layout } from './layout.ts';
import { DROP_LINGER, MAX_IN_FLIGHT } from './message-geometry.ts';
import { createMessageRenderer } from './message-renderer.ts';

/** What the layer is shown at: the layout, and the stage's CSS scale (the canvas is backed at it). */
export type Stage = () => { layout: Layout; scale: number };

/** Starts the layer in `el`; returns [redraw (after a layout or scale change), stop]. */
export function mountMessages(el: HTMLElement, stage: Stage): [() => void, () => void] {
  const r = createMessageRenderer(el);
  const media = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  // Read once and on change: `matches` costs ~0.1 ms a read, and view() runs on every tick.
  let reduced = media?.matches ?? false;
  const view = () => ({
    layout: stage().layout,
    reduced,
    dpr: (window.devicePixelRatio || 1) * stage().scale,
  });
  /** What the buttons show: the display time and message revision they were placed at. */
  let drawnT = -1;
  let drawnRev = -1;
  const draw = () => {
    const t = displayTime();
    drawnT = t;
    drawnRev = useLab.getState().rev.messages;
    r.draw({ msgs: inFlight(useLab.getState().hist, t, MAX_IN_FLIGHT, DROP_LINGER), t, ...view() });
  };
  // The draw worker's scene, when the store changed what it shows (nothing without a worker).
  const send = sceneSender((scene) => r.sync?.(scene));
  const sync = () => r.sync && send(useLab.getState(), displayTime(), view());
  const redraw = () => {
    draw();
    sync();
  };
  const onMedia = () => {
    reduced = media?.matches ?? false;
    redraw();
  };
  redraw();
  const open = (id: number) => useLab.setState({ resp: id, playing: false });
  const onClick = (ev: MouseEvent) => {
    const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button.msg');
    if (b?.dataset.id) open(Number(b.dataset.id));
  };
  // Clicks on the stage that hit no card, label or button may hit a canvas dot.
  const stageEl = el.parentElement;
  const onStageClick = (ev: MouseEvent) => {
    if (!stageEl || (ev.target as HTMLElement).closest('button')) return;
    const box = stageEl.getBoundingClientRect();
    const scale = box.width / stage().layout.width || 1;
    const hit = r.hitTest((ev.clientX - box.left) / scale, (ev.clientY - box.top) / scale);
    if (hit) open(hit.id);
  };
  const unclock = onDisplayTime(draw);
  // New messages are placed in the next animation frame: while playing the clock's tick places
  // them there anyway (one draw a frame, not a second one for each of ~20 folded frames a second).
  let pending = 0;
  const unsub = useLab.subscribe((st, prev) => {
    if (changed(st, prev)) sync();
    if (st.rev.messages === prev.rev.messages || pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (drawnT !== displayTime() || drawnRev !== useLab.getState().rev.messages) draw();
    });
  });
  media?.addEventListener('change', onMedia);
  el.addEventListener('click', onClick);
  stageEl?.addEventListener('click', onStageClick);
  const stop = () => {
    cancelAnimationFrame(pending);
    unsub();
    unclock();
    media?.removeEventListener('change', onMedia);
    el.removeEventListener('click', onClick);
    stageEl?.removeEventListener('click', onStageClick);
    r.destroy();
  };
  return [redraw, stop];
}

/** A change of what the draw worker shows: the time, the messages, the clock's pace. */
const changed = (a: LabState, b: LabState) =>
  a.t !== b.t ||
  a.rev.messages !== b.rev.messages ||
  a.speed !== b.speed ||
  a.playing !== b.playing ||
  a.phase !== b.phase;
