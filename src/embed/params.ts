// The embed URL: ?embed=1&scenario=NAME[&chapter=N][&controls=min|full][&parent=https://origin]
// (plus the lab's own &seed= and &lang=). Parsing never throws: each bad part becomes a Redis-style
// problem the widget states, and a safe default (no parent: the API stays closed).
import { SCENARIO_NAME } from '../store/url.ts';

export type Controls = 'min' | 'full';

export interface EmbedParams {
  /** The scenario the widget is locked to (no picker), or null (the default lab, with a picker). */
  scenario: string | null;
  /** Lesson 27's chapter to open (1-based), instead of a scenario. */
  chapter: number | null;
  controls: Controls;
  /**
   * The only origin messages are taken from and sent to (`https://course.example`). Null: the API
   * is closed — nothing received is read, nothing is sent (a page that did not say who it is gets
   * no events: they would have to go to '*').
   */
  parent: string | null;
  problems: string[];
}

export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

const clip = (s: string) => s.slice(0, 80);

/** The origin of an http(s) URL, or null (file:, data:, javascript:, opaque or unparsable). */
export function originOf(text: string): string | null {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function parseEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const sc = q.get('scenario');
  let scenario: string | null = null;
  if (sc !== null && sc !== '') {
    if (SCENARIO_NAME.test(sc)) scenario = sc;
    else problems.push(`ERR invalid scenario name '${clip(sc)}'`);
  }
  const ch = q.get('chapter');
  let chapter: number | null = null;
  if (ch !== null) {
    if (/^\d{1,2}$/.test(ch) && Number(ch) >= 1) chapter = Number(ch);
    else problems.push(`ERR invalid chapter '${clip(ch)}': a chapter number from 1`);
  }
  const c = q.get('controls') ?? 'full';
  let controls: Controls = 'full';
  if (c === 'min' || c === 'full') controls = c;
  else problems.push(`ERR invalid controls '${clip(c)}': min or full`);
  const p = q.get('parent');
  let parent: string | null = null;
  if (p !== null) {
    parent = originOf(p);
    if (parent === null)
      problems.push(`ERR invalid parent '${clip(p)}': an http(s) origin such as https://course.example`);
  }
  return { scenario, chapter, controls, parent, problems };
}

/** Whether a received message is read: from the parent window, at exactly the named origin. */
export function fromParent(
  ev: { origin: string; source: unknown },
  parent: string | null,
  parentWindow: unknown,
): boolean {
  // An opaque origin ("null": sandboxed frames, file:) names nobody in particular: never read.
  return (
    parent !== null &&
    parent !== 'null' &&
    ev.origin === parent &&
    ev.source === parentWindow &&
    parentWindow !== null
  );
}
