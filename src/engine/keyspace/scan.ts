// SCAN, SSCAN, HSCAN, ZSCAN (db.c scanGenericCommand): read-only, never propagated — except the
// DEL of a key whose TTL passed, which SCAN on a master deletes as it meets it (expireIfNeeded).
//
// Redis walks its hash table with a reverse-binary cursor, so the order depends on its table. The
// lab walks elements in the order of a fixed 32-bit hash of their text (FNV-1a); the cursor is the
// next hash to visit. Redis's guarantees hold: an element present from the first call to the last
// is returned (an element never moves, whatever is added or deleted; here not even twice), and a
// finished iteration answers cursor 0. The order differs from Redis's, as SCAN's contract allows.
//   Like Redis: COUNT (default 10) is how many elements a call visits, before MATCH and TYPE
//   filter them (a call may return fewer, even none, with a non-zero cursor); a small aggregate
//   (an intset or listpack encoding) comes back whole in one call with cursor 0.
import { arr, bulk, err, type Reply } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import { formatDouble17g } from './decimal.ts';
import { NOT_INTEGER, SYNTAX } from './errors.ts';
import { globMatcher } from './glob.ts';
import { parseInt64 } from './numbers.ts';
import { setMembers } from './sets.ts';
import { type HashValue, type SetValue, typeOf, type ZsetValue } from './values.ts';
import { zsetEntries } from './zsets.ts';

const INVALID_CURSOR = err('ERR invalid cursor');
const EMPTY_SCAN: Reply = arr([bulk('0'), arr([])]);

/** FNV-1a over the UTF-16 code units: where an element sits in the lab's scan order. */
export function scanHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Options {
  cursor: number;
  count: number;
  match: ((s: string) => boolean) | null;
  type: string | null;
}

/**
 * parseScanCursorOrReply: strtoul's reading of a decimal — a sign is allowed, a negative wraps
 * around (`SCAN -1` is a cursor past everything: cursor 0, nothing); beyond 64 bits or not a
 * number, `ERR invalid cursor`. Past 32 bits the lab has nothing left to visit.
 */
function parseCursor(text: string): number {
  const m = /^([+-]?)([0-9]+)$/.exec(text);
  if (!m || BigInt(m[2]) > 0xffffffffffffffffn) fail(INVALID_CURSOR);
  const n = BigInt(m[2]);
  return m[1] === '-' && n > 0n ? 2 ** 32 : Math.min(Number(n), 2 ** 32);
}

/** COUNT / MATCH / TYPE (TYPE only for SCAN itself), from argv[first]. */
function parseOptions(argv: readonly string[], first: number, cursor: number, typeAllowed: boolean): Options {
  const o: Options = { cursor, count: 10, match: null, type: null };
  for (let j = first; j < argv.length; j += 2) {
    const opt = argv[j].toLowerCase();
    if (j + 1 >= argv.length) fail(SYNTAX);
    if (opt === 'count') {
      const n = parseInt64(argv[j + 1]);
      if (n === null) fail(NOT_INTEGER);
      if (n < 1n) fail(SYNTAX);
      o.count = Number(n > 1_000_000_000n ? 1_000_000_000n : n);
    } else if (opt === 'match') o.match = argv[j + 1] === '*' ? null : globMatcher(argv[j + 1]);
    else if (opt === 'type' && typeAllowed) o.type = argv[j + 1].toLowerCase();
    else fail(SYNTAX);
  }
  return o;
}

/**
 * One call's visit: from `cursor` in hash order, `count` elements — plus the rest of the last
 * hash visited, so a cursor never splits a hash (two elements sharing one would be lost).
 */
function visit<T>(items: readonly T[], name: (x: T) => string, cursor: number, count: number) {
  const order = items
    .map((x) => ({ x, h: scanHash(name(x)) }))
    .filter((e) => e.h >= cursor)
    .sort((a, b) => a.h - b.h);
  let n = Math.min(count, order.length);
  while (n > 0 && n < order.length && order[n].h === order[n - 1].h) n++;
  const next = n < order.length ? order[n].h : 0;
  return { seen: order.slice(0, n).map((e) => e.x), next };
}

const reply = (next: number, out: string[]): Reply => arr([bulk(String(next)), arr(out.map((s) => bulk(s)))]);

const scan: Handler = (c) => {
  const o = parseOptions(c.argv, 2, parseCursor(c.argv[1]), true);
  const { seen, next } = visit([...c.db.data.keys()], (k) => k, o.cursor, o.count);
  const out: string[] = [];
  for (const key of seen) {
    if (o.match && !o.match(key)) continue;
    const v = c.read(key); // a key whose TTL passed: a master deletes it (DEL propagated), skipped
    if (v === undefined || (o.type !== null && typeOf(v) !== o.type)) continue;
    out.push(key);
  }
  return reply(next, out);
};

/** The elements of an aggregate as SSCAN/HSCAN/ZSCAN name them: [element, its pair or null]. */
function elements(v: SetValue | HashValue | ZsetValue): { small: boolean; all: [string, string | null][] } {
  switch (v.type) {
    case 'set':
      return { small: v.enc === 'intset', all: setMembers(v).map((m) => [m, null]) };
    case 'hash':
      return { small: v.enc === 'listpack', all: [...v.fields] };
    case 'zset':
      return { small: v.enc === 'listpack', all: zsetEntries(v).map(([m, s]) => [m, formatDouble17g(s)]) };
  }
}

function scanAggregate(type: 'set' | 'hash' | 'zset'): Handler {
  return (c: Call) => {
    // As Redis: the cursor, then the key (missing: an empty scan, whatever the options), then options.
    const cursor = parseCursor(c.argv[2]);
    const v = c.readAs(c.argv[1], type);
    if (v === undefined) return EMPTY_SCAN;
    const o = parseOptions(c.argv, 3, cursor, false);
    const { small, all } = elements(v);
    const { seen, next } = small ? { seen: all, next: 0 } : visit(all, ([name]) => name, o.cursor, o.count);
    const out: string[] = [];
    for (const [name, pair] of seen) {
      if (o.match && !o.match(name)) continue;
      out.push(name);
      if (pair !== null) out.push(pair);
    }
    return reply(next, out);
  };
}

export const SCAN_COMMANDS: Record<string, Handler> = {
  scan,
  sscan: scanAggregate('set'),
  hscan: scanAggregate('hash'),
  zscan: scanAggregate('zset'),
};
