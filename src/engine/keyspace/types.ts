// The contract between the server layer (src/engine/server/*, replication) and the keyspace
// (data types and the data commands). The keyspace is pure: it never sees replication, links or
// time except through ExecContext.
import type { Argv, Reply } from '../core/resp.ts';

export interface ExecContext {
  /** Virtual unix time in ms: TTLs, and the absolute PXAT / PEXPIREAT written into the stream. */
  nowMs: number;
  /** Seeded uniform [0,1): SPOP / SRANDMEMBER choices (never the global PRNG). */
  random: () => number;
  /**
   * True when the command comes from the master's replication stream (the node is a replica applying
   * it): keys are never expired lazily here (the replica waits for the master's DEL). As 7.0's
   * expireIfNeeded does for `server.master`, a logically expired key even reads as live for these
   * commands (their replies are discarded); ordinary clients of a replica use `replica` below.
   */
  fromMaster: boolean;
  /**
   * Added by the keyspace: true when this node is a replica (`masterhost` set) and the command comes
   * from an ordinary client. Reads see logically expired keys as missing but do not delete them (the
   * replica waits for the master's DEL); a write on a writable replica deletes them silently; an
   * EXPIRE/GETEX time in the past sets the TTL instead of deleting. Default false (a master).
   */
  replica?: boolean;
  /**
   * Added by the keyspace: when set, a write command called from EVAL fails with this error text
   * (e.g. `READONLY You can't write against a read only replica.`), as Redis checks it per call.
   */
  scriptWriteDenied?: string;
  /** Added by the server: the node's script cache (sha1 → body) for EVAL, EVALSHA and SCRIPT. */
  scripts?: Map<string, string>;
  /**
   * Added by the server when it will not read these effects, so they are not collected (no arrays
   * per call on the hot paths): `skipPropagate` for a replica applying its master's stream (it
   * proxies the entry itself), `skipChanged` when no `data.changed` event is emitted. The result's
   * `propagate` / `changed` are then []. Data, replies and expiry are the same either way.
   */
  skipPropagate?: boolean;
  skipChanged?: boolean;
}

export interface ExecResult {
  reply: Reply;
  /**
   * What Redis 7.0 appends to the replication stream for this call, in order, already rewritten:
   * [] for reads, failed writes and no-op writes (DEL of a missing key);
   * `SET k v EX 10` → `SET k v PXAT <nowMs+10000>`; `EXPIRE k 10` → `PEXPIREAT k <abs ms>`;
   * `INCRBYFLOAT f 1.5` → `SET f 1.5 KEEPTTL`; `SPOP s` → `SREM s <member>`; EVAL → its effects
   * with command names in the case the script used. The server wraps more than one entry in
   * MULTI … EXEC and adds SELECT.
   */
  propagate: Argv[];
  /** The db of each `propagate` entry when a script's SELECT wrote in another db (Sink.dbs). */
  dbs?: number[];
  /** Keys whose value changed (for the UI's data.changed events). */
  changed: string[];
  /** On a replica: keys read as missing because their TTL passed, though the master's DEL has not come. */
  expiredOnReplica?: string[];
}

export type Flag =
  | 'write'
  | 'readonly'
  | 'admin'
  | 'denyoom'
  | 'fast'
  | 'noscript'
  | 'loading'
  | 'stale'
  | 'pubsub'
  // Added by the keyspace: the rest of the flags 7.0.15's COMMAND INFO prints for the lab's commands.
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'no_mandatory_keys'
  | 'movablekeys'
  | 'no_auth'
  | 'allow_busy'
  | 'no_async_loading'
  | 'no_multi';

export interface CommandSpec {
  /** Lower-case name; a subcommand's is its full name, `config|set` (what arity errors print). */
  name: string;
  /** Redis arity: N exact (including the name), -N at least N. */
  arity: number;
  flags: Flag[];
  /** Added by the keyspace: a container command's (CONFIG, CLIENT, ACL, COMMAND) subcommands by lower-case name. */
  subcommands?: ReadonlyMap<string, CommandSpec>;
}
