// Undo after acting in the past (timeline.ts input → undoInput): the record comes back exactly,
// and the lab at the moment of the input is the one a straight run of that record reaches.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  advance,
  createTimeline,
  DEFAULT_SETUP,
  drainEvents,
  input,
  nodeViews,
  scenarioToRun,
  seek,
  timelineOf,
  undoInput,
} from '../src/engine/index.ts';

const S = 1_000_000;

describe('undo puts back the future an input set aside', () => {
  it('a stray write while a scenario is scrubbed back: forked, then undone to the same record', () => {
    const raw = JSON.parse(
      readFileSync(join(import.meta.dirname, '../scenarios/b_short_drop_partial.json'), 'utf8'),
    );
    const { record, endAt } = scenarioToRun(raw, 1);
    const tl = timelineOf(record);
    const original = structuredClone(tl.record);
    advance(tl, endAt);
    seek(tl, 2 * S);
    const out = input(tl, { type: 'write', node: 'A', count: 1 });
    expect(out.result).toBe('forked');
    expect(out.dropped.length).toBeGreaterThan(0);
    expect(out.dropped.every((d) => d.at > 2 * S)).toBe(true);
    advance(tl, 3 * S); // the user plays on in the new future, then presses Ctrl+Z
    undoInput(tl, out.before, 2 * S);
    expect(tl.record).toEqual(original);
    expect(tl.lab.w.now).toBe(2 * S);
    // From here the run is the scenario's own: same views and events as a fresh replay.
    const straight = timelineOf(original);
    seek(straight, 2 * S);
    advance(tl, endAt);
    advance(straight, endAt);
    expect(nodeViews(tl.lab.w, {})).toEqual(nodeViews(straight.lab.w, {}));
    expect(drainEvents(tl.lab.w)).toEqual(drainEvents(straight.lab.w));
  });

  it('an input at the end of the known run appends and sets nothing aside', () => {
    const tl = createTimeline(1, DEFAULT_SETUP);
    advance(tl, 2 * S);
    const before = structuredClone(tl.record);
    const out = input(tl, { type: 'cut', replica: 'B' });
    expect(out).toMatchObject({ result: 'appended', dropped: [] });
    undoInput(tl, out.before, 2 * S);
    expect(tl.record).toEqual(before);
  });

  it("an input before the setup's last node started keeps the starts: C still comes up (QA walk 4)", () => {
    const tl = createTimeline(1, DEFAULT_SETUP);
    const starts = tl.record.inputs.filter((i) => i.input.type === 'start');
    expect(starts.map((i) => i.input)).toEqual(
      DEFAULT_SETUP.nodes.map((n) => ({ type: 'start', node: n.name })),
    );
    const cStart = starts[starts.length - 1].at;
    advance(tl, cStart - 10_000); // C is not running yet
    const out = input(tl, { type: 'command', node: 'A', argv: ['SET'] });
    expect(out).toMatchObject({ result: 'appended', dropped: [] });
    // A second input before C's start, and C's start still stays.
    expect(input(tl, { type: 'write', node: 'A', count: 1 })).toMatchObject({
      result: 'appended',
      dropped: [],
    });
    advance(tl, 3 * S);
    const c = nodeViews(tl.lab.w, {}).find((v) => v.name === 'C');
    expect(c).toMatchObject({
      run: 'running',
      role: 'slave',
      master: 'A',
      linkState: 'REPL_STATE_CONNECTED',
    });
  });
});
