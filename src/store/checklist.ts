// The 20-point checklist of this visitor: every frame of every run (lesson or free lab) is folded
// by the engine's checklist rules; what was seen is kept in localStorage, so a student exploring
// alone sees what they have already seen happen. Only `seen` and `advantages` carry over between
// runs: the fold's own state (roles, links) belongs to one run.
import { create } from 'zustand';
import {
  type Advantage,
  type Checklist,
  checklistReads,
  emptyChecklist,
  observe,
} from '../engine/lesson/checklist.ts';
import type { LessonPoint } from '../engine/lesson/points.ts';
import { onFrame } from './frames.ts';

const KEY = 'psync-lab.checklist.v1';

export interface ChecklistState {
  seen: Partial<Record<LessonPoint, number>>;
  advantages: Partial<Record<Advantage, number>>;
}

export const useChecklist = create<ChecklistState>(() => ({ seen: {}, advantages: {} }));

let fold: Checklist = emptyChecklist();
/** While the welcome card covers the lab, frames still move the fold's run state (roles, links)
 * but tick nothing: a student has not seen what played behind the card (QA walk 2: 9 of 20
 * points were ticked before the first click). */
let held = false;

export function holdChecklist(on: boolean): void {
  held = on;
}

function save(s: ChecklistState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage off (private mode): the checklist lives for this page only.
  }
}

function restore(): ChecklistState {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as ChecklistState | null;
    if (raw && typeof raw.seen === 'object' && typeof raw.advantages === 'object') return raw;
  } catch {
    // A damaged entry is forgotten.
  }
  return { seen: {}, advantages: {} };
}

/** Start folding frames into the checklist (once, at page start). */
export function startChecklist(): void {
  const s = restore();
  useChecklist.setState(s);
  fold = { ...emptyChecklist(), seen: { ...s.seen }, advantages: { ...s.advantages } };
  onFrame(
    (frame, kind) => {
      if (kind === 'ready') fold = { ...emptyChecklist(), seen: fold.seen, advantages: fold.advantages };
      const parts = Object.keys(fold.advantages).length;
      const before = held ? { seen: { ...fold.seen }, advantages: { ...fold.advantages } } : null;
      const fresh = observe(fold, frame.events);
      if (before) {
        fold.seen = before.seen;
        fold.advantages = before.advantages;
        return;
      }
      if (fresh.length === 0 && Object.keys(fold.advantages).length === parts) return;
      const next = { seen: { ...fold.seen }, advantages: { ...fold.advantages } };
      useChecklist.setState(next);
      save(next);
    },
    () => checklistReads(fold),
  );
}

/** Forget what was seen (a new student at the same browser). */
export function resetChecklist(): void {
  fold = emptyChecklist();
  const next = { seen: {}, advantages: {} };
  useChecklist.setState(next);
  save(next);
}
