// Sorted-set commands (t_zset.c): ZADD ZINCRBY ZRANGE ZREVRANGE ZRANGEBYSCORE ZSCORE ZCARD ZREM
// ZREMRANGEBYRANK|SCORE|LEX (zset-ranks.ts has ranks, counts and pops; zset-store.ts the union,
// intersection and difference, and ZRANGESTORE).
//   ZADD propagates as typed only when a member was added or its score changed (`ZADD z 1 a`
//   twice: the second propagates nothing; `ZADD z INCR 0 a` replies the score, propagates nothing).
//   Scores are doubles printed with "%.17g" as 7.0 does: 1.1 → "1.1000000000000001", 1e20 → "1e+20".
// Order: score, then member bytes. Encoding: listpack until more than 128 members or a member
// longer than 64 bytes (only the RDB estimate cares).
import { arr, bulk, err, int, NIL, type Reply, utf8Length } from '../core/resp.ts';
import { compareBytes } from './bytes.ts';
import { type Call, fail, type Handler } from './call.ts';
import { formatDouble17g } from './decimal.ts';
import { NOT_FLOAT, NOT_INTEGER, SYNTAX } from './errors.ts';
import { removeMembers } from './members.ts';
import { parseDouble, parseFloatLiteral, parseInt64, toSafeNumber } from './numbers.ts';
import { LIMITS, type ZsetValue } from './values.ts';

/** Members in (score, member bytes) order, cached until the next change. */
export function zsetEntries(z: ZsetValue): [string, number][] {
  if (!z.sorted) {
    z.sorted = [...z.scores].sort((a, b) =>
      a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : compareBytes(a[0], b[0]),
    );
  }
  return z.sorted;
}

interface ZaddFlags {
  nx: boolean;
  xx: boolean;
  ch: boolean;
  incr: boolean;
  gt: boolean;
  lt: boolean;
}

const longMember = (m: string) =>
  m.length > LIMITS.zsetMaxListpackValue || utf8Length(m) > LIMITS.zsetMaxListpackValue;

/** A listpack zset holds at most 128 members, none longer than 64 bytes. */
export function zsetListpackFits(scores: Map<string, number>): boolean {
  if (scores.size > LIMITS.zsetMaxListpackEntries) return false;
  for (const m of scores.keys()) if (longMember(m)) return false;
  return true;
}

/**
 * zaddGenericCommand: options, then "pairs or syntax error", the option conflicts, every score
 * (`value is not a valid float`), and only then the key. XX on a missing key replies 0 / nil.
 */
const zadd: Handler = (c) => {
  const f: ZaddFlags = { nx: false, xx: false, ch: false, incr: false, gt: false, lt: false };
  let i = 2;
  for (; i < c.argv.length; i++) {
    const w = c.argv[i].toLowerCase();
    if (w === 'nx' || w === 'xx' || w === 'ch' || w === 'incr' || w === 'gt' || w === 'lt') f[w] = true;
    else break;
  }
  return zaddGeneric(c, f, c.argv.slice(i));
};

/** ZINCRBY key increment member: ZADD's INCR form (reply the new score; an increment of 0 propagates nothing). */
const zincrby: Handler = (c) =>
  zaddGeneric(c, { nx: false, xx: false, ch: false, incr: true, gt: false, lt: false }, c.argv.slice(2));

