// Where the student is in the lesson: open or not, chapter and step (0-based here, 1-based in the
// URL: ?lesson=27&chapter=3&step=2). Kept in localStorage so a returning visitor resumes. Small and
// in the first load; the lesson itself (data, panel, runtime) loads on demand.
import { create } from 'zustand';

export const LESSON_NO = 27;
const KEY = 'psync-lab.lesson.v1';

export interface LessonNav {
  open: boolean;
  chapter: number;
  step: number;
  /** The welcome card's button that opened the lesson is gone: the panel takes the focus once shown. */
  focus: boolean;
  /**
   * The chapter (1-based) whose run is on screen, 0 when it is not a chapter's: the scenario picker
   * names it, also after the student left the lesson and plays on in that run.
   */
  run: number;
}

export const useLessonNav = create<LessonNav>(() => ({
  open: false,
  chapter: 0,
  step: 0,
  focus: false,
  run: 0,
}));

export interface LessonRequest {
  /** The URL asks for the lesson (even a wrong one: the lesson start opens with a message). */
  asked: boolean;
  chapter: number;
  step: number;
  /** What was wrong in the URL, in Redis words, shown in the lesson panel. */
  problem: string | null;
}

const posInt = (s: string | null) => (s !== null && /^\d{1,3}$/.test(s) && Number(s) >= 1 ? Number(s) : null);

export function parseLessonUrl(search: string): LessonRequest {
  const q = new URLSearchParams(search);
  const l = q.get('lesson');
  if (l === null) return { asked: false, chapter: 0, step: 0, problem: null };
  if (l !== String(LESSON_NO))
    return {
      asked: true,
      chapter: 0,
      step: 0,
      problem: `ERR unknown lesson '${l.slice(0, 20)}': this lab teaches lesson ${LESSON_NO}`,
    };
  const c = q.get('chapter');
  const s = q.get('step');
  const chapter = c === null ? 1 : posInt(c);
  const step = s === null ? 1 : posInt(s);
  if (chapter === null)
    return { asked: true, chapter: 0, step: 0, problem: `ERR invalid chapter '${c?.slice(0, 20)}'` };
  if (step === null)
    return { asked: true, chapter: chapter - 1, step: 0, problem: `ERR invalid step '${s?.slice(0, 20)}'` };
  return { asked: true, chapter: chapter - 1, step: step - 1, problem: null };
}

/** The lesson part of the address (empty when the lesson is closed). */
export function lessonSearch(): string {
  const n = useLessonNav.getState();
  return n.open ? `&lesson=${LESSON_NO}&chapter=${n.chapter + 1}&step=${n.step + 1}` : '';
}

/**
 * A shared lesson link carries the run (#run=) and when each step of the chapter began
 * (`&starts=t0.t1.…`, virtual µs), so it opens at the same step of the same run and Back still
 * seeks. Not a list of ascending whole numbers: null (the link then walks the chapter instead).
 */
export function parseLessonStarts(hash: string): number[] | null {
  const m = /(?:^#|&)starts=([0-9.]{1,400})(?:&|$)/.exec(hash);
  if (!m) return null;
  const starts = m[1].split('.').map(Number);
  const ok = starts.every((t, i) => Number.isSafeInteger(t) && t >= 0 && (i === 0 || t >= starts[i - 1]));
  return ok && starts.length > 0 ? starts : null;
}

export function savedProgress(): { chapter: number; step: number } | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { chapter?: unknown; step?: unknown } | null;
    if (v && Number.isInteger(v.chapter) && Number.isInteger(v.step))
      return { chapter: v.chapter as number, step: v.step as number };
  } catch {
    // forgotten
  }
  return null;
}

export function saveProgress(chapter: number, step: number): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ chapter, step }));
  } catch {
    // Storage off: no resume.
  }
}
