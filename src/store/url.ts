// The URL contract: ?scenario=NAME&seed=N&lang=zh|en[&present=1], and #run=<deflated base64url run record>
// (then &ghost= and &t=, read by run-codec.ts).
// Parsing never throws: each bad part becomes a problem the page states, and a safe default.
import type { RunRecord } from '../engine/index.ts';
import { isLang, type Lang } from '../i18n/index.ts';

export const SCENARIO_NAME = /^[A-Za-z0-9_-]{1,80}$/;
/** localStorage key of the run kept across a reload (store/persist.ts). */
export const SAVED_RUN_KEY = 'psync-lab.run';
export const DEFAULT_SEED = 1;
const MAX_SEED = 2 ** 31 - 1;

export type UrlProblem =
  | { kind: 'seed'; value: string }
  | { kind: 'lang'; value: string }
  | { kind: 'scenario-name'; value: string }
  | { kind: 'run'; value: string };

export interface UrlRequest {
  scenario: string | null;
  seed: number;
  /** Seed given explicitly in the URL (else the default). */
  seedGiven: boolean;
  lang: Lang | null;
  /** Encoded run from the hash (decoded later: it is async). */
  run: string | null;
  /** Presenter mode (`present=1`; any other value is off). */
  present: boolean;
  problems: UrlProblem[];
}

export function parseUrl(search: string, hash: string): UrlRequest {
  const q = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  let seed = DEFAULT_SEED;
  let seedGiven = false;
  const s = q.get('seed');
  if (s !== null) {
    if (/^\d{1,10}$/.test(s.trim()) && Number(s) <= MAX_SEED) {
      seed = Number(s);
      seedGiven = true;
    } else problems.push({ kind: 'seed', value: s });
  }
  let lang: Lang | null = null;
  const l = q.get('lang');
  if (l !== null) {
    const norm = l.toLowerCase().startsWith('zh') ? 'zh' : l.toLowerCase();
    if (isLang(norm)) lang = norm;
    else problems.push({ kind: 'lang', value: l });
  }
  let scenario: string | null = null;
  const sc = q.get('scenario');
  if (sc !== null && sc !== '') {
    if (SCENARIO_NAME.test(sc)) scenario = sc;
    else problems.push({ kind: 'scenario-name', value: sc });
  }
  // Whatever follows #run= is the run: text that is not one fails to decode and is stated there
  // (`#run=@@@broken` had matched nothing and opened the default lab without a word); an empty one
  // is stated here.
  const r = /(?:^#|&)run=([^&]*)/.exec(hash);
  const run = r?.[1] ? r[1] : null;
  if (r && !run) problems.push({ kind: 'run', value: '' });
  const present = q.get('present') === '1';
  return { scenario, seed, seedGiven, lang, run, present, problems };
}

export function buildSearch(p: {
  scenario: string | null;
  seed: number;
  lang: Lang;
  present?: boolean;
}): string {
  const q = new URLSearchParams();
  if (p.scenario) q.set('scenario', p.scenario);
  q.set('seed', String(p.seed));
  q.set('lang', p.lang);
  if (p.present) q.set('present', '1');
  return `?${q.toString()}`;
}

// --- #run=…: the run record, deflated and base64url-encoded -------------------------------------

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

/** Bytes through a (de)compression stream; past `maxBytes` of output it stops with a RangeError. */
export async function pipeThrough(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new RangeError(`more than ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A run record (or a ghost part, store/what-if.ts) as deflated base64url JSON. */
export async function encodeRun(record: RunRecord | object): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(record));
  return toBase64Url(await pipeThrough(json, new CompressionStream('deflate-raw')));
}
