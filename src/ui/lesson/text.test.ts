// The lesson's word tables: every entry in zh and en, with the same {placeholders}; every lesson
// point and every PSYNC reason has words.
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/27.json';
import { LESSON_POINTS } from '../../engine/lesson/points.ts';
import { pauseAt } from '../../engine/lesson/progress.ts';
import type { Lesson } from '../../engine/lesson/types.ts';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { ENTRY_TEXT } from './entry-text.ts';
import { LESSON_TEXT, patternWords, REASON_TEXT } from './text.ts';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('lesson words', () => {
  const tables = { LESSON_TEXT, ENTRY_TEXT, REASON_TEXT } as Record<
    string,
    Record<string, { zh: string; en: string }>
  >;
  for (const [name, table] of Object.entries(tables))
    it(`${name}: zh and en for every key, same placeholders`, () => {
      const bad = Object.entries(table).filter(
        ([, t]) => !t.zh.trim() || !t.en.trim() || holes(t.zh).join() !== holes(t.en).join(),
      );
      expect(bad.map(([k]) => k)).toEqual([]);
    });

  it('words for each of the 20 points (the reasons are checked by the compiler)', () => {
    const keys = (c: Record<string, string>) =>
      Object.keys(c).flatMap((k) => (k.startsWith('point.') ? [Number(k.slice(6))] : []));
    expect(keys(en)).toEqual([...LESSON_POINTS]);
    expect(keys(zh)).toEqual([...LESSON_POINTS]);
  });

  it("words for every event lesson 27 waits for, in zh and en (the engine's notation stays beside them)", () => {
    const steps = (lesson as unknown as Lesson).chapters.flatMap((c) => c.steps);
    const patterns = steps.flatMap((st) =>
      st.kind === 'wait' ? [st.until] : st.kind === 'predict' ? [pauseAt(st)] : [],
    );
    expect(patterns.length).toBeGreaterThan(30);
    const missing = patterns.filter((p) => !patternWords('zh', p) || !patternWords('en', p));
    expect(missing).toEqual([]);
    expect(patternWords('zh', { type: 'link.state', replica: 'B', state: 'online' })).toBe(
      'B 的链路变为 online',
    );
    expect(patternWords('en', { type: 'rdb.phase', node: 'B', phase: 'rename' })).toBe(
      "B's RDB load: rename",
    );
    expect(patternWords('en', { type: 'link.state', replica: 'B' })).toBeNull(); // no form with these fields
  });
});
