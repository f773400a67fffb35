// The keyspace of one node: 16 databases of Redis 7.0 values with absolute-ms TTLs, and the data
// commands. Pure and deterministic: time and randomness come only from the ExecContext.
//
//   const ks = new Keyspace();
//   ks.exec(0, ['SET', 'ttl', 'v', 'EX', '1000'], { nowMs: 1764000000000, random, fromMaster: false })
//   → { reply: +OK, propagate: [['SET','ttl','v','PXAT','1764001000000']], changed: ['ttl'] }
//   ks.exec(0, ['PING'], ctx) → null (a server command: the server layer answers it)
import { type Argv, OK, type Reply } from '../core/resp.ts';
import { BITFIELD_COMMANDS } from './bitfield.ts';
import { BIT_COMMANDS } from './bitops.ts';
import { Call, type Handler, type KeyspaceCore, ReplyError, type Sink } from './call.ts';
import { arityError, arityOk, COMMAND_TABLE, commandName } from './commands.ts';
import { Db } from './db.ts';
import { datasetDigest, valueDigest } from './digest.ts';
import { type DumpedKey, dumpDb, type KeyInfo, keyInfos } from './dump.ts';
import { EVAL_COMMANDS } from './eval.ts';
import { EXPIRE_COMMANDS } from './expire.ts';
import { type Due, ExpiryIndex } from './expiry-index.ts';
import { HASH_COMMANDS } from './hashes.ts';
import { KEY_COPY_COMMANDS } from './key-copy.ts';
import { KEY_COMMANDS } from './keys.ts';
import { LIST_EDIT_COMMANDS } from './list-edits.ts';
import { LIST_COMMANDS } from './lists.ts';
import { reencodeLoaded } from './rdb-load.ts';
import { type RdbAux, rdbSize } from './rdb-size.ts';
import { SCAN_COMMANDS } from './scan.ts';
import { SET_ALGEBRA_COMMANDS } from './set-algebra.ts';
import { SET_COMMANDS } from './sets.ts';
import { SORT_COMMANDS } from './sort.ts';
import { STRING_RANGE_COMMANDS } from './string-ranges.ts';
import { STRING_COMMANDS } from './strings.ts';
import type { ExecContext, ExecResult } from './types.ts';
import { ZSET_RANK_COMMANDS } from './zset-ranks.ts';
import { ZSET_STORE_COMMANDS } from './zset-store.ts';
import { ZSET_COMMANDS } from './zsets.ts';

export const DB_COUNT = 16;

/** Each key once, in the order first touched (SET a, SET b, SET a → a, b). */
function firstOfEach(keys: string[]): string[] {
  return keys.length < 2 ? keys : [...new Set(keys)];
}

/**
 * The sink of calls whose effects nobody reads (ctx.skipPropagate and ctx.skipChanged): Call
 * records nothing then, and being frozen it makes a record that slipped through throw. Its empty
 * arrays also start every other sink (Call replaces an empty list by a new one on its first record).
 */
const DISCARDED: Sink = Object.freeze({
  propagate: Object.freeze([]) as unknown as Argv[],
  changed: Object.freeze([]) as unknown as string[],
});

/** A Call object for the next top-level call; null while one runs. */
let spare: Call | null = null;

const HANDLERS: ReadonlyMap<string, Handler> = new Map(
  Object.entries({
    ...STRING_COMMANDS,
    ...STRING_RANGE_COMMANDS,
    ...BIT_COMMANDS,
    ...BITFIELD_COMMANDS,
    ...KEY_COMMANDS,
    ...SCAN_COMMANDS,
    ...KEY_COPY_COMMANDS,
    ...EXPIRE_COMMANDS,
    ...LIST_COMMANDS,
    ...LIST_EDIT_COMMANDS,
    ...SET_COMMANDS,
    ...SET_ALGEBRA_COMMANDS,
    ...HASH_COMMANDS,
    ...ZSET_COMMANDS,
    ...ZSET_RANK_COMMANDS,
    ...ZSET_STORE_COMMANDS,
    ...SORT_COMMANDS,
    ...EVAL_COMMANDS,
  }),
);

