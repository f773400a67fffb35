// Share-link fuzz: #run= texts cut short, altered, oversized, deflate bombs, another version, and
// script-injection strings in every string field. Each is either refused with a message that
// starts "the #run= part" (never another exception), or read as a record the worker's Session
// loads without throwing. Seeded (PRNG from the conformance suite), so a failure names its case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/conformance/random/prng.ts';
import { ENGINE_RUN_VERSION, type RunRecord, scenarioToRun } from '../engine/index.ts';
import { Session } from '../worker/session.ts';
import { atPart, decodeRun, MAX_LINK_AT_MS, MAX_RUN_JSON, MAX_RUN_TEXT } from './run-codec.ts';
import { encodeRun, pipeThrough } from './url.ts';

const INJECTIONS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(document.cookie)</script>',
  'javascript:alert(1)',
  ['$', '{alert(1)}'].join(''), // a template placeholder
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  '\u202e\u0000\ud800',
];

function sampleRecord(): RunRecord {
  const json = JSON.parse(readFileSync('scenarios/b_short_drop_partial.json', 'utf8'));
  const { record } = scenarioToRun(json, 3);
  const last = record.inputs[record.inputs.length - 1].at;
  record.inputs.push(
    { at: last + 1000, input: { type: 'write', node: 'A', count: 5 } },
    { at: last + 2000, input: { type: 'command', node: 'B', argv: ['CONFIG', 'SET', 'repl-timeout', '5'] } },
  );
  record.setup.config = { ...(record.setup.config ?? {}), 'repl-backlog-size': '16384' };
  return record;
}

/** Every string in a JSON value, by path. */
function stringPaths(x: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof x === 'string') return [path];
  if (Array.isArray(x)) return x.flatMap((y, i) => stringPaths(y, [...path, i]));
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, y]) => stringPaths(y, [...path, k]));
  return [];
}

function setAt(x: unknown, path: (string | number)[], value: unknown): void {
  let cur = x as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
}

