// The catalogs: zh and en have the same keys and the same {placeholders} per key; every step of
// every scenario file is told in words in both languages (no raw op names, nothing left unfilled).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { type Lang, loadLang, type MsgKey, translate } from './index.ts';
import { narrateStep } from './narrate.ts';
import { groupedScenarios, SCENARIO_GROUPS, SCENARIO_POINTS, scenarioText } from './scenarios.ts';
import { loadStories, noteOf } from './stories.ts';
import { stories as enStories } from './stories-en.ts';
import { notes as zhNotes, stories as zhStories } from './stories-zh.ts';
import { zh } from './zh.ts';
import { zhProseProblems } from './zh-prose.ts';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('zh and en have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('each key has the same placeholders in both languages', () => {
    const differ = (Object.keys(en) as MsgKey[]).filter((k) => holes(en[k]).join() !== holes(zh[k]).join());
    expect(differ).toEqual([]);
  });
});

describe('zh punctuation (zh-prose.ts)', () => {
  /** The zh half of every `{ zh: '…', en: '…' }` text outside the catalogs. */
  const inlineZh = (dir: URL): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
      .flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/\bzh: '((?:[^'\\\n]|\\.)*)'/g)])
      .map((m) => m[1]);
  it('every zh text uses full-width marks, with no space around them', () => {
    const texts = [
      ...Object.values(zh),
      ...Object.values(zhStories),
      ...zhNotes.values(),
      ...inlineZh(new URL('../', import.meta.url)),
    ];
    expect(texts.length).toBeGreaterThan(500);
    const bad = texts.flatMap((s) => zhProseProblems(s).map((why) => `${why}: ${s}`));
    expect(bad).toEqual([]);
  });
  it('the rule finds what it names', () => {
    expect(zhProseProblems('主库 A, 从库 B')).toEqual(['an ASCII , ; or : (use ， ； ：)']);
    expect(zhProseProblems('写入 (SET) 一次')).toEqual(['an ASCII ( in prose (use （ ）)']);
    expect(zhProseProblems('应大于 写入速率')).toEqual(['a space between two Chinese characters']);
    expect(zhProseProblems('ERR scenario (top level): 不是 JSON')).toEqual([]);
    expect(zhProseProblems('主库 A 的 slave0:ip=… 与 max(64kb，1mb)')).toEqual([]);
  });
});

describe('scenario steps in words', () => {
  const dir = new URL('../../scenarios/', import.meta.url);
  const steps = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
    .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')).steps as Record<string, unknown>[]);
  for (const lang of ['zh', 'en'] as Lang[])
    it(`tells every step in ${lang} without op names or unfilled holes`, async () => {
      await loadLang(lang);
      expect(steps.length).toBeGreaterThan(100);
      for (const s of steps) {
        const text = narrateStep({ ...s, note: undefined }, (k, v) => translate(lang, k, v), lang);
        expect(text, JSON.stringify(s)).not.toMatch(
          /\{\w+\}|disconnect-link|reconnect-link|wait-sync|^(write|cmd|sleep) /,
        );
        expect(text.length).toBeGreaterThan(3);
      }
    });
  it('says a cut in words', async () => {
    await loadLang('en');
    const t = (k: MsgKey, v?: Record<string, string | number>) => translate('en', k, v);
    expect(narrateStep({ op: 'disconnect-link', replica: 'B' }, t, 'en')).toBe(
      "B's link to its master is cut",
    );
    expect(narrateStep({ op: 'replicaof', node: 'B', master: null }, t, 'en')).toContain('REPLICAOF NO ONE');
  });
  const notes = steps.flatMap((s) => (typeof s.note === 'string' ? [s.note] : []));
  it('has every note of every scenario file in Chinese, and no note no file has', () => {
    expect(notes.length).toBeGreaterThan(60);
    expect(notes.filter((n) => !zhNotes.get(n)?.trim())).toEqual([]);
    expect([...zhNotes.keys()].filter((n) => !notes.includes(n))).toEqual([]);
    // Chinese, but for the notes that are only a Redis command (y_command_rewrites).
    const same = [...zhNotes].filter(([en, zh]) => en === zh && !/^[A-Z]+ [a-z]/.test(en));
    expect(same).toEqual([]);
  });
  it('tells a note in Chinese once the zh chunk is in; an opened file keeps its own words', async () => {
    await Promise.all([loadLang('zh'), loadLang('en'), loadStories('zh'), loadStories('en')]);
    const zt = (k: MsgKey, v?: Record<string, string | number>) => translate('zh', k, v);
    // w_wait_getack's 4th step: WAIT 2 1000 on A once both replicas have acknowledged.
    const w = JSON.parse(readFileSync(new URL('w_wait_getack.json', dir), 'utf8')).steps[3];
    expect(w.note).toBe('already acknowledged: returns 2, no GETACK');
    expect(narrateStep(w, zt, 'zh')).toMatch(/）——已经确认过：返回 2，不发 GETACK$/);
    expect(narrateStep(w, (k, v) => translate('en', k, v), 'en')).toMatch(
      / — already acknowledged: returns 2, no GETACK$/,
    );
    expect(narrateStep({ ...w, note: 'my own words' }, zt, 'zh')).toMatch(/ — my own words$/);
    expect(noteOf('constructor', 'zh')).toBe('constructor');
  });
});

describe('the scenario list in the lesson order', () => {
  const files = readdirSync(new URL('../../scenarios/', import.meta.url))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json') && f !== 'index.json')
    .map((f) => f.replace(/\.json$/, ''));
  it('puts every scenario in exactly one group, each naming its lesson points', () => {
    const listed = SCENARIO_GROUPS.flatMap((g) => g.scenarios);
    expect([...listed].sort()).toEqual([...files].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(files.filter((f) => !SCENARIO_POINTS[f])).toEqual([]);
    expect(groupedScenarios(files)[0].scenarios[0]).toBe('a_initial_attach');
    expect(groupedScenarios([...files, 'zz_new']).at(-1)).toEqual({ key: 'other', scenarios: ['zz_new'] });
  });
  it('has a title and a story in both languages for every scenario but the era ones (named by pattern)', async () => {
    const named = SCENARIO_GROUPS.flatMap((g) => g.scenarios).filter((n) => !n.startsWith('era_'));
    expect(Object.keys(zhStories).sort()).toEqual(Object.keys(enStories).sort());
    expect(named.filter((n) => !(`sc.${n}.title` in en) || !enStories[n])).toEqual([]);
    await Promise.all([loadLang('zh'), loadStories('zh')]);
    expect(scenarioText('pe_failover_command', 'zh', null).story).toBe(zhStories.pe_failover_command);
  });
  it("heads the groups with lesson 27's chapter titles, in its order", () => {
    const lesson = JSON.parse(readFileSync(new URL('../../lessons/27.json', import.meta.url), 'utf8'));
    const chapters = lesson.chapters as { id: string; title: { zh: string; en: string } }[];
    expect(SCENARIO_GROUPS.slice(0, chapters.length).map((g) => g.key)).toEqual(chapters.map((c) => c.id));
    for (const c of chapters) {
      expect(en[`group.${c.id}` as MsgKey]).toBe(c.title.en);
      expect(zh[`group.${c.id}` as MsgKey]).toBe(c.title.zh);
    }
  });
});
