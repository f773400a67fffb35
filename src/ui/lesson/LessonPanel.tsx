// The lesson panel (loaded on demand): the chapter and step, the caption (announced), what the step
// waits for, the student's part (hint, show me), predictions and their reveal, the per-chapter
// score, back/next, and the checklist. Keyboard (ui/keymap.ts): → / Enter / PageDown next,
// ← / PageUp back, Esc leaves into the free lab at the same moment.
import { Suspense, useEffect, useRef, useState } from 'react';
import type { EventPattern } from '../../engine/lesson/pattern.ts';
import { pauseAt } from '../../engine/lesson/progress.ts';
import type { Step } from '../../engine/lesson/types.ts';
import type { Lang } from '../../i18n/index.ts';
import {
  back,
  canNext,
  chapterScore,
  leave,
  next,
  openLesson,
  predict,
  showMe,
  useLesson,
} from '../../store/lesson/runtime.ts';
import { useLessonNav } from '../../store/lesson-nav.ts';
import { useLab } from '../../store/store.ts';
import { useStepSubject } from '../present/step-subject.ts';
import { WhatIfUi } from '../whatif/slot.tsx';
import { ChecklistView } from './ChecklistView.tsx';
import { CostMeter } from './CostMeter.tsx';
import { Genealogy } from './Genealogy.tsx';
import { useKeepFocus } from './keep-focus.ts';
import { NextCue } from './next-cue.tsx';
import { PredictView } from './PredictView.tsx';
import { Spotlight } from './spotlight.tsx';
import { patternWords } from './text.ts';
import { useLx } from './useLx.ts';
import './lesson.css';

/**
 * The event a step waits for: in words, then in the engine's ("B's link goes online
 * (link.state replica=B state=online)"), the words the lesson's own text teaches.
 */
