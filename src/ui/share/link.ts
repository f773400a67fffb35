// The share link of what is open: a published scenario needs only its name and seed; once someone
// acted, the link carries the run (#run=, compressed inputs: store/run-codec.ts), a what-if beside it
// (&ghost=, store/what-if.ts) and the moment on the time bar (&t=, virtual ms: the link opens paused
// there). In the lesson it carries the run, the chapter and step, and the step start times.
import { ctl } from '../../store/instance.ts';
import { lessonSearch } from '../../store/lesson-nav.ts';
import { useLab } from '../../store/store.ts';
import { buildSearch, encodeRun } from '../../store/url.ts';

export async function shareLink(): Promise<string> {
  const s = useLab.getState();
  const record = await ctl().exportRun();
  // The page's own address without query or hash (location.origin is "null" on a file:// page).
  const page = location.href.split(/[?#]/)[0];
  const search = buildSearch({ scenario: s.scenario, seed: s.seed, lang: s.lang, present: s.present });
  const base = `${page}${search}${lessonSearch()}`;
  // In the lesson: the position (chapter, step), the run, and when each step began (for Back).
  if (lessonSearch() && record) {
    const { useLesson } = await import('../../store/lesson/runtime.ts');
    const starts = useLesson.getState().starts;
    return `${base}#run=${await encodeRun(record)}&starts=${starts.join('.')}`;
  }
  if (lessonSearch()) return base;
  // A what-if beside the run: both go in the link (the ghost as its fork and what it did since).
  const share = ctl().ghostShare;
  const ghost = record && share ? await share(record) : '';
  const at = Math.floor(s.t / 1000);
  return record && record.inputs.length > 0 && (!s.scenario || s.acted || ghost)
    ? `${base}#run=${await encodeRun(record)}${ghost}${at > 0 ? `&t=${at}` : ''}`
    : base;
}
