// Reading a shared run (#run=…): inflate, parse, validate. Loaded on demand (valibot stays out of
// the first load): only a page opened with #run= needs it. Every way a link can be bad — cut
// short, too long, made by another version, a field of the wrong shape — is refused with a
// message that says which; nothing in it is ever run as code (it is data for the engine's own
// inputs, and text only reaches the page as text).
import * as v from 'valibot';
import { ENGINE_RUN_VERSION, ERAS, type RunRecord } from '../engine/index.ts';
import { configMap, int, labInput, MAX_AT, node } from './input-schema.ts';
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

/** Where a valibot issue is, as a path: "inputs.3.input.count". */
function where(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((p) => String(p.key)).join('.') ?? '';
}

/** The run record from #run=…, validated; throws an Error with a readable message. */
export async function decodeRun(text: string): Promise<RunRecord> {
  if (text.length > MAX_RUN_TEXT)
    throw new Error(
      `the #run= part is too long (${text.length} characters; a shared run holds at most ${MAX_RUN_TEXT})`,
    );
  let raw: unknown;
  try {
    const json = await pipeThrough(fromBase64Url(text), new DecompressionStream('deflate-raw'), MAX_RUN_JSON);
    raw = JSON.parse(new TextDecoder().decode(json));
  } catch (e) {
    if (e instanceof RangeError)
      throw new Error(`the #run= part unpacks to more than ${MAX_RUN_JSON} bytes: not a run this lab wrote`);
    throw new Error('the #run= part is not a run this lab wrote (cut short or altered?)');
  }
  const version = (raw as { engineVersion?: unknown } | null)?.engineVersion;
  if (typeof version === 'number' && version !== ENGINE_RUN_VERSION)
    throw new Error(
      `the #run= part was made by another version of the lab (run format ${version}; this lab reads ${ENGINE_RUN_VERSION})`,
    );
  const r = v.safeParse(runSchema, raw);
  if (!r.success) {
    const i = r.issues[0];
    throw new Error(
      `the #run= part is not a valid run: ${where(i) ? `${where(i)}: ` : ''}${i?.message ?? 'invalid'}`,
    );
  }
  return r.output as RunRecord;
}
