// The lesson layer's entry: lesson data (types, validation), event patterns, step progress, and
// the 20-point checklist. The page loads it with the lesson (on demand).

export type { PsyncDecision } from '../replication/psync.ts';
export * from './checklist.ts';
export * from './pattern.ts';
export * from './points.ts';
export * from './progress.ts';
export * from './schema.ts';
export * from './types.ts';
