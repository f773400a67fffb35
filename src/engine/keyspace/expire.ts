// TTL commands (expire.c): EXPIRE PEXPIRE EXPIREAT PEXPIREAT [NX|XX|GT|LT], PERSIST, TTL, PTTL,
// EXPIRETIME, PEXPIRETIME.
// Propagation (7.0): every form becomes PEXPIREAT with the absolute ms time, options kept as typed:
//   at nowMs 1764000000000, `EXPIRE a 1000` → `PEXPIREAT a 1764001000000` (46 bytes);
//   `EXPIRE a 100 XX` → `PEXPIREAT a 1764000100000 XX`; `pexpireat a 99 lt` stays as typed.
// A time already past deletes the key and propagates `DEL key` (reply 1), except on a replica,
// which just stores the TTL and waits for its master's DEL.
import { err, int } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import { expireTimeError, NOT_INTEGER } from './errors.ts';
import { INT64_MAX, INT64_MIN, intReplyValue, parseInt64 } from './numbers.ts';

interface ExpireFlags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
}

/** parseExtendedExpireArgumentsOrReply: the options after the time, then their conflicts. */
function parseFlags(c: Call): ExpireFlags {
  const f: ExpireFlags = { nx: false, xx: false, gt: false, lt: false };
  for (const a of c.argv.slice(3)) {
    const w = a.toLowerCase();
    if (w === 'nx' || w === 'xx' || w === 'gt' || w === 'lt') f[w] = true;
    else fail(err(`ERR Unsupported option ${a}`));
  }
  if (f.nx && (f.xx || f.gt || f.lt))
    fail(err('ERR NX and XX, GT or LT options at the same time are not compatible'));
  if (f.gt && f.lt) fail(err('ERR GT and LT options at the same time are not compatible'));
  return f;
}

/**
 * expireGenericCommand. `relative`: EXPIRE/PEXPIRE add nowMs; `seconds`: EXPIRE/EXPIREAT ×1000.
 * Overflow of ×1000 or +now → `invalid expire time in '<cmd>' command`. A key without TTL counts
 * as an infinite TTL for GT (never greater) and LT (always less).
 */
function expireGeneric(relative: boolean, seconds: boolean): Handler {
  return (c) => {
    const key = c.argv[1];
    const f = parseFlags(c);
    let when = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
    const base = relative ? BigInt(c.now) : 0n;
    if (seconds) {
      if (when > INT64_MAX / 1000n || when < INT64_MIN / 1000n) fail(expireTimeError(c.name));
      when *= 1000n;
    }
    if (when > INT64_MAX - base) fail(expireTimeError(c.name));
    when += base;
    if (c.write(key) === undefined) return int(0);
    const current = c.db.expires.get(key);
    if (f.nx && current !== undefined) return int(0);
    if (f.xx && current === undefined) return int(0);
    if (f.gt && (current === undefined || when <= BigInt(current))) return int(0);
    if (f.lt && current !== undefined && when >= BigInt(current)) return int(0);
    if (when <= BigInt(c.now) && !c.onReplica) {
      c.del(key);
      c.also(['DEL', key]);
      return int(1);
    }
    c.setExpire(key, Number(when));
    const out = c.argv.slice();
    if (c.name !== 'pexpireat') out[0] = 'PEXPIREAT';
    if (relative || seconds) out[2] = String(when);
    c.also(out);
    return int(1);
  };
}

const persist: Handler = (c) => {
  const key = c.argv[1];
  if (c.write(key) === undefined || !c.db.persist(key)) return int(0);
  c.touch(key);
  c.propagateAsIs();
  return int(1);
};

/**
 * TTL/PTTL, and EXPIRETIME/PEXPIRETIME (`abs`: the unix time itself): -2 missing, -1 no TTL;
 * seconds round to the nearest ((ms + 500) / 1000): PEXPIREAT k 99999999999500 → EXPIRETIME
 * 100000000000.
 */
function ttlGeneric(ms: boolean, abs = false): Handler {
  return (c) => {
    const key = c.argv[1];
    if (c.read(key) === undefined) return int(-2);
    const when = c.db.expires.get(key);
    if (when === undefined) return int(-1);
    const left = BigInt(Math.max(0, abs ? when : when - c.now));
    return int(intReplyValue(ms ? left : (left + 500n) / 1000n));
  };
}

export const EXPIRE_COMMANDS: Record<string, Handler> = {
  expire: expireGeneric(true, true),
  pexpire: expireGeneric(true, false),
  expireat: expireGeneric(false, true),
  pexpireat: expireGeneric(false, false),
  persist,
  ttl: ttlGeneric(false),
  pttl: ttlGeneric(true),
  expiretime: ttlGeneric(false, true),
  pexpiretime: ttlGeneric(true, true),
};
