// A lesson as data (lessons/*.json): chapters in the lesson's order, each a live run (a lab setup)
// and steps that drive it. Text is zh-CN and en side by side, so a teacher writes one file.
import type { LabInput, LabSetup } from '../lab/lab.ts';
import type { Era } from '../replication/era.ts';
import type { PsyncReason } from '../replication/psync.ts';
import type { EventPattern } from './pattern.ts';
import type { LessonPoint } from './points.ts';

export interface Text {
  zh: string;
  en: string;
}

/**
 * What a caption points at on screen: `node:B`, `link:B` (B's link to its master), `panel:NAME`
 * (one of the teaching panels), `console`, `checklist`.
 */
export type Anchor = string;

interface StepBase {
  /** Unique within the chapter: share links and "jump to the step that shows point N" use it. */
  id: string;
  /** Lesson points this step shows (each of the 20 belongs to at least one step). */
  points: LessonPoint[];
  anchor?: Anchor;
  text: Text;
  /**
   * Once the step is done, offer "compare with" these older protocol eras (issue 11): the ghost run
   * opens beside the chapter's run with `setup.era` changed and the same inputs replayed.
   */
  compare?: Exclude<Era, 'psync2'>[];
}

/** A caption; the student moves on. */
export interface TellStep extends StepBase {
  kind: 'tell';
}

/** Play until the engine emits an event matching `until` (never a wall-clock timer). */
export interface WaitStep extends StepBase {
  kind: 'wait';
  until: EventPattern;
  /** Virtual time allowed before the step says the run went elsewhere (default 60 s). */
  limitMs?: number;
}

/**
 * Ask the student to act. Done when the engine receives `input` through the normal input path
 * (a typed command matches case-insensitively); "show me" performs it. `auto`: the lesson
 * performs it itself (setting the stage: "the lesson writes 300 keys on A").
 */
export interface DoStep extends StepBase {
  kind: 'do';
  input: LabInput;
  hint: Text;
  auto?: boolean;
}

/** What a prediction asks; the engine's PSYNC decision settles it. */
export type Ask = 'outcome' | 'reason' | 'requested-offset' | 'backlog-bytes';

/**
 * Predict, then reveal: the run pauses at `pauseAt` (default: `replica` sends PSYNC), the student
 * answers, the run plays to the master's decision and the answer is revealed with its values.
 */
export interface PredictStep extends StepBase {
  kind: 'predict';
  replica: string;
  ask: Ask;
  /** For `reason`: the checks offered (the engine's PsyncReason names). */
  choices?: PsyncReason[];
  pauseAt?: EventPattern;
}

export type Step = TellStep | WaitStep | DoStep | PredictStep;

export interface Chapter {
  id: string;
  title: Text;
  /** The chapter's live run: nodes, their masters at start, config. */
  setup: LabSetup;
  seed?: number;
  steps: Step[];
}

export interface Lesson {
  lesson: number;
  title: Text;
  chapters: Chapter[];
}
