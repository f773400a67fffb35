// Dispatch over a fake lab: each method reaches the one lab action it names, every call gets one
// answer carrying its id, and a refusal is an error event that leaves the lab untouched.
import { describe, expect, it } from 'vitest';
import type { LabInput } from '../engine/index.ts';
import { answer, type EmbedLab, errText } from './dispatch.ts';
import type { EmbedState } from './outbound.ts';

function fakeLab() {
  const calls: string[] = [];
  const st: EmbedState = {
    scenario: 'x',
    chapter: null,
    seed: 1,
    t: 0,
    playing: true,
    stepTimes: [0, 500],
    horizon: 500,
    endAt: 600,
  };
  const lab: EmbedLab = {
    load: async (w) => {
      calls.push(`load ${JSON.stringify(w)}`);
      if ('scenario' in w && w.scenario === 'nope') throw new Error("ERR unknown scenario 'nope'");
    },
    play: (speed) => {
      calls.push(`play ${speed}`);
      st.playing = true;
    },
    pause: () => {
      calls.push('pause');
      st.playing = false;
    },
    seekTime: async (t) => {
      calls.push(`seek ${t}`);
      st.t = t;
    },
    seekStep: async (n) => {
      calls.push(`step# ${n}`);
      if (n > st.stepTimes.length) throw new Error(`ERR no step ${n}: this run has 2 steps`);
      st.t = st.stepTimes[n - 1];
    },
    seekMilestone: async (k, node) => {
      calls.push(`milestone ${k} ${node}`);
    },
    step: async (u) => {
      calls.push(`step ${u}`);
    },
    input: async (i: LabInput) => {
      calls.push(`input ${i.type}`);
      if (i.type === 'heal') throw new Error('the link of B is not cut');
      return { forked: false, reply: null };
    },
    state: () => ({ ...st }),
  };
  return { lab, calls, st };
}

describe('embed dispatch', () => {
  it('maps each method to its lab action and replies with the id and the state', async () => {
    const { lab, calls } = fakeLab();
    const r = await answer({ psyncLab: 1, id: 'p1', method: 'pause' }, lab);
    expect(r).toMatchObject({
      event: 'reply',
      id: 'p1',
      method: 'pause',
      result: { state: { playing: false } },
    });
    await answer({ psyncLab: 1, method: 'play', args: { speed: 2 } }, lab);
    await answer({ psyncLab: 1, method: 'seek', args: { t: 1234 } }, lab);
    await answer({ psyncLab: 1, method: 'seek', args: { step: 2 } }, lab);
    await answer({ psyncLab: 1, method: 'seek', args: { milestone: 'fullresync' } }, lab);
    await answer({ psyncLab: 1, method: 'step' }, lab);
    await answer({ psyncLab: 1, method: 'step', args: { until: 'milestone' } }, lab);
    await answer({ psyncLab: 1, method: 'load', args: { chapter: 3 } }, lab);
    const i = await answer(
      { psyncLab: 1, id: 9, method: 'input', args: { type: 'write', node: 'A', count: 5 } },
      lab,
    );
    expect(i).toMatchObject({
      event: 'reply',
      id: 9,
      result: { forked: false, reply: null, state: { t: 500 } },
    });
    expect(calls).toEqual([
      'pause',
      'play 2',
      'seek 1234',
      'step# 2',
      'milestone fullresync undefined',
      'step event',
      'step milestone',
      'load {"chapter":3}',
      'input write',
    ]);
  });

  it('answers state without acting', async () => {
    const { lab, calls } = fakeLab();
    expect(await answer({ psyncLab: 1, id: 1, method: 'state' }, lab)).toEqual({
      event: 'reply',
      id: 1,
      method: 'state',
      result: { state: lab.state() },
    });
    expect(calls).toEqual([]);
  });

  it('turns a malformed message into an error event and touches nothing', async () => {
    const { lab, calls } = fakeLab();
    expect(await answer({ psyncLab: 1, id: 3, method: 'foo' }, lab)).toEqual({
      event: 'error',
      id: 3,
      message: "ERR unknown method 'foo'",
    });
    expect(await answer({ psyncLab: 1, id: 4, method: 'seek', args: { t: 'soon' } }, lab)).toMatchObject({
      event: 'error',
      id: 4,
      method: 'seek',
    });
    expect(await answer('{"psyncLab":1,"method":"play"}', lab)).toMatchObject({ event: 'error' });
    expect(calls).toEqual([]);
  });

  it("passes the lab's refusal on as an error with the call's id", async () => {
    const { lab } = fakeLab();
    expect(await answer({ psyncLab: 1, id: 'L', method: 'load', args: { scenario: 'nope' } }, lab)).toEqual({
      event: 'error',
      id: 'L',
      method: 'load',
      message: "ERR unknown scenario 'nope'",
    });
    expect(await answer({ psyncLab: 1, method: 'seek', args: { step: 5 } }, lab)).toEqual({
      event: 'error',
      method: 'seek',
      message: 'ERR no step 5: this run has 2 steps',
    });
    expect(
      await answer({ psyncLab: 1, method: 'input', args: { type: 'heal', replica: 'B' } }, lab),
    ).toMatchObject({
      message: 'ERR the link of B is not cut',
    });
  });

  it('keeps Redis error words and prefixes anything else with ERR', () => {
    expect(errText(new Error('WRONGTYPE Operation against a key'))).toBe('WRONGTYPE Operation against a key');
    expect(errText('boom')).toBe('ERR boom');
  });
});
