// Presenter mode (loaded on demand, ?present=1 or the top bar's toggle): large type on <html>, one
// panel beside the cluster (panel.ts), the current milestone's caption (or the lesson step's) large
// at the bottom, and the black screen of B / . (keymap.ts). Keys and leaving: ui/keyboard.ts.
import { useEffect } from 'react';
import { scenarioText } from '../../i18n/scenarios.ts';
import { useStories } from '../../i18n/stories.ts';
import { useLesson } from '../../store/lesson/runtime.ts';
import { useLessonNav } from '../../store/lesson-nav.ts';
import { milestoneWords, useLab } from '../../store/store.ts';
import { secs } from '../format.ts';
import { useT } from '../hooks.ts';
import { latestMilestone, type Reached } from './milestones.ts';
import { MILESTONE_TAB, presentPanel } from './panel.ts';
import { useStepSubject } from './step-subject.ts';
import { presentText } from './text.ts';
import './present.css';

/** The milestone reached at the current time, as a string (a narrow selector: it rarely changes). */
function useReached(): Reached | null {
  const key = useLab((s) => {
    const m = latestMilestone(s.hist, s.stepTimes, s.t + 1);
    return m ? JSON.stringify(m) : '';
  });
  return key ? (JSON.parse(key) as Reached) : null;
}

function useLessonStep() {
  const open = useLessonNav((s) => s.open);
  const lesson = useLesson((s) => s.lesson);
  const chapter = useLesson((s) => s.chapter);
  const index = useLesson((s) => s.step);
  const ch = open ? lesson?.chapters[chapter] : undefined;
  const step = ch?.steps[index];
  return step && ch ? { step, chapter, index, count: ch.steps.length } : null;
}

export default function Presenter() {
  const lesson = useLessonStep();
  const selected = useLab((s) => s.selected !== null);
  const reached = useReached();
  const panel = presentPanel({ lesson: lesson !== null, anchor: lesson?.step.anchor, selected });
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add('present');
    return () => {
      html.classList.remove('present');
      delete html.dataset.presentPanel;
    };
  }, []);
  useEffect(() => {
    document.documentElement.dataset.presentPanel = panel;
  }, [panel]);
  // The teaching panel follows the milestone (free lab; the lesson's steps bring their own).
  const tab = reached && !lesson ? MILESTONE_TAB[reached.kind] : null;
  useEffect(() => {
    if (tab) useLab.setState({ insight: tab, insightsOpen: true });
  }, [tab]);
  useShowPoint(reached && !lesson ? `${reached.kind}@${reached.at}` : '');
  // A lesson step's node or link beside it, on entering the step (the teacher may click elsewhere).
  useStepSubject(lesson?.step, 'presenter');
  useLinkStepInView(lesson !== null);
  return (
    <>
      {lesson ? <LessonCaption {...lesson} /> : <MilestoneCaption reached={reached} />}
      <Blank />
    </>
  );
}

/**
 * The link panel's handshake state in view as it moves (a lesson step on a link, 1280×720: the
 * stepper starts under the panel's actions, and a clicker cannot scroll).
 */
function useLinkStepInView(on: boolean) {
  const state = useLab((s) => {
    const sel = s.selected;
    return on && sel?.kind === 'link' ? (s.views[sel.replica]?.linkState ?? '') : '';
  });
  useEffect(() => {
    if (!state) return;
    const id = requestAnimationFrame(() =>
      document.querySelector('.side .stepper.full .st-current')?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(id);
  }, [state]);
}

/**
 * What the teaching panel says at a milestone, in view: magnified, the panel is taller than the room
 * beside the cluster (1280×720: the +FULLRESYNC line under the caption; 1920×1080: the full sync's
 * later stages), and a clicker cannot scroll. Scrolled again as the tab and its lazy chunk come in.
 */
function useShowPoint(key: string) {
  useEffect(() => {
    if (!key) return;
    const show = () => {
      const panel = document.querySelector('.insights .tab-panel');
      if (!panel) return;
      const el =
        panel.querySelector('.outcome, .fs-stages li.current, .stepper.full .st-current') ??
        [...panel.querySelectorAll('.fs-stages li.done, .stepper.full .st-done')].at(-1);
      el?.scrollIntoView({ block: 'nearest' });
    };
    const frame = requestAnimationFrame(show);
    const later = [250, 800].map((ms) => setTimeout(show, ms));
    return () => {
      cancelAnimationFrame(frame);
      for (const id of later) clearTimeout(id);
    };
  }, [key]);
}

function MilestoneCaption({ reached }: { reached: Reached | null }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario);
  const description = useLab((s) => s.description);
  const steps = useLab((s) => s.scenarioSteps);
  // A step's note in the page's language once its chunk is in (the guide, which loads it, is away).
  useStories(scenario ? lang : null);
  let text: string;
  if (!reached) text = scenario ? scenarioText(scenario, lang, description).title : t('guide.defaultTitle');
  else {
    const w = milestoneWords(reached, lang, steps);
    text = t(w.key, w.vars);
  }
  return (
    <Caption
      text={text}
      sub={`${reached ? `${presentText(lang, 'at', { t: secs(reached.at) })} · ` : ''}${presentText(lang, 'next')}`}
    />
  );
}

function LessonCaption(p: NonNullable<ReturnType<typeof useLessonStep>>) {
  const lang = useLab((s) => s.lang);
  const sub = `${presentText(lang, 'step', { c: p.chapter + 1, k: p.index + 1, n: p.count })} · ${presentText(lang, 'lessonKeys')}`;
  return <Caption text={p.step.text[lang]} sub={sub} />;
}

function Caption({ text, sub }: { text: string; sub: string }) {
  const lang = useLab((s) => s.lang);
  return (
    <section className="present-caption" aria-label={presentText(lang, 'caption')}>
      <p className="pc-text" aria-live="polite">
        {text}
      </p>
      <p className="pc-sub">{sub}</p>
    </section>
  );
}

/** B or . on a clicker: a black screen until any key (keymap.ts) or a click. */
function Blank() {
  const lang = useLab((s) => s.lang);
  const blank = useLab((s) => s.blank);
  if (!blank) return null;
  return (
    <button
      type="button"
      className="present-blank"
      aria-label={presentText(lang, 'blanked')}
      onClick={() => useLab.setState({ blank: false })}
      ref={(el) => el?.focus()}
    />
  );
}
