// Validating a lesson file with valibot: the first problem becomes one Redis-style line naming the
// file, the chapter, the step and the field, e.g.
//   ERR lessons/27.json: chapter 3 'choice', step 2 'ask-b', field 'until.type': Invalid type…
// Then the checks a schema cannot say (unique ids, a predict's replica exists…).
import * as v from 'valibot';
import type { LabInput } from '../lab/lab.ts';
import { EVENT_TYPES } from './pattern.ts';
import { LESSON_POINTS } from './points.ts';
import type { Lesson } from './types.ts';

export class LessonError extends Error {}

const text = v.strictObject({
  zh: v.pipe(v.string(), v.minLength(1)),
  en: v.pipe(v.string(), v.minLength(1)),
});
const name = v.pipe(v.string(), v.regex(/^[A-Z]$/, 'a node is one capital letter'));
const anchor = v.pipe(
  v.string(),
  v.regex(
    /^(node:[A-Z]|link:[A-Z]|panel:(handshake|decision|backlog|offsets|fullsync|costs|genealogy)|console|checklist)$/,
    'an anchor is node:X, link:X, panel:NAME, console or checklist',
  ),
);
const pattern = v.looseObject({ type: v.picklist(EVENT_TYPES) });
const argv = v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000));

const input = v.variant('type', [
  v.strictObject({ type: v.literal('command'), node: name, argv }),
  v.strictObject({ type: v.literal('write'), node: name, count }),
  v.strictObject({ type: v.literal('traffic'), node: name, perSecond: v.pipe(v.number(), v.minValue(0)) }),
  v.strictObject({ type: v.picklist(['cut', 'heal']), replica: name }),
  v.strictObject({ type: v.picklist(['freeze', 'unfreeze', 'start', 'delete-rdb']), node: name }),
  v.strictObject({ type: v.literal('shutdown'), node: name, save: v.boolean() }),
  v.strictObject({
    type: v.literal('restart'),
    node: name,
    save: v.boolean(),
    downMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
]);

const base = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'an id is lowercase letters, digits and -')),
  points: v.array(v.picklist(LESSON_POINTS)),
  anchor: v.optional(anchor),
  text,
  compare: v.optional(v.pipe(v.array(v.picklist(['psync1', 'sync'])), v.minLength(1))),
};

const step = v.variant('kind', [
  v.strictObject({ kind: v.literal('tell'), ...base }),
  v.strictObject({
    kind: v.literal('wait'),
    ...base,
    until: pattern,
    limitMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  v.strictObject({ kind: v.literal('do'), ...base, input, hint: text, auto: v.optional(v.boolean()) }),
  v.strictObject({
    kind: v.literal('predict'),
    ...base,
    replica: name,
    ask: v.picklist(['outcome', 'reason', 'requested-offset', 'backlog-bytes']),
    choices: v.optional(
      v.pipe(
        v.array(
          v.picklist([
            'accepted',
            'accepted-replid2',
            'full-requested',
            'replid-mismatch',
            'replid2-offset-too-high',
            'no-backlog',
            'offset-before-backlog',
            'offset-after-master',
          ]),
        ),
        v.minLength(2),
      ),
    ),
    pauseAt: v.optional(pattern),
  }),
]);

const setup = v.strictObject({
  nodes: v.pipe(
    v.array(
      v.strictObject({
        name,
        replicaof: v.nullable(name),
        config: v.optional(v.record(v.string(), v.string())),
      }),
    ),
    v.minLength(1),
    v.maxLength(7),
  ),
  config: v.optional(v.record(v.string(), v.string())),
});

const chapter = v.strictObject({
  id: base.id,
  title: text,
  setup,
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  steps: v.pipe(v.array(step), v.minLength(1)),
});

const lesson = v.strictObject({
  lesson: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: text,
  chapters: v.pipe(v.array(chapter), v.minLength(1)),
});

// The schema's inputs are exactly LabInputs the engine accepts.
type SchemaInput = v.InferOutput<typeof input>;
const inputFits: (x: SchemaInput) => LabInput = (x) => x;
void inputFits;

/** "chapter 3 'choice', step 2 'ask-b', field 'until.type'" from a valibot path into the raw data. */
function where(raw: unknown, path: readonly { key: unknown }[]): string {
  const keys = path.map((p) => p.key);
  const parts: string[] = [];
  let rest = keys;
  const at = (o: unknown, k: unknown) =>
    o && typeof o === 'object' ? (o as Record<string, unknown>)[String(k)] : undefined;
  if (keys[0] === 'chapters' && typeof keys[1] === 'number') {
    const ch = at(at(raw, 'chapters'), keys[1]);
    const id = at(ch, 'id');
    parts.push(`chapter ${keys[1] + 1}${typeof id === 'string' ? ` '${id}'` : ''}`);
    rest = keys.slice(2);
    if (rest[0] === 'steps' && typeof rest[1] === 'number') {
      const sid = at(at(at(ch, 'steps'), rest[1]), 'id');
      parts.push(`step ${rest[1] + 1}${typeof sid === 'string' ? ` '${sid}'` : ''}`);
      rest = rest.slice(2);
    }
  }
  if (rest.length) parts.push(`field '${rest.join('.')}'`);
  return parts.join(', ') || 'the top level';
}

/** A validated lesson, or a LessonError whose message names file, chapter, step and field. */
export function validateLesson(raw: unknown, file: string): Lesson {
  const r = v.safeParse(lesson, raw);
  if (!r.success) {
    const issue = r.issues[0];
    throw new LessonError(`ERR ${file}: ${where(raw, issue.path ?? [])}: ${issue.message}`);
  }
  const out = r.output as Lesson;
  out.chapters.forEach((ch, ci) => {
    const fail = (si: number, msg: string) =>
      new LessonError(
        `ERR ${file}: chapter ${ci + 1} '${ch.id}', step ${si + 1} '${ch.steps[si].id}': ${msg}`,
      );
    const ids = new Set<string>();
    const names = new Set(ch.setup.nodes.map((n) => n.name));
    ch.steps.forEach((s, si) => {
      if (ids.has(s.id)) throw fail(si, `the id '${s.id}' is used twice in the chapter`);
      ids.add(s.id);
      if (s.kind === 'predict' && !names.has(s.replica))
        throw fail(si, `field 'replica': no node '${s.replica}' in the setup`);
      if (s.kind === 'predict' && s.ask === 'reason' && !s.choices)
        throw fail(si, "field 'choices': a 'reason' question needs the checks to choose from");
      if (s.kind === 'do') {
        const i = s.input;
        const who = 'node' in i ? i.node : 'replica' in i ? i.replica : i.of;
        if (!names.has(who)) throw fail(si, `field 'input': no node '${who}' in the setup`);
      }
    });
    if (new Set(out.chapters.map((c) => c.id)).size !== out.chapters.length)
      throw new LessonError(`ERR ${file}: two chapters share the id '${ch.id}'`);
  });
  return out;
}
