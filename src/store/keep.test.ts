// Play frames that keep only the event kinds the page reads (advance `keep`, store/frames.ts
// kindsRead) must leave the page exactly where every event would: the history (lists and the
// "one event back" times) and the checklist, over runs with cuts, partial and full resyncs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checklistReads, emptyChecklist, observe } from '../engine/lesson/checklist.ts';
import type { Frame, Response } from '../protocol.ts';
import { only } from '../worker/collect.ts';
import { Session } from '../worker/session.ts';
import { kindsRead, onFrame } from './frames.ts';
import { applyEvents, emptyHistory, FOLDED, type History } from './history.ts';

const SEC = 1_000_000;

function frameOf(r: Response): Frame {
  if (r.type === 'ready' || r.type === 'frame') return r.frame;
  throw new Error(JSON.stringify(r));
}

function load(name: string): { s: Session; first: Frame } {
  const json = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
  const s = new Session();
  return { s, first: frameOf(s.handle({ type: 'load', seed: 1, source: { kind: 'scenario', name, json } })) };
}

/** What the page keeps of a history (its Maps and message records compared as plain data). */
const plain = (h: History) => ({ ...h, byId: [...h.byId.keys()] });

/** A run played in 33 ms frames twice: every event, and only the kinds the checklist and the store read. */
function playBoth(name: string, seconds: number) {
  const full = load(name);
  const kept = load(name);
  const [hFull, hKept] = [emptyHistory(), emptyHistory()];
  const [cFull, cKept] = [emptyChecklist(), emptyChecklist()];
  for (const [h, c, f] of [
    [hFull, cFull, full.first],
    [hKept, cKept, kept.first],
  ] as const) {
    applyEvents(h, f.events, f.samples);
    observe(c, f.events);
  }
  let left = 0;
  for (let t = 33_000; t <= seconds * SEC; t += 33_000) {
    const a = frameOf(full.s.handle({ type: 'advance', to: t }));
    applyEvents(hFull, a.events, a.samples);
    observe(cFull, a.events);
    const keep = [...new Set([...FOLDED, ...checklistReads(cKept)])];
    const b = frameOf(kept.s.handle({ type: 'advance', to: t, keep }));
    left += a.events.length - b.events.length;
    applyEvents(hKept, b.events, b.samples, undefined, b.times);
    observe(cKept, b.events);
  }
  return { hFull, hKept, cFull, cKept, left };
}

describe('play frames with only the kinds the page reads', () => {
  for (const name of ['b_short_drop_partial', 'c_backlog_overflow_full', 'f_failover_promote_partial']) {
    it(`${name}: the same history, "one event back" times and checklist as every event`, () => {
      const { hFull, hKept, cFull, cKept, left } = playBoth(name, 20);
      expect(left).toBeGreaterThan(150); // the bulk kinds were left out
      expect(hKept.times.length).toBeGreaterThan(100);
      expect(plain(hKept)).toEqual(plain(hFull));
      expect(cKept).toEqual(cFull);
    });
  }

  it('only: the kinds asked for, and the times that passed every earlier one', () => {
    const ev = (type: string, at: number) => ({ type, at, seq: at }) as unknown as Frame['events'][number];
    const events = [ev('log', 5), ev('data.changed', 7), ev('data.changed', 7), ev('log', 6), ev('log', 9)];
    const r = only(events, ['log']);
    expect(r.events.map((e) => e.at)).toEqual([5, 6, 9]);
    expect(r.times).toEqual([5, 7, 9]);
  });

  it('kindsRead: the store kinds and each listener kinds; one reading every kind reads them all', () => {
    const offA = onFrame(() => {}, ['data.changed']);
    let all = false;
    const offB = onFrame(
      () => {},
      () => (all ? null : []),
    );
    expect(kindsRead(['log'])?.sort()).toEqual(['data.changed', 'log']);
    all = true;
    expect(kindsRead(['log'])).toBeNull();
    offA();
    offB();
    expect(kindsRead(['log'])).toEqual(['log']);
  });
});
