// Opening the page: the URL says what to open; every bad part is stated on screen and the
// default lab opens instead. Scenario files come from scenario-files.ts (the static folder next to
// index.html, or inside the page in the single-file build).

import type { LocalText, RunRecord } from '../engine/index.ts';
import { detectLang, type Lang } from '../i18n/index.ts';
import { loadStories } from '../i18n/stories.ts';
import type { Controller } from './client.ts';
import { lessonSearch, parseLessonStarts, parseLessonUrl } from './lesson-nav.ts';
import { scenarioFile, scenarioIndex } from './scenario-files.ts';
import { errorWords, notify, setLang, useLab } from './store.ts';
import { buildSearch, DEFAULT_SEED, parseUrl, SAVED_RUN_KEY, SCENARIO_NAME, type UrlRequest } from './url.ts';

export async function loadCatalog(): Promise<void> {
  // No catalog: the picker just lists nothing more than the default lab.
  const list = await scenarioIndex();
  if (Array.isArray(list))
    useLab.setState({ catalog: list.filter((x): x is string => typeof x === 'string') });
}

/** Open a scenario by name (null = the default lab). Returns false (after a notice) if it cannot. */
export async function openScenario(ctrl: Controller, name: string | null, seed: number): Promise<boolean> {
  useLab.setState({ scenarioMeta: null });
  if (name === null) {
    useLab.setState({ scenarioSteps: [] });
    const ok = await ctrl.load({ kind: 'default' }, seed);
    syncUrl();
    return ok;
  }
  const json = SCENARIO_NAME.test(name) ? await scenarioFile(name) : null;
  if (json === null || typeof json !== 'object') {
    notify('error', 'notice.unknownScenario', { name }, 0);
    await openScenario(ctrl, null, seed);
    return false;
  }
  // The story and the step notes in the page's language (a lazy chunk): step notices and the
  // presenter's captions tell them even while the guide is not on screen.
  void loadStories(useLab.getState().lang);
  const steps = (json as { steps?: unknown }).steps;
  useLab.setState({
    scenarioSteps: Array.isArray(steps) ? steps.map((s) => (s ?? {}) as Record<string, unknown>) : [],
  });
  const ok = await ctrl.load({ kind: 'scenario', name, json }, seed);
  if (!ok) await openScenario(ctrl, null, seed);
  // Its own zh/en story (`text`), checked by the engine's validation when it loaded.
  else if ('text' in json) useLab.setState({ scenarioMeta: { text: (json as { text: LocalText }).text } });
  syncUrl();
  return ok;
}

/** An embedded widget keeps the address it was given (?embed=1&parent=…): a reload is the same widget. */
let frozen = false;
export const freezeUrl = () => {
  frozen = true;
};

/** Keep ?scenario=&seed=&lang=&present= in the address bar in step with what is open. */
export function syncUrl(): void {
  if (frozen) return;
  const s = useLab.getState();
  const search =
    buildSearch({ scenario: s.scenario, seed: s.seed, lang: s.lang, present: s.present }) + lessonSearch();
  if (location.search !== search || location.hash)
    history.replaceState(null, '', `${location.pathname}${search}`);
}

/** Enter or leave presenter mode (the address keeps it: a reload or share link opens it again). */
export function setPresent(on: boolean): void {
  useLab.setState({ present: on, blank: false });
  syncUrl();
}

/** The language to show first: ?lang=, else the browser's (zh for a Chinese browser). */
export function initialLang(): Lang {
  return (
    parseUrl(location.search, location.hash).lang ?? detectLang(navigator.languages ?? [navigator.language])
  );
}

export async function boot(ctrl: Controller): Promise<void> {
  const req = parseUrl(location.search, location.hash);
  useLab.setState({ present: req.present });
  await setLang(initialLang());
  for (const p of req.problems) notify('error', `notice.url.${p.kind}`, { value: p.value.slice(0, 80) }, 0);
  void loadCatalog();
  const seed = req.seedGiven ? req.seed : DEFAULT_SEED;
  window.addEventListener('hashchange', () => void followHash(ctrl));
  const lesson = parseLessonUrl(location.search);
  if (lesson.asked) {
    const { openLesson } = await import('./lesson/runtime.ts');
    await openLesson(lesson.chapter, lesson.step, lesson.problem, await sharedRun(req.run));
    return;
  }
  await openWhatUrlAsks(ctrl, req, seed);
  void import('./persist.ts').then((m) => m.startPersisting(ctrl));
}

/** A shared run (#run=), else the run from before a reload if the URL asks for the same, else ?scenario=. */
async function openWhatUrlAsks(ctrl: Controller, req: UrlRequest, seed: number): Promise<void> {
  let bad: string | null = null;
  if (req.run) {
    try {
      const { openRunLink } = await import('./run-codec.ts');
      if (await openRunLink(ctrl, req.run)) return;
    } catch (e) {
      bad = errorWords(e);
    }
  }
  const restored = hasSaved() && (await (await import('./persist.ts')).restoreSaved(ctrl, req));
  if (!restored) await openScenario(ctrl, req.scenario, seed);
  // Said once what opened instead: the run from before the reload (its own notice says so), else the default lab.
  if (bad !== null) notify('error', restored ? 'notice.badRunKept' : 'notice.badRun', { message: bad }, 0);
}

function hasSaved(): boolean {
  try {
    return localStorage.getItem(SAVED_RUN_KEY) !== null;
  } catch {
    return false;
  }
}

/** A shared lesson position's run and step start times, or null (a bad run is stated). */
async function sharedRun(run: string | null): Promise<{ record: RunRecord; starts: number[] } | null> {
  const starts = parseLessonStarts(location.hash);
  if (!run || !starts) return null;
  try {
    const { decodeRun } = await import('./run-codec.ts');
    return { record: await decodeRun(run), starts };
  } catch (e) {
    notify('error', 'notice.badRun', { message: errorWords(e) }, 0);
    return null;
  }
}

/**
 * A #run= link pasted into the address bar of an open lab (or a reproduction link followed): open
 * it; a bad one is stated, and the run on screen stays as it was.
 */
async function followHash(ctrl: Controller): Promise<void> {
  const run = parseUrl(location.search, location.hash).run;
  if (!run) return;
  try {
    const { openRunLink } = await import('./run-codec.ts');
    await openRunLink(ctrl, run);
  } catch (e) {
    notify('error', 'notice.badRunKept', { message: errorWords(e) }, 0);
  }
}
