// The lesson runtime (loaded on demand): walks the student through lessons/27.json over the live
// engine. Every step is finished by what the engine emits, seen in the frames the page receives:
//  - tell: nothing to wait for (the run is paused while the student reads);
//  - do: the student's input reaching the engine through the normal input path ("show me" sends it);
//  - wait: the run plays with `stop` set, so the worker ends the frame at the matching event;
//  - predict: play to the pause (the PSYNC sent), ask, then play to the master's decision and reveal.
// Going back undoes the inputs made since the previous step began, then seeks to when it began.
import { create } from 'zustand';
import type { RunRecord } from '../../engine/lab/timeline.ts';
import { type EventPattern, type LessonEvent, matchesEvent as matches } from '../../engine/lesson/pattern.ts';
import { answerOf, decidedAt, finisher, isRight, pauseAt, take } from '../../engine/lesson/progress.ts';
import { validateLesson } from '../../engine/lesson/schema.ts';
import type { Lesson, PredictStep, Step } from '../../engine/lesson/types.ts';
import type { PsyncDecision } from '../../engine/replication/psync.ts';
import { syncUrl } from '../boot.ts';
import { onFrame } from '../frames.ts';
import { ctl } from '../instance.ts';
import { saveProgress, useLessonNav } from '../lesson-nav.ts';
import { useLab } from '../store.ts';
import { undo } from '../undo.ts';

/** How far "skip to it" may jump, and a wait may run, in virtual µs. */
const SKIP_LIMIT_US = 120_000_000;

export type Phase =
  | 'loading'
  | 'reading'
  | 'acting'
  | 'playing'
  | 'asking'
  | 'revealing'
  | 'done'
  | 'finished';

export interface Answer {
  given: string;
  right: boolean;
  answer: string;
  decision: PsyncDecision;
  /** The master that decided (the reveal names it). */
  master?: string;
}

export interface LessonState {
  lesson: Lesson | null;
  /** The lesson file failed validation (the lab still opens). */
  error: string | null;
  /** The URL asked for something that does not exist (shown once, the lesson start opens). */
  problem: string | null;
  chapter: number;
  step: number;
  phase: Phase;
  /** Virtual time each step of this chapter began (for going back). */
  starts: number[];
  /**
   * How many of the page's inputs could be undone when each step began (the worker's undo depth):
   * going back undoes those made since. Unknown (shorter) for a run opened from a shared link.
   */
  depths: number[];
  /** First answer to each prediction, by `chapterId/stepId` (the score counts these). */
  answers: Record<string, Answer>;
  /** The latest reveal of the current step (shown even when the first answer is kept). */
  reveal: Answer | null;
  /** Virtual time the current step's event happened. */
  firedAt: number | null;
  /** The current do step was done by "show me" (the panel then says the lesson did it, not the student). */
  shown: boolean;
}

const ANSWERS_KEY = 'psync-lab.lesson-answers.v1';

