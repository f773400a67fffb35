// The history fold: append, forget after t, messages in flight — and the contract that going back
// then forward gives the same history as going forward once (with the real worker session).
import { describe, expect, it } from 'vitest';
import type { Frame, Response, WireEvent } from '../protocol.ts';
import { Session } from '../worker/session.ts';
import { applyEvents, emptyHistory, inFlight, previousTime, truncate } from './history.ts';

const sent = (id: number, sentAt: number, deliverAt: number): WireEvent => ({
  type: 'message.sent',
  at: sentAt,
  seq: id,
  id,
  conn: 1,
  from: 'B',
  to: 'A',
  kind: 'PING',
  label: 'PING',
  resp: '*1\r\n$4\r\nPING\r\n',
  bytes: 14,
  sentAt,
  deliverAt,
});

describe('history', () => {
  it('keeps messages in flight between sentAt and deliverAt', () => {
    const h = emptyHistory();
    applyEvents(h, [sent(1, 0, 40), sent(2, 10, 50)]);
    expect(inFlight(h, 5).map((m) => m.id)).toEqual([1]);
    expect(inFlight(h, 45).map((m) => m.id)).toEqual([2]);
    expect(inFlight(h, 60)).toEqual([]);
  });

  it('a dropped message leaves the wire at its drop (plus the linger)', () => {
    const h = emptyHistory();
    applyEvents(h, [sent(1, 0, 40), { type: 'message.dropped', at: 20, seq: 9, id: 1, reason: 'cut' }]);
    expect(inFlight(h, 25)).toEqual([]);
    expect(inFlight(h, 25, 10, 10).map((m) => m.id)).toEqual([1]);
  });

  it('truncate forgets what happened after t and un-drops messages dropped later', () => {
    const h = emptyHistory();
    applyEvents(h, [
      sent(1, 0, 40),
      { type: 'message.dropped', at: 30, seq: 3, id: 1, reason: 'cut' },
      sent(2, 35, 80),
      { type: 'log', at: 36, seq: 4, node: 'A', line: 'M * x' },
    ]);
    const t = truncate(h, 20);
    expect(t.messages && t.logs).toBe(true);
    expect(h.messages.map((m) => m.id)).toEqual([1]);
    expect(h.messages[0].droppedAt).toBeNull();
    expect(h.logs).toEqual([]);
    expect(h.byId.has(2)).toBe(false);
  });

  it('previousTime is the latest event time strictly before t', () => {
    const h = emptyHistory();
    applyEvents(h, [sent(1, 10, 40), sent(2, 20, 50), sent(3, 20, 60)]);
    expect(h.times).toEqual([10, 20]);
    expect(previousTime(h, 20)).toBe(10);
    expect(previousTime(h, 25)).toBe(20);
    expect(previousTime(h, 10)).toBe(0);
  });

  it('back then forward equals forward once (the fold is a function of time)', () => {
    const frames = (r: Response): Frame => {
      if (r.type === 'ready' || r.type === 'frame' || r.type === 'reset' || r.type === 'input')
        return r.frame;
      throw new Error(r.type);
    };
    const run = (stops: number[]) => {
      const s = new Session();
      const h = emptyHistory();
      const f0 = frames(s.handle({ type: 'load', seed: 7, source: { kind: 'default' } }));
      applyEvents(h, f0.events, f0.samples);
      for (const to of stops) {
        const r = s.handle(to < s.now ? { type: 'seek', to } : { type: 'advance', to });
        const f = frames(r);
        if (r.type === 'reset') truncate(h, f.to);
        applyEvents(h, f.events, f.samples);
      }
      return h;
    };
    const strip = (h: ReturnType<typeof emptyHistory>) => ({
      messages: h.messages.map(({ id, sentAt, deliverAt, label, droppedAt }) => ({
        id,
        sentAt,
        deliverAt,
        label,
        droppedAt,
      })),
      decisions: h.decisions.map((d) => ({ ...d, seq: 0 })),
      phases: h.phases.map((d) => ({ ...d, seq: 0 })),
      logs: h.logs.map((d) => d.line),
      samples: h.samples,
    });
    const once = run([400_000, 900_000]);
    const twice = run([400_000, 1_500_000, 300_000, 900_000]);
    expect(strip(twice)).toEqual(strip(once));
  });
});
