// String commands (t_string.c): GET SET SETNX SETEX PSETEX GETSET GETDEL GETEX MGET MSET MSETNX
// APPEND STRLEN INCR DECR INCRBY DECRBY INCRBYFLOAT, with 7.0's replies and propagation:
//   SET k v EX 10 (or PX/EXAT/PXAT, any other flags) → SET k v PXAT <abs ms>   (at nowMs 1764000000000:
//     `SET ttl v EX 1000` → `SET ttl v PXAT 1764001000000`, 59 bytes)
//   SET k v GET (no expire) → the same argv without GET; SETEX/PSETEX → SET k v PXAT <abs ms>
//   GETSET k v → SET k v;  GETDEL k → DEL k;  GETEX k EX 10 → PEXPIREAT k <abs>, PERSIST → PERSIST k,
//   EXAT/PXAT in the past → DEL k;  INCRBYFLOAT f 1.5 → SET f 1.5 KEEPTTL (42 bytes)
//   a write that changes nothing (SET … NX on an existing key, MSETNX refused) propagates nothing;
//   everything else propagates as typed, name case included (`set a 1` stays lower-case).
import { type Argv, arr, bulk, err, int, NIL, OK, type Reply, utf8Length } from '../core/resp.ts';
import { joinBytes } from './bytes.ts';
import { type Call, fail, type Handler } from './call.ts';
import { arityError } from './commands.ts';
import { expireTimeError, NOT_FLOAT, NOT_INTEGER, OVERFLOW, SYNTAX } from './errors.ts';
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from './long-double.ts';
import { INT64_MAX, INT64_MIN, intReplyValue, parseInt64 } from './numbers.ts';

type ExpireUnit = 's' | 'ms';

interface ExpireArg {
  text: string;
  unit: ExpireUnit;
  /** EX/PX are relative to now; EXAT/PXAT absolute. */
  relative: boolean;
}

interface SetOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  persist: boolean;
  expire: ExpireArg | null;
}

const NO_OPTIONS: Readonly<SetOptions> = Object.freeze({
  nx: false,
  xx: false,
  get: false,
  keepTtl: false,
  persist: false,
  expire: null,
});

const is = (a: string, word: string) => a.length === word.length && a.toLowerCase() === word;

/**
 * parseExtendedStringArgumentsOrReply: SET's options from argv[3], GETEX's from argv[2]. Each
 * option is refused (syntax error) once a conflicting one was seen; repeating one is allowed
 * (`SET k v GET GET`, `SET k v EX 1 EX 2`: the last expire wins).
 */
function parseOptions(argv: Argv, start: number, forSet: boolean): Readonly<SetOptions> {
  if (start >= argv.length) return NO_OPTIONS; // `SET k v`: the common case makes no object
  const o: SetOptions = { ...NO_OPTIONS };
  for (let j = start; j < argv.length; j++) {
    const a = argv[j];
    const next = j + 1 < argv.length ? argv[j + 1] : undefined;
    const kind = o.expire
      ? o.expire.unit === 's'
        ? o.expire.relative
          ? 'ex'
          : 'exat'
        : o.expire.relative
          ? 'px'
          : 'pxat'
      : '';
    if (forSet && is(a, 'nx') && !o.xx) o.nx = true;
    else if (forSet && is(a, 'xx') && !o.nx) o.xx = true;
    else if (forSet && is(a, 'get')) o.get = true;
    else if (forSet && is(a, 'keepttl') && !o.persist && o.expire === null) o.keepTtl = true;
    else if (!forSet && is(a, 'persist') && o.expire === null && !o.keepTtl) o.persist = true;
    else if (
      next !== undefined &&
      !o.keepTtl &&
      !o.persist &&
      expireOption(a) &&
      (kind === '' || kind === a.toLowerCase())
    ) {
      const w = a.toLowerCase();
      o.expire = { text: next, unit: w.startsWith('e') ? 's' : 'ms', relative: w.length === 2 };
      j++;
    } else fail(SYNTAX);
  }
  return o;
}