/** The data commands this keyspace executes (lower-case); exec returns null for any other name. */
export const KEYSPACE_COMMANDS: ReadonlySet<string> = new Set(HANDLERS.keys());

/**
 * Each handler with its 7.0 arity, so a call finds both with one lookup: a SET with three replicas
 * runs four calls, and the second Map lookup by name was ~15 ns of each.
 */
const RUNNABLE: ReadonlyMap<string, { handler: Handler; arity: number }> = new Map(
  [...HANDLERS].map(([name, handler]) => [name, { handler, arity: COMMAND_TABLE.get(name)!.arity }]),
);

export class Keyspace implements KeyspaceCore {
  dbs: Db[] = Array.from({ length: DB_COUNT }, () => new Db());
  index = new ExpiryIndex();
  /** INFO stats: keys deleted because their TTL passed (lazily or by activeExpire), on a master. */
  stats = { expiredKeys: 0 };
  /** The latest virtual time seen (exec, activeExpire): dump() hides keys expired by then. */
  clock = 0;

  handler(name: string): Handler | undefined {
    return HANDLERS.get(name);
  }

  /**
   * Run a data command against db. null when argv is not a keyspace command (the server layer
   * handles it). Arity is checked with the 7.0 table; every error leaves the data unchanged, except
   * for lazily expired keys the lookups deleted first (as in Redis, whose DELs are propagated).
   * `name` is argv[0] in lower case, for a caller that has it already (a stream entry's `cmd`).
   */
  exec(db: number, argv: Argv, ctx: ExecContext, name?: string): ExecResult | null {
    // The result is the call's sink too (one object a call), its reply set at the end.
    const out: ExecResult = { reply: OK, propagate: DISCARDED.propagate, changed: DISCARDED.changed };
    const reply = this.run(db, argv, ctx, name, out);
    if (reply === null) return null;
    out.reply = reply;
    out.changed = firstOfEach(out.changed);
    return out;
  }

  /**
   * exec for a command from the master's stream (ctx.fromMaster), whose reply Redis discards: the
   * data changes the same way, but no result is built. Returns the keys changed, each once ([] when
   * ctx.skipChanged): with 3 replicas this is three of every four commands the engine runs.
   */
  applyFromMaster(db: number, argv: Argv, ctx: ExecContext, name?: string): readonly string[] {
    if (ctx.skipChanged && ctx.skipPropagate) {
      this.run(db, argv, ctx, name, DISCARDED);
      return DISCARDED.changed;
    }
    const sink: Sink = { propagate: DISCARDED.propagate, changed: DISCARDED.changed };
    this.run(db, argv, ctx, name, sink);
    return firstOfEach(sink.changed);
  }

  /** The handler's reply (an arity error included), or null for a command this keyspace lacks. */
  private run(db: number, argv: Argv, ctx: ExecContext, name: string | undefined, sink: Sink): Reply | null {
    if (argv.length === 0) return null;
    name ??= commandName(argv[0]);
    const cmd = RUNNABLE.get(name);
    if (!cmd) return null;
    if (ctx.nowMs > this.clock) this.clock = ctx.nowMs;
    if (!arityOk(cmd.arity, argv.length)) return arityError(name);
    // The spare Call, or a new one if a call is running (none does today: EVAL's calls are nested()).
    const c = spare ? spare.reuse(this, db, ctx, argv, sink) : new Call(this, db, ctx, argv, sink);
    spare = null;
    let reply: Reply;
    try {
      reply = cmd.handler(c);
    } catch (e) {
      if (!(e instanceof ReplyError)) throw e;
      reply = e.reply;
    } finally {
      // Kept for the next call, holding nothing of this one (its keyspace may be a dropped World's).
      spare = c.reuse(IDLE, 0, ctx, NO_ARGV, DISCARDED);
    }
    this.compactIndex();
    return reply;
  }