/** zaddGenericCommand after the flags: `rest` is the score-member pairs. */
function zaddGeneric(c: Call, f: ZaddFlags, rest: string[]): Reply {
  const key = c.argv[1];
  if (rest.length === 0 || rest.length % 2 === 1) fail(SYNTAX);
  if (f.nx && f.xx) fail(err('ERR XX and NX options at the same time are not compatible'));
  if ((f.gt && f.nx) || (f.lt && f.nx) || (f.gt && f.lt)) {
    fail(err('ERR GT, LT, and/or NX options at the same time are not compatible'));
  }
  if (f.incr && rest.length > 2) fail(err('ERR INCR option supports a single increment-element pair'));
  const pairs: [number, string][] = [];
  for (let j = 0; j < rest.length; j += 2) pairs.push([parseDouble(rest[j]) ?? fail(NOT_FLOAT), rest[j + 1]]);

  const found = c.writeAs(key, 'zset');
  if (!found && f.xx) return f.incr ? NIL : int(0);
  let z: ZsetValue;
  let owned = !found;
  if (found) z = found;
  else {
    const big = pairs.length > LIMITS.zsetMaxListpackEntries || pairs.some(([, m]) => longMember(m));
    z = {
      type: 'zset',
      owner: c.db.owner,
      scores: new Map(),
      enc: big ? 'skiplist' : 'listpack',
      sorted: null,
    };
    c.add(key, z);
  }
  /** Copy-on-write only once something really changes (a no-op ZADD leaves the key untouched). */
  const set = (member: string, score: number) => {
    if (!owned) {
      z = c.mutable(key, z);
      owned = true;
    }
    // A listpack stores the score as text (d2string), which writes -0 as "0": checked on 7.0.15,
    // `ZADD z -0 k` then `ZSCORE z k` → "0" (a skiplist keeps -0 and prints "-0").
    z.scores.set(member, z.enc === 'listpack' && Object.is(score, -0) ? 0 : score);
    z.sorted = null;
  };
  let added = 0;
  let updated = 0;
  let processed = 0;
  let last = 0;
  for (const [score, member] of pairs) {
    const cur = z.scores.get(member);
    let next = score;
    if (cur !== undefined) {
      if (f.nx) continue;
      if (f.incr) {
        next = cur + score;
        if (Number.isNaN(next)) fail(err('ERR resulting score is not a number (NaN)'));
      }
      if ((f.lt && next >= cur) || (f.gt && next <= cur)) continue;
      if (next !== cur) {
        set(member, next);
        updated++;
      }
    } else {
      if (f.xx) continue;
      set(member, next);
      added++;
      if (z.enc === 'listpack' && (z.scores.size > LIMITS.zsetMaxListpackEntries || longMember(member))) {
        z.enc = 'skiplist';
      }
    }
    processed++;
    last = next;
  }
  if (added + updated > 0) c.propagateAsIs();
  if (f.incr) return processed > 0 ? bulk(formatDouble17g(last)) : NIL;
  return int(f.ch ? added + updated : added);
}

const zrem: Handler = (c) => removeMembers(c, 'zset');

const zscore: Handler = (c) => {
  const s = c.readAs(c.argv[1], 'zset')?.scores.get(c.argv[2]);
  return s === undefined ? NIL : bulk(formatDouble17g(s));
};

const zcard: Handler = (c) => int(c.readAs(c.argv[1], 'zset')?.scores.size ?? 0);

// --- ZRANGE -------------------------------------------------------------------------------------

export interface Bound<T> {
  value: T;
  exclusive: boolean;
}

/**
 * zslParseRange's number: plain strtod over the whole rest, so unlike ZADD it skips leading
 * blanks, saturates 1e400 to inf and takes "" as 0; only NaN and trailing junk are refused.
 */
export function parseScoreBound(s: string): Bound<number> | null {
  const exclusive = s.startsWith('(');
  const text = (exclusive ? s.slice(1) : s).replace(/^[ \t\n\v\f\r]+/, '');
  if (text === '') return { value: 0, exclusive };
  const lit = parseFloatLiteral(text);
  if (!lit) return null;
  if (lit.kind === 'inf') return { value: lit.neg ? -Infinity : Infinity, exclusive };
  const v = lit.kind === 'decimal' ? Number(text) : (lit.neg ? -1 : 1) * Number(lit.mant) * 2 ** lit.exp2;
  return Number.isNaN(v) ? null : { value: v, exclusive };
}

type LexBound = Bound<string> | '-' | '+';

