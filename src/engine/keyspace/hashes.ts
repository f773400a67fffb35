// Hash commands (t_hash.c): HSET HMSET HSETNX HGET HMGET HDEL HGETALL HLEN HEXISTS HKEYS HVALS
// HSTRLEN HINCRBY HINCRBYFLOAT (propagated as `HSET key field <result>`) HRANDFIELD.
//   HSET/HMSET always propagate as typed, even when nothing changed (`HSET h f v` twice: both go
//   out; Redis counts every pair as dirty); HDEL only when a field was removed; HINCRBY as typed.
// Fields keep insertion order (a listpack's order; a big hash's hashtable order is random in Redis).
// Encoding: listpack until more than 512 fields (7.0's built-in default; redis.conf says 128) or a
// field/value longer than 64 bytes.
import { arr, bulk, err, int, NIL, OK, utf8Length } from '../core/resp.ts';
import { fail, type Handler } from './call.ts';
import { arityError } from './commands.ts';
import {
  LAB_MAX_REPLY_ELEMENTS,
  LAB_REPLY_TOO_LONG,
  NOT_FLOAT,
  NOT_INTEGER,
  OVERFLOW,
  SYNTAX,
} from './errors.ts';
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from './long-double.ts';
import { removeMembers } from './members.ts';
import { INT64_MAX, INT64_MIN, intReplyValue, parseInt64, toSafeNumber } from './numbers.ts';
import { drawFrom, randomIndex } from './random-pick.ts';
import { type HashValue, LIMITS } from './values.ts';

type Call = Parameters<Handler>[0];

/** hashTypeLookupWriteOrCreate. */
function hashForWrite(c: Call, key: string): HashValue {
  const found = c.writeAs(key, 'hash');
  if (found) return c.mutable(key, found);
  const h: HashValue = { type: 'hash', owner: c.db.owner, fields: new Map(), enc: 'listpack' };
  c.add(key, h);
  return h;
}

function tooBig(s: string): boolean {
  return s.length > LIMITS.hashMaxListpackValue || utf8Length(s) > LIMITS.hashMaxListpackValue;
}

/** A listpack hash holds at most 512 fields, no field or value longer than 64 bytes. */
export function hashListpackFits(fields: Map<string, string>): boolean {
  if (fields.size > LIMITS.hashMaxListpackEntries) return false;
  for (const [f, v] of fields) if (tooBig(f) || tooBig(v)) return false;
  return true;
}

/**
 * hashTypeSet: a field set in h, which leaves listpack for a hashtable once a field or value is
 * longer than 64 bytes or there are more than 512 fields (checked on 7.0.15: HSETNX or
 * HINCRBYFLOAT writing a 70-byte value make OBJECT ENCODING say hashtable).
 */
function hashSet(h: HashValue, field: string, value: string): void {
  h.fields.set(field, value);
  if (h.enc !== 'listpack') return;
  if (tooBig(field) || tooBig(value) || h.fields.size > LIMITS.hashMaxListpackEntries) h.enc = 'hashtable';
}

function hsetGeneric(replyOk: boolean): Handler {
  return (c) => {
    if (c.argv.length % 2 === 1) fail(arityError(c.name));
    const key = c.argv[1];
    const h = hashForWrite(c, key);
    const pairs = c.argv.slice(2);
    let created = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      if (!h.fields.has(pairs[i])) created++;
      hashSet(h, pairs[i], pairs[i + 1]);
    }
    c.propagateAsIs();
    return replyOk ? OK : int(created);
  };
}

const hget: Handler = (c) => bulk(c.readAs(c.argv[1], 'hash')?.fields.get(c.argv[2]) ?? null);

const hdel: Handler = (c) => removeMembers(c, 'hash');

function listing(pick: (f: string, v: string) => string[]): Handler {
  return (c) => {
    const h = c.readAs(c.argv[1], 'hash');
    const out: string[] = [];
    if (h) for (const [f, v] of h.fields) out.push(...pick(f, v));
    return arr(out.map((s) => bulk(s)));
  };
}

const hlen: Handler = (c) => int(c.readAs(c.argv[1], 'hash')?.fields.size ?? 0);

const hexists: Handler = (c) => int(c.readAs(c.argv[1], 'hash')?.fields.has(c.argv[2]) ? 1 : 0);

