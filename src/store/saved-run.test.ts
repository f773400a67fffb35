// The run kept across a reload (run-codec.ts encodeSaved / decodeSaved): a good entry round-trips;
// anything else — cut short, altered, another format or lab version, a field of the wrong shape,
// too long — is refused with a message starting "the saved run", never another exception.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/conformance/random/prng.ts';
import { ENGINE_RUN_VERSION, scenarioToRun } from '../engine/index.ts';
import { decodeSaved, encodeSaved, MAX_SAVED_TEXT, SAVED_RUN_FORMAT, type SavedRun } from './run-codec.ts';

function entry(): Omit<SavedRun, 'format'> {
  const json = JSON.parse(readFileSync('scenarios/b_short_drop_partial.json', 'utf8'));
  const { record, stepTimes } = scenarioToRun(json, 1);
  return {
    scenario: 'b_short_drop_partial',
    seed: 1,
    t: 2_500_000,
    acted: true,
    stepTimes,
    scenarioSteps: stepTimes.map((_, i) => ({ op: 'sleep', ms: i + 1 })),
    leftAt: stepTimes[3],
    title: { zh: '标题', en: 'Title' },
    record,
  };
}

/** decodeSaved's verdict: the entry, or its message (anything else thrown fails the test). */
function verdict(text: string): SavedRun | string {
  try {
    return decodeSaved(text);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(/^the saved run /);
    return (e as Error).message;
  }
}

describe('the saved run', () => {
  it('round-trips', () => {
    const e = entry();
    const text = encodeSaved(e)!;
    expect(decodeSaved(text)).toEqual({ format: SAVED_RUN_FORMAT, ...e });
  });

  it('corrupt, old or wrong entries are refused with a message that says which', () => {
    const good = JSON.parse(encodeSaved(entry())!);
    const cases: [string, string, RegExp][] = [
      ['empty', '', /not readable/],
      ['not JSON', '{"format":1,', /not readable/],
      ['null', 'null', /another format \(null/],
      ['old format', JSON.stringify({ ...good, format: 0 }), /another format \(0/],
      [
        'another lab version',
        JSON.stringify({ ...good, record: { ...good.record, engineVersion: ENGINE_RUN_VERSION + 1 } }),
        /another version of the lab/,
      ],
      ['negative time', JSON.stringify({ ...good, t: -5 }), /not valid: t:/],
      ['step times as text', JSON.stringify({ ...good, stepTimes: ['1'] }), /not valid: stepTimes\.0:/],
      ['a bad scenario name', JSON.stringify({ ...good, scenario: '<img>' }), /not valid: scenario:/],
      [
        'an input of an unknown type',
        JSON.stringify({
          ...good,
          record: { ...good.record, inputs: [{ at: 0, input: { type: 'rm -rf' } }] },
        }),
        /not a valid run: inputs\.0\.input/,
      ],
      ['too long', 'x'.repeat(MAX_SAVED_TEXT + 1), /too long/],
    ];
    for (const [name, text, want] of cases) expect(verdict(text), name).toMatch(want);
  });

  it('cut short or altered anywhere: a message, or an entry that is still whole', () => {
    const text = encodeSaved(entry())!;
    const rng = new Prng(8);
    for (let k = 0; k < 300; k++) {
      const at = rng.int(0, text.length - 1);
      const altered =
        k % 2
          ? text.slice(0, at)
          : text.slice(0, at) + String.fromCharCode(rng.int(32, 126)) + text.slice(at + 1);
      const v = verdict(altered);
      if (typeof v !== 'string') expect(v.record.engineVersion).toBe(ENGINE_RUN_VERSION);
    }
  });

  it('a run too long to keep is not written', () => {
    const e = entry();
    e.scenarioSteps = Array.from({ length: 2000 }, () => ({ op: 'write', note: 'x'.repeat(300) }));
    expect(encodeSaved(e)).toBeNull();
  });
});
