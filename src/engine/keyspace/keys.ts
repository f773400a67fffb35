// Generic key commands (db.c): DEL UNLINK EXISTS TOUCH TYPE KEYS DBSIZE FLUSHALL FLUSHDB RENAME
// RENAMENX RANDOMKEY.
//   DEL/UNLINK propagate as typed only when something was deleted (`DEL missing` → nothing;
//   `DEL missing a` → `DEL missing a`); RENAME k k → OK (RENAMENX: 0) without propagation; FLUSH* always propagate.
//   DBSIZE counts keys whose TTL passed but that nobody has deleted yet (as Redis does); KEYS skips
//   them without deleting them.
import { arr, bulk, int, NIL, OK, simple } from '../core/resp.ts';
import { compareBytes } from './bytes.ts';
import { fail, type Handler } from './call.ts';
import { NO_SUCH_KEY, SYNTAX } from './errors.ts';
import { globMatcher } from './glob.ts';
import { typeOf } from './values.ts';

const del: Handler = (c) => {
  let deleted = 0;
  for (const key of c.argv.slice(1)) {
    if (c.write(key) !== undefined && c.del(key)) deleted++;
  }
  if (deleted > 0) c.propagateAsIs();
  return int(deleted);
};

/** EXISTS and TOUCH: how many of the keys are there (a key named twice counts twice). */
const exists: Handler = (c) => int(c.argv.slice(1).filter((k) => c.read(k) !== undefined).length);

const type: Handler = (c) => {
  const v = c.read(c.argv[1]);
  return simple(v === undefined ? 'none' : typeOf(v));
};

/** KEYS: Redis walks its hash table (random order); the lab lists matches in byte order. */
const keys: Handler = (c) => {
  const match = globMatcher(c.argv[1]);
  const out: string[] = [];
  for (const key of c.db.data.keys()) {
    if (!c.db.isExpired(key, c.now) && match(key)) out.push(key);
  }
  return arr(out.sort(compareBytes).map((k) => bulk(k)));
};

const dbsize: Handler = (c) => int(c.db.data.size);

/** FLUSHALL/FLUSHDB [ASYNC|SYNC]: one optional argument, else a syntax error. */
function flush(all: boolean): Handler {
  return (c) => {
    if (c.argv.length > 2) fail(SYNTAX);
    if (c.argv.length === 2 && !['async', 'sync'].includes(c.argv[1].toLowerCase())) fail(SYNTAX);
    const dbs = all ? c.ks.dbs : [c.db];
    for (const db of dbs) {
      for (const key of db.data.keys()) c.touch(key);
      db.clear();
    }
    if (all) c.ks.index.clear();
    c.propagateAsIs();
    return OK;
  };
}

/**
 * renameGenericCommand: the value and its TTL move; an existing destination is replaced (RENAME)
 * or left alone with reply 0 (RENAMENX). A key renamed to itself: OK / 0, nothing propagated.
 */
function renameGeneric(nx: boolean): Handler {
  return (c) => {
    const [, src, dst] = c.argv;
    const v = c.write(src);
    if (v === undefined) fail(NO_SUCH_KEY);
    if (src === dst) return nx ? int(0) : OK;
    const when = c.db.expires.get(src);
    if (c.write(dst) !== undefined) {
      if (nx) return int(0);
      c.del(dst);
    }
    c.db.data.set(dst, v);
    c.touch(dst);
    if (when !== undefined) c.setExpire(dst, when);
    c.del(src);
    c.propagateAsIs();
    return nx ? int(1) : OK;
  };
}

/**
 * RANDOMKEY with ctx.random. A master that draws a key whose TTL passed deletes it (propagating
 * DEL) and draws again; a replica draws among live keys, or returns an expired one when nothing is
 * live (Redis gives up after 100 tries when every key is volatile).
 */
const randomkey: Handler = (c) => {
  const pick = (list: string[]) => list[Math.min(list.length - 1, Math.floor(c.ctx.random() * list.length))];
  if (c.onReplica) {
    const all = [...c.db.data.keys()];
    if (all.length === 0) return NIL;
    const live = c.ctx.fromMaster ? all : all.filter((k) => !c.db.isExpired(k, c.now));
    return bulk(pick(live.length > 0 ? live : all));
  }
  for (;;) {
    const all = [...c.db.data.keys()];
    if (all.length === 0) return NIL;
    const key = pick(all);
    if (c.read(key) !== undefined) return bulk(key);
  }
};

export const KEY_COMMANDS: Record<string, Handler> = {
  del,
  unlink: del,
  exists,
  type,
  keys,
  dbsize,
  flushall: flush(true),
  flushdb: flush(false),
  rename: renameGeneric(false),
  renamenx: renameGeneric(true),
  randomkey,
  touch: exists,
};