/** The first answers, kept so a returning student keeps their score. */
function savedAnswers(): Record<string, Answer> {
  try {
    const v = JSON.parse(localStorage.getItem(ANSWERS_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, Answer>) : {};
  } catch {
    return {};
  }
}

function saveAnswers(a: Record<string, Answer>): void {
  try {
    localStorage.setItem(ANSWERS_KEY, JSON.stringify(a));
  } catch {
    // Storage off: the score lives for this page.
  }
}

export const useLesson = create<LessonState>(() => ({
  lesson: null,
  error: null,
  problem: null,
  chapter: 0,
  step: 0,
  phase: 'loading',
  starts: [],
  depths: [],
  answers: savedAnswers(),
  reveal: null,
  firedAt: null,
  shown: false,
}));

/** Events received since the current step began that no step has taken yet. */
const buf: LessonEvent[] = [];
let given: string | null = null;
/** The input an auto step sent, until the engine took it. */
let acting: Promise<unknown> | null = null;
let listening = false;
/** The lesson itself is loading a chapter's run (another load means the student opened something else). */
let loadingChapter = false;

export const answerKey = (chapterId: string, stepId: string) => `${chapterId}/${stepId}`;

function current(): Step | null {
  const s = useLesson.getState();
  return s.lesson?.chapters[s.chapter]?.steps[s.step] ?? null;
}

export async function loadData(): Promise<Lesson | null> {
  const s = useLesson.getState();
  if (s.lesson || s.error) return s.lesson;
  const file = 'lessons/27.json';
  try {
    const raw = (await import('../../../lessons/27.json')).default as unknown;
    const lesson = validateLesson(raw, file);
    useLesson.setState({ lesson });
    return lesson;
  } catch (e) {
    useLesson.setState({ error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

function halt(): void {
  ctl().setStop(null);
  ctl().setPlaying(false);
}

function play(p: EventPattern): void {
  ctl().setStop(p);
  ctl().setPlaying(true);
}

/** Look at the buffered events for what finishes the current phase. */
function check(): void {
  const s = useLesson.getState();
  const step = current();
  if (!step) return;
  if (s.phase === 'acting' || (s.phase === 'playing' && step.kind === 'wait')) {
    const e = take(buf, finisher(step)!);
    if (!e) return;
    if (step.kind === 'wait') halt();
    useLesson.setState({ phase: 'done', firedAt: e.at });
  } else if (s.phase === 'playing' && step.kind === 'predict') {
    const p = pauseAt(step);
    const e = take(buf, (x) => matches(x, p));
    if (!e) return;
    halt();
    useLesson.setState({ phase: 'asking', firedAt: e.at });
  } else if ((s.phase === 'revealing' || s.phase === 'asking') && step.kind === 'predict') {
    // Asking too: Space or Play instead of an answer runs on to the decision, which settles the step
    // unanswered (QA walk 5: the panel kept asking, "paused before the master answers", while it played).
    const p = decidedAt(step);
    const e = take(buf, (x) => matches(x, p));
    if (e?.type !== 'psync.decided') return;
    halt();
    settle(step, e);
  }
}

function settle(
  step: PredictStep,
  e: { decision: PsyncDecision; master: string; replica: string; at: number },
): void {
  const d = e.decision;
  const s = useLesson.getState();
  const ch = s.lesson!.chapters[s.chapter];
  const g = given ?? '';
  const reveal: Answer = {
    given: g,
    right: given !== null && isRight(step, g, d),
    answer: answerOf(step, d),
    decision: d,
    master: e.master,
  };
  const key = answerKey(ch.id, step.id);
  const answers = given !== null && !s.answers[key] ? { ...s.answers, [key]: reveal } : s.answers;
  given = null;
  useLesson.setState({ phase: 'done', reveal, answers });
  if (answers !== s.answers) saveAnswers(answers);
  useLab.setState({ insight: 'decision' });
}

function listen(): void {
  if (listening) return;
  listening = true;
  onFrame(
    (frame, kind) => {
      if (kind === 'ready' && !loadingChapter) useLessonNav.setState({ run: 0 });
      if (!useLessonNav.getState().open) return;
      if (kind === 'ready' && !loadingChapter) {
        leave(); // a scenario or run opened from the picker: the lesson steps aside
        return;
      }
      if (kind === 'reset') {
        buf.length = 0;
        return;
      }
      for (const e of frame.events) buf.push(e as LessonEvent);
      check();
      // A step may wait for any kind: while the lesson is open, frames carry them all.
    },
    () => (useLessonNav.getState().open ? null : []),
  );
}

/** Guide the eye and the hands: select the node a step acts on, open the tab its input needs. */
function focusFor(step: Step): void {
  if (step.kind !== 'do' || step.auto) return;
  const i = step.input;
  const name = 'node' in i ? i.node : 'replica' in i ? i.replica : i.of;
  useLab.setState({
    selected: { kind: 'node', name },
    nodeTab: i.type === 'command' ? 'console' : 'actions',
  });
}

function enter(index: number): void {
  const s = useLesson.getState();
  const ch = s.lesson!.chapters[s.chapter];
  const step = ch.steps[index];
  const starts = s.starts.slice(0, index);
  starts[index] = useLab.getState().t;
  const depths = s.depths.slice(0, index);
  depths[index] = useLab.getState().undoable;
  useLesson.setState({
    step: index,
    starts,
    depths,
    reveal: null,
    firedAt: null,
    shown: false,
    phase: 'reading',
  });
  useLessonNav.setState({ open: true, chapter: s.chapter, step: index });
  saveProgress(s.chapter, index);
  syncUrl();
  focusFor(step);
  switch (step.kind) {
    case 'tell':
      halt();
      return;
    case 'do':
      halt();
      useLesson.setState({ phase: 'acting' });
      if (step.auto) acting = ctl().act(step.input);
      check();
      return;
    case 'wait':
    case 'predict':
      useLesson.setState({ phase: 'playing' });
      check();
      if (useLesson.getState().phase === 'playing') play(step.kind === 'wait' ? step.until : pauseAt(step));
      return;
  }
}

/** Open a chapter's run from its setup, then walk ("show me") to `stepIndex`. */
async function openChapter(chapter: number, stepIndex = 0): Promise<void> {
  const lesson = useLesson.getState().lesson!;
  const ch = lesson.chapters[chapter];
  useLesson.setState({ chapter, step: 0, phase: 'loading', starts: [], depths: [], reveal: null });
  useLessonNav.setState({ open: true, chapter, step: 0 });
  halt();
  buf.length = 0;
  loadingChapter = true;
  try {
    if (await ctl().load({ kind: 'lab', setup: ch.setup }, ch.seed ?? 1))
      useLessonNav.setState({ run: chapter + 1 });
  } finally {
    loadingChapter = false;
  }
  useLab.setState({ playing: false, scenario: null, scenarioSteps: [] });
  buf.length = 0;
  enter(0);
  for (let k = 0; k < Math.min(stepIndex, ch.steps.length - 1); k++) {
    await finishCurrent();
    enter(k + 1);
  }
}

/** Run to `p` unless the frames already in flight finish the phase (a skip must not overshoot). */
function skipTo(p: EventPattern, phase: Phase): Promise<void> {
  return ctl().runUntil(p, SKIP_LIMIT_US, () => useLesson.getState().phase === phase);
}

/** Finish the current step as "show me" / "skip to it" would (predictions revealed unanswered). */
async function finishCurrent(): Promise<void> {
  const step = current();
  const phase = useLesson.getState().phase;
  if (!step || phase === 'done') return;
  if (step.kind === 'do') await (step.auto ? acting : ctl().act(step.input));
  else if (step.kind === 'wait' && phase === 'playing') await skipTo(step.until, 'playing');
  else if (step.kind === 'predict') {
    if (useLesson.getState().phase === 'playing') await skipTo(pauseAt(step), 'playing');
    if (useLesson.getState().phase === 'asking') {
      useLesson.setState({ phase: 'revealing' });
      await skipTo(decidedAt(step), 'revealing');
    }
  }
}

/**
 * Open a shared lesson position: the run as it was, at the time step `k` began (starts[k]), with
 * the earlier steps' start times kept so Back seeks as in the original. False if the run does not
 * open (the caller then walks the chapter).
 */
async function openShared(chapter: number, k: number, shared: SharedRun): Promise<boolean> {
  useLesson.setState({ chapter, step: 0, phase: 'loading', starts: [], depths: [], reveal: null });
  useLessonNav.setState({ open: true, chapter, step: 0 });
  halt();
  buf.length = 0;
  loadingChapter = true;
  let ok = false;
  try {
    ok = await ctl().openRun(shared.record);
  } finally {
    loadingChapter = false;
  }
  if (!ok) return false;
  useLessonNav.setState({ run: chapter + 1 });
  useLab.setState({ playing: false, scenario: null, scenarioSteps: [] });
  await ctl().seek(shared.starts[k]);
  buf.length = 0;
  useLesson.setState({ starts: shared.starts.slice(0, k) });
  enter(k);
  return true;
}

export interface SharedRun {
  record: RunRecord;
  /** When each step of the chapter began, up to the shared one. */
  starts: number[];
}

/**
 * Open the lesson at a chapter and step (from the URL, the entry card or the checklist). A shared
 * link brings its run: the lesson opens on it at that step instead of walking the chapter there.
 */
export async function openLesson(
  chapter = 0,
  step = 0,
  problem: string | null = null,
  shared: SharedRun | null = null,
): Promise<void> {
  listen();
  useLessonNav.setState({ open: true, chapter, step });
  const lesson = await loadData();
  if (!lesson) {
    useLessonNav.setState({ open: true, chapter: 0, step: 0 });
    // The lab still opens (the panel states the file's error); not a load that closes the lesson.
    loadingChapter = true;
    try {
      if (useLab.getState().phase === 'booting') await ctl().load({ kind: 'default' }, 1);
    } finally {
      loadingChapter = false;
    }
    return;
  }
  let c = chapter;
  let k = step;
  let why = problem;
  if (c >= lesson.chapters.length) {
    why = `ERR no chapter ${c + 1}: lesson ${lesson.lesson} has ${lesson.chapters.length}`;
    c = 0;
    k = 0;
  } else if (k >= lesson.chapters[c].steps.length) {
    why = `ERR no step ${k + 1} in chapter ${c + 1}: it has ${lesson.chapters[c].steps.length}`;
    k = 0;
  }
  useLesson.setState({ problem: why });
  if (!why && shared && shared.starts.length > k && (await openShared(c, k, shared))) return;
  await openChapter(c, k);
}

export function canNext(): boolean {
  const p = useLesson.getState().phase;
  return p === 'done' || p === 'reading';
}

export async function next(): Promise<void> {
  const s = useLesson.getState();
  if (!s.lesson || !canNext()) return;
  const ch = s.lesson.chapters[s.chapter];
  if (s.step + 1 < ch.steps.length) enter(s.step + 1);
  else if (s.chapter + 1 < s.lesson.chapters.length) await openChapter(s.chapter + 1);
  else {
    halt();
    useLesson.setState({ phase: 'finished' });
  }
}

/**
 * Back one step: the run as it was when that step began. What was done since — that step's own
 * input too, which entering it does again — is undone first, then the time goes back (a seek).
 * A seek alone kept those inputs: chapter 1's step 1 (write 1000 keys on A) and step 2 (REPLICAOF)
 * happen at one instant, so back from step 2 left B a replica and A then held 2000 keys (QA walk 4).
 * Inputs of a shared link's run cannot be undone: there it is the seek alone.
 */
export async function back(): Promise<void> {
  const s = useLesson.getState();
  if (!s.lesson || s.phase === 'loading') return;
  if (s.phase === 'finished') {
    useLesson.setState({ phase: 'done' });
    return;
  }
  if (s.step === 0) {
    // Into the previous chapter's last step: its run is rebuilt by walking there ("show me").
    if (s.chapter > 0) await openChapter(s.chapter - 1, s.lesson.chapters[s.chapter - 1].steps.length - 1);
    return;
  }
  halt();
  const depth = s.depths[s.step - 1];
  if (depth !== undefined && useLab.getState().undoable > depth) await undo(depth);
  await ctl().seek(s.starts[s.step - 1] ?? 0);
  buf.length = 0;
  enter(s.step - 1);
}

/** "Show me" (a do step) or "skip to it" (a wait, or the pause before a prediction). */
export async function showMe(): Promise<void> {
  const step = current();
  const phase = useLesson.getState().phase;
  if (!step) return;
  if (step.kind === 'do' && phase === 'acting') {
    useLesson.setState({ shown: true });
    await ctl().act(step.input);
  } else if (step.kind === 'wait' && phase === 'playing') await skipTo(step.until, 'playing');
  else if (step.kind === 'predict' && phase === 'playing') await skipTo(pauseAt(step), 'playing');
  else if (step.kind === 'predict' && phase === 'revealing') await skipTo(decidedAt(step), 'revealing');
}

/**
 * The clicker's next (presenter mode: nobody's hands are on the lab): Next once the step is done;
 * before that what "show me" / "skip to it" does, and an open prediction is revealed unanswered
 * (the class answers aloud). Without it a clicker stops at the first step that waits for a typed
 * command, a button or an answer.
 */
export async function advance(): Promise<void> {
  if (canNext()) return next();
  if (useLesson.getState().phase === 'asking') useLesson.setState({ phase: 'revealing' });
  await showMe();
}

/** The student's prediction: play on to the master's decision, which settles it. */
export function predict(answer: string): void {
  const step = current();
  if (step?.kind !== 'predict' || useLesson.getState().phase !== 'asking') return;
  given = answer;
  useLesson.setState({ phase: 'revealing' });
  check();
  if (useLesson.getState().phase === 'revealing') play(decidedAt(step));
}

/** Esc: leave into the free lab at this very moment ("explore from here"). */
export function leave(): void {
  halt();
  useLessonNav.setState({ open: false });
  syncUrl();
}

/** Right answers / predictions asked, for one chapter. */
export function chapterScore(
  s: LessonState,
  chapter: number,
): { right: number; asked: number; total: number } {
  const ch = s.lesson?.chapters[chapter];
  if (!ch) return { right: 0, asked: 0, total: 0 };
  const keys = ch.steps.filter((x) => x.kind === 'predict').map((x) => answerKey(ch.id, x.id));
  const got = keys.map((k) => s.answers[k]).filter(Boolean);
  return { right: got.filter((a) => a.right).length, asked: got.length, total: keys.length };
}

/** The first step that claims lesson point `p`, as [chapter, step]. */
export function stepFor(lesson: Lesson, p: number): [number, number] | null {
  for (const [ci, ch] of lesson.chapters.entries())
    for (const [si, st] of ch.steps.entries()) if ((st.points as number[]).includes(p)) return [ci, si];
  return null;
}
