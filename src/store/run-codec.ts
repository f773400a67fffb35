// Reading a shared run (#run=…): inflate, parse, validate. Loaded on demand (valibot stays out of
// the first load): only a page opened with #run= needs it. Every way a link can be bad — cut
// short, too long, made by another version, a field of the wrong shape — is refused with a
// message that says which; nothing in it is ever run as code (it is data for the engine's own
// inputs, and text only reaches the page as text).
import * as v from 'valibot';
import {
  ENGINE_RUN_VERSION,
  ERAS,
  MAX_OUTAGE_S,
  MAX_WRITE_RATE,
  type RunRecord,
  type TimedInput,
  WHAT_IF_CONFIG,
  type WhatIfChange,
} from '../engine/index.ts';
import type { Controller } from './client.ts';
import { configMap, int, labInput, MAX_AT, node } from './input-schema.ts';
import { notify, useLab } from './store.ts';
import { fromBase64Url, pipeThrough } from './url.ts';

/** Longest #run= text read (characters). A run of a few hundred inputs is a few hundred bytes. */
export const MAX_RUN_TEXT = 256 * 1024;
/** Longest inflated record (bytes): a deflate bomb stops here. */
export const MAX_RUN_JSON = 4 * 1024 * 1024;
/** Most recorded inputs. */
const MAX_INPUTS = 50_000;

const runSchema = v.object({
  engineVersion: v.number(),
  seed: int(0, 2 ** 31 - 1),
  setup: v.object({
    nodes: v.pipe(
      v.array(v.object({ name: node, replicaof: v.nullable(node), config: v.optional(configMap) })),
      v.minLength(1),
      v.maxLength(7),
      v.check((ns) => new Set(ns.map((n) => n.name)).size === ns.length, 'node names must differ'),
      v.check(
        (ns) =>
          ns.every(
            (n) => n.replicaof === null || (n.replicaof !== n.name && ns.some((m) => m.name === n.replicaof)),
          ),
        'a node replicates another node of the run',
      ),
    ),
    config: v.optional(configMap),
    // The lab's network (a scenario's run records it): one-way latency µs, bytes per µs, and the
    // disk's bytes per µs (a full sync's flush and load; absent = none). Dropping one would make
    // the shared run replay differently.
    net: v.optional(
      v.object({
        latencyUs: int(1, 10_000_000),
        bytesPerUs: v.pipe(v.number(), v.minValue(0.001), v.maxValue(100_000)),
        diskBytesPerUs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100_000))),
      }),
    ),
    // The protocol era the run follows (engine replication/era.ts); psync2 when absent.
    era: v.optional(v.picklist(ERAS, `the era is one of ${ERAS.join(', ')}`)),
  }),
  scenario: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a scenario name'))),
  inputs: v.pipe(v.array(v.object({ at: int(0, MAX_AT), input: labInput })), v.maxLength(MAX_INPUTS)),
});

/** `&ghost=`: the what-if beside the run (engine what-if.ts), and the ghost's own inputs when it was acted on. */
const ghostSchema = v.object({
  at: int(0, MAX_AT),
  change: v.variant('kind', [
    v.object({ kind: v.literal('era'), era: v.picklist(ERAS) }),
    v.object({
      kind: v.literal('config'),
      name: v.picklist(WHAT_IF_CONFIG),
      value: v.pipe(v.string(), v.maxLength(100)),
    }),
    v.object({
      kind: v.literal('outage'),
      replica: node,
      seconds: v.pipe(v.number(), v.minValue(0.001), v.maxValue(MAX_OUTAGE_S)),
    }),
    v.object({ kind: v.literal('write-rate'), node, perSecond: int(0, MAX_WRITE_RATE) }),
  ]),
  keep: v.optional(int(0, MAX_INPUTS)),
  tail: v.optional(
    v.pipe(v.array(v.object({ at: int(0, MAX_AT), input: labInput })), v.maxLength(MAX_INPUTS)),
  ),
});

/** The ghost part of a share link: fork `at` with `change`; keep that many fork inputs, then `tail`. */
export interface GhostLink {
  at: number;
  change: WhatIfChange;
  keep?: number;
  tail?: TimedInput[];
}

/**
 * A link part or saved run that cannot be read. `message` is English (tests, logs, the fault
 * report); `zh` says the same for the Chinese page (`errorWords`), the valibot detail left as it is.
 */
export class RunError extends Error {
  readonly zh: string;
  constructor(en: string, zh: string) {
    super(en);
    this.zh = zh;
  }
}

