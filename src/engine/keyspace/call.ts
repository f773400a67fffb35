// One command call: the Db it runs against, its ExecContext, and where its effects go.
// Handlers (strings.ts, lists.ts, …) read and write keys only through a Call, which applies
// Redis 7.0's lazy expiry (expireIfNeeded) on every lookup and records what to propagate.
//
// Lazy expiry, by who is asking (db.c: expireIfNeeded in 7.0):
//   master, ordinary client      → delete the key, count it, propagate `DEL key` before the
//                                   command's own effects (the server wraps >1 entry in MULTI/EXEC)
//   replica, read                → the key is missing, but stays until the master's DEL arrives
//   replica, write (writable)    → deleted silently (a replica never feeds its own stream)
//   the master's stream (fromMaster) → the key is live: the master decides when it expires
import type { Argv, Reply } from '../core/resp.ts';
import type { Db } from './db.ts';
import { WRONGTYPE } from './errors.ts';
import type { ExpiryIndex } from './expiry-index.ts';
import type { ExecContext } from './types.ts';
import type { Aggregate, HashValue, KeyType, ListValue, SetValue, Value, ZsetValue } from './values.ts';

export type Handler = (c: Call) => Reply;

/**
 * A command's error reply, thrown by a handler before it has changed anything (every handler
 * validates all of its input first); exec turns it into the reply. Lazy-expiry deletions made by
 * lookups before the error stay, as in Redis (`RENAME expired x` propagates `DEL expired`).
 */
export class ReplyError {
  constructor(readonly reply: Reply) {}
}

export function fail(reply: Reply): never {
  throw new ReplyError(reply);
}

interface ValueOf {
  string: string;
  list: ListValue;
  set: SetValue;
  hash: HashValue;
  zset: ZsetValue;
}

/** What a Call needs from its Keyspace. */
export interface KeyspaceCore {
  readonly dbs: Db[];
  readonly index: ExpiryIndex;
  readonly stats: { expiredKeys: number };
  handler(name: string): Handler | undefined;
  /** SWAPDB: databases a and b trade contents (TTLs included). */
  swapDbs(a: number, b: number): void;
}

/** Effects shared by a call and the calls an EVAL makes. */
export interface Sink {
  propagate: Argv[];
  /**
   * The db of each `propagate` entry, present only once a script's SELECT made a call in another
   * db than its EVAL's (each entry then goes with its own SELECT, as propagatePendingCommands does).
   */
  dbs?: number[];
  /** Keys touched, in order, possibly repeated (exec reports each once: a push is cheaper than a Set). */
  changed: string[];
  /** Keys a replica's read treated as missing because their TTL passed (still stored). */
  expiredOnReplica?: string[];
}

export class Call {
  // Set only by the constructor and by `reuse` (a fresh call in a recycled object).
  db!: Db;
  ks!: KeyspaceCore;
  dbIndex!: number;
  ctx!: ExecContext;
  argv!: Argv;
  sink!: Sink;

  /** A call a script made (redis.call: CLIENT_SCRIPT), set by `nested`. */
  inScript = false;

  constructor(ks: KeyspaceCore, dbIndex: number, ctx: ExecContext, argv: Argv, sink: Sink) {
    this.reuse(ks, dbIndex, ctx, argv, sink);
  }

  /**
   * Make this object a new call (the keyspace recycles one between top-level calls: a SET with
   * three replicas made four Calls, the most frequent allocation of the engine).
   */
  reuse(ks: KeyspaceCore, dbIndex: number, ctx: ExecContext, argv: Argv, sink: Sink): this {
    this.ks = ks;
    this.dbIndex = dbIndex;
    this.ctx = ctx;
    this.argv = argv;
    this.sink = sink;
    this.db = ks.dbs[dbIndex];
    this.inScript = false;
    return this;
  }

  /** Lower-case command name (the table's name: what error texts print). */
  get name(): string {
    return this.argv[0].toLowerCase();
  }

  get now(): number {
    return this.ctx.nowMs;
  }

  /** True on a node that is a replica or applies its master's stream: no "already expired" deletes. */
  get onReplica(): boolean {
    return this.ctx.fromMaster || this.ctx.replica === true;
  }

  /** Can a lookup here expire a key (delete it, or read it as missing)? Not from the master's stream, nor in a db without TTLs. */
  get mayExpire(): boolean {
    return !this.ctx.fromMaster && this.db.expires.size !== 0;
  }

  /** lookupKeyRead: the value, or undefined when missing or logically expired. */
  read(key: string): Value | undefined {
    return this.lookup(key, false);
  }

  /** lookupKeyWrite: as read(), but a writable replica deletes an expired key. */
  write(key: string): Value | undefined {
    return this.lookup(key, true);
  }

  /** read() + checkType: the value when it has this type, undefined when missing, else WRONGTYPE. */
  readAs<K extends KeyType>(key: string, type: K): ValueOf[K] | undefined {
    return checkType(this.read(key), type);
  }

  /** write() + checkType. */
  writeAs<K extends KeyType>(key: string, type: K): ValueOf[K] | undefined {
    return checkType(this.write(key), type);
  }

  /** lookupKeyWrite in another database of this keyspace (MOVE, COPY … DB n). */
  writeIn(dbIndex: number, key: string): Value | undefined {
    return this.lookup(key, true, dbIndex);
  }

