// Where the messages in flight are drawn: one pure definition, used by the page (protocol buttons,
// hit-testing a click on a bulk dot) and by whatever paints the bulk (the draw worker, or the page
// itself where there is no OffscreenCanvas) — so a click finds the dot where it was painted.
import type { MsgRec } from '../../store/history.ts';
import { type Layout, messagePoint } from './layout.ts';

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
 * The y for a label centred at (x, y), `w` px wide, moved down a row at a time until it overlaps
 * none of `taken` (it is then added to them). Messages sent together — AUTH, REPLCONF
 * listening-port and REPLCONF capa leave at one instant — otherwise print over one another
 * ("REPLCONF AUTH secert port 7102"). At most 8 moves down.
 */
export function stackLabel(
  taken: { x: number; y: number; w: number }[],
  x: number,
  y: number,
  w: number,
): number {
  let at = y;
  for (let row = 0; row < 8; row++) {
    const over = taken.find((b) => Math.abs(b.y - at) < LABEL_ROW && Math.abs(b.x - x) < (b.w + w) / 2);
    if (!over) break;
    at = over.y + LABEL_ROW; // just under the label it would cover
  }
  taken.push({ x, y: at, w });
  return at;
}

/** A label's width estimated from its text (11.5 px monospace ≈ 7 px a character, 12 px padding): no layout read. */
export const labelWidth = (text: string) => text.length * 7 + 12;

export function shortLabel(m: WireMsg, max = 30): string {
  return m.label.length > max ? `${m.label.slice(0, max - 1)}…` : m.label;
}
