// SORT and SORT_RO (sort.c sortCommandGeneric) over a list, a set or a sorted set.
//   SORT key [BY pattern] [LIMIT offset count] [GET pattern …] [ASC|DESC] [ALPHA] [STORE dst]
// Options first (a syntax error, or LIMIT's `value is not an integer or out of range`), then the
// key (missing: empty; a string or hash: WRONGTYPE). Numeric by default: each element (or its BY
// value) is read by strtod, anything else `One or more scores can't be converted into double`;
// equal scores fall back to the element's bytes. ALPHA compares bytes (the C locale's strcoll).
// BY a pattern without `*` does not sort (list and zset order, DESC reversed) — except a set with
// STORE or inside a script, which is sorted ALPHA so every replica gets the same list.
// Patterns: `*` is replaced by the element, `key->field` reads a hash field, `GET #` the element.
// STORE writes a list (GET of nothing stores ""), or deletes dst when the result is empty; it
// propagates as typed (observed on 7.0.15: `SORT l STORE dst` +41 bytes; `SORT nokey STORE dst`
// +45 when dst existed, then +0). Without STORE nothing is propagated.
// Not modelled: Redis 7.0.15 does not clear errno before strtod, so once a SORT met an
// out-of-range score (1e400) its later numeric SORTs may keep failing until errno changes; the
// lab answers each SORT on its own. Ties under BY … ALPHA come out in Redis's input order (a
// stable qsort) — a list's order, but a set's or zset's hash-table order, or its partial
// quicksort's with a narrowing LIMIT: the lab refuses those ties (errors.ts), it cannot know them.
import { arr, bulk, err, int, NIL, type Reply } from '../core/resp.ts';
import { compareBytes } from './bytes.ts';
import { type Call, fail, type Handler } from './call.ts';
import { LAB_SORT_TIES, NOT_INTEGER, SYNTAX, WRONGTYPE } from './errors.ts';
import { parseDouble, parseInt64, toSafeNumber } from './numbers.ts';
import { setMembers } from './sets.ts';
import { zsetEntries } from './zsets.ts';

interface SortOptions {
  desc: boolean;
  alpha: boolean;
  offset: number;
  count: number;
  by: string | null;
  dontsort: boolean;
  gets: string[];
  store: string | null;
}

const NOT_DOUBLE = err("ERR One or more scores can't be converted into double");
function parseSortOptions(argv: readonly string[], readonly: boolean): SortOptions {
  const o: SortOptions = {
    desc: false,
    alpha: false,
    offset: 0,
    count: -1,
    by: null,
    dontsort: false,
    gets: [],
    store: null,
  };
  for (let j = 2; j < argv.length; j++) {
    const w = argv[j].toLowerCase();
    const left = argv.length - j - 1;
    if (w === 'asc' || w === 'desc') o.desc = w === 'desc';
    else if (w === 'alpha') o.alpha = true;
    else if (w === 'limit' && left >= 2) {
      o.offset = toSafeNumber(parseInt64(argv[j + 1]) ?? fail(NOT_INTEGER));
      o.count = toSafeNumber(parseInt64(argv[j + 2]) ?? fail(NOT_INTEGER));
      j += 2;
    } else if (w === 'store' && !readonly && left >= 1) o.store = argv[++j];
    else if (w === 'by' && left >= 1) {
      o.by = argv[++j];
      o.dontsort = !o.by.includes('*');
    } else if (w === 'get' && left >= 1) o.gets.push(argv[++j]);
    else fail(SYNTAX);
  }
  return o;
}

/**
 * lookupKeyByPattern: `#` is the element itself; else the first `*` is replaced by the element and
 * the key read (a string; with `->field` after the `*`, that field of a hash); anything else, or a
 * pattern without `*`, is nothing (undefined).   w_* on "3" → the string at w_3; h_*->f → HGET h_3 f.
 */
function byPattern(c: Call, pattern: string, element: string): string | undefined {
  if (pattern === '#') return element;
  const star = pattern.indexOf('*');
  if (star < 0) return undefined;
  const arrow = pattern.indexOf('->', star + 1);
  const field = arrow >= 0 && arrow + 2 < pattern.length ? pattern.slice(arrow + 2) : null;
  const key = pattern.slice(0, star) + element + pattern.slice(star + 1, field === null ? undefined : arrow);
  const v = c.read(key);
  if (v === undefined) return undefined;
  if (field !== null) return typeof v !== 'string' && v.type === 'hash' ? v.fields.get(field) : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * SORT's strtod: leading blanks skipped, hex and inf taken, "" is 0 (strtod stops at once on the
 * terminating NUL); blanks only, trailing junk, NaN and out of range (1e400) are not numbers.
 */
function sortScore(text: string): number | null {
  const s = text.split('\0')[0];
  if (s === '') return 0;
  const body = s.replace(/^[ \t\n\v\f\r]+/, '');
  return body === '' ? null : parseDouble(body);
}

