// What the page sends the draw worker: the new messages and drops while playing, the window
// otherwise, the view only when it changed.
import { describe, expect, it } from 'vitest';
import { emptyHistory, type History, type MsgRec } from '../../store/history.ts';
import type { LabState } from '../../store/store.ts';
import type { DrawScene, DrawView } from './draw.worker.ts';
import { sceneSender } from './draw-scene.ts';

const MS = 1000;

function msg(id: number, sentAt: number, flight = 40 * MS): MsgRec {
  return {
    id,
    conn: 1,
    from: 'A',
    to: 'B',
    kind: 'stream',
    label: `SET k${id}`,
    resp: '*3\r\n',
    bytes: 30,
    sentAt,
    deliverAt: sentAt + flight,
    droppedAt: null,
    dropReason: null,
  };
}

function add(h: History, ...ms: MsgRec[]): void {
  for (const m of ms) {
    h.messages.push(m);
    h.byId.set(m.id, m);
    h.maxFlight = Math.max(h.maxFlight, m.deliverAt - m.sentAt);
  }
}

const state = (hist: History, t: number, playing = true) =>
  ({ hist, t, playing, phase: 'ready', speed: 1 }) as unknown as LabState;
const view: DrawView = {
  layout: { dir: 'down', width: 100, height: 100, pos: {}, depth: {} },
  reduced: false,
  dpr: 1,
};

describe('sceneSender', () => {
  it('sends the window first, then only what is new and the drops, and the view once', () => {
    const sent: DrawScene[] = [];
    const send = sceneSender((s) => sent.push(s));
    const h = emptyHistory();
    add(h, msg(1, 0), msg(2, 10 * MS));
    send(state(h, 20 * MS), 20 * MS, view);
    expect(sent[0].reset).toBe(true);
    expect(sent[0].msgs.map((m) => m.id)).toEqual([1, 2]);
    expect(sent[0].msgs[0]).not.toHaveProperty('resp'); // only what painting reads
    expect(sent[0].view).toBe(view);
    add(h, msg(3, 30 * MS));
    h.messages[1].droppedAt = 25 * MS;
    send(state(h, 35 * MS), 30 * MS, { ...view });
    expect(sent[1].reset).toBe(false);
    expect(sent[1].msgs.map((m) => m.id)).toEqual([3]);
    expect(sent[1].drops).toEqual([[2, 25 * MS]]);
    expect(sent[1].view).toBeUndefined(); // same layout, reduced and dpr
  });

  it('sends the window again after a seek back, while paused, and after a jump of many messages', () => {
    const sent: DrawScene[] = [];
    const send = sceneSender((s) => sent.push(s));
    const h = emptyHistory();
    add(h, msg(1, 0));
    send(state(h, 10 * MS), 10 * MS, view);
    send(state(h, 5 * MS), 5 * MS, view); // back in time
    expect(sent[1].reset).toBe(true);
    send(state(h, 20 * MS, false), 20 * MS, view); // paused: exactly what is on the wire at t
    expect(sent[2]).toMatchObject({ reset: true, glide: false, from: 20 * MS });
    expect(sent[2].msgs.map((m) => m.id)).toEqual([1]);
    add(h, msg(2, 25 * MS));
    send(state(h, 30 * MS), 30 * MS, view); // playing again: what came since the pause
    expect(sent[3]).toMatchObject({ reset: false, glide: true });
    for (let i = 0; i < 2000; i++) add(h, msg(100 + i, 40 * MS + i));
    send(state(h, 45 * MS), 45 * MS, view); // a jump: the newest 3 × MAX_IN_FLIGHT, not 2 000
    expect(sent[4].reset).toBe(true);
    expect(sent[4].msgs.map((m) => m.id)).toEqual(Array.from({ length: 1200 }, (_, i) => 900 + i));
  });
});
