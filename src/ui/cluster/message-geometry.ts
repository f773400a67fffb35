// Where the messages in flight are drawn: one pure definition, used by the page (protocol buttons,
// hit-testing a click on a bulk dot) and by whatever paints the bulk (the draw worker, or the page
// itself where there is no OffscreenCanvas) — so a click finds the dot where it was painted.
import type { MsgRec } from '../../store/history.ts';
import { CARD_H, CARD_W, GAP_DEEP, type Layout, messagePoint } from './layout.ts';

/** Most messages considered per frame (newest kept). */
export const MAX_IN_FLIGHT = 400;
/** A dropped message stays visible this long after it was lost (virtual µs). */
export const DROP_LINGER = 30_000;

/** What placing and painting read of a message (what the draw worker is sent). */
export type WireMsg = Pick<
  MsgRec,
  'id' | 'from' | 'to' | 'kind' | 'label' | 'sentAt' | 'deliverAt' | 'droppedAt'
>;

/** When a message leaves the picture: delivered, or DROP_LINGER after it was lost. */
export const endOf = (m: WireMsg) => (m.droppedAt !== null ? m.droppedAt + DROP_LINGER : m.deliverAt);

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

/** The write stream and ACKs: hundreds a second under load, painted as dots, not buttons. */
export const isBulk = (kind: string) => kind === 'stream' || kind === 'ack';

export interface Placed<M extends WireMsg = WireMsg> {
  m: M;
  kind: string;
  lost: boolean;
  x: number;
  y: number;
}

/**
 * The messages of `msgs` (ordered by sentAt) on the wire at t, newest first, at most MAX_IN_FLIGHT,
 * each with its point on its link: a dropped one stays DROP_LINGER µs where it was lost; with
 * reduced motion each sits at the middle of its lane. `msgs` may hold more than is in flight at t
 * (the draw worker is sent a window around the confirmed time): what is not on the wire is skipped.
 * `only`: place just the kinds it accepts (they still count towards MAX_IN_FLIGHT as all do).
 */
export function placeMessages<M extends WireMsg>(
  msgs: readonly M[],
  t: number,
  l: Layout,
  reduced: boolean,
  only?: (kind: string) => boolean,
): Placed<M>[] {
  const out: Placed<M>[] = [];
  let considered = 0;
  for (let i = msgs.length - 1; i >= 0 && considered < MAX_IN_FLIGHT; i--) {
    const m = msgs[i];
    if (m.sentAt > t || endOf(m) <= t) continue;
    considered++;
    const kind = kindClass(m.kind);
    if (only && !only(kind)) continue;
    const lost = m.droppedAt !== null && t >= m.droppedAt;
    const at = lost ? (m.droppedAt as number) : t;
    const p = messagePoint(
      l,
      m.from,
      m.to,
      reduced ? 0.5 : (at - m.sentAt) / Math.max(1, m.deliverAt - m.sentAt),
    );
    if (p) out.push({ m, kind, lost, x: p.x, y: p.y });
  }
  return out;
}

/** A message label's row (layout px): its height (19.5: 11.5 px type, padding, border) and a gap. */
export const LABEL_ROW = 21;

/**
 * Where a label on a link may be centred: a y range, and for a 'right' layout's link the x range
 * between the two cards (the label's centre is then kept half its width inside it).
 */
export interface Band {
  lo: number;
  hi: number;
  x?: { lo: number; hi: number };
}

/**
 * Where labels on a link may sit. 'down': between the upper card's bottom and the lower card's top,
 * a half row in from each (a label at a card's edge — a message just sent or about to land — would
 * cover the card's badge); a gap narrower than a row gives its middle; cards side by side give null.
 * 'right': in the column between the two cards, from a half row under the line (clear of the
 * state pill above it, layout.ts labelPoint) to the lower card's bottom.
 */
export function labelBand(l: Layout, from: string, to: string): Band | null {
  const [a, b] = [l.pos[from], l.pos[to]];
  if (!a || !b) return null;
  if (l.dir === 'right') {
    if (a.x === b.x) return null;
    const [left, right] = a.x < b.x ? [a, b] : [b, a];
    const x = { lo: left.x + CARD_W / 2, hi: right.x - CARD_W / 2 };
    return { lo: Math.min(a.y, b.y) + LABEL_ROW / 2, hi: Math.max(a.y, b.y) + CARD_H / 2 - LABEL_ROW / 2, x };
  }
  if (a.y === b.y) return null;
  const [upper, lower] = a.y < b.y ? [a, b] : [b, a];
  const lo = upper.y + CARD_H / 2 + LABEL_ROW / 2;
  const hi = lower.y - CARD_H / 2 - LABEL_ROW / 2;
  return lo <= hi ? { lo, hi } : { lo: (lo + hi) / 2, hi: (lo + hi) / 2 };
}

