// The World: plain data, nothing but what a run is. simulation.ts is the one loop that mutates it.

import type { RngState } from '../core/random.ts';
import type { Argv, Reply } from '../core/resp.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { Keyspace } from '../keyspace/index.ts';
import type { AckedWrites } from '../replication/acked.ts';
import type { Backlog, StreamEntry } from '../replication/backlog.ts';
import type { Era } from '../replication/era.ts';
import type { ReplState } from '../replication/handshake.ts';
import type { AskCause } from '../replication/psync.ts';
import type { Pending } from './blocked.ts';
import type { ClientCtx } from './commands.ts';
import type { SimEvent } from './events.ts';

/** Virtual time in integer microseconds since the run started. */
export type Micros = number;

export interface NetConfig {
  /** One-way latency of a loopback link, µs. */
  latencyUs: number;
  /** Link bandwidth in bytes per µs (1000 = 1 GB/s). */
  bytesPerUs: number;
  /**
   * The lab's disk: bytes per µs a replica flushes (its old dataset's RDB size) and loads (the
   * RDB received) in a full sync. Absent or 0: both take no extra time, as on the loopback network
   * of the scenario traces (their real Redis flushes and loads a few keys in microseconds).
   */
  diskBytesPerUs?: number;
}

export interface World {
  now: Micros;
  /** Unix time (ms) at now = 0: absolute expires (PXAT) and INFO seconds derive from it. */
  epochMs: number;
  rng: RngState;
  net: NetConfig;
  /** Which generation's replication rules apply (replication/era.ts); fixed for the run. */
  era: Era;
  nodes: Map<string, Node>;
  /** Node name by port (7101 → "A"). */
  ports: Map<number, string>;
  conns: Map<number, Conn>;
  nextConnId: number;
  nextMsgId: number;
  nextClientId: number;
  /**
   * Cut links as `replica->master` pairs (`linkKey`): like the harness's proxy, one per pair, a cut
   * refuses that replica's connections to that master only; re-pointed elsewhere it connects.
   */
  cuts: Set<string>;
  queue: Scheduler<Task>;
  /** Emitted events not yet drained by the caller. */
  events: SimEvent[];
  emitEvents: boolean;
  seq: number;
}

/** A TCP connection between a replica (client side) and its master (server side). */
export interface Conn {
  id: number;
  /** Node names. */
  client: string;
  server: string;
  /** The server-side client id on `server` (CLIENT LIST id). */
  serverClientId: number;
  open: boolean;
  /** Ends that closed their socket (node names); a proxy cut closes both. */
  closedBy: string[];
  /** Time the last message in each direction is delivered: delivery is FIFO per direction. */
  lastToServer: Micros;
  lastToClient: Micros;
}

export type Payload =
  | { k: 'cmd'; argv: Argv; inline?: boolean }
  | { k: 'reply'; reply: Reply }
  | { k: 'newline' }
  | { k: 'rdb'; header: string; rdb: RdbFile; payloadBytes: number; eofMark: string | null }
  | { k: 'stream'; entries: StreamEntry[] };

export interface Message {
  id: number;
  conn: number;
  from: string;
  to: string;
  payload: Payload;
  size: number;
  sentAt: Micros;
  deliverAt: Micros;
}

export type Task =
  | { t: 'deliver'; msg: Message }
  | { t: 'close'; conn: number; to: string; gen: number }
  | { t: 'connect'; conn: number; gen: number; refused: boolean }
  | { t: 'cron'; node: string; gen: number }
  | { t: 'child-done'; node: string; gen: number; child: number }
  | { t: 'load-done'; node: string; gen: number; conn: number }
  /** The old dataset is flushed (the lab's disk model): rename the temp file and load the RDB. */
  | { t: 'flush-done'; node: string; gen: number; conn: number }
  | { t: 'flush'; node: string; gen: number }
  /** Writes resume (a failover ended): the held client commands run again (pause.ts). */
  | { t: 'unpause'; node: string; gen: number }
  | { t: 'bulk-done'; node: string; gen: number; clientId: number }
  /** Every replica acknowledged: a SHUTDOWN waiting for them goes ahead (at the same time). */
  | { t: 'shutdown-ready'; node: string; gen: number }
  | { t: 'wait-timeout'; node: string; gen: number }
  /** A DEBUG SLEEP ends (server/debug.ts): its reply goes out. */
  /** DEBUG SLEEP ends: its reply (none inside EXEC), then the commands held meanwhile. */
  | { t: 'debug-wake'; node: string; gen: number; pending: Pending | null };

/** An RDB file as the engine keeps it: the dataset at save time and the replication aux fields. Frozen once written (snapshotRdb): checkpoints share it. */
export interface RdbFile {
  data: Keyspace;
  /** repl-id / repl-offset / repl-stream-db aux fields, or null when none were saved. */
  repl: { replid: string; offset: number; streamDb: number } | null;
  bytes: number;
  savedAtMs: number;
}

