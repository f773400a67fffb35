// In the first load: the first-screen card that makes "Start lesson 27" the obvious first action
// (a returning visitor resumes; the free lab is one click away), the top-bar button, and the slot
// where the lesson panel (loaded on demand) appears.
import { lazy, Suspense, useEffect, useState } from 'react';
import { LESSON_POINTS } from '../../engine/lesson/points.ts';
import { holdChecklist, useChecklist } from '../../store/checklist.ts';
import { savedProgress, useLessonNav } from '../../store/lesson-nav.ts';
import { useLab } from '../../store/store.ts';
import { entryText } from './entry-text.ts';
import './entry.css';

const LessonPanel = lazy(() => import('./LessonPanel.tsx'));

const ENTRY_SEEN = 'psync-lab.entry.v1';

async function start(chapter: number, step: number): Promise<void> {
  const { openLesson } = await import('../../store/lesson/runtime.ts');
  await openLesson(chapter, step);
}

function firstVisitCard(): boolean {
  try {
    if (sessionStorage.getItem(ENTRY_SEEN)) return false;
  } catch {
    // no storage: show it
  }
  const q = new URLSearchParams(location.search);
  return !q.has('scenario') && !q.has('lesson') && !location.hash.includes('run=');
}

function dismiss(): void {
  try {
    sessionStorage.setItem(ENTRY_SEEN, '1');
  } catch {
    // no storage
  }
}

/** The welcome card over the cluster on a page opened without a scenario, run or lesson. */
export function LessonEntry() {
  const lang = useLab((s) => s.lang);
  const ready = useLab((s) => s.phase === 'ready');
  const open = useLessonNav((s) => s.open);
  // The card is up from the first render, before the worker's first frame: hold the checklist then.
  const [shown, setShown] = useState(() => {
    const first = firstVisitCard();
    holdChecklist(first);
    return first;
  });
  const saved = savedProgress();
  useEffect(() => {
    if (open) setShown(false);
  }, [open]);
  useEffect(() => holdChecklist(shown && !open), [shown, open]);
  if (!shown || open || !ready) return null;
  // The card goes with the button pressed: the keyboard's place would fall to <body> (QA walk 3), so
  // the lesson panel takes the focus when it shows, and the free lab's side column here.
  const go = (c: number, s: number) => {
    dismiss();
    setShown(false);
    useLessonNav.setState({ focus: true });
    void start(c, s);
  };
  return (
    <section className="lesson-entry" aria-labelledby="lesson-entry-title">
      <h2 id="lesson-entry-title">{entryText(lang, 'title')}</h2>
      <p>{entryText(lang, 'intro')}</p>
      <div className="row">
        {saved ? (
          <>
            <button type="button" className="primary" onClick={() => go(saved.chapter, saved.step)}>
              {entryText(lang, 'resume', { c: saved.chapter + 1, s: saved.step + 1 })}
            </button>
            <button type="button" onClick={() => go(0, 0)}>
              {entryText(lang, 'restart')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => go(0, 0)}>
            {entryText(lang, 'start')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            dismiss();
            setShown(false);
            requestAnimationFrame(() => document.getElementById('side')?.focus({ preventScroll: true }));
          }}
        >
          {entryText(lang, 'free')}
        </button>
      </div>
    </section>
  );
}

/** Top bar: open the lesson (resuming) and see the checklist count. */
export function LessonButton() {
  const lang = useLab((s) => s.lang);
  const open = useLessonNav((s) => s.open);
  const n = useChecklist((s) => LESSON_POINTS.filter((p) => s.seen[p] !== undefined).length);
  const saved = savedProgress();
  return (
    <button
      type="button"
      className={open ? 'lesson-button active' : 'lesson-button'}
      aria-pressed={open}
      onClick={() => {
        if (open) return;
        dismiss();
        void start(saved?.chapter ?? 0, saved?.step ?? 0);
      }}
      title={entryText(lang, 'checklist', { n })}
    >
      {entryText(lang, 'button')} <small>{n}/20</small>
    </button>
  );
}

/** Where the lesson panel shows (above the side panel) while the lesson is open. */
export function LessonSlot() {
  const open = useLessonNav((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  );
}

const FreePredictCard = lazy(() => import('./FreePredictCard.tsx'));
const ChecklistPopover = lazy(() => import('./ChecklistPopover.tsx'));

/** Top bar, free lab: the checklist count; opens the list (loaded on demand). */
export function ChecklistButton() {
  const lang = useLab((s) => s.lang);
  const lesson = useLessonNav((s) => s.open);
  const n = useChecklist((s) => LESSON_POINTS.filter((p) => s.seen[p] !== undefined).length);
  const [open, setOpen] = useState(false);
  if (lesson) return null;
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {entryText(lang, 'checklist', { n })}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ChecklistPopover onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** The free lab's "predict" switch (the lesson, while open, asks its own questions). */
export function PredictSwitch() {
  const lang = useLab((s) => s.lang);
  const lesson = useLessonNav((s) => s.open);
  const [on, setOn] = useState(false);
  const toggle = async (v: boolean) => {
    setOn(v);
    const { setPredicting } = await import('../../store/lesson/free-predict.ts');
    setPredicting(v);
  };
  if (lesson) return null;
  return (
    <>
      <label className="switch" title={entryText(lang, 'predictHelp')}>
        <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} />{' '}
        {entryText(lang, 'predict')}
      </label>
      {on && (
        <Suspense fallback={null}>
          <FreePredictCard />
        </Suspense>
      )}
    </>
  );
}