function parseLexBound(s: string): LexBound | null {
  if (s === '+' || s === '-') return s;
  if (s.startsWith('(') || s.startsWith('[')) return { value: s.slice(1), exclusive: s[0] === '(' };
  return null;
}

function lexAbove(m: string, min: LexBound): boolean {
  if (min === '-') return true;
  if (min === '+') return false;
  const d = compareBytes(m, min.value);
  return min.exclusive ? d > 0 : d >= 0;
}

function lexBelow(m: string, max: LexBound): boolean {
  if (max === '+') return true;
  if (max === '-') return false;
  const d = compareBytes(m, max.value);
  return max.exclusive ? d < 0 : d <= 0;
}

export interface RangeOptions {
  withScores: boolean;
  rev: boolean;
  by: 'rank' | 'score' | 'lex';
  offset: number;
  limit: number;
}

/**
 * ZRANGE's options, from argv[first]; ZREVRANGE / ZRANGEBYSCORE (`fixed`) take only WITHSCORES and
 * LIMIT, ZRANGESTORE (`store`, options from argv[5]) no WITHSCORES.
 */
export function parseRangeOptions(
  c: Call,
  fixed?: Pick<RangeOptions, 'by' | 'rev'>,
  store = false,
): RangeOptions {
  const o: RangeOptions = { withScores: false, rev: false, by: 'rank', offset: 0, limit: -1, ...fixed };
  let byGiven = fixed !== undefined;
  let limitGiven = false;
  for (let j = store ? 5 : 4; j < c.argv.length; j++) {
    const w = c.argv[j].toLowerCase();
    const left = c.argv.length - j - 1;
    if (w === 'withscores' && !store) o.withScores = true;
    else if (w === 'limit' && left >= 2) {
      o.offset = toSafeNumber(parseInt64(c.argv[j + 1]) ?? fail(NOT_INTEGER));
      o.limit = toSafeNumber(parseInt64(c.argv[j + 2]) ?? fail(NOT_INTEGER));
      limitGiven = true;
      j += 2;
    } else if (w === 'rev' && !fixed && !o.rev) o.rev = true;
    else if ((w === 'byscore' || w === 'bylex') && !byGiven) {
      o.by = w === 'byscore' ? 'score' : 'lex';
      byGiven = true;
    } else fail(SYNTAX);
  }
  if (limitGiven && o.limit !== -1 && o.by === 'rank') {
    fail(err('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX'));
  }
  if (o.withScores && o.by === 'lex') {
    fail(err('ERR syntax error, WITHSCORES not supported in combination with BYLEX'));
  }
  return o;
}

/** Walk `entries` in the range's direction, keep what `inRange` accepts, apply LIMIT. */
function walk(
  entries: [string, number][],
  o: RangeOptions,
  from: (e: [string, number]) => boolean,
  to: (e: [string, number]) => boolean,
): [string, number][] {
  const ordered = o.rev ? entries.slice().reverse() : entries;
  const out: [string, number][] = [];
  if (o.offset < 0) return out;
  let skip = o.offset;
  let started = false;
  for (const e of ordered) {
    if (!started) {
      if (!from(e)) continue;
      started = true;
    }
    if (!to(e)) break;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (o.limit >= 0 && out.length >= o.limit) break;
    out.push(e);
  }
  return out;
}

/**
 * ZRANGE key min max [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] (zrangeGenericCommand):
 * options, their conflicts, the range (REV swaps min and max for BYSCORE/BYLEX), then the key.
 */
function zrangeGeneric(fixed?: Pick<RangeOptions, 'by' | 'rev'>): Handler {
  return (c) => zrangeReply(c, parseRangeOptions(c, fixed));
}

/**
 * The entries of a range, in reply order: by rank (negative counts from the end, REV walks from
 * the top), by score or by lex bounds (LIMIT applied by `walk`). Bounds are parsed here, so a bad
 * one fails before the key is read (ZRANGE and ZREMRANGEBY* alike).
 */