export function describePattern(p: EventPattern, lang: Lang): string {
  const rest = Object.entries(p)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k}=${v}`);
  const code = [p.type, ...rest].join(' ');
  const words = patternWords(lang, p);
  if (!words) return code;
  return lang === 'zh' ? `${words}（${code}）` : `${words} (${code})`;
}

const HINT_AFTER_MS = 30_000;

function StepStatus({ step }: { step: Step }) {
  const lx = useLx();
  const phase = useLesson((s) => s.phase);
  const firedAt = useLesson((s) => s.firedAt);
  const shown = useLesson((s) => s.shown);
  const [hint, setHint] = useState(false);
  // The hint offers itself after a while (wall time is fine here: it is the student's pace).
  useEffect(() => {
    if (step.kind !== 'do' || step.auto) return;
    const id = setTimeout(() => setHint(true), HINT_AFTER_MS);
    return () => clearTimeout(id);
  }, [step]);
  const lang = useLab((s) => s.lang);
  if (step.kind === 'wait') {
    const what = describePattern(step.until, lang);
    return (
      <div className="lesson-status">
        {phase === 'done' ? (
          <p className="ok">{lx('happened', { what, t: ((firedAt ?? 0) / 1e6).toFixed(3) })}</p>
        ) : (
          <>
            <p className="waiting">
              <span className="spinner" aria-hidden="true" /> {lx('waitingFor', { what })}
            </p>
            <button type="button" onClick={() => void showMe()}>
              {lx('skip')}
            </button>
          </>
        )}
      </div>
    );
  }
  if (step.kind === 'do') {
    if (step.auto)
      return <p className="lesson-status dim">{phase === 'done' ? lx('autoDone') : lx('auto')}</p>;
    return (
      <div className="lesson-status">
        {phase === 'done' ? (
          <p className="ok">{lx(shown ? 'autoDone' : 'received')}</p>
        ) : (
          <>
            <p className="waiting">{lx('yourTurn')}</p>
            <div className="row">
              <button type="button" onClick={() => setHint(true)} aria-expanded={hint}>
                {lx('hint')}
              </button>
              <button type="button" onClick={() => void showMe()}>
                {lx('showMe')}
              </button>
            </div>
            {hint && <p className="hint">{step.hint[lang]}</p>}
          </>
        )}
      </div>
    );
  }
  if (step.kind === 'predict') {
    if (phase === 'playing')
      return (
        <div className="lesson-status">
          <p className="waiting">
            <span className="spinner" aria-hidden="true" />{' '}
            {lx('waitingFor', { what: describePattern(pauseAt(step), lang) })}
          </p>
          <button type="button" onClick={() => void showMe()}>
            {lx('skip')}
          </button>
        </div>
      );
    return <PredictView step={step} onAnswer={predict} />;
  }
  return null;
}

export default function LessonPanel() {
  const lx = useLx();
  const lang = useLab((s) => s.lang);
  const lesson = useLesson((s) => s.lesson);
  const error = useLesson((s) => s.error);
  const problem = useLesson((s) => s.problem);
  const chapter = useLesson((s) => s.chapter);
  const stepIndex = useLesson((s) => s.step);
  const phase = useLesson((s) => s.phase);
  const state = useLesson();
  const ref = useRef<HTMLElement>(null);
  useKeepFocus(ref);
  const ch = lesson?.chapters[chapter];
  const step = ch?.steps[stepIndex] ?? null;
  // Beside the panel on a wide screen, as on the projector: a step about a node or a link shows it
  // (INFO; handshake stepper and transcript) instead of a blank column.
  useStepSubject(step, 'desk');
  // Opened from the welcome card, whose button is gone: the keyboard goes on from here.
  useEffect(() => {
    if (!lesson || !useLessonNav.getState().focus) return;
    useLessonNav.setState({ focus: false });
    ref.current?.focus();
  }, [lesson]);
  if (error)
    return (
      <section className="lesson-panel" aria-label={lx('lesson', { n: 27 })}>
        <p role="alert" className="lesson-error">
          {lx('badLesson')} <code>{error}</code>
        </p>
        <button type="button" onClick={leave}>
          {lx('leave')}
        </button>
      </section>
    );
  if (!lesson || !ch) return <p className="lesson-panel dim">{lx('loading')}</p>;
  const score = chapterScore(state, chapter);
  return (
    <section className="lesson-panel" aria-label={lesson.title[lang]} ref={ref} tabIndex={-1}>
      <Spotlight anchor={phase === 'loading' || phase === 'finished' ? undefined : step?.anchor} />
      <header className="lesson-head">
        <h2>
          {lx('lesson', { n: lesson.lesson })} · {lx('chapter', { n: chapter + 1 })}
          <span className="lesson-title">{ch.title[lang]}</span>
        </h2>
        <button type="button" className="small" onClick={leave} title={lx('leaveHelp')}>
          {lx('leave')} <kbd>Esc</kbd>
        </button>
      </header>
      {problem && (
        <p role="alert" className="lesson-error">
          <code>{problem}</code>
        </p>
      )}
      <nav aria-label={lx('chapters')}>
        <ol className="lesson-chapters">
          {lesson.chapters.map((c, i) => {
            const sc = chapterScore(state, i);
            const scored = sc.total > 0 && sc.asked > 0;
            // Named by the chapter, not the bare digit a screen reader would read ("3, button").
            const name = lx('chapterName', { n: i + 1, title: c.title[lang] });
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className={i === chapter ? 'current' : ''}
                  aria-current={i === chapter ? 'step' : undefined}
                  onClick={() => void openLesson(i, 0)}
                  title={c.title[lang]}
                  aria-label={
                    scored ? `${name} · ${lx('score', { right: sc.right, total: sc.total })}` : name
                  }
                >
                  {i + 1}
                  {scored && (
                    <small>
                      {' '}
                      {sc.right}/{sc.total}
                    </small>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {phase === 'loading' ? (
        <p className="dim">{lx('loading')}</p>
      ) : phase === 'finished' ? (
        <p className="lesson-caption" aria-live="polite">
          {lx('finished')}
        </p>
      ) : (
        step && (
          <>
            <div className="lesson-progress">
              <progress
                max={ch.steps.length}
                value={stepIndex + 1}
                aria-label={lx('stepOf', { k: stepIndex + 1, n: ch.steps.length })}
              />
              <span>{lx('stepOf', { k: stepIndex + 1, n: ch.steps.length })}</span>
              {score.total > 0 && (
                <span className="lesson-score">
                  {lx('score', { right: score.right, total: score.total })}
                </span>
              )}
            </div>
            <p className={`lesson-caption kind-${step.kind}`} aria-live="polite">
              {step.text[lang]}
            </p>
            <StepStatus key={`${chapter}/${stepIndex}`} step={step} />
            {step.compare && phase === 'done' && (
              <Suspense fallback={null}>
                <WhatIfUi part="compare" eras={step.compare} />
              </Suspense>
            )}
            {step.anchor === 'panel:costs' && <CostMeter />}
            {step.kind === 'tell' && step.points.includes(8) && <Genealogy />}
          </>
        )
      )}
      <div className="lesson-nav">
        <button
          type="button"
          onClick={() => void back()}
          disabled={phase === 'loading' || (chapter === 0 && stepIndex === 0)}
        >
          ← {lx('back')}
        </button>
        <button type="button" className="primary" onClick={() => void next()} disabled={!canNext()}>
          {lx('next')} →
        </button>
      </div>
      <p className="lesson-keys dim">{lx('keys')}</p>
      <NextCue panel={ref} done={phase === 'done'} label={lx('stepDone')} />
      <ChecklistView />
    </section>
  );
}
