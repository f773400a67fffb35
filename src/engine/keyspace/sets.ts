// Set commands (t_set.c): SADD SREM SMEMBERS SISMEMBER SCARD SPOP SRANDMEMBER.
//   SADD/SREM propagate as typed only when a member was added/removed.
//   SPOP s → `SREM s <member>` (uppercase, whatever was typed: 29 bytes for `SREM s m1`);
//   SPOP s 2 → one SREM per popped member (the server wraps them in MULTI/EXEC);
//   SPOP s n with n ≥ size → `DEL s`.  Random choices come from ctx.random.
// Encoding: a set starts as an intset when its first member is an integer and stays one while all
// members are integers and it has at most 512; an intset lists its members in numeric order
// (checked: SADD 3 1 2 10 -5 → SMEMBERS -5 1 2 3 10), a hashtable in insertion order here (Redis:
// hash order, effectively random).
import { arr, bulk, err, int, NIL, type Reply } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import {
  LAB_MAX_REPLY_ELEMENTS,
  LAB_REPLY_TOO_LONG,
  MUST_BE_POSITIVE,
  NOT_INTEGER,
  SYNTAX,
} from './errors.ts';
import { removeMembers } from './members.ts';
import { INT64_MIN, parseInt64, toSafeNumber } from './numbers.ts';
import { drawFrom, randomIndex } from './random-pick.ts';
import { LIMITS, type SetValue } from './values.ts';

const isInt = (m: string) => parseInt64(m) !== null;

/** Members in the order SMEMBERS reports them. */
export function setMembers(s: SetValue): string[] {
  const list = [...s.members];
  if (s.enc !== 'intset') return list;
  return list.sort((a, b) => {
    const d = BigInt(a) - BigInt(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  });
}

/** An intset holds at most 512 members, all integers (what a set loaded from an RDB checks again). */
export function intsetFits(members: Set<string>): boolean {
  if (members.size > LIMITS.setMaxIntsetEntries) return false;
  for (const m of members) if (!isInt(m)) return false;
  return true;
}

/** setTypeCreate: an empty set, an intset when its first member will be an integer. */
export function newSet(owner: object, first: string): SetValue {
  return { type: 'set', owner, members: new Set(), enc: isInt(first) ? 'intset' : 'hashtable' };
}

/** setTypeAdd: an intset becomes a hashtable at its first non-integer or 513th member. */
export function setAdd(s: SetValue, m: string): void {
  s.members.add(m);
  if (s.enc === 'intset' && (!isInt(m) || s.members.size > LIMITS.setMaxIntsetEntries)) s.enc = 'hashtable';
}

const sadd: Handler = (c) => {
  const key = c.argv[1];
  const found = c.writeAs(key, 'set');
  const fresh = [...new Set(c.argv.slice(2))].filter((m) => !found?.members.has(m));
  if (fresh.length === 0) return int(0);
  let s: SetValue;
  if (found) s = c.mutable(key, found);
  else {
    s = newSet(c.db.owner, c.argv[2]);
    c.add(key, s);
  }
  for (const m of fresh) setAdd(s, m);
  c.propagateAsIs();
  return int(fresh.length);
};

const srem: Handler = (c) => removeMembers(c, 'set');

const smembers: Handler = (c) => {
  const s = c.readAs(c.argv[1], 'set');
  return arr(s ? setMembers(s).map((m) => bulk(m)) : []);
};

const sismember: Handler = (c) => int(c.readAs(c.argv[1], 'set')?.members.has(c.argv[2]) ? 1 : 0);

const scard: Handler = (c) => int(c.readAs(c.argv[1], 'set')?.members.size ?? 0);

/** `count` distinct members drawn at random (over the SMEMBERS order). */
function drawDistinct(c: Call, s: SetValue, count: number): string[] {
  return drawFrom(c, setMembers(s), count);
}

const spop: Handler = (c) => {
  const key = c.argv[1];
  if (c.argv.length > 3) fail(SYNTAX);
  if (c.argv.length === 3) return spopWithCount(c);
  const found = c.writeAs(key, 'set');
  if (!found) return NIL;
  const [member] = drawDistinct(c, found, 1);
  const s = c.mutable(key, found);
  s.members.delete(member);
  c.deleteIfEmpty(key, s.members.size);
  c.also(['SREM', key, member]);
  return bulk(member);
};

function spopWithCount(c: Call): Reply {
  const key = c.argv[1];
  const n = parseInt64(c.argv[2]);
  if (n === null || n < 0n) fail(MUST_BE_POSITIVE);
  const count = toSafeNumber(n);
  const found = c.writeAs(key, 'set');
  if (!found || count === 0) return arr([]);
  if (count >= found.members.size) {
    const all = setMembers(found);
    c.del(key);
    c.also(['DEL', key]);
    return arr(all.map((m) => bulk(m)));
  }
  const popped = drawDistinct(c, found, count);
  const s = c.mutable(key, found);
  for (const m of popped) {
    s.members.delete(m);
    c.also(['SREM', key, m]);
  }
  return arr(popped.map((m) => bulk(m)));
}

/**
 * SRANDMEMBER key [count]: count > 0 distinct members (the whole set when count ≥ size), count < 0
 * |count| members that may repeat. The count is parsed before the lookup.
 */
const srandmember: Handler = (c) => {
  if (c.argv.length > 3) fail(SYNTAX);
  const key = c.argv[1];
  if (c.argv.length === 2) {
    const s = c.readAs(key, 'set');
    return s ? bulk(drawDistinct(c, s, 1)[0]) : NIL;
  }
  const n = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  if (n === INT64_MIN) {
    fail(err('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807'));
  }
  const s = c.readAs(key, 'set');
  if (!s || n === 0n) return arr([]);
  const count = toSafeNumber(n < 0n ? -n : n);
  if (n < 0n) {
    if (count > LAB_MAX_REPLY_ELEMENTS) fail(LAB_REPLY_TOO_LONG);
    const pool = setMembers(s);
    return arr(Array.from({ length: count }, () => bulk(pool[randomIndex(c, pool.length)])));
  }
  if (count >= s.members.size) return arr(setMembers(s).map((m) => bulk(m)));
  return arr(drawDistinct(c, s, count).map((m) => bulk(m)));
};

export const SET_COMMANDS: Record<string, Handler> = {
  sadd,
  srem,
  smembers,
  sismember,
  scard,
  spop,
  srandmember,
};