function rangeSelector(
  o: RangeOptions,
  minText: string,
  maxText: string,
): (entries: [string, number][]) => [string, number][] {
  if (o.by === 'rank') {
    const startIn = toSafeNumber(parseInt64(minText) ?? fail(NOT_INTEGER));
    const endIn = toSafeNumber(parseInt64(maxText) ?? fail(NOT_INTEGER));
    return (entries) => {
      const len = entries.length;
      let start = startIn < 0 ? startIn + len : startIn;
      let end = endIn < 0 ? endIn + len : endIn;
      if (start < 0) start = 0;
      if (start > end || start >= len) return [];
      if (end >= len) end = len - 1;
      const ordered = o.rev ? entries.slice().reverse() : entries;
      return ordered.slice(start, end + 1);
    };
  }
  let above: (e: [string, number]) => boolean;
  let below: (e: [string, number]) => boolean;
  if (o.by === 'score') {
    const min = parseScoreBound(minText);
    const max = parseScoreBound(maxText);
    if (!min || !max) fail(err('ERR min or max is not a float'));
    above = ([, s]) => (min.exclusive ? s > min.value : s >= min.value);
    below = ([, s]) => (max.exclusive ? s < max.value : s <= max.value);
  } else {
    const min = parseLexBound(minText);
    const max = parseLexBound(maxText);
    if (!min || !max) fail(err('ERR min or max not valid string range item'));
    above = ([m]) => lexAbove(m, min);
    below = ([m]) => lexBelow(m, max);
  }
  return (entries) => (o.rev ? walk(entries, o, below, above) : walk(entries, o, above, below));
}

/** The range of the zset at argv[src] with bounds argv[src + 1], argv[src + 2] (null: no such key). */
export function zrangeSelect(c: Call, o: RangeOptions, src: number): [string, number][] | null {
  let [minText, maxText] = [c.argv[src + 1], c.argv[src + 2]];
  if (o.rev && o.by !== 'rank') [minText, maxText] = [maxText, minText];
  const select = rangeSelector(o, minText, maxText);
  const z = c.readAs(c.argv[src], 'zset');
  return z ? select(zsetEntries(z)) : null;
}

function zrangeReply(c: Call, o: RangeOptions): Reply {
  const range = zrangeSelect(c, o, 1);
  if (!range) return arr([]);
  const out: Reply[] = [];
  for (const [m, s] of range) {
    out.push(bulk(m));
    if (o.withScores) out.push(bulk(formatDouble17g(s)));
  }
  return arr(out);
}

/**
 * ZREMRANGEBYRANK / ZREMRANGEBYSCORE / ZREMRANGEBYLEX key min max (zremrangeGenericCommand): the
 * range first, with ZRANGE's errors, then the key (missing: 0); the reply is how many went. Propagated
 * as typed when something went (server.dirty += deleted); a zset left empty is deleted.
 */
function zremrange(by: 'rank' | 'score' | 'lex'): Handler {
  return (c) => {
    const o: RangeOptions = { withScores: false, rev: false, by, offset: 0, limit: -1 };
    const select = rangeSelector(o, c.argv[2], c.argv[3]);
    const key = c.argv[1];
    const found = c.writeAs(key, 'zset');
    if (!found) return int(0);
    const gone = select(zsetEntries(found));
    if (gone.length === 0) return int(0);
    const z = c.mutable(key, found);
    for (const [m] of gone) z.scores.delete(m);
    z.sorted = null;
    c.deleteIfEmpty(key, z.scores.size);
    c.propagateAsIs();
    return int(gone.length);
  };
}

export const ZSET_COMMANDS: Record<string, Handler> = {
  zadd,
  zincrby,
  zrange: zrangeGeneric(),
  zrevrange: zrangeGeneric({ by: 'rank', rev: true }),
  zrangebyscore: zrangeGeneric({ by: 'score', rev: false }),
  zscore,
  zcard,
  zrem,
  zremrangebyrank: zremrange('rank'),
  zremrangebyscore: zremrange('score'),
  zremrangebylex: zremrange('lex'),
};
