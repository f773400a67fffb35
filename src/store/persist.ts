// The run survives a reload: the run on screen (its record, the time shown, its scenario's steps
// and where it left them) is kept in localStorage — about once a second while it changes, and when
// the page is hidden or left — and reopened at the same time on the next load, unless the URL
// names something else. Loaded on demand (the codec's validation is valibot): the first load only
// checks whether an entry exists.
import type { Controller } from './client.ts';
import { decodeSaved, encodeSaved, type SavedRun } from './run-codec.ts';
import { errorWords, notify, useLab } from './store.ts';
import { SAVED_RUN_KEY, type UrlRequest } from './url.ts';

/** Wall ms between two writes while the run changes (playing moves `t` every frame). */
const SAVE_EVERY_MS = 1000;

const WORDS = {
  restored: {
    zh: '已恢复重新加载前的运行（t = {t} 秒）。',
    en: 'Reopened the run from before the reload (t = {t} s).',
  },
  bad: {
    zh: '重新加载前保存的运行已忽略：{m}。',
    en: 'The run kept from before the reload was set aside: {m}.',
  },
};

/** A notice in the page's language (these words load with this module, not in the first load). */
function say(kind: 'info' | 'error', key: keyof typeof WORDS, vars: Record<string, string>): void {
  const text = WORDS[key][useLab.getState().lang].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
  notify(kind, 'notice.text', { text }, kind === 'error' ? 0 : 8000);
}

function write(text: string | null): void {
  try {
    if (text === null) localStorage.removeItem(SAVED_RUN_KEY);
    else localStorage.setItem(SAVED_RUN_KEY, text);
  } catch {
    // Storage off or full (private mode): the run lives for this page only.
  }
}

/** The entry for what is on screen now; null when there is nothing to keep (a lesson, a fault). */
function entryNow(ctrl: Controller): string | null | undefined {
  const s = useLab.getState();
  const record = ctrl.keptRecord;
  if (s.phase !== 'ready' || !record) return undefined;
  // A lesson keeps its own place (lesson-nav.ts); its runs are not the free lab's.
  if (new URLSearchParams(location.search).has('lesson')) return undefined;
  return encodeSaved({
    scenario: s.scenario,
    seed: s.seed,
    t: Math.floor(s.t),
    acted: s.acted,
    stepTimes: s.stepTimes,
    scenarioSteps: s.scenarioSteps,
    leftAt: s.leftAt,
    ...(s.scenarioMeta ?? {}),
    record,
  });
}

/** Keep the run on screen from now on; returns the stop function. */
export function startPersisting(ctrl: Controller): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    const text = entryNow(ctrl);
    if (text !== undefined) write(text);
  };
  const unsubscribe = useLab.subscribe((s, p) => {
    if (
      timer === null &&
      (s.t !== p.t || s.phase !== p.phase || s.leftAt !== p.leftAt || s.acted !== p.acted)
    )
      timer = setTimeout(save, SAVE_EVERY_MS);
  });
  const now = () => {
    if (timer !== null) clearTimeout(timer);
    save();
  };
  const hidden = () => {
    if (document.visibilityState === 'hidden') now();
  };
  window.addEventListener('pagehide', now);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', now);
    document.removeEventListener('visibilitychange', hidden);
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * Reopen the saved run if the URL asks for the same thing (same scenario, or the free lab; same
 * seed if one is given). A corrupt or old entry is set aside with a message. True when reopened.
 */
export async function restoreSaved(ctrl: Controller, req: UrlRequest): Promise<boolean> {
  let saved: SavedRun;
  try {
    saved = decodeSaved(localStorage.getItem(SAVED_RUN_KEY) ?? '');
  } catch (e) {
    write(null);
    say('error', 'bad', { m: errorWords(e) });
    return false;
  }
  if (saved.scenario !== req.scenario || (req.seedGiven && saved.seed !== req.seed)) return false;
  const { record, stepTimes, leftAt } = saved;
  useLab.setState({
    scenarioSteps: saved.scenarioSteps,
    scenarioMeta: saved.title || saved.text ? { title: saved.title, text: saved.text } : null,
  });
  if (!(await ctrl.openRun(record, { stepTimes, leftAt }))) return false;
  useLab.setState({ leftAt, acted: saved.acted });
  await ctrl.seek(saved.t);
  say('info', 'restored', { t: (saved.t / 1e6).toFixed(3) });
  return true;
}
