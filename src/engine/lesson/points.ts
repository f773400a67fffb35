// The 20 points of lesson 27 (../shared/lesson/README.md), in the outline's order. A point is a
// number; the checklist rules (checklist.ts) are a Record over this list, so the compiler stops a
// point without a rule, and tests/lesson.test.ts stops a point that no lesson step shows.

export const LESSON_POINTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] as const;

export type LessonPoint = (typeof LESSON_POINTS)[number];

export function isLessonPoint(n: unknown): n is LessonPoint {
  return typeof n === 'number' && (LESSON_POINTS as readonly number[]).includes(n);
}
