// Milestones looking back (presenter mode's PageUp and caption) agree with the worker's "next
// milestone" looking forward: step forward through a scenario, fold each frame into the page's
// history as the store does, and each step back lands on the milestone before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../engine/lesson/types.ts';
import type { Frame, Response } from '../../protocol.ts';
import { applyEvents, emptyHistory } from '../../store/history.ts';
import { Session } from '../../worker/session.ts';
import { latestMilestone } from './milestones.ts';
import { MILESTONE_TAB, presentPanel, presentSelection } from './panel.ts';

const SEC = 1_000_000;

function frameOf(r: Response): Frame {
  if (r.type === 'ready' || r.type === 'frame') return r.frame;
  throw new Error(`no frame in ${r.type}`);
}

describe('latestMilestone', () => {
  it('walking back visits the milestones the worker stepped to, in reverse', () => {
    const json = JSON.parse(readFileSync('scenarios/b_short_drop_partial.json', 'utf8'));
    const s = new Session();
    const ready = s.handle({ type: 'load', seed: 1, source: { kind: 'scenario', name: json.name, json } });
    if (ready.type !== 'ready') throw new Error(ready.type);
    const h = emptyHistory();
    applyEvents(h, ready.frame.events);
    const forward: { at: number; kind: string; node: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const r = s.handle({ type: 'step', until: 'milestone', limitUs: 60 * SEC });
      const f = frameOf(r);
      applyEvents(h, f.events);
      if (r.type !== 'frame' || !r.milestone) break;
      forward.push({ at: f.to, ...r.milestone });
      // The caption at the time the worker stopped names the milestone it stopped for.
      expect(latestMilestone(h, ready.stepTimes, f.to + 1)).toEqual(forward[forward.length - 1]);
    }
    const kinds = new Set(forward.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['handshake', 'fullresync', 'loaded', 'step', 'continue']));
    // Back from each milestone: the one before it (several at one instant count once).
    for (let i = forward.length - 1; i > 0; i--) {
      const before = latestMilestone(h, ready.stepTimes, forward[i].at);
      const expected = forward.filter((m) => m.at < forward[i].at).pop();
      expect(before?.at).toBe(expected?.at);
    }
    expect(latestMilestone(h, ready.stepTimes, forward[0].at)?.at ?? 0).toBeLessThan(forward[0].at);
  });

  it('an empty history before the first scenario step has none', () => {
    expect(latestMilestone(emptyHistory(), [500, 900], 500)).toBeNull();
    expect(latestMilestone(emptyHistory(), [500, 900], 901)).toEqual({ at: 900, kind: 'step', node: '2' });
  });
});

describe('presentPanel', () => {
  it('free lab: the teaching panel, or the selection; lesson: its panel plus what the step points at', () => {
    expect(presentPanel({ lesson: false, selected: false })).toBe('insights');
    expect(presentPanel({ lesson: false, selected: true })).toBe('side');
    expect(presentPanel({ lesson: true, selected: true, anchor: 'node:B' })).toBe('lesson side');
    expect(presentPanel({ lesson: true, selected: false, anchor: 'link:B' })).toBe('lesson side');
    expect(presentPanel({ lesson: true, selected: false })).toBe('lesson');
    expect(presentPanel({ lesson: true, selected: false, anchor: 'panel:decision' })).toBe('lesson insights');
    expect(presentPanel({ lesson: true, selected: false, anchor: 'panel:costs' })).toBe('lesson');
    expect(presentPanel({ lesson: true, selected: true, anchor: 'console' })).toBe('lesson side');
  });
  it('lesson 27 on the projector: a node or link step brings that node (INFO) or link beside it', () => {
    const lesson = JSON.parse(readFileSync('lessons/27.json', 'utf8')) as Lesson;
    const steps = lesson.chapters.flatMap((c) => c.steps);
    const wait = steps.find((s) => s.kind === 'wait' && s.anchor === 'link:B')!;
    expect(presentSelection(wait)).toEqual({ selected: { kind: 'link', replica: 'B' } });
    const tell = steps.find((s) => s.kind === 'tell' && s.anchor === 'node:B')!;
    expect(presentSelection(tell)).toEqual({ selected: { kind: 'node', name: 'B' }, nodeTab: 'info' });
    // A step the student acts in keeps the node and tab its input selected (runtime.ts focusFor).
    const act = steps.find((s) => s.kind === 'do' && !s.auto && s.anchor === 'link:B')!;
    expect(presentSelection(act)).toBeNull();
    // Every step with a node or link anchor now shows a side panel beside the lesson's.
    for (const s of steps.filter((x) => /^(node|link):/.test(x.anchor ?? '')))
      expect(presentPanel({ lesson: true, selected: true, anchor: s.anchor })).toBe('lesson side');
  });
  it('a milestone brings its panel forward (a scenario step keeps the one on screen)', () => {
    expect(MILESTONE_TAB.continue).toBe('decision');
    expect(MILESTONE_TAB.handshake).toBe('handshake');
    expect(MILESTONE_TAB.step).toBeNull();
  });
});
