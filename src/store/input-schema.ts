// The schema of one lab input (engine/lab.ts LabInput), with the bounds the UI itself keeps: shared
// by a shared run (#run=, run-codec.ts) and the embed API's `input` method (embed/messages.ts), so
// an input from a link or a host page is checked by the one rule. Loaded on demand (valibot).
import * as v from 'valibot';
import { configValueError } from '../engine/index.ts';

/** The latest virtual time a run may be at (6 h, in µs). */
export const MAX_AT = 6 * 3600 * 1_000_000;

export const node = v.pipe(v.string(), v.regex(/^[A-Z]$/, 'a node name is one capital letter'));
export const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
export const configMap = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(100)), v.pipe(v.string(), v.maxLength(1000))),
  v.check(
    (c) => Object.entries(c).every(([k, x]) => configValueError(k, x) === null),
    'a config value is not valid',
  ),
);

/** One schema per LabInput type (engine/lab.ts), with the bounds the UI itself keeps. */
export const labInput = v.variant('type', [
  v.object({
    type: v.literal('command'),
    node,
    argv: v.pipe(v.array(v.pipe(v.string(), v.maxLength(1024 * 1024))), v.minLength(1), v.maxLength(1000)),
    db: v.optional(int(0, 15)),
  }),
  v.object({ type: v.literal('write'), node, count: int(1, 10_000) }),
  v.object({ type: v.literal('traffic'), node, perSecond: int(0, 2000) }),
  v.object({
    type: v.literal('cut'),
    replica: node,
    method: v.optional(v.picklist(['proxy', 'sigstop-kill'])),
  }),
  v.object({ type: v.literal('heal'), replica: node }),
  v.object({ type: v.literal('start'), node, asReplicaOf: v.optional(v.nullable(node)) }),
  v.object({ type: v.picklist(['freeze', 'unfreeze', 'delete-rdb', 'remove-node']), node }),
  v.object({ type: v.literal('shutdown'), node, save: v.boolean() }),
  v.object({ type: v.literal('restart'), node, save: v.boolean(), downMs: int(0, 3_600_000) }),
  v.object({ type: v.literal('add-replica'), of: node }),
]);
