// Sorted-set ranks, counts, pops and multi-score reads (t_zset.c): ZRANK ZREVRANK ZCOUNT ZMSCORE
// ZPOPMIN ZPOPMAX ZMPOP. Order is ZRANGE's: score, then member bytes.
//   ZPOPMIN z [count] replies [member, score, …] (count parsed first: anything but a non-negative
//   integer is `value is out of range, must be positive`), propagates as typed when it popped
//   something, and deletes the key it empties.
import { arr, bulk, err, int, NIL, type Reply } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import { formatDouble17g } from './decimal.ts';
import { MUST_BE_POSITIVE, SYNTAX } from './errors.ts';
import { parseMpop } from './lists.ts';
import { parseInt64, toSafeNumber } from './numbers.ts';
import type { ZsetValue } from './values.ts';
import { parseScoreBound, zsetEntries } from './zsets.ts';

function rankGeneric(reverse: boolean): Handler {
  return (c) => {
    const z = c.readAs(c.argv[1], 'zset');
    if (!z?.scores.has(c.argv[2])) return NIL;
    const entries = zsetEntries(z);
    const i = entries.findIndex(([m]) => m === c.argv[2]);
    return int(reverse ? entries.length - 1 - i : i);
  };
}

/** ZCOUNT key min max: the range first (`min or max is not a float`), then the key. */
const zcount: Handler = (c) => {
  const min = parseScoreBound(c.argv[2]);
  const max = parseScoreBound(c.argv[3]);
  if (!min || !max) fail(err('ERR min or max is not a float'));
  const z = c.readAs(c.argv[1], 'zset');
  if (!z) return int(0);
  let n = 0;
  for (const [, s] of zsetEntries(z)) {
    const above = min.exclusive ? s > min.value : s >= min.value;
    const below = max.exclusive ? s < max.value : s <= max.value;
    if (above && below) n++;
  }
  return int(n);
};

const zmscore: Handler = (c) => {
  const z = c.readAs(c.argv[1], 'zset');
  return arr(
    c.argv.slice(2).map((m) => {
      const s = z?.scores.get(m);
      return bulk(s === undefined ? null : formatDouble17g(s));
    }),
  );
};

/**
 * Take up to `count` members off the low end (or the high end, `max`) of the zset at key, in pop
 * order; a zset left empty is deleted. What ZPOPMIN/ZPOPMAX and ZMPOP share (genericZpopCommand).
 */
function popFrom(c: Call, key: string, found: ZsetValue, count: number, max: boolean): [string, number][] {
  const entries = zsetEntries(found);
  const n = Math.min(count, entries.length);
  const popped = max ? entries.slice(entries.length - n).reverse() : entries.slice(0, n);
  const z = c.mutable(key, found);
  for (const [m] of popped) z.scores.delete(m);
  z.sorted = null;
  c.deleteIfEmpty(key, z.scores.size);
  return popped;
}

/** genericZpopCommand: ZPOPMIN/ZPOPMAX key [count]. */
function zpop(max: boolean): Handler {
  return (c) => {
    if (c.argv.length > 3) fail(SYNTAX);
    const key = c.argv[1];
    let count = 1;
    if (c.argv.length === 3) {
      const n = parseInt64(c.argv[2]);
      if (n === null || n < 0n) fail(MUST_BE_POSITIVE);
      count = toSafeNumber(n);
    }
    const found = c.writeAs(key, 'zset');
    if (!found || count === 0) return arr([]);
    const popped = popFrom(c, key, found, count, max);
    c.propagateAsIs();
    const out: Reply[] = [];
    for (const [m, s] of popped) out.push(bulk(m), bulk(formatDouble17g(s)));
    return arr(out);
  };
}

/**
 * ZMPOP numkeys key … MIN|MAX [COUNT n] (genericZpopCommand with emitkey and nested arrays): the
 * first existing key (another type: WRONGTYPE) gives up to n [member, score] pairs, replied as
 * [key, [[member, score], …]]; no key: a null array. Propagated as `ZPOPMIN|ZPOPMAX key <popped>`.
 */
const zmpop: Handler = (c) => {
  const { keys, where, count } = parseMpop(c.argv, (w) => ['min', 'max'].includes(w.toLowerCase()));
  const max = where.toLowerCase() === 'max';
  for (const key of keys) {
    const found = c.writeAs(key, 'zset');
    if (!found) continue;
    const popped = popFrom(c, key, found, count, max);
    c.also([max ? 'ZPOPMAX' : 'ZPOPMIN', key, String(popped.length)]);
    return arr([bulk(key), arr(popped.map(([m, s]) => arr([bulk(m), bulk(formatDouble17g(s))])))]);
  }
  return arr(null);
};

export const ZSET_RANK_COMMANDS: Record<string, Handler> = {
  zrank: rankGeneric(false),
  zrevrank: rankGeneric(true),
  zcount,
  zmscore,
  zpopmin: zpop(false),
  zpopmax: zpop(true),
  zmpop,
};