/** `the #run= part` / `#run= 部分` ('the saved run' / '保存的运行' for the reload copy). */
function partWords(part: string): { en: string; zh: string } {
  return part === 'saved'
    ? { en: 'the saved run', zh: '保存的运行' }
    : { en: `the ${part} part`, zh: `${part} 部分` };
}

/** Where a valibot issue is, as a path: "inputs.3.input.count". */
function where(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((p) => String(p.key)).join('.') ?? '';
}

/** Inflate and parse a link part (`#run=` or `&ghost=`); throws an Error naming the part. */
async function inflate(text: string, part: string): Promise<unknown> {
  const p = partWords(part);
  if (text.length > MAX_RUN_TEXT)
    throw new RunError(
      `${p.en} is too long (${text.length} characters; a shared run holds at most ${MAX_RUN_TEXT})`,
      `${p.zh}太长（${text.length} 个字符；分享的运行最多 ${MAX_RUN_TEXT} 个）`,
    );
  try {
    const json = await pipeThrough(fromBase64Url(text), new DecompressionStream('deflate-raw'), MAX_RUN_JSON);
    return JSON.parse(new TextDecoder().decode(json));
  } catch (e) {
    if (e instanceof RangeError)
      throw new RunError(
        `${p.en} unpacks to more than ${MAX_RUN_JSON} bytes: not a run this lab wrote`,
        `${p.zh}解压后超过 ${MAX_RUN_JSON} 字节：不是本实验生成的运行`,
      );
    throw new RunError(
      `${p.en} is not a run this lab wrote (cut short or altered?)`,
      `${p.zh}不是本实验生成的运行（链接被截断或改动过？）`,
    );
  }
}

/** The run record from #run=…, validated; throws an Error with a readable message. */
export async function decodeRun(text: string): Promise<RunRecord> {
  return checkRun(await inflate(text, '#run='), '#run=');
}

/** `raw` as a run record of this engine version; throws a RunError naming `part` ('#run=', 'saved'). */
function checkRun(raw: unknown, part: string): RunRecord {
  const p = partWords(part);
  const version = (raw as { engineVersion?: unknown } | null)?.engineVersion;
  if (typeof version === 'number' && version !== ENGINE_RUN_VERSION)
    throw new RunError(
      `${p.en} was made by another version of the lab (run format ${version}; this lab reads ${ENGINE_RUN_VERSION})`,
      `${p.zh}由另一个版本的实验生成（运行格式 ${version}；本实验读取格式 ${ENGINE_RUN_VERSION}）`,
    );
  const r = v.safeParse(runSchema, raw);
  if (!r.success) {
    const i = r.issues[0];
    const detail = `${where(i) ? `${where(i)}: ` : ''}${i?.message ?? 'invalid'}`;
    throw new RunError(`${p.en} is not a valid run: ${detail}`, `${p.zh}不是有效的运行：${detail}`);
  }
  return r.output as RunRecord;
}