async function encodeJson(json: string): Promise<string> {
  const bytes = await pipeThrough(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return Buffer.from(bytes).toString('base64url');
}

/** decodeRun's verdict: the record, or the message (any other exception fails the test). */
async function verdict(text: string): Promise<RunRecord | string> {
  try {
    return await decodeRun(text);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    const m = (e as Error).message;
    expect(m).toMatch(/^the #run= part /);
    return m;
  }
}

/** A decoded record must load in the worker's session (ready or a load error), never throw. */
function loads(record: RunRecord): string {
  const r = new Session().handle({ type: 'load', seed: record.seed, source: { kind: 'run', record } });
  expect(['ready', 'load-error']).toContain(r.type);
  return r.type;
}

describe('#run= fuzz', () => {
  it('a good link round-trips and loads', async () => {
    const rec = sampleRecord();
    const got = await verdict(await encodeRun(rec));
    expect(got).toEqual(rec);
    expect(loads(got as RunRecord)).toBe('ready');
  });

  it('cut short anywhere, or altered: a clear message or a run that loads', async () => {
    const text = await encodeRun(sampleRecord());
    const r = new Prng(7);
    let refused = 0;
    for (let k = 0; k < 300; k++) {
      const cut = k < 150 ? text.slice(0, r.int(0, text.length - 1)) : text;
      const chars = cut.split('');
      if (k >= 150)
        for (let j = 0; j < r.int(1, 4); j++) chars[r.int(0, chars.length - 1)] = r.pick([...'Az09-_']);
      const got = await verdict(chars.join(''));
      if (typeof got === 'string') refused++;
      else loads(got);
    }
    expect(refused).toBeGreaterThan(250);
  });

  it('too long, or a deflate bomb: refused before anything is parsed', async () => {
    expect(await verdict('A'.repeat(MAX_RUN_TEXT + 1))).toMatch(
      /too long \(262145 characters; .* at most 262144\)/,
    );
    const bomb = await encodeJson(`{"engineVersion":1,"pad":"${' '.repeat(MAX_RUN_JSON)}"}`);
    expect(bomb.length).toBeLessThan(MAX_RUN_TEXT);
    expect(await verdict(bomb)).toMatch(/unpacks to more than 4194304 bytes/);
  });

  it('the era of an older-protocol run round-trips and loads; an unknown era is refused', async () => {
    const json = JSON.parse(readFileSync('scenarios/era_master_restart_psync1.json', 'utf8'));
    const { record } = scenarioToRun(json, 3);
    expect(record.setup.era).toBe('psync1');
    const got = await verdict(await encodeRun(record));
    expect(got).toEqual(record);
    expect(loads(got as RunRecord)).toBe('ready');
    const bad = { ...record, setup: { ...record.setup, era: 'psync3' } };
    expect(await verdict(await encodeJson(JSON.stringify(bad)))).toMatch(
      /^the #run= part is not a valid run: setup\.era: the era is one of sync, psync1, psync2/,
    );
  });

  it('another version: says so', async () => {
    const rec = { ...sampleRecord(), engineVersion: ENGINE_RUN_VERSION + 1 };
    expect(await verdict(await encodeRun(rec))).toBe(
      `the #run= part was made by another version of the lab (run format ${ENGINE_RUN_VERSION + 1}; this lab reads ${ENGINE_RUN_VERSION})`,
    );
  });

  it('wrong shapes name the field', async () => {
    const bad = (mut: (r: Record<string, unknown>) => void) => {
      const r = structuredClone(sampleRecord()) as unknown as Record<string, unknown>;
      mut(r);
      return encodeJson(JSON.stringify(r));
    };
    expect(
      await verdict(
        await bad(
          (r) => ((r.inputs as unknown[])[0] = { at: 1, input: { type: 'command', node: 'A', argv: 'SET' } }),
        ),
      ),
    ).toMatch(/^the #run= part is not a valid run: inputs\.0\.input/);
    expect(await verdict(await bad((r) => ((r.inputs as { at: number }[])[0].at = 1e15)))).toMatch(
      /inputs\.0\.at/,
    );
    expect(
      await verdict(
        await bad((r) => ((r.setup as { config: object }).config = { 'repl-backlog-size': 'lots' })),
      ),
    ).toMatch(/config value is not valid/);
    expect(
      await verdict(
        await bad((r) => ((r.setup as { nodes: unknown[] }).nodes[1] = { name: 'B', replicaof: 'Z' })),
      ),
    ).toMatch(/replicates another node/);
  });

  it('script-injection strings in every string field: refused, or kept as plain data that loads', async () => {
    const base = sampleRecord();
    const paths = stringPaths(base);
    expect(paths.length).toBeGreaterThan(20);
    let accepted = 0;
    for (const [k, path] of paths.entries()) {
      const rec = structuredClone(base);
      const evil = INJECTIONS[k % INJECTIONS.length];
      setAt(rec, path, evil);
      const got = await verdict(await encodeJson(JSON.stringify(rec)));
      if (typeof got === 'string') continue;
      accepted++;
      // Accepted only where any text is data (a typed command's arguments, a free-text config value).
      expect(JSON.stringify(got)).toContain(JSON.stringify(evil).slice(1, -1));
      expect(loads(got)).toMatch(/ready|load-error/);
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('&t= beside #run=: the moment the link opens at', () => {
  it('reads whole ms up to two hours; anything else is stated as bad', () => {
    expect(atPart('#run=abc&t=1500')).toEqual({ ms: 1500, bad: null });
    expect(atPart('#run=abc&ghost=xyz&t=42')).toEqual({ ms: 42, bad: null });
    expect(atPart('#run=abc')).toEqual({ ms: null, bad: null });
    expect(atPart('#t=5')).toEqual({ ms: null, bad: null }); // no run: nothing to place
    expect(atPart(`#run=abc&t=${MAX_LINK_AT_MS}`).ms).toBe(MAX_LINK_AT_MS);
    for (const v of ['-1', '1.5', 'abc', '', String(MAX_LINK_AT_MS + 1), '123456789012'])
      expect(atPart(`#run=abc&t=${v}`)).toEqual({ ms: null, bad: v });
  });
});