/** HINCRBY: increment parsed first, then the hash (created if missing), then the field's value. */
const hincrby: Handler = (c) => {
  const [, key, field, by] = c.argv;
  const incr = parseInt64(by) ?? fail(NOT_INTEGER);
  const found = c.writeAs(key, 'hash');
  const text = found?.fields.get(field);
  const old = text === undefined ? 0n : (parseInt64(text) ?? fail(err('ERR hash value is not an integer')));
  if (
    (incr < 0n && old < 0n && incr < INT64_MIN - old) ||
    (incr > 0n && old > 0n && incr > INT64_MAX - old)
  ) {
    fail(OVERFLOW);
  }
  const next = old + incr;
  hashSet(hashForWrite(c, key), field, String(next));
  c.propagateAsIs();
  return int(intReplyValue(next));
};

/**
 * HINCRBYFLOAT: long double arithmetic as INCRBYFLOAT's (long-double.ts), the increment checked
 * first, propagated as `HSET key field <result>` (upper-case, whatever was typed).
 */
const hincrbyfloat: Handler = (c) => {
  const [, key, field, by] = c.argv;
  const inc = parseLongDouble(by) ?? fail(NOT_FLOAT);
  if (inc === 'inf') fail(err('ERR value is NaN or Infinity'));
  const found = c.writeAs(key, 'hash');
  const text = found?.fields.get(field);
  const cur = text === undefined ? inc : parseLongDouble(text);
  if (cur === null) fail(err('ERR hash value is not a float'));
  const sum = text === undefined ? inc : cur === 'inf' ? 'inf' : addLongDouble(cur, inc);
  if (sum === 'inf' || sum === null) fail(err('ERR increment would produce NaN or Infinity'));
  const result = formatLongDoubleHuman(sum);
  hashSet(hashForWrite(c, key), field, result);
  c.also(['HSET', key, field, result]);
  return bulk(result);
};

/** HSETNX: 1 and propagated as typed when the field was new, else 0 and nothing. */
const hsetnx: Handler = (c) => {
  const [, key, field, value] = c.argv;
  if (c.writeAs(key, 'hash')?.fields.has(field)) return int(0);
  hashSet(hashForWrite(c, key), field, value);
  c.propagateAsIs();
  return int(1);
};

const hmget: Handler = (c) => {
  const h = c.readAs(c.argv[1], 'hash');
  return arr(c.argv.slice(2).map((f) => bulk(h?.fields.get(f) ?? null)));
};

/** HSTRLEN: the value's length in bytes, 0 for a missing field or key. */
const hstrlen: Handler = (c) => int(utf8Length(c.readAs(c.argv[1], 'hash')?.fields.get(c.argv[2]) ?? ''));

const OUT_OF_RANGE = err('ERR value is out of range');
const COUNT_RANGE = err(
  'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
);

/**
 * HRANDFIELD key [count [WITHVALUES]] (hrandfieldCommand): the count and the options first (with
 * WITHVALUES |count| may not pass LONG_MAX / 2), then the key. count > 0: distinct fields, the
 * whole hash in its order when count ≥ its size; count < 0: |count| fields that may repeat.
 * Choices come from ctx.random, so they are the lab's own, not the ones a real server draws.
 */
const hrandfield: Handler = (c) => {
  if (c.argv.length === 2) {
    const h = c.readAs(c.argv[1], 'hash');
    return h ? bulk(drawFrom(c, [...h.fields.keys()], 1)[0]) : NIL;
  }
  const n = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  if (n === INT64_MIN) fail(COUNT_RANGE);
  if (c.argv.length > 4 || (c.argv.length === 4 && c.argv[3].toLowerCase() !== 'withvalues')) fail(SYNTAX);
  const withValues = c.argv.length === 4;
  if (withValues && (n < -(INT64_MAX / 2n) || n > INT64_MAX / 2n)) fail(OUT_OF_RANGE);
  const h = c.readAs(c.argv[1], 'hash');
  if (!h || n === 0n) return arr([]);
  const fields = [...h.fields.keys()];
  let picked: string[];
  if (n < 0n) {
    if (-n > BigInt(LAB_MAX_REPLY_ELEMENTS)) fail(LAB_REPLY_TOO_LONG);
    picked = Array.from({ length: toSafeNumber(-n) }, () => fields[randomIndex(c, fields.length)]);
  } else picked = n >= BigInt(fields.length) ? fields : drawFrom(c, fields, Number(n));
  const out: string[] = withValues ? picked.flatMap((f) => [f, h.fields.get(f)!]) : picked;
  return arr(out.map((s) => bulk(s)));
};

export const HASH_COMMANDS: Record<string, Handler> = {
  hset: hsetGeneric(false),
  hmset: hsetGeneric(true),
  hget,
  hdel,
  hgetall: listing((f, v) => [f, v]),
  hlen,
  hexists,
  hkeys: listing((f) => [f]),
  hvals: listing((_f, v) => [v]),
  hincrby,
  hincrbyfloat,
  hsetnx,
  hmget,
  hstrlen,
  hrandfield,
};
