// Messages travelling along the links. Positions come from each message's sentAt/deliverAt and
// the display time (store/clock.ts), so pause, speed and scrubbing need no special cases. Drawn
// imperatively on every animation frame (no React render per frame):
//  - protocol messages (PING, AUTH, REPLCONF, PSYNC, +FULLRESYNC, +CONTINUE, RDB, errors) are
//    buttons from a pool: few, labelled, focusable by click, named for assistive technology;
//  - the bulk (the write stream and REPLCONF ACKs, hundreds per second under load) is painted on
//    one canvas; a click near a dot opens it too. The transcript lists every message as a button.
// With prefers-reduced-motion, messages sit still at the middle of their lane while on the wire.
import { useEffect, useRef } from 'react';
import { displayTime, onDisplayTime } from '../../store/clock.ts';
import { inFlight, type MsgRec } from '../../store/history.ts';
import { useLab } from '../../store/store.ts';
import { type Layout, messagePoint } from './layout.ts';

/** Most messages considered per frame (newest kept). */
const MAX_IN_FLIGHT = 400;
/** Most protocol messages drawn as buttons. */
const MAX_BUTTONS = 40;
/** Bulk messages that get a text label on the canvas; the rest are dots. */
const MAX_LABELLED = 10;
/** A dropped message stays visible this long after it was lost (virtual µs). */
const DROP_LINGER = 30_000;
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

export function MessageLayer({ layout }: { layout: Layout }) {
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef(layout);
  const drawRef = useRef<() => void>(() => {});
  layoutRef.current = layout;

  useEffect(() => {
    const el = root.current;
    const cv = canvas.current;
    if (!el || !cv) return;
    const ctx = cv.getContext('2d');
    const pool: HTMLButtonElement[] = [];
    let dots: Dot[] = [];
    const media = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    let reduced = media?.matches ?? false;
    // Writes to the DOM only when a value changed: an unchanged `hidden` still costs a style pass.
    const show = (b: HTMLButtonElement, visible: boolean) => {
      if (b.hidden === visible) b.hidden = !visible;
    };
    const button = (i: number) => {
      let b = pool[i];
      if (!b) {
        b = document.createElement('button');
        b.type = 'button';
        b.tabIndex = -1;
        el.appendChild(b);
        pool.push(b);
      }
      return b;
    };

    const draw = () => {
      const s = useLab.getState();
      const t = displayTime();
      const l = layoutRef.current;
      const msgs = inFlight(s.hist, t, MAX_IN_FLIGHT, DROP_LINGER);
      const dpr = window.devicePixelRatio || 1;
      const w = Math.ceil(l.width * dpr);
      const h = Math.ceil(l.height * dpr);
      if (cv.width !== w || cv.height !== h) {
        cv.width = w;
        cv.height = h;
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
        const b = button(used++);
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
      for (let i = used; i < pool.length; i++) show(pool[i], false);
    };
    drawRef.current = draw;
    draw();

    const onMedia = () => {
      reduced = media?.matches ?? false;
      draw();
    };
    media?.addEventListener('change', onMedia);
    const unclock = onDisplayTime(draw);
    const unsub = useLab.subscribe((st, prev) => {
      if (st.rev.messages !== prev.rev.messages) draw();
    });
    const open = (id: number) => useLab.setState({ resp: id, playing: false });
    const onClick = (ev: MouseEvent) => {
      const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button.msg');
      if (b?.dataset.id) open(Number(b.dataset.id));
    };
    // Clicks on the stage that hit no card, label or button may hit a canvas dot.
    const stage = el.parentElement;
    const onStageClick = (ev: MouseEvent) => {
      if (!stage || (ev.target as HTMLElement).closest('button')) return;
      const r = stage.getBoundingClientRect();
      const scale = r.width / layoutRef.current.width || 1;
      const x = (ev.clientX - r.left) / scale;
      const y = (ev.clientY - r.top) / scale;
      let best: Dot | null = null;
      let bestD = HIT_RADIUS;
      for (const d of dots) {
        const dist = Math.hypot(d.x - x, d.y - y);
        if (dist < bestD) [best, bestD] = [d, dist];
      }
      if (best) open(best.m.id);
    };
    el.addEventListener('click', onClick);
    stage?.addEventListener('click', onStageClick);
    return () => {
      unsub();
      unclock();
      media?.removeEventListener('change', onMedia);
      el.removeEventListener('click', onClick);
      stage?.removeEventListener('click', onStageClick);
      for (const b of pool) b.remove();
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the layout changes (read through a ref)
  useEffect(() => {
    drawRef.current();
  }, [layout]);

  return (
    <div ref={root} className="messages">
      <canvas ref={canvas} className="bulk" style={{ width: layout.width, height: layout.height }} />
    </div>
  );
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
