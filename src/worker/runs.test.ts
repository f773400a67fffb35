// The live run and its ghost (issue 11) through the worker's router, with the real engine:
// lockstep, acting in one run only, going back in both, the diff, the probe.
import { describe, expect, it } from 'vitest';
import type { Request } from '../protocol.ts';
import { Runs } from './runs.ts';

const SEC = 1_000_000;

/** The free lab with traffic on A from 3 s and B's link cut at 4 s, healed at 6 s. */
function live(): Runs {
  const r = new Runs();
  const main = (req: Request) => r.handle(req);
  expect(main({ type: 'load', seed: 1, source: { kind: 'default' } }).res.type).toBe('ready');
  main({ type: 'advance', to: 3 * SEC });
  main({ type: 'input', input: { type: 'traffic', node: 'A', perSecond: 100 } });
  main({ type: 'advance', to: 4 * SEC });
  main({ type: 'input', input: { type: 'cut', replica: 'B' } });
  main({ type: 'advance', to: 6 * SEC });
  main({ type: 'input', input: { type: 'heal', replica: 'B' } });
  main({ type: 'seek', to: 5 * SEC });
  return r;
}

describe('Runs: a ghost run beside the live one', () => {
  it('opens at the live time, follows it forward and back, and diffs CONTINUE against FULLRESYNC', () => {
    const r = live();
    const open = r.handle({
      type: 'what-if',
      at: 5 * SEC,
      change: { kind: 'outage', replica: 'B', seconds: 20 },
    });
    expect(open.ghost?.frame.to).toBe(5 * SEC);
    expect(open.ghost?.from).toBe(4 * SEC);
    const a = r.handle({ type: 'advance', to: 35 * SEC });
    expect(a.res.type === 'frame' && a.res.frame.to).toBe(35 * SEC);
    expect(a.ghost?.frame.to).toBe(35 * SEC);
    expect(a.ghost?.frame.events).toEqual([]);
    const b = a.ghost?.diff.find((d) => d.replica === 'B');
    expect(b).toMatchObject({
      outcomeDiffers: true,
      a: { outcome: 'CONTINUE' },
      b: { outcome: 'FULLRESYNC' },
    });
    // Back: both at 10 s; B's full sync (at ≈ 24 s) is not in the ghost's window any more.
    const back = r.handle({ type: 'seek', to: 10 * SEC });
    expect(back.res.type).toBe('reset');
    expect(back.ghost?.frame.to).toBe(10 * SEC);
    expect(back.ghost?.diff.find((d) => d.replica === 'B')?.b?.outcome ?? null).toBeNull();
    // Forward again: the same diff as the first time (deterministic replay).
    expect(r.handle({ type: 'advance', to: 35 * SEC }).ghost?.diff).toEqual(a.ghost?.diff);
  });

  it('acting in the ghost leaves the live run alone, and the other way round', () => {
    const r = live();
    r.handle({
      type: 'what-if',
      at: 5 * SEC,
      change: { kind: 'config', name: 'repl-backlog-size', value: '1048576' },
    });
    const mainBefore = JSON.stringify(r.main.record);
    const act = r.handle({
      type: 'ghost',
      req: { type: 'input', input: { type: 'write', node: 'A', count: 5 } },
    });
    expect(act.res.type).toBe('input');
    expect(JSON.stringify(r.main.record)).toBe(mainBefore);
    expect(r.ghostSession?.record?.inputs.at(-1)?.input).toEqual({ type: 'write', node: 'A', count: 5 });
    const ghostBefore = JSON.stringify(r.ghostSession?.record);
    r.handle({ type: 'input', input: { type: 'write', node: 'A', count: 1 } });
    expect(JSON.stringify(r.ghostSession?.record)).toBe(ghostBefore);
    // Its time is the live run's: it is not moved on its own.
    const seek = r.handle({ type: 'ghost', req: { type: 'seek', to: 0 } });
    expect(seek.res).toMatchObject({
      type: 'input-error',
      message: expect.stringMatching(/^ERR the what-if run follows/),
    });
    expect(r.ghostSession?.now).toBe(r.main.now);
    expect(r.ghostSession?.record?.setup.config?.['repl-backlog-size']).toBe('1048576');
  });

  it('the era goes into the ghost setup; a bad change is a Redis-style error and opens nothing', () => {
    const r = live();
    const bad = r.handle({
      type: 'what-if',
      at: 5 * SEC,
      change: { kind: 'outage', replica: 'C', seconds: 3 },
    });
    expect(bad.res).toMatchObject({
      type: 'input-error',
      message: expect.stringMatching(/^ERR no cut of C/),
    });
    expect(r.ghostSession).toBeNull();
    r.handle({ type: 'what-if', at: 5 * SEC, change: { kind: 'era', era: 'sync' } });
    expect(r.ghostSession?.record?.setup.era).toBe('sync');
    expect(r.handle({ type: 'what-if-close' }).ghost).toBeNull();
    expect(r.handle({ type: 'advance', to: 6 * SEC }).ghost).toBeUndefined();
  });

  it('answers a probe from a headless run', () => {
    const r = new Runs();
    const a = r.handle({ type: 'probe', ask: { perSecond: 100, outageS: 10, backlogBytes: 16384 } });
    expect(a.res).toMatchObject({ type: 'probe', answer: { outcome: 'FULLRESYNC' } });
  });

  it('throws on the debug hook (the worker turns it into a fault)', () => {
    expect(() => new Runs().handle({ type: 'debug-throw' })).toThrow(/debug-throw/);
  });
});
