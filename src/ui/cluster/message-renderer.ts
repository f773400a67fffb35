// The message layer's renderer, free of React and of the store: given the messages in flight, the
// display time and the layout, it places protocol messages as pooled buttons and paints the bulk
// (the write stream, REPLCONF ACKs — hundreds a second under load) on one canvas; it answers which
// bulk dot a point hits, and removes what it created. MessageLayer.tsx wires it to the clock,
// the store and the DOM events.
import type { MsgRec } from '../../store/history.ts';
import { type Layout, messagePoint } from './layout.ts';

/** Most messages considered per frame (newest kept). */
export const MAX_IN_FLIGHT = 400;
/** Most protocol messages drawn as buttons. */
const MAX_BUTTONS = 40;
/** Bulk messages that get a text label on the canvas; the rest are dots. */
const MAX_LABELLED = 10;
/** A dropped message stays visible this long after it was lost (virtual µs). */
export const DROP_LINGER = 30_000;
/** Advance width of the 11px monospace label font (≈ 0.6 em). */
const MONO_CHAR_W = 6.7;
/** How close (design units) a click must be to a dot to open it. */
const HIT_RADIUS = 9;

export function kindClass(kind: MsgRec['kind']): string {
  switch (kind) {
    case 'PING':
    case 'AUTH':
    case 'REPLCONF listening-port':
    case 'REPLCONF ip-address':
    case 'REPLCONF capa':
      return 'hs';
    case 'PSYNC':
    case 'SYNC':
      return 'psync';
    case '+FULLRESYNC':
      return 'full';
    case '+CONTINUE':
      return 'cont';
    case 'RDB':
      return 'rdb';
    case 'stream':
      return 'stream';
    case 'REPLCONF ACK':
    case 'REPLCONF GETACK':
    case 'newline':
      return 'ack';
    case 'error':
      return 'err';
    default:
      return 'reply';
  }
}

const isBulk = (k: string) => k === 'stream' || k === 'ack';
const BULK_COLOR: Record<string, [fill: string, ink: string]> = {
  stream: ['#1d4ed8', '#1e3a8a'],
  ack: ['#6b7280', '#374151'],
};

function shortLabel(m: MsgRec, max = 30): string {
  return m.label.length > max ? `${m.label.slice(0, max - 1)}…` : m.label;
}

interface Dot {
  m: MsgRec;
  x: number;
  y: number;
}

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
  draw(frame: MessageFrame): void;
  /** The bulk message painted nearest (layout units, within HIT_RADIUS) to a point, or null. */
  hitTest(x: number, y: number): MsgRec | null;
  destroy(): void;
}

export function createMessageRenderer(root: HTMLElement, canvas: HTMLCanvasElement): MessageRenderer {
  const ctx = canvas.getContext('2d');
  const pool: HTMLButtonElement[] = [];
  let dots: Dot[] = [];
  const button = (i: number) => {
    let b = pool[i];
    if (!b) {
      b = document.createElement('button');
      b.type = 'button';
      b.tabIndex = -1;
      root.appendChild(b);
      pool.push(b);
    }
    return b;
  };

  const draw = ({ msgs, t, layout: l, reduced, dpr }: MessageFrame) => {
    const w = Math.ceil(l.width * dpr);
    const h = Math.ceil(l.height * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    // Clear only a canvas that has something on it: an untouched canvas costs no upload.
    if (dots.length > 0) {
      ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx?.clearRect(0, 0, l.width, l.height);
    }
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    dots = [];
    let used = 0;
    let labelled = 0;
    // Newest first, so the labels go to what just left.
    for (let i = msgs.length - 1; i >= 0; i--) {
      const m = msgs[i];
      const lost = m.droppedAt !== null && t >= m.droppedAt;
      const at = lost ? (m.droppedAt as number) : t;
      const p = messagePoint(
        l,
        m.from,
        m.to,
        reduced ? 0.5 : (at - m.sentAt) / Math.max(1, m.deliverAt - m.sentAt),
      );
      if (!p) continue;
      const kind = kindClass(m.kind);
      if (isBulk(kind)) {
        dots.push({ m, x: p.x, y: p.y });
        if (ctx) paintDot(ctx, m, kind, p.x, p.y, lost, labelled++ < MAX_LABELLED);
        continue;
      }
      if (used >= MAX_BUTTONS) continue;
      placeButton(button(used++), m, kind, lost, p);
    }
    for (let i = used; i < pool.length; i++) show(pool[i], false);
  };

  const hitTest = (x: number, y: number): MsgRec | null => {
    let best: Dot | null = null;
    let bestD = HIT_RADIUS;
    for (const d of dots) {
      const dist = Math.hypot(d.x - x, d.y - y);
      if (dist < bestD) [best, bestD] = [d, dist];
    }
    return best ? (best as Dot).m : null;
  };

  const destroy = () => {
    for (const b of pool) b.remove();
  };
  return { draw, hitTest, destroy };
}

// Writes to the DOM only when a value changed: an unchanged `hidden` still costs a style pass.
function show(b: HTMLButtonElement, visible: boolean): void {
  if (b.hidden === visible) b.hidden = !visible;
}

function placeButton(
  b: HTMLButtonElement,
  m: MsgRec,
  kind: string,
  lost: boolean,
  p: { x: number; y: number },
): void {
  const key = `${m.id}|${lost}`;
  if (b.dataset.key !== key) {
    b.dataset.key = key;
    b.dataset.id = String(m.id);
    b.className = `msg kind-${kind}${lost ? ' lost' : ''}`;
    b.textContent = `${lost ? '✗ ' : ''}${shortLabel(m)}`;
    b.setAttribute('aria-label', `${m.label} (${m.from} → ${m.to}, ${m.bytes} bytes)`);
  }
  const tf = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px) translate(-50%, -50%)`;
  if (b.style.transform !== tf) b.style.transform = tf;
  show(b, true);
}

function paintDot(
  ctx: CanvasRenderingContext2D,
  m: MsgRec,
  kind: string,
  x: number,
  y: number,
  lost: boolean,
  label: boolean,
): void {
  const [fill, ink] = lost ? ['#c81e1e', '#c81e1e'] : BULK_COLOR[kind];
  if (!label) {
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(x, y, 4.5, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const text = `${lost ? '✗ ' : ''}${shortLabel(m, 22)}`;
  ctx.font = '600 11px ui-monospace, Menlo, Consolas, monospace';
  const w = text.length * MONO_CHAR_W + 10; // monospace: no measureText per frame
  const h = 16;
  ctx.fillStyle = kind === 'stream' ? '#eff4ff' : '#f3f4f6';
  ctx.strokeStyle = fill;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.roundRect(x - w / 2, y - h / 2, w, h, 8);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y + 0.5);
}