/** The elements to sort, in Redis's input order, and whether that order is a hash table's. */
function elementsOf(
  c: Call,
  key: string,
): { items: string[]; hashOrder: boolean; kind: 'list' | 'set' | 'zset' } {
  const v = c.read(key);
  if (v === undefined) return { items: [], hashOrder: false, kind: 'list' };
  if (typeof v === 'string' || v.type === 'hash') fail(WRONGTYPE);
  if (v.type === 'list') return { items: v.items, hashOrder: false, kind: 'list' };
  if (v.type === 'set') return { items: setMembers(v), hashOrder: v.enc !== 'intset', kind: 'set' };
  return { items: zsetEntries(v).map(([m]) => m), hashOrder: true, kind: 'zset' };
}

interface Sortable {
  el: string;
  score: number;
  /** The BY value for ALPHA (null: the key is missing, sorted first). */
  cmp: string | null;
}

/** The sorted elements, or NOT_DOUBLE when a numeric score does not parse. */
function sortElements(c: Call, o: SortOptions, items: string[]): Sortable[] | Reply {
  const vector: Sortable[] = [];
  let bad = false;
  for (const el of items) {
    const byval = o.by ? byPattern(c, o.by, el) : el;
    const s: Sortable = { el, score: 0, cmp: null };
    if (byval !== undefined && o.alpha) s.cmp = o.by ? byval : null;
    else if (byval !== undefined) {
      const score = sortScore(byval);
      if (score === null) bad = true;
      else s.score = score;
    }
    vector.push(s);
  }
  const sign = o.desc ? -1 : 1;
  const compare = (a: Sortable, b: Sortable): number => {
    if (!o.alpha) return a.score !== b.score ? (a.score > b.score ? 1 : -1) : compareBytes(a.el, b.el);
    if (!o.by) return compareBytes(a.el, b.el);
    if (a.cmp === null || b.cmp === null) return a.cmp === b.cmp ? 0 : a.cmp === null ? -1 : 1;
    return compareBytes(a.cmp, b.cmp);
  };
  vector.sort((a, b) => sign * compare(a, b)); // stable, as glibc's qsort (a merge sort)
  return bad ? NOT_DOUBLE : vector;
}

/**
 * Whether two different elements tie under BY … ALPHA where the output [start, end) shows them: their
 * order (and, at the window's edge, which of them is shown) is Redis's input order then.
 */
function alphaTiesShown(o: SortOptions, vector: Sortable[], start: number, end: number): boolean {
  if (!o.alpha || !o.by) return false;
  for (let i = 1; i < vector.length; i++) {
    const [a, b] = [vector[i - 1], vector[i]];
    const shown = (i - 1 >= start && i - 1 < end) || (i >= start && i < end);
    if (shown && a.el !== b.el && a.cmp === b.cmp) return true;
  }
  return false;
}

/** The elements [start, end) SORT outputs, sorted unless BY names no `*` pattern. */
function sortedRange(c: Call, o: SortOptions): string[] | Reply {
  const src = elementsOf(c, c.argv[1]);
  if (o.dontsort && src.kind === 'set' && (o.store !== null || c.inScript)) {
    o.dontsort = false;
    o.alpha = true;
    o.by = null;
  }
  const n = src.items.length;
  const start = Math.min(Math.max(o.offset, 0), n);
  const count = Math.min(Math.max(o.count, -1), n);
  const end = count < 0 ? n : Math.min(start + count, n);
  if (o.dontsort) {
    // a list or zset in its own order (DESC from the end); a set in its iteration order
    const ordered = o.desc && src.kind !== 'set' ? src.items.slice().reverse() : src.items;
    return ordered.slice(start, end);
  }
  const sorted = sortElements(c, o, src.items);
  if (!Array.isArray(sorted)) return sorted;
  const partial = o.by !== null && (start !== 0 || end !== n); // pqsort, not qsort
  if ((src.hashOrder || partial) && alphaTiesShown(o, sorted, start, end)) fail(LAB_SORT_TIES);
  return sorted.slice(start, end).map((s) => s.el);
}

function sortGeneric(readonly: boolean): Handler {
  return (c) => {
    const o = parseSortOptions(c.argv, readonly);
    const picked = sortedRange(c, o);
    if (!Array.isArray(picked)) return picked;
    const { gets, store } = o;
    if (store === null) {
      const out: Reply[] = [];
      for (const el of picked) {
        if (gets.length === 0) out.push(bulk(el));
        for (const p of gets) {
          const v = byPattern(c, p, el);
          out.push(v === undefined ? NIL : bulk(v));
        }
      }
      return arr(out);
    }
    const items =
      gets.length === 0 ? picked : picked.flatMap((el) => gets.map((p) => byPattern(c, p, el) ?? ''));
    c.storeOrDelete(store, items.length === 0 ? null : { type: 'list', owner: c.db.owner, items });
    return int(items.length);
  };
}

export const SORT_COMMANDS: Record<string, Handler> = {
  sort: sortGeneric(false),
  sort_ro: sortGeneric(true),
};