export type RunState = 'running' | 'stopped' | 'down';

/** The master-side view of one attached client that became a replica (server.slaves entry). */
export interface ReplicaClient {
  id: number;
  conn: number;
  /** Node name of the replica (its address is 127.0.0.1:<listeningPort>). */
  peer: string;
  listeningPort: number;
  announcedIp: string;
  capaEof: boolean;
  capaPsync2: boolean;
  /** SLAVE_STATE_*. */
  replstate: 'wait_bgsave_start' | 'wait_bgsave_end' | 'send_bulk' | 'online';
  /** A legacy SYNC client: never gets +FULLRESYNC, not expected to ACK. */
  prePsync: boolean;
  ackOff: number;
  /** Unix seconds of the last ACK (lag = unixtime - ackTime). */
  ackTime: number;
  /** Offset of the next stream byte to send, or null while nothing is queued for it. */
  sendPos: number | null;
  /** Diskless: the buffer is released only at the first REPLCONF ACK after the RDB. */
  startStreamOnAck: boolean;
  /** When it started waiting for a BGSAVE (µs), for repl-diskless-sync-delay. */
  waitSince: Micros;
  psyncInitialOffset: number;
  /** The BGSAVE child it waits for (0 = none). */
  child: number;
  lastProgress: Micros;
  /** CLIENT_CLOSE_ASAP: over its output-buffer limit; freed in beforeSleep, never written to again. */
  closeAsap: boolean;
  /** obuf_soft_limit_reached_time: unix seconds the soft limit was first seen reached, 0 = not. */
  obufSoftSince: number;
}

/** A server-side connection that is not (yet) a replica: the handshake's commands arrive here. */
export interface ServerClient {
  id: number;
  conn: number;
  peer: string;
  authenticated: boolean;
  user: string;
  listeningPort: number;
  /** REPLCONF ip-address (replica-announce-ip), else the peer address. */
  announcedIp: string;
  capaEof: boolean;
  capaPsync2: boolean;
  replica: ReplicaClient | null;
  /** CLIENT LIST's age, idle and cmd: when it connected, its last read, its last command's name. */
  ctime: Micros;
  lastInteraction: Micros;
  lastcmd: string;
}

/** The replica's link to its master: the live `server.master` client or the cached one. */
export interface MasterClient {
  /** A client id of the replica's own (CLIENT LIST): createClient gives every master client one. */
  id: number;
  /** When it was created (CLIENT LIST age; a resurrected cached master keeps its own). */
  ctime: Micros;
  /** The last command applied from the stream (CLIENT LIST cmd: ping, set, select…). */
  lastcmd: string;
  replid: string;
  reploff: number;
  readReploff: number;
  db: number;
  /** Unix µs of the last byte read (master_last_io_seconds_ago, repl-timeout). */
  lastInteraction: Micros;
}

export interface ReplicaLink {
  /** Node name of the configured master and the host:port the replica uses. */
  master: string;
  masterHost: string;
  masterPort: number;
  state: ReplState;
  conn: number | null;
  /** Replies still expected in the pipelined handshake, in order. */
  pending: ('auth' | 'port' | 'ip' | 'capa')[];
  /** Last I/O with the master during connect/handshake/transfer (repl_transfer_lastio). */
  lastIo: Micros;
  /** repl_down_since in µs, 0 = not recorded. */
  downSince: Micros;
  /** From +FULLRESYNC. */
  fullsyncReplid: string;
  fullsyncOffset: number;
  transfer: {
    total: number;
    read: number;
    eofMark: string | null;
    tempFile: string;
    startedAt: Micros;
    /** The RDB received and being loaded (rdbLoad blocks until `load-done`): the node is LOADING. */
    loading: RdbFile | null;
    /** When rdbLoad began (the view counts the keys loaded so far from it and busyUntil). */
    loadStartedAt?: Micros;
  } | null;
  /** SYNC fallback after an unexpected PSYNC reply: the next reply is read as the bulk header. */
  legacySync: boolean;
  /** Why a request from this link would have no cached master to offer (the decision's era note). */
  askCause: AskCause;
}

export interface BgsaveChild {
  id: number;
  target: 'disk' | 'socket';
  startedAt: Micros;
  doneAt: Micros;
  rdb: RdbFile;
  /** For replication: the replicas it serves, and whether it was started for them. */
  forReplication: boolean;
  /** The RDB finished (socket: streamed; disk: written) but the parent has not noticed yet. */
  exited: boolean;
  /** Killed (SIGUSR1) because no replica needs it any more: reaped as "terminated by signal 10". */
  killed: boolean;
}

/** A blocked WAIT; the record is the caller's pending holder (plain data, answered by `unblock`). */
export interface BlockedClient extends Pending {
  kind: 'wait';
  numreplicas: number;
  offset: number;
  deadline: Micros | null;
}

