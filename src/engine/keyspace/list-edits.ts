// List commands that move, remove, trim, overwrite, insert or find elements (t_list.c): LMOVE
// RPOPLPUSH LREM LTRIM LSET LINSERT LPOS. Every write propagates as typed when it changed something
// (LREM of an absent element, LTRIM keeping the whole list, LINSERT without the pivot: nothing);
// a list left empty is deleted (LMOVE's source, LREM, LTRIM); TTLs stay where they are.
//   RPUSH l a b c d; LMOVE l l2 LEFT RIGHT → "a"; LMOVE l l RIGHT LEFT rotates l in place.
import { arr, bulk, err, int, NIL, OK, type Reply } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import { NO_SUCH_KEY, NOT_INTEGER, SYNTAX } from './errors.ts';
import { index } from './lists.ts';
import { INT64_MIN, parseInt64 } from './numbers.ts';
import type { ListValue } from './values.ts';

/** getListPositionFromObjectOrReply: LEFT / RIGHT in any case, else a syntax error. */
function isLeft(word: string): boolean {
  const w = word.toLowerCase();
  if (w !== 'left' && w !== 'right') fail(SYNTAX);
  return w === 'left';
}

/**
 * lmoveGenericCommand: the source (missing → nil), then the destination's type, then pop and push.
 * With source = destination the element goes round within the one list.
 */
function lmoveGeneric(c: Call, fromLeft: boolean, toLeft: boolean): Reply {
  const [, src, dst] = c.argv;
  const found = c.writeAs(src, 'list');
  if (!found) return NIL;
  const dstFound = c.writeAs(dst, 'list');
  const from = c.mutable(src, found);
  const value = (fromLeft ? from.items.shift() : from.items.pop())!;
  let to: ListValue;
  if (src === dst) to = from;
  else if (dstFound) to = c.mutable(dst, dstFound);
  else {
    to = { type: 'list', owner: c.db.owner, items: [] };
    c.add(dst, to);
  }
  if (toLeft) to.items.unshift(value);
  else to.items.push(value);
  c.deleteIfEmpty(src, from.items.length);
  c.propagateAsIs();
  return bulk(value);
}

const lmove: Handler = (c) => lmoveGeneric(c, isLeft(c.argv[3]), isLeft(c.argv[4]));
const rpoplpush: Handler = (c) => lmoveGeneric(c, false, true);

/** LREM key count element: count > 0 from the head, < 0 from the tail, 0 every occurrence. */
const lrem: Handler = (c) => {
  const [, key, , element] = c.argv;
  const count = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  const found = c.writeAs(key, 'list');
  if (!found) return int(0);
  const limit = count < 0n ? -count : count;
  const fromTail = count < 0n;
  const items = fromTail ? found.items.slice().reverse() : found.items;
  const kept: string[] = [];
  let removed = 0n;
  for (const item of items) {
    if (item === element && (limit === 0n || removed < limit)) removed++;
    else kept.push(item);
  }
  if (removed === 0n) return int(0);
  c.mutable(key, found).items = fromTail ? kept.reverse() : kept;
  c.deleteIfEmpty(key, kept.length);
  c.propagateAsIs();
  return int(Number(removed));
};

/** LTRIM key start stop: OK always; propagated only when elements went (Redis's dirty count). */
const ltrim: Handler = (c) => {
  const key = c.argv[1];
  let start = index(c.argv[2]);
  let end = index(c.argv[3]);
  const found = c.writeAs(key, 'list');
  if (!found) return OK;
  const len = found.items.length;
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  let keep: [number, number];
  if (start > end || start >= len) keep = [0, 0];
  else keep = [start, Math.min(end, len - 1) + 1];
  if (keep[1] - keep[0] === len) return OK;
  const list = c.mutable(key, found);
  list.items = list.items.slice(keep[0], keep[1]);
  c.deleteIfEmpty(key, list.items.length);
  c.propagateAsIs();
  return OK;
};

/** LSET key index element: the key first (`no such key`), then the index. */
const lset: Handler = (c) => {
  const [, key, , element] = c.argv;
  const found = c.writeAs(key, 'list') ?? fail(NO_SUCH_KEY);
  let i = index(c.argv[2]);
  if (i < 0) i += found.items.length;
  if (i < 0 || i >= found.items.length) fail(err('ERR index out of range'));
  c.mutable(key, found).items[i] = element;
  c.propagateAsIs();
  return OK;
};

/** LINSERT key BEFORE|AFTER pivot element: the new length, -1 without the pivot, 0 without the key. */
const linsert: Handler = (c) => {
  const [, key, where, pivot, element] = c.argv;
  const w = where.toLowerCase();
  if (w !== 'before' && w !== 'after') fail(SYNTAX);
  const found = c.writeAs(key, 'list');
  if (!found) return int(0);
  const at = found.items.indexOf(pivot);
  if (at < 0) return int(-1);
  const list = c.mutable(key, found);
  list.items.splice(w === 'before' ? at : at + 1, 0, element);
  c.propagateAsIs();
  return int(list.items.length);
};

interface LposOptions {
  rank: bigint;
  /** null without COUNT (one index or nil); 0 = every match. */
  count: bigint | null;
  maxlen: bigint;
}

/** lposCommand's options, all checked before the key is looked up. */
function lposOptions(c: Call): LposOptions {
  const o: LposOptions = { rank: 1n, count: null, maxlen: 0n };
  const positive = (text: string, what: string) => {
    const n = parseInt64(text);
    if (n === null || n < 0n) fail(err(`ERR ${what} can't be negative`));
    return n;
  };
  for (let j = 3; j < c.argv.length; j++) {
    const w = c.argv[j].toLowerCase();
    const more = j + 1 < c.argv.length;
    if (w === 'rank' && more) {
      o.rank = parseInt64(c.argv[++j]) ?? fail(NOT_INTEGER);
      if (o.rank === 0n) {
        fail(
          err(
            "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
          ),
        );
      }
    } else if (w === 'count' && more) o.count = positive(c.argv[++j], 'COUNT');
    else if (w === 'maxlen' && more) o.maxlen = positive(c.argv[++j], 'MAXLEN');
    else fail(SYNTAX);
  }
  return o;
}

/**
 * LPOS key element [RANK r] [COUNT n] [MAXLEN m]: indexes from the head whichever way it scans.
 * RANK -9223372036854775808 negates to itself in Redis's C: every match then qualifies and COUNT
 * never stops the scan (checked on 7.0.15: RANK of LONG_MIN finds the last match).
 */
const lpos: Handler = (c) => {
  const o = lposOptions(c);
  const items = c.readAs(c.argv[1], 'list')?.items;
  if (!items) return o.count === null ? NIL : arr([]);
  const fromTail = o.rank < 0n;
  const wrapped = o.rank === INT64_MIN;
  const rank = wrapped ? 1n : fromTail ? -o.rank : o.rank;
  const out: Reply[] = [];
  let matches = 0n;
  for (let k = 0; k < items.length && (o.maxlen === 0n || BigInt(k) < o.maxlen); k++) {
    const i = fromTail ? items.length - 1 - k : k;
    if (items[i] !== c.argv[2] || ++matches < rank) continue;
    if (o.count === null) return int(i);
    out.push(int(i));
    if (!wrapped && o.count !== 0n && matches - rank + 1n >= o.count) break;
  }
  return o.count === null ? NIL : arr(out);
};

export const LIST_EDIT_COMMANDS: Record<string, Handler> = {
  lmove,
  rpoplpush,
  lrem,
  ltrim,
  lset,
  linsert,
  lpos,
};
