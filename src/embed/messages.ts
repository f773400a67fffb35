// The host → widget half of the embed API (docs/embedding.md), version 1:
//   { psyncLab: 1, id?: string | number, method: string, args?: … }
// Every message is checked with valibot, step by step, so the error says what is wrong in Redis's
// words ("ERR unknown method 'foo'"). Nothing received is evaluated: a message is data that picks
// one of a fixed table of methods, and its arguments are checked against that method's schema.
import * as v from 'valibot';
import type { LabInput } from '../engine/index.ts';
import type { Milestone } from '../protocol.ts';
import { int, labInput, MAX_AT, node } from '../store/input-schema.ts';
import { SCENARIO_NAME } from '../store/url.ts';

export const API_VERSION = 1;

const MILESTONES = ['handshake', 'fullresync', 'continue', 'loaded'] as const satisfies readonly Milestone[];
const nothing = v.optional(v.union([v.null(), v.strictObject({})]));

/** One schema per method: the arguments it takes. */
const ARGS = {
  /** A scenario by name (seed optional), or lesson 27's chapter N. */
  load: v.union([
    v.strictObject({
      scenario: v.pipe(v.string(), v.regex(SCENARIO_NAME, 'not a scenario name')),
      seed: v.optional(int(0, 2 ** 31 - 1)),
    }),
    v.strictObject({ chapter: int(1, 99) }),
  ]),
  /** Speed in virtual seconds per wall second (the speed slider's range). */
  play: v.optional(
    v.union([
      v.null(),
      v.strictObject({ speed: v.optional(v.pipe(v.number(), v.minValue(0.001), v.maxValue(100))) }),
    ]),
  ),
  pause: nothing,
  /** A virtual time in µs, the Nth scenario step (1-based), or the first milestone of a kind. */
  seek: v.union([
    v.strictObject({ t: int(0, MAX_AT) }),
    v.strictObject({ step: int(1, 10_000) }),
    v.strictObject({ milestone: v.picklist(MILESTONES), node: v.optional(node) }),
  ]),
  /** Forward to the next event (default) or the next milestone. */
  step: v.optional(
    v.union([v.null(), v.strictObject({ until: v.optional(v.picklist(['event', 'milestone'])) })]),
  ),
  /** One lab input, as the UI's buttons and console send it. */
  input: labInput,
  /** What is open and where the run is. */
  state: nothing,
} as const;

export type Method = keyof typeof ARGS;
export const METHODS = Object.keys(ARGS) as Method[];

export type Id = string | number;
export type Call =
  | { id?: Id; method: 'load'; args: { scenario: string; seed?: number } | { chapter: number } }
  | { id?: Id; method: 'play'; args: { speed?: number } | null | undefined }
  | { id?: Id; method: 'pause' | 'state'; args: unknown }
  | {
      id?: Id;
      method: 'seek';
      args: { t: number } | { step: number } | { milestone: Exclude<Milestone, 'step'>; node?: string };
    }
  | { id?: Id; method: 'step'; args: { until?: 'event' | 'milestone' } | null | undefined }
  | { id?: Id; method: 'input'; args: LabInput };

export type Parsed = { ok: true; call: Call } | { ok: false; id?: Id; method?: string; message: string };

const idSchema = v.union([
  v.pipe(v.string(), v.maxLength(100)),
  v.pipe(v.number(), v.integer(), v.minValue(-(2 ** 53 - 1)), v.maxValue(2 ** 53 - 1)),
]);

const clip = (s: string) => s.slice(0, 40);

/** Whether `x` is about the value of a field `args` has (not a missing or an unknown key). */
function aboutSentValue(x: v.BaseIssue<unknown>, args: unknown): boolean {
  const key = x.path?.[0]?.key;
  return (
    typeof key === 'string' &&
    typeof args === 'object' &&
    args !== null &&
    Object.hasOwn(args, key) &&
    x.expected !== 'never'
  );
}

/** "inputs.argv.0: Invalid type" — where an issue is, then what. */
function issueText(issues: readonly v.BaseIssue<unknown>[], args: unknown): string {
  const i = issues[0];
  // A union's own issue says little; of its branches' issues, the one about a value the host sent
  // names the branch it meant: seek {milestone: 'nope'} is about milestone, not a missing t.
  const inner = i?.issues?.find((x) => aboutSentValue(x, args)) ?? i?.issues?.[0] ?? i;
  const where = inner?.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${where ? `${where}: ` : ''}${inner?.message ?? 'invalid'}`;
}

/** Read one message from the host. Pure: the same data always gives the same answer. */
export function parseMessage(data: unknown): Parsed {
  if (typeof data !== 'object' || data === null || !('psyncLab' in data))
    return { ok: false, message: 'ERR not a PSYNC Lab message: expected {psyncLab: 1, method, args}' };
  const m = data as Record<string, unknown>;
  if (m.psyncLab !== API_VERSION)
    return {
      ok: false,
      message: `ERR unsupported API version '${clip(String(m.psyncLab))}': this lab speaks psyncLab ${API_VERSION}`,
    };
  let id: Id | undefined;
  if (m.id !== undefined) {
    const r = v.safeParse(idSchema, m.id);
    if (!r.success)
      return { ok: false, message: 'ERR invalid id: a string (at most 100 characters) or an integer' };
    id = r.output;
  }
  if (typeof m.method !== 'string')
    return { ok: false, id, message: 'ERR no method: expected a method name' };
  const method = m.method;
  if (!Object.hasOwn(ARGS, method)) return { ok: false, id, message: `ERR unknown method '${clip(method)}'` };
  const r = v.safeParse(ARGS[method as Method], m.args);
  if (!r.success)
    return {
      ok: false,
      id,
      method,
      message: `ERR wrong arguments for '${method}': ${issueText(r.issues, m.args)}`,
    };
  return { ok: true, call: { id, method, args: r.output } as Call };
}
