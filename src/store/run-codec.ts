// Reading a shared run (#run=…): inflate, parse, validate. Loaded on demand (valibot stays out of
// the first load): only a page opened with #run= needs it.
import * as v from 'valibot';
import type { RunRecord } from '../engine/index.ts';
import { fromBase64Url, pipeThrough } from './url.ts';

const labInput = v.looseObject({ type: v.string() });
const runSchema = v.object({
  engineVersion: v.number(),
  seed: v.pipe(v.number(), v.integer(), v.minValue(0)),
  setup: v.looseObject({
    nodes: v.pipe(
      v.array(
        v.looseObject({
          name: v.pipe(v.string(), v.regex(/^[A-Z]$/)),
          replicaof: v.nullable(v.string()),
          config: v.optional(v.record(v.string(), v.string())),
        }),
      ),
      v.minLength(1),
      v.maxLength(7),
    ),
    config: v.optional(v.record(v.string(), v.string())),
  }),
  scenario: v.optional(v.string()),
  inputs: v.array(v.object({ at: v.pipe(v.number(), v.integer(), v.minValue(0)), input: labInput })),
});

/** The run record from #run=…, validated; throws an Error with a readable message. */
export async function decodeRun(text: string): Promise<RunRecord> {
  let raw: unknown;
  try {
    const json = await pipeThrough(fromBase64Url(text), new DecompressionStream('deflate-raw'));
    raw = JSON.parse(new TextDecoder().decode(json));
  } catch {
    throw new Error('the #run= part is not a run this lab wrote');
  }
  const r = v.safeParse(runSchema, raw);
  if (!r.success) throw new Error(`the #run= part is not a valid run: ${r.issues[0]?.message ?? 'invalid'}`);
  return r.output as unknown as RunRecord;
}
