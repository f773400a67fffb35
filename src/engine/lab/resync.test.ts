import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../server/events.ts';
import { emptyResyncLog, foldResync, resyncDiff, resyncSummary, truncateResync } from './resync.ts';

let seq = 0;
const link = (at: number, replica: string, state: 'online' | 'connecting'): SimEvent =>
  ({ type: 'link.state', at, seq: seq++, replica, master: 'A', state }) as SimEvent;
const sent = (at: number, to: string, kind: string, bytes: number, from = 'A'): SimEvent =>
  ({ type: 'message.sent', at, seq: seq++, to, from, kind, bytes }) as unknown as SimEvent;
const result = (at: number, replica: string, r: 'CONTINUE' | 'FULLRESYNC' | 'ERROR'): SimEvent =>
  ({ type: 'psync.result', at, seq: seq++, replica, master: 'A', result: r }) as SimEvent;

describe('resync log', () => {
  const events = [
    link(100, 'B', 'online'),
    sent(150, 'B', 'stream', 40), // live stream: no resync cost
    link(1000, 'B', 'connecting'),
    link(1001, 'B', 'connecting'), // no change: no mark
    result(1500, 'B', 'ERROR'), // not an outcome
    sent(1600, 'B', '+CONTINUE', 30),
    sent(1600, 'B', 'stream', 70), // the backlog's bytes
    result(1640, 'B', 'CONTINUE'),
    link(1640, 'B', 'online'),
    sent(1650, 'A', 'REPLCONF ACK', 50, 'B'), // to the master: not moved to B
    sent(1700, 'B', 'stream', 40),
    sent(1800, 'C', 'SYNC', 14, 'C'), // a replica that cannot PSYNC
  ];

  it('sums the window: outcome, bytes moved to the replica, time back online', () => {
    const log = emptyResyncLog();
    foldResync(log, events);
    expect(resyncSummary(log, 500, 2000)).toEqual([
      { replica: 'B', outcome: 'CONTINUE', bytes: 100, downAt: 1000, backAfter: 640 },
      { replica: 'C', outcome: 'SYNC', bytes: 0, downAt: null, backAfter: null },
    ]);
    // Before the heal: down, not back yet.
    expect(resyncSummary(log, 500, 1620)[0]).toMatchObject({ outcome: null, bytes: 100, backAfter: null });
    // A window after everything: the episode is over before it, nothing to show.
    expect(resyncSummary(log, 1750, 2000).map((r) => r.replica)).toEqual(['C']);
  });

  it('truncate then fold again = the straight fold (going back in time)', () => {
    const straight = emptyResyncLog();
    foldResync(straight, events);
    const back = emptyResyncLog();
    foldResync(back, events);
    truncateResync(back, 1000);
    foldResync(
      back,
      events.filter((e) => e.at > 1000),
    );
    expect(back).toEqual(straight);
  });

  it('diff: rows whose outcome differs come first', () => {
    const row = (replica: string, outcome: 'CONTINUE' | 'FULLRESYNC' | null) => ({
      replica,
      outcome,
      bytes: 0,
      downAt: null,
      backAfter: null,
    });
    const d = resyncDiff([row('B', 'CONTINUE'), row('C', 'CONTINUE')], [row('C', 'FULLRESYNC')]);
    expect(d.map((r) => [r.replica, r.outcomeDiffers])).toEqual([
      ['B', true],
      ['C', true],
    ]);
    expect(resyncDiff([row('B', 'CONTINUE')], [row('B', 'CONTINUE')])[0].outcomeDiffers).toBe(false);
  });
});

describe('resync log size', () => {
  it('marks no bytes while a link is online: the live stream does not grow the log', () => {
    const log = emptyResyncLog();
    foldResync(log, [link(0, 'B', 'online'), link(0, 'C', 'online')]);
    for (let i = 1; i <= 1000; i++)
      foldResync(log, [sent(i * 10, 'B', 'stream', 40), sent(i * 10, 'C', 'stream', 40)]);
    expect(log.marks).toHaveLength(2);
  });
});
