// Painting the bulk messages (the write stream, REPLCONF ACKs) on one canvas: dots, the newest few
// with a text label. Runs in the draw worker on an OffscreenCanvas, or on the page where there is
// none (then loaded on demand: not part of the first load). Where each dot goes is
// message-geometry.ts's placeMessages, the same function the page hit-tests with.
import type { Layout } from './layout.ts';
import { isBulk, labelBand, type Placed, shortLabel } from './message-geometry.ts';

/** Bulk messages that get a text label; the rest are dots. */
const MAX_LABELLED = 10;
/** Advance width of the 11px monospace label font (≈ 0.6 em). */
const MONO_CHAR_W = 6.7;
/**
 * A label's characters: 22 on a 'down' link (≤ 157 px, across a vertical line); 14 on a 'right'
 * one (104 px), whose label shows only while it fits between the two cards (a label at a card's
 * edge would cover the card's numbers for the whole trip's end), so a shorter one shows longer.
 */
const LABEL_CHARS = { down: 22, right: 14 };
const BULK_COLOR: Record<string, [fill: string, ink: string]> = {
  stream: ['#1d4ed8', '#1e3a8a'],
  ack: ['#6b7280', '#374151'],
};

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * A painter for one canvas. `paint` sizes the canvas to the layout × dpr (canvas pixels per layout
 * unit), clears it when something was painted before (an untouched canvas costs no upload) and
 * paints the bulk messages of `placed` (newest first, as placeMessages returns them).
 */
export function bulkPainter(canvas: HTMLCanvasElement | OffscreenCanvas) {
  const ctx = canvas.getContext('2d') as Ctx | null;
  let painted = false;
  return (placed: readonly Placed[], l: Layout, dpr: number): void => {
    const w = Math.ceil(l.width * dpr);
    const h = Math.ceil(l.height * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      painted = false;
    }
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (painted) ctx.clearRect(0, 0, l.width, l.height);
    painted = false;
    let labelled = 0;
    for (const p of placed) {
      if (!isBulk(p.kind)) continue;
      paintDot(ctx, p, labelled++ < MAX_LABELLED ? labelFor(p, l) : null);
      painted = true;
    }
  };
}

/** The text a labelled dot shows and its width, or null where the label would cover a card. */
function labelFor({ m, lost, x }: Placed, l: Layout): { text: string; w: number } | null {
  const text = `${lost ? '✗ ' : ''}${shortLabel(m, LABEL_CHARS[l.dir])}`;
  const w = text.length * MONO_CHAR_W + 10; // monospace: no measureText per frame
  const col = l.dir === 'right' ? labelBand(l, m.from, m.to)?.x : undefined;
  return !col || (x - w / 2 >= col.lo && x + w / 2 <= col.hi) ? { text, w } : null;
}

function paintDot(ctx: Ctx, { kind, lost, x, y }: Placed, label: { text: string; w: number } | null): void {
  const [fill, ink] = lost ? ['#c81e1e', '#c81e1e'] : BULK_COLOR[kind];
  if (!label) {
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(x, y, 4.5, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const { text, w } = label;
  ctx.font = '600 11px ui-monospace, Menlo, Consolas, monospace';
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
