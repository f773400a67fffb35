// The message layer's renderer, free of React and of the store: given the messages in flight, the
// display time and the layout, it places protocol messages as pooled buttons, and has the bulk
// (the write stream, REPLCONF ACKs — hundreds a second under load) painted on one canvas: by the
// draw worker on an OffscreenCanvas where the browser has one (the page only sends it a DrawScene
// when that changes), else on the page each frame. It answers which bulk dot a point hits (with
// the same geometry the painter uses) and removes what it created. message-mount.ts wires it to
// the clock, the store and the DOM events.
import type { MsgRec } from '../../store/history.ts';
import type { DrawScene, ToDrawWorker } from './draw.worker.ts';
import type { Layout } from './layout.ts';
import {
  isBulk,
  labelBand,
  labelChars,
  labelWidth,
  type Placed,
  placeMessages,
  shortLabel,
  stackLabel,
} from './message-geometry.ts';
import { spawnDrawWorker } from './spawn-draw.ts';

/** Most protocol messages drawn as buttons. */
const MAX_BUTTONS = 40;
/** How close (design units) a click must be to a dot to open it. */
const HIT_RADIUS = 9;

/** One frame's input: what is on the wire, when, where. */
export interface MessageFrame {
  msgs: readonly MsgRec[];
  /** Display time, virtual µs. */
  t: number;
  layout: Layout;
  /** prefers-reduced-motion: messages sit at the middle of their lane while on the wire. */
  reduced: boolean;
  /**
   * Canvas pixels per layout unit: devicePixelRatio × the stage's CSS scale, so the canvas holds as
   * many pixels as it covers on screen (the stress scene's 932×646 stage shown at scale 0.5 is
   * backed by 466×323 pixels, not 932×646: a quarter of the clearing, painting and upload).
   */
  dpr: number;
}

export interface MessageRenderer {
  /** Each display-time tick: the buttons, and the bulk where there is no draw worker. */
  draw(frame: MessageFrame): void;
  /** With a draw worker, what it paints from (send only when it changed); null without one. */
  sync: ((scene: DrawScene) => void) | null;
  /** The bulk message painted nearest (layout units, within HIT_RADIUS) to a point, or null. */
  hitTest(x: number, y: number): MsgRec | null;
  destroy(): void;
}

export function createMessageRenderer(root: HTMLElement): MessageRenderer {
  // Made here, not by React: a canvas hands its control to a worker once (StrictMode mounts twice).
  let canvas = newCanvas(root);
  /** Without a draw worker: the painter, loaded on demand (not part of the first load). */
  let paint: ((placed: readonly Placed[], l: Layout, dpr: number) => void) | null = null;
  let last: MessageFrame | null = null;
  const onPage = () => {
    void import('./message-paint.ts').then((m) => {
      paint = m.bulkPainter(canvas);
      if (last) draw(last);
    });
  };
  let worker = startDrawWorker(canvas);
  if (!worker) onPage();
  // A worker that fails to start (its script refused, say) has taken the canvas: a new one, on the page.
  worker?.addEventListener('error', () => {
    worker?.terminate();
    worker = null;
    r.sync = null;
    canvas.replaceWith((canvas = newCanvas(root)));
    onPage();
  });
  const pool: HTMLButtonElement[] = [];
  const button = (i: number) => {
    let b = pool[i];
    if (!b) {
      b = document.createElement('button');
      b.type = 'button';
      b.tabIndex = -1;
      root.appendChild(b);
      pool[i] = b; // filled oldest label first (draw), so not always in order
    }
    return b;
  };

  const draw = (frame: MessageFrame) => {
    const { msgs, t, layout: l, reduced, dpr } = frame;
    const [w, h] = [`${l.width}px`, `${l.height}px`];
    if (canvas.style.width !== w || canvas.style.height !== h)
      [canvas.style.width, canvas.style.height] = [w, h];
    last = frame;
    // Newest first, as placed; with a draw worker, the page places the buttons' messages only.
    const placed = placeMessages(msgs, t, l, reduced, paint ? undefined : notBulk);
    paint?.(placed, l, dpr);
    const shown: Placed<MsgRec>[] = [];
    for (const p of placed) if (!isBulk(p.kind) && shown.length < MAX_BUTTONS) shown.push(p);
    // Labels sent together stack: the oldest keeps its point, each later one goes under it.
    const taken: { x: number; y: number; w: number }[] = [];
    const chars = labelChars(l);
    for (let i = shown.length - 1; i >= 0; i--) {
      const p = shown[i];
      const w = labelWidth(shortLabel(p.m, chars)) + (p.lost ? 14 : 0);
      placeButton(button(i), p, chars, stackLabel(taken, p.x, p.y, w, labelBand(l, p.m.from, p.m.to)));
    }
    const used = shown.length;
    for (let i = used; i < pool.length; i++) show(pool[i], false);
  };

  const hitTest = (x: number, y: number): MsgRec | null => {
    if (!last) return null;
    let best: MsgRec | null = null;
    let bestD = HIT_RADIUS;
    for (const p of placeMessages(last.msgs, last.t, last.layout, last.reduced)) {
      const dist = Math.hypot(p.x - x, p.y - y);
      if (isBulk(p.kind) && dist < bestD) [best, bestD] = [p.m, dist];
    }
    return best;
  };

  const destroy = () => {
    worker?.terminate();
    canvas.remove();
    for (const b of pool) b.remove();
  };
  const r: MessageRenderer = { draw, sync: null, hitTest, destroy };
  if (worker) r.sync = (scene) => worker?.postMessage({ scene } satisfies ToDrawWorker);
  return r;
}

/**
 * The bulk canvas goes just before the message layer, not in it: the link state pills sit between
 * the two (app.css), over the stream's dots but under the protocol messages' labels — a label
 * passing a pill stays readable (QA walk 3: "REPLCONF listening-port 7102" half under "handshake").
 */
function newCanvas(root: HTMLElement): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.className = 'bulk';
  root.before(c);
  return c;
}

/** The canvas handed to a draw worker, or null (no OffscreenCanvas, or the worker cannot start). */
function startDrawWorker(canvas: HTMLCanvasElement): Worker | null {
  if (!canvas.transferControlToOffscreen) return null;
  try {
    const w = spawnDrawWorker();
    const off = canvas.transferControlToOffscreen();
    w.postMessage({ canvas: off } satisfies ToDrawWorker, [off]);
    return w;
  } catch {
    return null;
  }
}

const notBulk = (kind: string) => !isBulk(kind);

// Writes to the DOM only when a value changed: an unchanged `hidden` still costs a style pass.
function show(b: HTMLButtonElement, visible: boolean): void {
  if (b.hidden === visible) b.hidden = !visible;
}

/** Where the label goes (stackLabel): a row below or above the message's point, or beside it. */
function placeButton(
  b: HTMLButtonElement,
  { m, kind, lost }: Placed<MsgRec>,
  chars: number,
  { x, y }: { x: number; y: number },
): void {
  const key = `${m.id}|${lost}|${chars}`;
  if (b.dataset.key !== key) {
    b.dataset.key = key;
    b.dataset.id = String(m.id);
    b.className = `msg kind-${kind}${lost ? ' lost' : ''}`;
    b.textContent = `${lost ? '✗ ' : ''}${shortLabel(m, chars)}`;
    b.setAttribute('aria-label', `${m.label} (${m.from} → ${m.to}, ${m.bytes} bytes)`);
  }
  const tf = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
  if (b.style.transform !== tf) b.style.transform = tf;
  show(b, true);
}