/** A client command held while writes are paused (BLOCKED_POSTPONE): it runs again when they resume. */
export interface Postponed extends Pending {
  client: ClientCtx;
}

/** A coordinated FAILOVER under way (replication/failover.ts). */
export interface Failover {
  state: 'waiting-for-sync' | 'failover-in-progress';
  /** `TO host port`, or the caught-up replica chosen; null: any replica, none chosen yet. */
  target: { host: string; port: number } | null;
  /** Unix ms when waiting ends (TIMEOUT; 0: never). */
  endMs: number;
  /** FORCE: at the timeout, fail over anyway. */
  force: boolean;
  /** Virtual µs when FAILOVER was accepted (the lab says how long it has waited). */
  since: number;
}

/** A SHUTDOWN waiting for lagging replicas (8.3); `reply` is set when it goes ahead. */
export interface ShutdownWait extends Pending {
  /** SAVE (true), NOSAVE (false) or as the save points say (null). */
  save: boolean | null;
  deadline: Micros;
  /** Every replica acknowledged; the 'shutdown-ready' task finishes it. */
  ready: boolean;
}

/** A node's replication counters: the same fields a trace records. */
/** The INFO stats a trace records (and the counters a node keeps). */
export interface ReplStats {
  sync_full: number;
  sync_partial_ok: number;
  sync_partial_err: number;
  total_net_repl_input_bytes: number;
  total_net_repl_output_bytes: number;
  expired_keys: number;
}

export interface Node {
  name: string;
  port: number;
  /** Effective configuration, Redis names and textual values. */
  config: Map<string, string>;
  /** Configuration given at start (command line): survives restarts. CONFIG SET does not. */
  startConfig: Map<string, string>;
  state: RunState;
  /** Bumped at every start: tasks of a previous incarnation are ignored. */
  gen: number;
  runId: string;
  startedAt: Micros;
  keyspace: Keyspace;
  /** dump.rdb in the node's dir (survives restarts). */
  disk: RdbFile | null;
  /**
   * The dataset in appendonlydir (survives restarts; SHUTDOWN SAVE's deleteRdb leaves it): as it was
   * at the last shutdown that ran with appendonly yes, or null when there is none. AOF files carry no
   * replication info (lifecycle.ts loadDataFromDisk).
   */
  aof: Keyspace | null;
  /** A writable replica's keys whose TTL one of its own clients set: name → bitmap of dbs (slave-keys.ts). */
  slaveKeysWithExpire: Map<string, number>;
  /** Replication state (spec §0). */
  replid: string;
  replid2: string;
  secondReplOffset: number;
  masterReplOffset: number;
  backlog: Backlog | null;
  slaveseldb: number;
  replNoSlavesSince: number;
  link: ReplicaLink | null;
  master: MasterClient | null;
  cachedMaster: MasterClient | null;
  clients: Map<number, ServerClient>;
  /** server.slaves in attachment order. */
  slaves: ReplicaClient[];
  child: BgsaveChild | null;
  nextChildId: number;
  cronLoops: number;
  replCronLoops: number;
  goodSlaves: number;
  stats: ReplStats;
  blocked: BlockedClient[];
  /** A SHUTDOWN waiting for replicas to acknowledge (8.3). */
  shuttingDown: ShutdownWait | null;
  /** Log lines (with prefix `M * `) since the last drain. */
  log: string[];
  /** ACL users besides "default": name → password set and on/off. */
  users: Map<string, { on: boolean; passwords: string[] }>;
  /** A coordinated FAILOVER under way (it pauses writes, as a SHUTDOWN waiting for replicas does). */
  failover: Failover | null;
  /**
   * The script cache (SCRIPT LOAD, EVAL): sha1 → body. A start empties it; a full sync keeps it —
   * 7.0 replicates a script's effects, never the script, so a replica has only what was loaded on it.
   */
  scripts: Map<string, string>;
  /** Client commands held while writes are paused, oldest first (pause.ts). */
  postponed: Postponed[];
  /** CLIENT PAUSE: until unix ms `endMs` (serverCron lifts it), writes only or every command. */
  clientPause: { endMs: number; all: boolean } | null;
  /** Stream bytes queued for replicas in this event-loop iteration (flushed in beforeSleep). */
  flushScheduled: boolean;
  /** Pending GETACK requested by WAIT this iteration. */
  getackPending: boolean;
  lastSaveMs: number;
  dirty: number;
  /** The node is busy (loading an RDB) until this time: work that arrives meanwhile waits. */
  busyUntil: Micros;
  /** Work that arrived while the process was stopped (SIGSTOP): handled in order on SIGCONT. */
  parked: Task[];
  /** Writes this node acknowledged as a master: replid and end offset (acked.ts; kept across restarts). */
  acked: AckedWrites;
  /** Acknowledged writes this node later threw away in a full sync (the lab's "acknowledged but lost"). */
  lostAcked: number;
}
