// COPY, MOVE and SWAPDB (db.c): a key copied or moved, TTL included, within a db or to another of
// the 16; two databases swapped whole.
//   COPY src dst [DB n] [REPLACE] → 1, or 0 when src is missing or dst exists without REPLACE;
//   MOVE k n → 1, or 0 when k is missing here or exists in db n. Both propagate as typed (COPY … DB 1
//   travels with the caller's SELECT; the replica copies into its own db 1).
// Errors, in Redis's order: options (syntax error, not an integer, outside int32), `DB index is out
// of range`, `source and destination objects are the same`, then the keys.
//   SWAPDB a b → OK, propagated as typed even when a = b (real 7.0.15, probe r26: `SWAPDB 1 1` put
//   30 bytes in the stream); a non-integer or outside int32 → `invalid first|second DB index`.
import { err, int, OK, type Reply } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import { NOT_INTEGER, SYNTAX } from './errors.ts';
import { parseInt64 } from './numbers.ts';
import { copyAggregate, type Value } from './values.ts';

const SAME_OBJECT = err('ERR source and destination objects are the same');
const DB_RANGE = err('ERR DB index is out of range');
const INT32_RANGE = err('ERR value is out of range, value must between -2147483648 and 2147483647');

/** getIntFromObjectOrReply: the int, or the error reply; `msg` replaces both errors. */
function intArg(text: string, msg?: Reply): number | Reply {
  const n = parseInt64(text);
  if (n === null) return msg ?? NOT_INTEGER;
  if (n < -2147483648n || n > 2147483647n) return msg ?? INT32_RANGE;
  return Number(n);
}

/** A db index argument of COPY, MOVE, SWAPDB (the range check is selectDb's: checkDb). */
function dbIndexArg(text: string, msg?: Reply): number {
  const v = intArg(text, msg);
  return typeof v === 'number' ? v : fail(v);
}

function checkDb(c: Call, db: number): void {
  if (db < 0 || db >= c.ks.dbs.length) fail(DB_RANGE);
}

/**
 * SELECT's argument, from a client or a script (getIntFromObjectOrReply, then selectDb's range
 * check): the index, or the error real 7.0.15 answers — `SELECT 1.5` not an integer,
 * `SELECT 3000000000` the int32 error, `SELECT 16` DB index is out of range.
 */
export function selectDbIndex(text: string, count: number): number | Reply {
  const v = intArg(text);
  if (typeof v !== 'number') return v;
  return v < 0 || v >= count ? DB_RANGE : v;
}

/** Store v (its own copy for an aggregate) at key in db, with the TTL `when` if any. */
function place(c: Call, db: number, key: string, v: Value, when: number | undefined): void {
  const target = c.ks.dbs[db];
  target.data.set(key, typeof v === 'string' ? v : copyAggregate(v, target.owner));
  if (db === c.dbIndex) c.touch(key);
  if (when !== undefined) c.setExpire(key, when, db);
}

const copy: Handler = (c) => {
  const [, src, dst] = c.argv;
  let db = c.dbIndex;
  let replace = false;
  for (let j = 3; j < c.argv.length; j++) {
    const w = c.argv[j].toLowerCase();
    if (w === 'replace') replace = true;
    else if (w === 'db' && j + 1 < c.argv.length) db = dbIndexArg(c.argv[++j]);
    else fail(SYNTAX);
  }
  checkDb(c, db);
  if (db === c.dbIndex && src === dst) fail(SAME_OBJECT);
  const v = c.read(src);
  if (v === undefined) return int(0);
  if (c.writeIn(db, dst) !== undefined) {
    if (!replace) return int(0);
    c.ks.dbs[db].delete(dst);
  }
  place(c, db, dst, v, c.db.expires.get(src));
  c.propagateAsIs();
  return int(1);
};

const move: Handler = (c) => {
  const key = c.argv[1];
  const db = dbIndexArg(c.argv[2]);
  checkDb(c, db);
  if (db === c.dbIndex) fail(SAME_OBJECT);
  const v = c.write(key);
  if (v === undefined) return int(0);
  const when = c.db.expires.get(key);
  if (c.writeIn(db, key) !== undefined) return int(0);
  place(c, db, key, v, when);
  c.del(key);
  c.propagateAsIs();
  return int(1);
};

const swapdb: Handler = (c) => {
  const a = dbIndexArg(c.argv[1], err('ERR invalid first DB index'));
  const b = dbIndexArg(c.argv[2], err('ERR invalid second DB index'));
  checkDb(c, a);
  checkDb(c, b);
  if (a !== b && (c.dbIndex === a || c.dbIndex === b)) {
    // the caller's db gets the other one's keys: every key of both is a changed key here
    for (const db of [a, b]) for (const key of c.ks.dbs[db].data.keys()) c.touch(key);
  }
  if (a !== b) c.ks.swapDbs(a, b);
  c.propagateAsIs();
  return OK;
};

export const KEY_COPY_COMMANDS: Record<string, Handler> = { copy, move, swapdb };
