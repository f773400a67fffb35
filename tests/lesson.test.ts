// Lesson 27 as data: valid, every lesson point shown by a step, every chapter walked headless in
// the engine (each wait reached, each do satisfied, each prediction settled), all 20 points ticked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyChecklist, LESSON_POINTS, validateLesson } from '../src/engine/lesson/index.ts';
import { en } from '../src/i18n/en.ts';
import { zh } from '../src/i18n/zh.ts';
import { zhProseProblems } from '../src/i18n/zh-prose.ts';
import { walkChapter } from './lesson-walk.ts';

const FILE = 'lessons/27.json';
const raw = () => JSON.parse(readFileSync(new URL(`../${FILE}`, import.meta.url), 'utf8'));

describe('lesson 27', () => {
  const lesson = validateLesson(raw(), FILE);

  it('has the chapters in the outline order', () => {
    expect(lesson.chapters.map((c) => c.id)).toEqual([
      'relation',
      'handshake',
      'choice',
      'receive',
      'advantages',
      'limits',
    ]);
  });

  it('gives every one of the 20 points to a step', () => {
    const shown = new Set(lesson.chapters.flatMap((c) => c.steps.flatMap((s) => s.points)));
    expect(LESSON_POINTS.filter((p) => !shown.has(p))).toEqual([]);
  });

  it('asks at least 8 predictions, numeric ones among them', () => {
    const asks = lesson.chapters.flatMap((c) =>
      c.steps.flatMap((s) => (s.kind === 'predict' ? [s.ask] : [])),
    );
    expect(asks.length).toBeGreaterThanOrEqual(8);
    expect(asks).toContain('requested-offset');
    expect(asks).toContain('backlog-bytes');
  });

  // Each chapter alone, from its own setup: every wait is reached, every do reaches the engine,
  // every prediction is settled by a PSYNC decision, and each point a step claims is seen.
  const ANSWERS: Record<string, string[]> = {
    relation: [],
    handshake: ['FULLRESYNC'],
    choice: ['CONTINUE', 'offset-before-backlog'],
    receive: ['FULLRESYNC', 'FULLRESYNC'],
    advantages: ['903', '904', 'CONTINUE'],
    limits: ['offset-before-backlog', 'CONTINUE'],
  };
  for (const ch of lesson.chapters)
    it(`walks chapter '${ch.id}' in the engine: every step fires and shows its points`, () => {
      const c = emptyChecklist();
      const steps = walkChapter(ch, c);
      expect(steps.map((s) => s.id)).toEqual(ch.steps.map((s) => s.id));
      expect(steps.flatMap((s) => (s.answer ? [s.answer] : []))).toEqual(ANSWERS[ch.id]);
      const claimed = [...new Set(ch.steps.flatMap((s) => s.points))];
      expect(claimed.filter((p) => c.seen[p] === undefined)).toEqual([]);
    });

  // The question says what the student then sees: chapter 3 asks whether "the 10 writes B lacks"
  // are still in A's backlog, so B must have the 50 writes before it (a cut at the instant of those
  // writes caught them in flight: B asked PSYNC … 1 and A sent all 60, 2345 B).
  it("chapter 3's short gap: B lacks only the outage's 10 writes, and A sends just those", () => {
    const ch = lesson.chapters.find((c) => c.id === 'choice')!;
    const gap = walkChapter(ch).find((s) => s.id === 'short-gap')!.decision!;
    expect(gap.outcome).toBe('CONTINUE');
    expect(gap.values.requestedOffset, JSON.stringify(gap)).toBeGreaterThan(1);
    // 10 SETs of lesson keys: about 40 B each.
    expect(gap.backlogBytes, JSON.stringify(gap)).toBeGreaterThan(300);
    expect(gap.backlogBytes).toBeLessThan(600);
  });

  // A student looks for the button the step names: "切断链路" found no button (it says 断开链路 B → A),
  // nor "Restart (SAVE)" (Restart (SHUTDOWN SAVE)).
  it('names buttons and tabs by the words on them, in zh and en', () => {
    const labels = { zh: Object.values(zh), en: Object.values(en) };
    const bad: string[] = [];
    for (const ch of lesson.chapters)
      for (const s of ch.steps) {
        if (s.kind !== 'do' || s.auto) continue;
        const i = s.input;
        const node = 'node' in i ? i.node : 'replica' in i ? i.replica : i.of;
        for (const lang of ['zh', 'en'] as const)
          for (const words of [s.text[lang], s.hint[lang]])
            for (const [, q] of words.matchAll(lang === 'zh' ? /“([^”]+)”/g : /"([^"]+)"/g)) {
              const on = labels[lang].map((v) => v.replaceAll('{name}', node).replaceAll('{master}', 'A'));
              if (!on.some((v) => v.startsWith(q))) bad.push(`${ch.id}/${s.id} ${lang}: ${q}`);
            }
      }
    expect(bad).toEqual([]);
  });

  it('names file, chapter, step and field when a lesson is wrong', () => {
    const bad = raw();
    bad.chapters[2].steps[6].until = { type: 'psync.decidedd' };
    bad.chapters[2].steps[6].kind = 'wait';
    expect(() => validateLesson(bad, FILE)).toThrow(
      /^ERR lessons\/27\.json: chapter 3 'choice', step 7 'heal', field 'until\.type': /,
    );
    const twice = raw();
    twice.chapters[0].steps[1].id = 'data';
    expect(() => validateLesson(twice, FILE)).toThrow(
      "ERR lessons/27.json: chapter 1 'relation', step 2 'data': the id 'data' is used twice in the chapter",
    );
    const noZh = raw();
    delete noZh.chapters[1].steps[0].text.zh;
    expect(() => validateLesson(noZh, FILE)).toThrow(
      /chapter 2 'handshake', step 1 'auth-setup', field 'text\.zh'/,
    );
    const ghost = raw();
    ghost.chapters[0].steps[1].input.node = 'Q';
    expect(() => validateLesson(ghost, FILE)).toThrow(
      /step 2 'replicaof': field 'input': no node 'Q' in the setup/,
    );
  });

  it('has the same text in zh and en: both present for every text, the same {placeholders} and `code`', () => {
    const texts: { path: string; zh: unknown; en: unknown }[] = [];
    const visit = (v: unknown, path: string) => {
      if (Array.isArray(v)) for (const [i, x] of v.entries()) visit(x, `${path}[${i}]`);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('zh' in o || 'en' in o) texts.push({ path, zh: o.zh, en: o.en });
        else for (const [k, x] of Object.entries(o)) visit(x, `${path}.${k}`);
      }
    };
    visit(raw(), 'lesson');
    expect(texts.length).toBeGreaterThan(100);
    const marks = (s: unknown) =>
      typeof s === 'string' ? [...s.matchAll(/\{\w+\}|`[^`]+`/g)].map((m) => m[0]).sort() : null;
    const bad = texts.filter(
      (t) =>
        typeof t.zh !== 'string' ||
        typeof t.en !== 'string' ||
        !t.zh.trim() ||
        !t.en.trim() ||
        JSON.stringify(marks(t.zh)) !== JSON.stringify(marks(t.en)),
    );
    expect(
      bad.map((t) => `${t.path}: ${JSON.stringify(marks(t.zh))} vs ${JSON.stringify(marks(t.en))}`),
    ).toEqual([]);
  });

  it('zh reads as Chinese: full-width marks, no space between two Chinese characters (6/14 read "应大于 写入速率")', () => {
    const gaps: string[] = [];
    const visit = (v: unknown, path: string) => {
      if (Array.isArray(v)) for (const [i, x] of v.entries()) visit(x, `${path}[${i}]`);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.zh === 'string')
          gaps.push(...zhProseProblems(o.zh).map((why) => `${path}: ${why}: ${o.zh}`));
        else for (const [k, x] of Object.entries(o)) visit(x, `${path}.${k}`);
      }
    };
    visit(raw(), 'lesson');
    expect(gaps).toEqual([]);
  });

  it('a whole walk ticks all 20 points', () => {
    const c = emptyChecklist();
    for (const ch of lesson.chapters) walkChapter(ch, c);
    expect(LESSON_POINTS.filter((p) => c.seen[p] === undefined)).toEqual([]);
  });
});