const expireOption = (a: string) => is(a, 'ex') || is(a, 'px') || is(a, 'exat') || is(a, 'pxat');

/**
 * getExpireMillisecondsOrReply: the absolute expire time in ms. Not an int64 → not an integer;
 * ≤ 0, or overflowing int64 after ×1000 or +now → `invalid expire time in '<cmd>' command`.
 */
function expireAt(c: Call, e: ExpireArg): bigint {
  let ms = parseInt64(e.text) ?? fail(NOT_INTEGER);
  if (ms <= 0n || (e.unit === 's' && ms > INT64_MAX / 1000n)) fail(expireTimeError(c.name));
  if (e.unit === 's') ms *= 1000n;
  if (e.relative) ms += BigInt(c.now);
  if (ms <= 0n || ms > INT64_MAX) fail(expireTimeError(c.name));
  return ms;
}

/** The string at key for a GET-style read: undefined when missing, WRONGTYPE for other types. */
function getString(c: Call, key: string): string | undefined {
  return c.readAs(key, 'string');
}

/**
 * setGenericCommand. `okReply`/`abortReply` are SETNX's 1/0; the GET flag replies the old value
 * instead. Returns the reply; records the propagation (see the header).
 */
function setGeneric(
  c: Call,
  key: string,
  value: string,
  o: Readonly<SetOptions>,
  okReply: Reply = OK,
  abortReply: Reply = NIL,
): Reply {
  const when = o.expire ? expireAt(c, o.expire) : null;
  const old = o.get ? getString(c, key) : undefined;
  // lookupKeyWrite: on a master it may expire the key (a DEL propagated first); applying the
  // master's stream, or in a db without TTLs, it has no effect, so a plain SET there needs no
  // lookup at all.
  const found = o.nx || o.xx || c.mayExpire ? c.write(key) !== undefined : false;
  if ((o.nx && found) || (o.xx && !found)) return o.get ? bulk(old ?? null) : abortReply;
  c.setString(key, value, o.keepTtl);
  if (when !== null) {
    c.setExpire(key, Number(when));
    c.also(['SET', key, value, 'PXAT', String(when)]);
  } else if (o.get) {
    c.also(c.argv.filter((a, j) => j < 3 || !is(a, 'get')));
  } else c.propagateAsIs();
  return o.get ? bulk(old ?? null) : okReply;
}

const get: Handler = (c) => bulk(getString(c, c.argv[1]) ?? null);

const set: Handler = (c) => setGeneric(c, c.argv[1], c.argv[2], parseOptions(c.argv, 3, true));

const setnx: Handler = (c) => {
  return setGeneric(c, c.argv[1], c.argv[2], { ...NO_OPTIONS, nx: true }, int(1), int(0));
};

function setexLike(unit: ExpireUnit): Handler {
  return (c) => {
    const expire: ExpireArg = { text: c.argv[2], unit, relative: true };
    return setGeneric(c, c.argv[1], c.argv[3], { ...NO_OPTIONS, expire });
  };
}

const getset: Handler = (c) => {
  const [, key, value] = c.argv;
  const old = getString(c, key);
  c.setString(key, value);
  c.also(['SET', key, value]);
  return bulk(old ?? null);
};

const getdel: Handler = (c) => {
  const key = c.argv[1];
  const old = getString(c, key);
  if (old === undefined) return NIL;
  c.del(key);
  c.also(['DEL', key]);
  return bulk(old);
};

/** GETEX: options are parsed first, the key is looked up before the expire value is checked. */
const getex: Handler = (c) => {
  const key = c.argv[1];
  const o = parseOptions(c.argv, 2, false);
  const v = getString(c, key);
  if (v === undefined) return NIL;
  const when = o.expire ? expireAt(c, o.expire) : null;
  if (when !== null && !o.expire!.relative && when <= BigInt(c.now) && !c.onReplica) {
    c.del(key);
    c.also(['DEL', key]);
  } else if (when !== null) {
    c.setExpire(key, Number(when));
    c.also(['PEXPIREAT', key, String(when)]);
  } else if (o.persist && c.db.persist(key)) {
    c.touch(key);
    c.also(['PERSIST', key]);
  }
  return bulk(v);
};

