// Field conditions of `wait` (`until`) and `expect`: a literal compares as text (null = the field
// is absent), an object applies each operator it names (all must hold):
// gte/lte/gt/lt numerically, eq/ne as text (ne: null = present), match as a regular expression.
import type { FieldCondition, NodeSnapshot, SlaveLine } from '../../../src/engine/scenario/types.ts';
import { slaveText } from './info.ts';

function isSlaveLine(v: unknown): v is SlaveLine {
  return typeof v === 'object' && v !== null && 'state' in v && 'offset' in v && 'port' in v;
}

function text(v: unknown): string {
  if (isSlaveLine(v)) return slaveText(v);
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

const absent = (v: unknown) => v === undefined || v === null;

function same(actual: unknown, expected: string | number | null): boolean {
  if (expected === null) return absent(actual);
  return !absent(actual) && text(actual) === String(expected);
}

export function holds(actual: unknown, cond: FieldCondition): boolean {
  if (cond === null || typeof cond !== 'object') return same(actual, cond);
  const num = Number(actual);
  const isNum = !absent(actual) && typeof actual !== 'object' && Number.isFinite(num);
  if (cond.gte !== undefined && !(isNum && num >= cond.gte)) return false;
  if (cond.lte !== undefined && !(isNum && num <= cond.lte)) return false;
  if (cond.gt !== undefined && !(isNum && num > cond.gt)) return false;
  if (cond.lt !== undefined && !(isNum && num < cond.lt)) return false;
  if (cond.eq !== undefined && !same(actual, cond.eq)) return false;
  if (cond.ne !== undefined && same(actual, cond.ne)) return false;
  if (cond.match !== undefined && (absent(actual) || !new RegExp(cond.match).test(text(actual))))
    return false;
  return true;
}

/** `A.stats.sync_full` → snapshot.A.stats.sync_full (undefined when any part is missing). */
export function lookup(snapshot: Record<string, NodeSnapshot>, path: string): unknown {
  let cur: unknown = snapshot;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export interface Expectation {
  path: string;
  expected: FieldCondition;
  actual: unknown;
  pass: boolean;
}

export function checkExpectations(
  snapshot: Record<string, NodeSnapshot>,
  expect: Record<string, FieldCondition>,
): Expectation[] {
  return Object.entries(expect).map(([path, expected]) => {
    const actual = lookup(snapshot, path);
    return { path, expected, actual: actual === undefined ? null : actual, pass: holds(actual, expected) };
  });
}
