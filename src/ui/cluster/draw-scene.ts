// Keeping the draw worker's copy of the messages on the wire current while sending only what
// changed: while playing, the messages added since the last scene (~60 per worker answer in the
// stress scene, 1 200 a second) and the drops among those already sent; the view only when it
// changed. A seek back, a new run, a pause or a jump of more than 3 × MAX_IN_FLIGHT new messages
// sends the window instead (what may be on the wire from a little before the display time to the
// confirmed time, newest 3 × MAX_IN_FLIGHT). Sending the window each time while playing (~300
// messages, 30 times a second) cost the page ~3 % of its main thread in structured cloning alone.
import { glideLag } from '../../store/clock.ts';
import { type History, inFlight, type MsgRec } from '../../store/history.ts';
import type { LabState } from '../../store/store.ts';
import type { DrawScene, DrawView } from './draw.worker.ts';
import { DROP_LINGER, MAX_IN_FLIGHT, type WireMsg } from './message-geometry.ts';

/** `post` gets each scene; the returned function builds one from the store at display time `display`. */
export function sceneSender(post: (scene: DrawScene) => void) {
  let last: MsgRec | null = null;
  let lastT = -1;
  let shown: DrawView | null = null;
  return (s: LabState, display: number, view: DrawView): void => {
    const h = s.hist;
    const ms = h.messages;
    const glide = s.phase === 'ready' && s.playing;
    // What the worker's display time may still show: it glides a little behind the page's.
    const from = glide ? Math.min(s.t, display) - glideLag(s.speed) / 2 : s.t;
    const known = glide && s.t >= lastT && last !== null && h.byId.get(last.id) === last;
    let i = ms.length;
    if (known) while (i > 0 && ms[i - 1] !== last) i--;
    const reset = !known || ms.length - i > 3 * MAX_IN_FLIGHT;
    const fresh = reset ? inFlight(h, s.t, 3 * MAX_IN_FLIGHT, DROP_LINGER, from) : ms.slice(i);
    last = ms[ms.length - 1] ?? null;
    lastT = s.t;
    const sameView =
      shown?.layout === view.layout && shown.reduced === view.reduced && shown.dpr === view.dpr;
    shown = view;
    post({
      reset,
      msgs: fresh.map(wire),
      drops: reset ? [] : drops(h, i, from),
      from,
      t: s.t,
      speed: s.speed,
      glide,
      ...(sameView ? {} : { view }),
    });
  };
}

const wire = ({ id, from, to, kind, label, sentAt, deliverAt, droppedAt }: MsgRec): WireMsg => ({
  id,
  from,
  to,
  kind,
  label,
  sentAt,
  deliverAt,
  droppedAt,
});

/** [id, droppedAt] of the dropped messages before index `end` that may still be on screen. */
function drops(h: History, end: number, from: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = end - 1; i >= 0 && h.messages[i].sentAt >= from - h.maxFlight - DROP_LINGER; i--) {
    const at = h.messages[i].droppedAt;
    if (at !== null) out.push([h.messages[i].id, at]);
  }
  return out;
}