const mget: Handler = (c) =>
  arr(
    c.argv.slice(1).map((k) => {
      const v = c.read(k);
      return bulk(typeof v === 'string' ? v : null);
    }),
  );

function msetGeneric(nx: boolean): Handler {
  return (c) => {
    if (c.argv.length % 2 === 0) fail(arityError(c.name));
    if (nx) {
      for (let j = 1; j < c.argv.length; j += 2) if (c.write(c.argv[j]) !== undefined) return int(0);
    }
    for (let j = 1; j < c.argv.length; j += 2) {
      c.write(c.argv[j]); // setKey looks the key up first: an expired one is deleted (DEL propagated)
      c.setString(c.argv[j], c.argv[j + 1]);
    }
    c.propagateAsIs();
    return nx ? int(1) : OK;
  };
}

const append: Handler = (c) => {
  const [, key, tail] = c.argv;
  const v = c.writeAs(key, 'string');
  const next = joinBytes(v ?? '', tail);
  c.setString(key, next, true);
  c.propagateAsIs();
  return int(utf8Length(next));
};

const strlen: Handler = (c) => int(utf8Length(getString(c, c.argv[1]) ?? ''));

/** incrDecrCommand: int64 arithmetic on the stored decimal; the TTL stays. */
function incrDecr(c: Call, incr: bigint): Reply {
  const key = c.argv[1];
  const v = c.writeAs(key, 'string');
  const old = v === undefined ? 0n : (parseInt64(v) ?? fail(NOT_INTEGER));
  if (
    (incr < 0n && old < 0n && incr < INT64_MIN - old) ||
    (incr > 0n && old > 0n && incr > INT64_MAX - old)
  ) {
    fail(OVERFLOW);
  }
  const next = old + incr;
  c.setString(key, String(next), true);
  c.propagateAsIs();
  return int(intReplyValue(next));
}

const incr: Handler = (c) => incrDecr(c, 1n);
const decr: Handler = (c) => incrDecr(c, -1n);
const incrby: Handler = (c) => incrDecr(c, parseInt64(c.argv[2]) ?? fail(NOT_INTEGER));
const decrby: Handler = (c) => {
  const n = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  if (n === INT64_MIN) fail(err('ERR decrement would overflow'));
  return incrDecr(c, -n);
};

const NAN_OR_INF = err('ERR increment would produce NaN or Infinity');

/** INCRBYFLOAT: long double sum (long-double.ts), always propagated as SET k <result> KEEPTTL. */
const incrbyfloat: Handler = (c) => {
  const [, key, by] = c.argv;
  const v = c.writeAs(key, 'string');
  const cur = v === undefined ? parseLongDouble('0') : parseLongDouble(v);
  if (cur === null) fail(NOT_FLOAT);
  const inc = parseLongDouble(by) ?? fail(NOT_FLOAT);
  if (cur === 'inf' || inc === 'inf') fail(NAN_OR_INF);
  const sum = addLongDouble(cur, inc);
  if (sum === 'inf' || sum === null) fail(NAN_OR_INF);
  const text = formatLongDoubleHuman(sum);
  c.setString(key, text, true);
  c.also(['SET', key, text, 'KEEPTTL']);
  return bulk(text);
};

export const STRING_COMMANDS: Record<string, Handler> = {
  get,
  set,
  setnx,
  setex: setexLike('s'),
  psetex: setexLike('ms'),
  getset,
  getdel,
  getex,
  mget,
  mset: msetGeneric(false),
  msetnx: msetGeneric(true),
  append,
  strlen,
  incr,
  decr,
  incrby,
  decrby,
  incrbyfloat,
};
