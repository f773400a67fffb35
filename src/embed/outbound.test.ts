// What the host hears, built from real frames of the worker session (the real engine), and the
// xAPI-shaped statements.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, Response } from '../protocol.ts';
import { Session } from '../worker/session.ts';
import { frameEvents, freshPoints, type OutEvent, scenarioDone } from './outbound.ts';
import { activityId, answered, completed } from './xapi.ts';

const SEC = 1_000_000;

function frameOf(r: Response): Frame {
  if (r.type === 'ready' || r.type === 'frame' || r.type === 'reset' || r.type === 'input') return r.frame;
  throw new Error(`no frame in ${r.type}`);
}

const brief = (e: OutEvent) =>
  e.event === 'milestone'
    ? `milestone ${e.kind} ${e.node}`
    : e.event === 'psync'
      ? `psync ${e.replica}←${e.master} ${e.outcome} ${e.reason}`
      : e.event;

describe('frameEvents', () => {
  it('reports the start-up full syncs, then a +CONTINUE after a cut link heals', () => {
    const s = new Session();
    const start = frameOf(s.handle({ type: 'load', seed: 1, source: { kind: 'default' } }));
    const first = [start, frameOf(s.handle({ type: 'advance', to: 2 * SEC }))].flatMap((f) =>
      frameEvents(f, [], false).map(brief),
    );
    expect(first).toEqual([
      'milestone handshake B',
      'psync B←A FULLRESYNC full-requested',
      'milestone fullresync B',
      'milestone loaded B',
      'milestone handshake C',
      'psync C←A FULLRESYNC full-requested',
      'milestone fullresync C',
      'milestone loaded C',
    ]);
    s.handle({ type: 'input', input: { type: 'cut', replica: 'B' } });
    s.handle({ type: 'advance', to: 3 * SEC });
    s.handle({ type: 'input', input: { type: 'heal', replica: 'B' } });
    const healed = frameOf(s.handle({ type: 'advance', to: 6 * SEC }));
    const out = frameEvents(healed, [], false);
    expect(out.map(brief)).toEqual([
      'milestone handshake B',
      'psync B←A CONTINUE accepted',
      'milestone continue B',
    ]);
    const psync = out.find((e) => e.event === 'psync');
    expect(psync).toMatchObject({ outcome: 'CONTINUE', backlogBytes: expect.any(Number) });
    // In virtual-time order.
    const times = out.map((e) => ('at' in e ? e.at : 0));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Going back reaches nothing new.
    expect(frameEvents(frameOf(s.handle({ type: 'seek', to: 1 * SEC })), [], true)).toEqual([]);
  });

  it('reports each scenario step the frame reaches', () => {
    const f = { from: 1000, to: 5000, events: [] } as unknown as Frame;
    expect(frameEvents(f, [0, 1000, 2000, 5000, 9000], false).map(brief)).toEqual([
      'milestone step 3',
      'milestone step 4',
    ]);
  });
});

describe('progress', () => {
  it('lists the points newly seen, in order', () => {
    expect(freshPoints({ 1: 5 }, { 1: 5, 12: 9, 3: 7 })).toEqual([3, 12]);
    expect(freshPoints({ 1: 5 }, { 1: 5 })).toEqual([]);
  });

  it("counts a scenario complete once the run reaches the end of the scenario's play", () => {
    expect(scenarioDone({ scenario: 'x', endAt: 4 * SEC, t: 4 * SEC })).toBe(true);
    expect(scenarioDone({ scenario: 'x', endAt: 4 * SEC, t: 4 * SEC - 1 })).toBe(false);
    expect(scenarioDone({ scenario: null, endAt: 4 * SEC, t: 9 * SEC })).toBe(false);
    expect(scenarioDone({ scenario: 'x', endAt: 0, t: 9 * SEC })).toBe(false);
  });

  it("ends a scenario after its outcome: b_short_drop_partial ends after B's +CONTINUE", () => {
    const s = new Session();
    const json = JSON.parse(readFileSync('scenarios/b_short_drop_partial.json', 'utf8')) as unknown;
    const r = s.handle({
      type: 'load',
      seed: 1,
      source: { kind: 'scenario', name: 'b_short_drop_partial', json },
    });
    if (r.type !== 'ready') throw new Error(r.type);
    const f = frameOf(s.handle({ type: 'advance', to: r.endAt }));
    const cont = frameEvents(f, r.stepTimes, false).find(
      (e) => e.event === 'psync' && e.outcome === 'CONTINUE',
    );
    expect(cont).toMatchObject({ replica: 'B' });
    expect(r.endAt).toBeGreaterThanOrEqual(r.stepTimes[r.stepTimes.length - 1]);
  });
});

describe('xAPI statements', () => {
  const base = 'https://lab.example/psync/';
  it('names activities by IRIs under the lab', () => {
    expect(activityId(base, { scenario: 'c2' })).toBe('https://lab.example/psync/?scenario=c2');
    expect(activityId(base, { chapter: 3, step: 4 })).toBe(
      'https://lab.example/psync/?lesson=27&chapter=3&step=4',
    );
    expect(activityId(base, { chapter: 3 })).toBe('https://lab.example/psync/?lesson=27&chapter=3');
    expect(activityId(base, { scenario: 'c2', replica: 'B', at: 5 })).toBe(
      'https://lab.example/psync/?scenario=c2#psync=B@5',
    );
  });

  it('shapes "answered" and "completed" as verb, object, result (no actor)', () => {
    const a = answered({
      id: 'x',
      name: 'PSYNC',
      interaction: 'choice',
      response: 'FULLRESYNC',
      correct: 'CONTINUE',
      success: false,
    });
    expect(a).not.toHaveProperty('actor');
    expect(a.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(a.object.definition).toMatchObject({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: ['CONTINUE'],
    });
    expect(a.result).toEqual({
      success: false,
      response: 'FULLRESYNC',
      score: { raw: 0, min: 0, max: 1, scaled: 0 },
    });
    const n = answered({
      id: 'y',
      name: 'n',
      interaction: 'numeric',
      response: '70',
      correct: '70',
      success: true,
    });
    expect(n.object.definition).not.toHaveProperty('choices');
    const c = completed({ id: 'z', name: 'c2', right: 2, asked: 3 });
    expect(c.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(c.result).toEqual({
      success: true,
      completion: true,
      score: { raw: 2, min: 0, max: 3, scaled: 2 / 3 },
    });
    expect(completed({ id: 'z', name: 'c2', right: 0, asked: 0 }).result).toEqual({
      success: true,
      completion: true,
    });
  });
});