/** The `&ghost=` part beside `#run=` in a hash (the what-if beside the run), or null. */
export function ghostPart(hash: string): string | null {
  return /(?:^#|&)run=[\w-]+.*&ghost=([\w-]+)/.exec(hash)?.[1] ?? null;
}

/** Virtual time a `&t=` part may name: up to two hours (a class), in ms. */
export const MAX_LINK_AT_MS = 2 * 3600 * 1000;

/**
 * The `&t=<ms>` part beside `#run=`: where the sharer was on the time bar. `bad` holds a value that
 * is not a whole number of ms in 0 … MAX_LINK_AT_MS (the run still opens, at t = 0).
 */
export function atPart(hash: string): { ms: number | null; bad: string | null } {
  const m = /(?:^#|&)run=[\w-]+.*?&t=([^&]*)/.exec(hash);
  if (!m) return { ms: null, bad: null };
  const ms = /^\d{1,8}$/.test(m[1]) ? Number(m[1]) : Number.NaN;
  return ms <= MAX_LINK_AT_MS ? { ms, bad: null } : { ms: null, bad: m[1] };
}

/**
 * Open `#run=` (and its `&ghost=`, the what-if beside it, and `&t=`, the moment to show). Throws when
 * the run part is bad; a bad `&t=` is stated and the run opens at t = 0.
 */
export async function openRunLink(
  ctrl: Controller,
  run: string,
  ghost = ghostPart(location.hash),
  at = atPart(location.hash),
): Promise<boolean> {
  const record = await decodeRun(run);
  if (!(await ctrl.openRun(record))) return false;
  // A shared link opens with the actions it carries in view, not silently at t = 0.
  useLab.setState({ linkRun: record, acted: true });
  if (ghost) await (await import('./what-if.ts')).openSharedGhost(ghost, record);
  if (at.bad !== null) notify('error', 'notice.badAt', { value: at.bad, max: MAX_LINK_AT_MS }, 0);
  // Paused at the moment the sharer was looking at (openRun leaves the run paused).
  else if (at.ms !== null && at.ms > 0) await ctrl.seek(at.ms * 1000);
  return true;
}

/** The ghost part from &ghost=…, validated; throws an Error with a readable message. */
export async function decodeGhost(text: string): Promise<GhostLink> {
  const r = v.safeParse(ghostSchema, await inflate(text, '&ghost='));
  if (!r.success) {
    const i = r.issues[0];
    const detail = `${where(i) ? `${where(i)}: ` : ''}${i?.message ?? 'invalid'}`;
    throw new RunError(
      `the &ghost= part is not a valid what-if: ${detail}`,
      `&ghost= 部分不是有效的假设（what-if）：${detail}`,
    );
  }
  return r.output as GhostLink;
}

// --- The run kept across a reload (localStorage) ------------------------------------------------

/** Format of the saved entry: an entry of another format is set aside with a message.  2: the steps travel as the scenario has them (scenarioSteps), not as labels. */
export const SAVED_RUN_FORMAT = 2;
/** Longest saved entry (characters): a longer run is not kept (localStorage holds a few MB). */
export const MAX_SAVED_TEXT = 512 * 1024;

const localText = v.optional(
  v.object({
    zh: v.optional(v.pipe(v.string(), v.maxLength(4000))),
    en: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  }),
);

const savedSchema = v.object({
  format: v.literal(SAVED_RUN_FORMAT),
  scenario: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a scenario name'))),
  seed: int(0, 2 ** 31 - 1),
  t: int(0, MAX_AT),
  acted: v.boolean(),
  stepTimes: v.pipe(v.array(int(0, MAX_AT)), v.maxLength(10_000)),
  // The scenario's steps as its file has them (told in words by i18n/narrate.ts, read defensively;
  // never run: the run itself is `record`). The whole entry is bounded by MAX_SAVED_TEXT.
  scenarioSteps: v.pipe(v.array(v.record(v.string(), v.unknown())), v.maxLength(10_000)),
  leftAt: v.nullable(int(0, MAX_AT)),
  title: localText,
  text: localText,
  record: v.unknown(),
});

/** The run on screen when the page was left: reopened at `t` after a reload. */
export type SavedRun = Omit<v.InferOutput<typeof savedSchema>, 'record'> & { record: RunRecord };

/** The entry's text, or null when it would pass MAX_SAVED_TEXT (then nothing is kept). */
export function encodeSaved(s: Omit<SavedRun, 'format'>): string | null {
  const text = JSON.stringify({ format: SAVED_RUN_FORMAT, ...s });
  return text.length > MAX_SAVED_TEXT ? null : text;
}

/**
 * A saved entry read back, validated as a shared run is (same run schema, this engine version).
 * Throws an Error whose message starts "the saved run" for anything else: cut short, altered,
 * too long, another format or lab version.
 */
export function decodeSaved(text: string): SavedRun {
  if (text.length > MAX_SAVED_TEXT)
    throw new RunError(
      `the saved run is too long (${text.length} characters)`,
      `保存的运行太长（${text.length} 个字符）`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RunError(
      'the saved run is not readable (cut short or altered?)',
      '保存的运行无法读取（被截断或改动过？）',
    );
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== SAVED_RUN_FORMAT) {
    const f = JSON.stringify(format ?? null);
    throw new RunError(
      `the saved run has another format (${f}; this lab reads ${SAVED_RUN_FORMAT})`,
      `保存的运行是另一种格式（${f}；本实验读取格式 ${SAVED_RUN_FORMAT}）`,
    );
  }
  const r = v.safeParse(savedSchema, raw);
  if (!r.success) {
    const i = r.issues[0];
    const detail = `${where(i) ? `${where(i)}: ` : ''}${i?.message ?? 'invalid'}`;
    throw new RunError(`the saved run is not valid: ${detail}`, `保存的运行无效：${detail}`);
  }
  return { ...r.output, record: checkRun(r.output.record, 'saved') };
}
