// Recording a run as a scenario (engine/scenario/record.ts, the inverse of the op table): the
// scenario, played through play.ts as the page plays a scenario (scenarioToRun on LAB_NET),
// reproduces the run: the same PSYNC outcomes in the same order and the same final offsets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  advance,
  createTimeline,
  DEFAULT_SETUP,
  drainEvents,
  input,
  type LabInput,
  type LabSetup,
  type RunRecord,
  recordScenario,
  ScenarioError,
  scenarioToRun,
  timelineOf,
  validateScenario,
} from '../src/engine/index.ts';

const S = 1_000_000;

/** A run made as the page makes one: a new timeline, inputs at their times. */
function runOf(seed: number, acts: [number, LabInput][], setup: LabSetup = DEFAULT_SETUP): RunRecord {
  const tl = createTimeline(seed, setup);
  for (const [at, inp] of acts) {
    advance(tl, at);
    input(tl, inp);
  }
  return tl.record;
}

/** Outcomes (per replica, in order) and final offsets of a record played to `until`. */
function story(record: RunRecord, until: number) {
  const tl = timelineOf(record);
  const out: string[] = [];
  for (let t = 0; ; t = Math.min(until, t + S)) {
    advance(tl, t);
    for (const e of drainEvents(tl.lab.w))
      if (e.type === 'psync.result' && e.result !== 'ERROR')
        out.push(`${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`);
    if (t >= until) break;
  }
  const offsets = Object.fromEntries([...tl.lab.w.nodes.values()].map((n) => [n.name, n.masterReplOffset]));
  return { out, offsets };
}

/** Export → import (the page's scenarioToRun) → play: the same story. */
function roundTrip(record: RunRecord, until: number) {
  const rec = recordScenario(record, { name: 'recorded', until, title: { en: 'Mine', zh: '我的' } });
  const json = JSON.parse(JSON.stringify(rec.scenario));
  validateScenario(json);
  const back = scenarioToRun(json, record.seed);
  return { rec, original: story(record, until), replayed: story(back.record, back.endAt), endAt: back.endAt };
}

const RUNS: Record<string, { acts: [number, LabInput][]; until: number; seed?: number }> = {
  'writes, a cut while writing, heal: +CONTINUE': {
    acts: [
      [2 * S, { type: 'write', node: 'A', count: 10 }],
      [3 * S, { type: 'cut', replica: 'B' }],
      [3.5 * S, { type: 'write', node: 'A', count: 5 }],
      [5 * S, { type: 'heal', replica: 'B' }],
    ],
    until: 9 * S,
  },
  'backlog overflow while cut: FULLRESYNC at the new offset': {
    acts: [
      [2 * S, { type: 'cut', replica: 'C' }],
      [2.5 * S, { type: 'write', node: 'A', count: 1000 }],
      [4 * S, { type: 'heal', replica: 'C' }],
    ],
    until: 10 * S,
  },
  'traffic, freeze and continue, a cut under traffic, console commands': {
    acts: [
      [1.5 * S, { type: 'traffic', node: 'A', perSecond: 20 }],
      [2 * S, { type: 'freeze', node: 'B' }],
      [2.2 * S, { type: 'cut', replica: 'C', method: 'sigstop-kill' }],
      [3.6 * S, { type: 'heal', replica: 'C' }],
      [3 * S, { type: 'command', node: 'A', argv: ['SET', 'x', 'hello'] }],
      [4 * S, { type: 'unfreeze', node: 'B' }],
      [5 * S, { type: 'traffic', node: 'A', perSecond: 0 }],
    ],
    until: 8 * S,
    seed: 7,
  },
  'restart with save, shutdown + delete dump.rdb + start, promote': {
    acts: [
      [1.5 * S, { type: 'write', node: 'A', count: 20 }],
      [2 * S, { type: 'restart', node: 'B', save: true, downMs: 500 }],
      [5 * S, { type: 'shutdown', node: 'C', save: true }],
      [5.5 * S, { type: 'delete-rdb', node: 'C' }],
      [6 * S, { type: 'start', node: 'C' }],
      [9 * S, { type: 'command', node: 'B', argv: ['REPLICAOF', 'NO', 'ONE'] }],
    ],
    until: 13 * S,
    seed: 3,
  },
};

describe('a run saved as a scenario replays as the run', () => {
  for (const [name, r] of Object.entries(RUNS))
    it(name, () => {
      const record = runOf(r.seed ?? 1, r.acts);
      const { rec, original, replayed } = roundTrip(record, r.until);
      expect(original.out.length).toBeGreaterThanOrEqual(3);
      if (name.includes('FULLRESYNC')) expect(original.out.at(-1)).toMatch(/^C=FULLRESYNC@[1-9]/);
      if (name.includes('CONTINUE')) expect(original.out.at(-1)).toBe('B=CONTINUE');
      expect(replayed.out).toEqual(original.out);
      expect(replayed.offsets).toEqual(original.offsets);
      expect(rec.check.same).toBe(true);
    });

  for (const name of ['b_short_drop_partial', 'f_failover_promote_partial', 'c_backlog_overflow_full'])
    it(`a played scenario (${name}) saved again`, () => {
      const raw = JSON.parse(readFileSync(join(import.meta.dirname, `../scenarios/${name}.json`), 'utf8'));
      const { record, endAt } = scenarioToRun(raw, 1);
      const { rec, original, replayed } = roundTrip(record, endAt);
      expect(original.out.length).toBeGreaterThanOrEqual(3);
      expect(replayed.out).toEqual(original.out);
      expect(replayed.offsets).toEqual(original.offsets);
      expect(rec.check.same).toBe(true);
    });

  it('keeps title and zh/en text, and validates', () => {
    const record = runOf(1, [[2 * S, { type: 'write', node: 'A', count: 1 }]]);
    const { scenario } = recordScenario(record, {
      name: 'mine',
      until: 3 * S,
      title: { zh: '标题', en: 'Title' },
      text: { zh: '说明', en: 'About' },
    });
    expect(scenario.title).toEqual({ zh: '标题', en: 'Title' });
    expect(scenario.text).toEqual({ zh: '说明', en: 'About' });
    expect(scenario.description).toBe('About');
    expect(scenario.steps.map((s) => s.op)).toEqual(['sleep', 'cmd', 'sleep']);
  });

  it('refuses a run it cannot express, in Redis style', () => {
    const record = runOf(1, [[2 * S, { type: 'add-replica', of: 'A' }]]);
    expect(() => recordScenario(record, { name: 'x', until: 3 * S })).toThrow(ScenarioError);
    expect(() => recordScenario(record, { name: 'x', until: 3 * S })).toThrow(/^ERR .*added to A/);
  });

  it('records only up to the moment asked for', () => {
    const record = runOf(1, [
      [2 * S, { type: 'write', node: 'A', count: 3 }],
      [6 * S, { type: 'cut', replica: 'B' }],
    ]);
    const { scenario } = recordScenario(record, { name: 'x', until: 4 * S });
    expect(scenario.steps.some((s) => s.op === 'disconnect-link')).toBe(false);
  });
});