  /**
   * Active expiry: delete every key whose TTL passed (now > when), earliest first, ties by db then
   * key bytes, at most maxKeys of them. Returns what it deleted; the server propagates a `DEL key`
   * (with SELECT) for each on a master. Redis samples 20 keys per db 10 times a second; the lab
   * deletes due keys in deadline order, so two runs always agree.
   */
  activeExpire(nowMs: number, maxKeys = Number.POSITIVE_INFINITY): { db: number; key: string }[] {
    if (nowMs > this.clock) this.clock = nowMs;
    const out: { db: number; key: string }[] = [];
    while (out.length < maxKeys) {
      const top = this.index.peek();
      if (!top || !(nowMs > top.when)) break;
      this.index.pop();
      const d = this.dbs[top.db];
      if (d.expires.get(top.key) !== top.when) continue;
      d.delete(top.key);
      this.stats.expiredKeys++;
      out.push({ db: top.db, key: top.key });
    }
    return out;
  }

  /** DBSIZE: every key, including ones whose TTL passed but were not deleted yet (as Redis counts). */
  dbsize(db: number): number {
    return this.dbs[db].data.size;
  }

  /** DEBUG DIGEST: every database's keys, values and TTL flags as 40 hex digits (digest.ts). */
  digest(): string {
    return datasetDigest(this.dbs);
  }

  /** DEBUG DIGEST-VALUE: one key of db (forty zeros when it is missing). */
  valueDigest(db: number, key: string): string {
    return valueDigest(this.dbs[db], key);
  }

  /** Keys in all databases. */
  keyCount(): number {
    return this.dbs.reduce((n, d) => n + d.data.size, 0);
  }

  /** Keys with a TTL in all databases (INFO keyspace `expires=`). */
  expiresCount(db?: number): number {
    return db === undefined ? this.dbs.reduce((n, d) => n + d.expires.size, 0) : this.dbs[db].expires.size;
  }

  /** The trace's `data`: every live key of db in byte order (dump.ts has the format). */
  dump(db: number, nowMs = this.clock): Record<string, DumpedKey> {
    return dumpDb(this.dbs[db], nowMs);
  }

  /** Live keys of db with type and TTL, in byte order, for the UI. */
  keys(db: number, nowMs = this.clock): KeyInfo[] {
    return keyInfos(this.dbs[db], nowMs);
  }

  /**
   * A snapshot (the RDB a BGSAVE forks): maps copied, containers shared copy-on-write, so a
   * 100k-key clone costs two Map copies per db.
   */
  clone(): Keyspace {
    const k = new Keyspace();
    k.dbs = this.dbs.map((d) => d.clone());
    k.index = this.index.clone();
    k.stats = { ...this.stats };
    k.clock = this.clock;
    return k;
  }

  /**
   * rdbLoad: the keyspace a server builds from this RDB's data — a clone whose aggregates get the
   * encodings a load gives them (rdb-load.ts).
   */
  loaded(): Keyspace {
    const k = this.clone();
    for (const d of k.dbs) reencodeLoaded(d);
    return k;
  }

  /** Empty every database (a replica flushing before it loads a full sync). */
  flushAll(): void {
    for (const d of this.dbs) d.clear();
    this.index.clear();
  }

  /** Estimated size in bytes of this keyspace saved as an RDB file (rdb-size.ts). */
  rdbSize(aux: RdbAux | null): number {
    return rdbSize(this.dbs, aux);
  }

  swapDbs(a: number, b: number): void {
    [this.dbs[a], this.dbs[b]] = [this.dbs[b], this.dbs[a]];
    this.rebuildIndex(); // its entries name the db a TTL was set in
  }

  /** Drop stale heap entries once they outnumber the live TTLs (TTL rewrites leave them behind). */
  private compactIndex(): void {
    if (this.index.size <= 1024) return; // below the threshold whatever the live count (no 16-db sum per call)
    const live = this.expiresCount();
    if (this.index.size <= 2 * live + 1024) return;
    this.rebuildIndex();
  }

  /** The expiry heap from the live TTLs of every db. */
  private rebuildIndex(): void {
    const all: Due[] = [];
    this.dbs.forEach((d, db) => {
      for (const [key, when] of d.expires) all.push({ when, db, key });
    });
    this.index.rebuild(all);
  }
}

/** What the spare Call points at between calls. */
const IDLE = new Keyspace();
const NO_ARGV: Argv = [];
