// List commands (t_list.c): LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LMPOP LLEN LRANGE LINDEX (list-edits.ts has
// the rest). Writes propagate as typed;
// a pop that pops nothing (missing key, count 0) propagates nothing; a list popped empty is deleted.
import { arr, bulk, err, int, NIL, type Reply } from '../core/resp.ts';
import { fail, type Handler } from './call.ts';
import { arityError } from './commands.ts';
import { MUST_BE_POSITIVE, NOT_INTEGER, SYNTAX } from './errors.ts';
import { parseInt64, toSafeNumber } from './numbers.ts';
import type { ListValue } from './values.ts';

/** getLongFromObjectOrReply, as a JS number (list indexes). */
export function index(s: string): number {
  return toSafeNumber(parseInt64(s) ?? fail(NOT_INTEGER));
}

/** pushGenericCommand: LPUSH/RPUSH create the list; LPUSHX/RPUSHX (`xx`) reply 0 without one. */
function push(left: boolean, xx = false): Handler {
  return (c) => {
    const key = c.argv[1];
    const found = c.writeAs(key, 'list');
    let list: ListValue;
    if (found) list = c.mutable(key, found);
    else if (xx) return int(0);
    else {
      list = { type: 'list', owner: c.db.owner, items: [] };
      c.add(key, list);
    }
    const values = c.argv.slice(2);
    if (left) list.items.unshift(...values.reverse());
    else list.items.push(...values);
    c.propagateAsIs();
    return int(list.items.length);
  };
}

/**
 * popGenericCommand: LPOP key [count]. The count is checked first (`value is out of range, must
 * be positive` for anything but a non-negative integer); a missing key replies a null bulk, or a
 * null array when a count was given; count 0 replies an empty array.
 */
function pop(left: boolean): Handler {
  return (c) => {
    if (c.argv.length > 3) fail(arityError(c.name));
    const key = c.argv[1];
    const withCount = c.argv.length === 3;
    let count = 1;
    if (withCount) {
      const n = parseInt64(c.argv[2]);
      if (n === null || n < 0n) fail(MUST_BE_POSITIVE);
      count = toSafeNumber(n);
    }
    const found = c.writeAs(key, 'list');
    if (!found) return withCount ? arr(null) : NIL;
    if (withCount && count === 0) return arr([]);
    const list = c.mutable(key, found);
    const n = Math.min(count, list.items.length);
    const popped = left ? list.items.splice(0, n) : list.items.splice(list.items.length - n, n).reverse();
    c.deleteIfEmpty(key, list.items.length);
    c.propagateAsIs();
    return withCount ? arr(popped.map((v) => bulk(v))) : bulk(popped[0]);
  };
}

/**
 * MPOP's arguments (lmpopGenericCommand / zmpopGenericCommand, 7.0): numkeys (1..LONG_MAX, else
 * `numkeys should be greater than 0`), the where word right after the keys (missing → syntax
 * error), then at most one `COUNT n` (1..LONG_MAX, else `count should be greater than 0`); all
 * of it is checked before any key is looked up.
 */
export function parseMpop(
  argv: readonly string[],
  isWhere: (word: string) => boolean,
): { keys: string[]; where: string; count: number } {
  const n = parseInt64(argv[1]);
  if (n === null || n < 1n) fail(err('ERR numkeys should be greater than 0'));
  const whereIdx = 2 + Number(n);
  if (n > BigInt(argv.length) || whereIdx >= argv.length) fail(SYNTAX);
  const where = argv[whereIdx];
  if (!isWhere(where)) fail(SYNTAX);
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && argv[j].toLowerCase() === 'count' && j < argv.length - 1) {
      const v = parseInt64(argv[++j]);
      if (v === null || v < 1n) fail(err('ERR count should be greater than 0'));
      count = toSafeNumber(v);
    } else fail(SYNTAX);
  }
  return { keys: argv.slice(2, whereIdx), where, count: count === -1 ? 1 : count };
}

/**
 * LMPOP numkeys key … LEFT|RIGHT [COUNT n] (mpopGenericCommand): the first non-empty list (a key
 * of another type: WRONGTYPE) gives up to n elements, replied as [key, [elements]]; nothing to
 * pop replies a null array. Propagated as `LPOP|RPOP key <popped>`, as Redis rewrites it.
 */
const lmpop: Handler = (c) => {
  const { keys, where, count } = parseMpop(c.argv, (w) => ['left', 'right'].includes(w.toLowerCase()));
  const left = where.toLowerCase() === 'left';
  for (const key of keys) {
    const found = c.writeAs(key, 'list');
    if (!found) continue;
    const list = c.mutable(key, found);
    const n = Math.min(count, list.items.length);
    const popped = left ? list.items.splice(0, n) : list.items.splice(list.items.length - n, n).reverse();
    c.deleteIfEmpty(key, list.items.length);
    c.also([left ? 'LPOP' : 'RPOP', key, String(n)]);
    return arr([bulk(key), arr(popped.map((v) => bulk(v)))]);
  }
  return arr(null);
};

const llen: Handler = (c) => int(c.readAs(c.argv[1], 'list')?.items.length ?? 0);

/** LRANGE: both indexes parsed before the lookup; negative from the end, clamped. */
const lrange: Handler = (c) => {
  let start = index(c.argv[2]);
  let end = index(c.argv[3]);
  const items = c.readAs(c.argv[1], 'list')?.items ?? [];
  const len = items.length;
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  if (start > end || start >= len) return arr([]);
  if (end >= len) end = len - 1;
  return arr(items.slice(start, end + 1).map((v): Reply => bulk(v)));
};

const lindex: Handler = (c) => {
  let i = index(c.argv[2]);
  const items = c.readAs(c.argv[1], 'list')?.items;
  if (!items) return NIL;
  if (i < 0) i += items.length;
  return i >= 0 && i < items.length ? bulk(items[i]) : NIL;
};

export const LIST_COMMANDS: Record<string, Handler> = {
  lpush: push(true),
  rpush: push(false),
  lpushx: push(true, true),
  rpushx: push(false, true),
  lpop: pop(true),
  rpop: pop(false),
  lmpop,
  llen,
  lrange,
  lindex,
};