/** A label's centre x kept `w / 2` inside the column (its middle when the label is wider). */
function clampX(x: number, w: number, col: { lo: number; hi: number }): number {
  const [lo, hi] = [col.lo + w / 2, col.hi - w / 2];
  return lo <= hi ? Math.min(hi, Math.max(lo, x)) : (col.lo + col.hi) / 2;
}

/** How far a label moves sideways per try when its band has no free row left (layout px). */
const SIDE_STEP = 40;

/**
 * Where a label centred at (x, y), `w` px wide, goes: inside `band` (labelBand), a row at a time
 * below — or, when the band ends there, above — until it overlaps none of `taken` (it is then added
 * to them). Messages sent together — AUTH, REPLCONF listening-port and REPLCONF capa leave at one
 * instant — otherwise print over one another ("REPLCONF AUTH secert port 7102"), and pipelined
 * -NOAUTH replies stacked down over B's card (QA walk 2). A band with no free row left (the
 * default lab's holds two) moves the label sideways, 40 px a try, right then left, up to 160 px: beside its
 * dot rather than over a card. Without a band: up to 8 rows down, as before. A band with a column
 * (a 'right' layout) keeps the label's x in it and only stacks rows (two under a level link: its band
 * runs from a half row under the line to a half row above the cards' bottom, 38 units).
 */
export function stackLabel(
  taken: { x: number; y: number; w: number }[],
  x: number,
  y: number,
  w: number,
  band: Band | null = null,
): { x: number; y: number } {
  const start = band ? Math.min(band.hi, Math.max(band.lo, y)) : y;
  const x0 = band?.x ? clampX(x, w, band.x) : x;
  const fits = (at: number) => !band || (at >= band.lo - 0.5 && at <= band.hi + 0.5);
  /** From `start` at `cx`, row after row (`dir` 1: just under the label it would cover, -1: above). */
  const slide = (cx: number, dir: 1 | -1): number | null => {
    let at = start;
    for (let row = 0; row < 8 && fits(at); row++) {
      const b = taken.find((o) => Math.abs(o.y - at) < LABEL_ROW && Math.abs(o.x - cx) < (o.w + w) / 2);
      if (!b) return at;
      at = b.y + dir * LABEL_ROW;
    }
    return band ? null : at; // no band: the 8th row down, as far as it goes
  };
  let out = { x: x0, y: start };
  for (let k = 0; k <= (band?.x ? 0 : 8); k++) {
    const cx = x0 + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * SIDE_STEP;
    const at = slide(cx, 1) ?? (band ? slide(cx, -1) : null);
    if (at !== null) {
      out = { x: cx, y: at };
      break;
    }
  }
  taken.push({ ...out, w });
  return out;
}

/** A label's width estimated from its text (11.5 px monospace ≈ 7 px a character, 12 px padding): no layout read. */
export const labelWidth = (text: string) => text.length * LABEL_CHAR_W + LABEL_PAD;

const LABEL_CHAR_W = 7;
const LABEL_PAD = 12;
/** Characters a protocol label shows (`labelChars`) when nothing narrower holds it. */
const LABEL_MAX = 30;

/**
 * Characters a protocol label may show in layout `l`: 30, or on a 'right' layout as many as fit the
 * 200-unit column between two cards (labelWidth: 26 characters are 194 units). At 30 there, a PSYNC
 * ("PSYNC 88ea750d6595e8774f50b63…", 222 units) covered 11 units of each card's edge.
 */
export function labelChars(l: Pick<Layout, 'dir'>): number {
  return l.dir === 'right'
    ? Math.min(LABEL_MAX, Math.floor((GAP_DEEP - LABEL_PAD) / LABEL_CHAR_W))
    : LABEL_MAX;
}

export function shortLabel(m: WireMsg, max = LABEL_MAX): string {
  return m.label.length > max ? `${m.label.slice(0, max - 1)}…` : m.label;
}
