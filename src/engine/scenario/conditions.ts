// Field conditions of `wait` steps and `expect`: a literal (compared as text) or
// {gte, lte, gt, lt, ne, eq, match}.
import type { FieldCondition } from './types.ts';

export function matches(actual: unknown, cond: FieldCondition): boolean {
  if (cond === null || typeof cond !== 'object') {
    if (cond === null) return actual === null || actual === undefined;
    return actual !== undefined && String(actual) === String(cond);
  }
  const n = Number(actual);
  if (cond.gte !== undefined && !(n >= cond.gte)) return false;
  if (cond.lte !== undefined && !(n <= cond.lte)) return false;
  if (cond.gt !== undefined && !(n > cond.gt)) return false;
  if (cond.lt !== undefined && !(n < cond.lt)) return false;
  if ('ne' in cond) {
    const present = actual !== undefined && actual !== null;
    if (cond.ne === null ? !present : String(actual) === String(cond.ne)) return false;
  }
  if ('eq' in cond && String(actual) !== String(cond.eq)) return false;
  if (cond.match !== undefined && !new RegExp(cond.match).test(String(actual ?? ''))) return false;
  return true;
}

/** Read `A.stats.sync_full` from a snapshot map. */
export function readPath(root: Record<string, unknown>, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
