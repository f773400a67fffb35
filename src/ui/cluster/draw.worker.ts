/// <reference lib="webworker" />
// The draw worker: paints the bulk messages on the message layer's canvas (an OffscreenCanvas the
// page transferred), at its own animation frames, off the page's main thread. The page sends a
// DrawScene only when it changes (~20 times a second while playing: each worker answer); between
// scenes the worker glides the display time itself, exactly as the page's clock does (clock.ts
// nextDisplayTime), and places the messages with the page's own geometry (placeMessages).
import { glideLag, MAX_WALL_STEP, nextDisplayTime } from '../../store/clock.ts';
import type { Layout } from './layout.ts';
import { endOf, placeMessages, type WireMsg } from './message-geometry.ts';
import { bulkPainter } from './message-paint.ts';

declare const self: DedicatedWorkerGlobalScope;

/** What the page sends (draw-scene.ts): the messages that changed, the clock, the layout. */
export interface DrawScene {
  /** Replace the messages kept with `msgs` (a seek back, a new run), else add them. */
  reset: boolean;
  /** Ordered by sentAt, after those kept. */
  msgs: WireMsg[];
  /** Messages kept that were dropped since: id, droppedAt. */
  drops: [number, number][];
  /** Messages gone from the wire before this virtual time are forgotten. */
  from: number;
  /** The confirmed virtual time (the store's `t`), µs. */
  t: number;
  speed: number;
  /** Playing: the display time glides towards `t`; else it is `t`. */
  glide: boolean;
  /** Where and how to draw: sent when it changed (the first scene has it). */
  view?: DrawView;
}

export interface DrawView {
  layout: Layout;
  reduced: boolean;
  /** Canvas pixels per layout unit. */
  dpr: number;
}

export type ToDrawWorker = { canvas: OffscreenCanvas } | { scene: DrawScene };

let paint: ReturnType<typeof bulkPainter> | null = null;
let scene: DrawScene | null = null;
let view: DrawView | null = null;
/** The messages the display time may still show, ordered by sentAt. */
let msgs: WireMsg[] = [];
/** The display time last painted (−1: none), and whether the scene changed since. */
let shown = -1;
let dirty = false;
let lastNow: number | null = null;
let pending = false;

// requestAnimationFrame in a worker: Chromium, Firefox, Safari 16.4+; a 16 ms timer elsewhere.
const nextFrame: (f: (now: number) => void) => void = self.requestAnimationFrame
  ? (f) => self.requestAnimationFrame(f)
  : (f) => setTimeout(() => f(performance.now()), 16);

function schedule(): void {
  if (pending) return;
  pending = true;
  nextFrame(frame);
}

function frame(now: number): void {
  pending = false;
  if (!scene || !paint || !view) return;
  const wall = lastNow === null ? 0 : Math.min(now - lastNow, MAX_WALL_STEP);
  const t = nextDisplayTime(shown, scene.t, wall, scene.speed, scene.glide, glideLag(scene.speed));
  if (t !== shown || dirty) {
    paint(placeMessages(msgs, t, view.layout, view.reduced), view.layout, view.dpr);
    shown = t;
    dirty = false;
  }
  // Paused and painted: no frames until the next scene.
  if (scene.glide) {
    lastNow = now;
    schedule();
  } else lastNow = null;
}

self.onmessage = (ev: MessageEvent<ToDrawWorker>) => {
  if ('canvas' in ev.data) paint = bulkPainter(ev.data.canvas);
  else {
    const s = ev.data.scene;
    const kept = s.reset ? [] : msgs;
    for (const [id, at] of s.drops) {
      const m = kept.find((x) => x.id === id);
      if (m) m.droppedAt = at;
    }
    msgs = kept.filter((m) => endOf(m) > s.from).concat(s.msgs);
    scene = s;
    view = s.view ?? view;
  }
  dirty = true;
  schedule();
};