  private lookup(key: string, forWrite: boolean, dbIndex = this.dbIndex): Value | undefined {
    const db = this.ks.dbs[dbIndex];
    const v = db.data.get(key);
    if (v === undefined || this.ctx.fromMaster || !db.isExpired(key, this.now)) return v;
    if (this.ctx.replica) {
      if (forWrite) db.delete(key);
      else if (dbIndex === this.dbIndex) (this.sink.expiredOnReplica ??= []).push(key);
      return undefined;
    }
    db.delete(key);
    this.ks.stats.expiredKeys++;
    this.alsoIn(dbIndex, ['DEL', key]);
    if (dbIndex === this.dbIndex) this.touch(key);
    return undefined;
  }

  /** Append an entry to this call's propagation. */
  also(argv: Argv): void {
    if (this.ctx.skipPropagate) return;
    this.sink.propagate = appended(this.sink.propagate, argv);
    this.sink.dbs?.push(this.dbIndex);
  }

  /**
   * An entry for another database (a lazily expired destination of MOVE / COPY … DB n): Redis
   * propagates it with that db's SELECT; the server feeds this call's entries in the call's db, so
   * the entry goes between SELECTs of its own. When the stream is already in the call's db these
   * are the bytes of Redis's `SELECT 1`, `MULTI`, `DEL k`, `SELECT 0`, `MOVE k 1`, `EXEC` (the first
   * SELECT lands after MULTI instead of before it); else one more `SELECT 0` goes first.
   */
  alsoIn(dbIndex: number, argv: Argv): void {
    if (dbIndex === this.dbIndex) {
      this.also(argv);
      return;
    }
    this.also(['SELECT', String(dbIndex)]);
    this.also(argv);
    this.also(['SELECT', String(this.dbIndex)]);
  }

  /** Propagate the command exactly as the client typed it (name case included). */
  propagateAsIs(): void {
    if (!this.ctx.skipPropagate) this.also(this.argv.slice());
  }

  touch(key: string): void {
    if (!this.ctx.skipChanged) this.sink.changed = appended(this.sink.changed, key);
  }

  /** setKey: store a string; the TTL goes unless keepTtl (SET … KEEPTTL, INCR, APPEND keep it). */
  setString(key: string, value: string, keepTtl = false): void {
    this.db.data.set(key, value);
    if (!keepTtl) this.db.persist(key);
    this.touch(key);
  }

  /** dbAdd of a new aggregate (the key is known to be missing). */
  add(key: string, value: Aggregate): void {
    value.owner = this.db.owner;
    this.db.data.set(key, value);
    this.touch(key);
  }

  /** The aggregate at key, ready to mutate in place (copy-on-write). */
  mutable<T extends Aggregate>(key: string, v: T): T {
    this.touch(key);
    return this.db.mutable(key, v);
  }

  /** dbDelete. */
  del(key: string): boolean {
    const had = this.db.delete(key);
    if (had) this.touch(key);
    return had;
  }

  /** Delete an aggregate that became empty (Redis never keeps empty lists, sets, hashes, zsets). */
  deleteIfEmpty(key: string, size: number): void {
    if (size === 0) this.del(key);
  }

  /**
   * A …STORE command's destination (SINTERSTORE, ZUNIONSTORE, ZRANGESTORE, BITOP, …): `value`
   * replaces it (setKey: an expired destination is deleted first, its DEL propagated; the TTL
   * goes), or, for an empty result (null), it is deleted without a lookup (dbDelete: one whose TTL
   * passed goes as present). The command propagates as typed when the destination was written or
   * deleted: `ZINTERSTORE out 2 z nokey` with no `out` propagates nothing (observed on 7.0.15).
   */
  storeOrDelete(dst: string, value: Value | null): void {
    if (value === null) {
      if (this.del(dst)) this.propagateAsIs();
      return;
    }
    this.write(dst);
    if (typeof value === 'string') this.setString(dst, value);
    else {
      this.del(dst);
      this.add(dst, value);
    }
    this.propagateAsIs();
  }

  /** setExpire, in this call's db unless another is named (MOVE, COPY … DB n). */
  setExpire(key: string, when: number, dbIndex = this.dbIndex): void {
    this.ks.dbs[dbIndex].expires.set(key, when);
    this.ks.index.push({ when, db: dbIndex, key });
    if (dbIndex === this.dbIndex) this.touch(key);
  }

  /**
   * A nested call (EVAL's redis.call) sharing this call's effects, in `dbIndex` (the script's
   * SELECT). The first one in another db than this call's starts the sink's per-entry dbs.
   */
  nested(argv: Argv, dbIndex = this.dbIndex): Call {
    if (dbIndex !== this.dbIndex && !this.sink.dbs)
      this.sink.dbs = this.sink.propagate.map(() => this.dbIndex);
    const call = new Call(this.ks, dbIndex, this.ctx, argv, this.sink);
    call.inScript = true;
    return call;
  }
}

/**
 * `list` with x at the end: the same array, or a new one-element array in place of an empty one
 * (a sink may start with shared frozen empties; a first push would also reserve 16 slots).
 */
export function appended<T>(list: T[], x: T): T[] {
  if (list.length === 0) return [x];
  list.push(x);
  return list;
}

function checkType<K extends KeyType>(v: Value | undefined, type: K): ValueOf[K] | undefined {
  if (v === undefined) return undefined;
  if ((typeof v === 'string' ? 'string' : v.type) !== type) fail(WRONGTYPE);
  return v as ValueOf[K];
}
