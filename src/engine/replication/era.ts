// Protocol eras: which Redis generation's replication rules a run follows (issue 11).
//   sync   — Redis ≤ 2.6: every (re)connection is SYNC and a full transfer; no replid, no backlog.
//   psync1 — Redis 2.8–3.2: PSYNC <runid> <offset>; partial only with a cached master of the same run id.
//   psync2 — Redis 4.0+ (7.0 here): replid/replid2, replication info kept in the RDB. The default.
// A run's era is fixed when the World is created (LabSetup.era, a scenario's "era", the run record's setup).
//
// The older eras are modelled from Redis's replication.c at the 2.6.17, 2.8.24 and 3.2.13 tags (real
// binaries of those versions cannot run here): each rule below names the function it comes from.
// The engine code asks `eraRules(w.era)` at each place a rule applies; psync2 is 7.0.15 as recorded.
// What the older eras keep from the 7.0 engine (not modelled): the pipelined handshake of 6.2 (2.8
// waited for each reply), a replica's master_repl_offset following its master's (3.2 counted its own
// backlog bytes), ROLE (2.8.12+), SHUTDOWN's 7.0 log lines. Stream positions exist in every era
// inside the engine (2.6 had none): INFO hides them where the era did not print them.

export const ERAS = ['sync', 'psync1', 'psync2'] as const;
export type Era = (typeof ERAS)[number];
export const DEFAULT_ERA: Era = 'psync2';

export function isEra(x: unknown): x is Era {
  return typeof x === 'string' && (ERAS as readonly string[]).includes(x);
}

/** The Redis versions each era is modelled on (for labels: "Redis 2.8–3.2"). */
export const ERA_VERSIONS: Record<Era, string> = {
  sync: '≤ 2.6',
  psync1: '2.8–3.2',
  psync2: '4.0+ (7.0.15)',
};

/** True when the era's rules come from reading the source, not from recorded real runs. */
export function eraModelledFromSource(era: Era): boolean {
  return era !== 'psync2';
}

export interface EraRules {
  /**
   * What the replica asks with once the handshake is done. 2.6 `syncWithMaster` writes `SYNC` and
   * reads the `$<len>` bulk at once; 2.8+ `slaveTryPartialResynchronization` writes PSYNC.
   */
  request: 'SYNC' | 'PSYNC';
  /**
   * REPLCONF capa the replica sends (null: none). 2.6 `syncWithMaster` sends only listening-port;
   * 3.2 sends `capa eof` (diskless, 2.8.18+); 4.0 adds `capa psync2` (+CONTINUE <new replid>).
   */
  capa: readonly string[] | null;
  /** REPLCONF ip-address with replica-announce-ip (slave-announce-ip, 3.2 `syncWithMaster`). */
  announceIp: boolean;
  /**
   * The id in +FULLRESYNC and the one a PSYNC must name: 2.8/3.2 `replicationSetupSlaveForFullResync`
   * answers `server.runid` and `masterTryPartialResynchronization` compares it (a restart gets a new
   * one); 4.0 answers the replid, which survives restarts (RDB) and promotions (replid2).
   */
  history: 'runid' | 'replid';
  /**
   * A lost master link: 2.8+ `replicationCacheMaster` keeps it for a PSYNC; 2.6 `freeClient` forgets
   * the master and calls `disconnectSlaves` (sub-replicas sync again with this node's new data).
   */
  cachesMaster: boolean;
  /** REPLCONF ACK <offset> every second (2.8 `replicationSendAck`); 2.6 replicas never answer. */
  acks: boolean;
  /**
   * The RDB carries repl-id / repl-offset and a start uses them (4.0 `rdbPopulateSaveInfo`, and at
   * load a replica's cached master, a master's replid2): before 4.0 a restart knows nothing.
   */
  rdbReplInfo: boolean;
  /**
   * REPLICAOF keeps history: 4.0 caches the old master or synthesizes one from its own history
   * (`replicationCacheMasterUsingMyself`). 2.8/3.2 `replicationSetMaster` discards the cached master
   * ("Don't try a PSYNC"), drops sub-replicas and frees the backlog; 2.6 `slaveofCommand` drops them too.
   */
  replicaofKeepsHistory: boolean;
  /**
   * REPLICAOF NO ONE: 4.0 `replicationUnsetMaster` shifts the replid (the old one stays servable as
   * replid2) and disconnects sub-replicas. 2.8/3.2 keep the run id and the sub-replicas, and free the
   * backlog when there are none; 2.6 just frees the master client.
   */
  promotion: 'shift-replid' | 'keep-runid' | 'forget';
  /**
   * The first replica of a node without a backlog: 4.0 `syncCommand` creates it under a new replid;
   * 2.8/3.2 `createReplicationBacklog` adds 1 to master_repl_offset ("we'll not be able to PSYNC with
   * any previous slave"); 2.6 has no backlog (the engine's one is only the stream's buffer there).
   */
  newBacklog: 'new-replid' | 'offset-plus-one' | 'buffer-only';
  /**
   * A replica's own master_repl_offset and backlog. 4.0+ (and the engine's 2.6, where nobody sees
   * it): the master's offset, a backlog from the full sync on. 2.8/3.2: its own counter, which only
   * moves while it has a backlog (`replicationFeedSlavesFromMasterStream` feeds one if it exists);
   * a full sync frees it (`syncWithMaster` after PSYNC_FULLRESYNC) and the next one is created with
   * +1 (`createReplicationBacklog`), so a sub-replica's old offset can never be served again.
   */
  replicaOffset: 'master' | 'own';
  /** SHUTDOWN waits for lagging replicas (7.0 `shutdown-timeout`). */
  shutdownWaits: boolean;
  /** The coordinated FAILOVER command (6.2+ `failoverCommand`); before it, an unknown command. */
  failover: boolean;
  /**
   * A lost link or a failed transfer reconnects at once (6.0+ `replicationHandleMasterDisconnection`,
   * `cancelReplicationHandshake(1)`); 2.6–3.2 go back to CONNECT and `replicationCron` connects
   * within a second (a sub-replica refused with an error does not spin).
   */
  reconnectAtOnce: boolean;
  /** What INFO prints (see `eraInfoFields`). */
  info: 'v2.6' | 'v3.2' | 'v7.0';
}

const RULES: Record<Era, EraRules> = {
  sync: {
    request: 'SYNC',
    capa: null,
    announceIp: false,
    history: 'replid',
    cachesMaster: false,
    acks: false,
    rdbReplInfo: false,
    replicaofKeepsHistory: false,
    promotion: 'forget',
    newBacklog: 'buffer-only',
    replicaOffset: 'master',
    shutdownWaits: false,
    failover: false,
    reconnectAtOnce: false,
    info: 'v2.6',
  },
  psync1: {
    request: 'PSYNC',
    capa: ['capa', 'eof'],
    announceIp: true,
    history: 'runid',
    cachesMaster: true,
    acks: true,
    rdbReplInfo: false,
    replicaofKeepsHistory: false,
    promotion: 'keep-runid',
    newBacklog: 'offset-plus-one',
    replicaOffset: 'own',
    shutdownWaits: false,
    failover: false,
    reconnectAtOnce: false,
    info: 'v3.2',
  },
  psync2: {
    request: 'PSYNC',
    capa: ['capa', 'eof', 'capa', 'psync2'],
    announceIp: true,
    history: 'replid',
    cachesMaster: true,
    acks: true,
    rdbReplInfo: true,
    replicaofKeepsHistory: true,
    promotion: 'shift-replid',
    newBacklog: 'new-replid',
    replicaOffset: 'master',
    shutdownWaits: true,
    failover: true,
    reconnectAtOnce: true,
    info: 'v7.0',
  },
};

export function eraRules(era: Era): EraRules {
  return RULES[era];
}

/**
 * The id a master answers +FULLRESYNC with and checks a PSYNC against: its run id (2.8/3.2) or its
 * replid (4.0+). In the sync era nobody asks; the engine's replid is its internal stream id there.
 */
export function historyId(era: Era, node: { runId: string; replid: string }): string {
  return RULES[era].history === 'runid' ? node.runId : node.replid;
}

/** INFO replication fields an era did not print (7.0 names; the rest keep 7.0's order). */
const HIDDEN_REPLICATION: Record<EraRules['info'], ReadonlySet<string>> = {
  'v7.0': new Set(),
  // 3.2 `genRedisInfoString`: no replids, failover state, read offset, sync byte totals, replica_announced.
  'v3.2': new Set([
    'master_failover_state',
    'master_replid',
    'master_replid2',
    'second_repl_offset',
    'slave_read_repl_offset',
    'master_sync_total_bytes',
    'master_sync_read_bytes',
    'master_sync_perc',
    'replica_announced',
  ]),
  // 2.6 `genRedisInfoString`: no offsets, no backlog, no min-slaves (2.8).
  'v2.6': new Set([
    'master_failover_state',
    'master_replid',
    'master_replid2',
    'second_repl_offset',
    'slave_read_repl_offset',
    'slave_repl_offset',
    'master_sync_total_bytes',
    'master_sync_read_bytes',
    'master_sync_perc',
    'replica_announced',
    'min_slaves_good_slaves',
    'master_repl_offset',
    'repl_backlog_active',
    'repl_backlog_size',
    'repl_backlog_first_byte_offset',
    'repl_backlog_histlen',
  ]),
};

/** INFO stats fields an era did not print: sync_full and the partial counters came with PSYNC (2.8). */
const HIDDEN_STATS: Record<EraRules['info'], ReadonlySet<string>> = {
  'v7.0': new Set(),
  'v3.2': new Set(['total_net_repl_input_bytes', 'total_net_repl_output_bytes']),
  'v2.6': new Set([
    'sync_full',
    'sync_partial_ok',
    'sync_partial_err',
    'total_net_repl_input_bytes',
    'total_net_repl_output_bytes',
  ]),
};

/** Keep the INFO fields the era printed; 2.6 wrote `slaveN:<ip>,<port>,<state>` (no offset, no lag). */
export function eraInfoFields<V>(
  era: Era,
  section: 'replication' | 'stats',
  fields: [string, V][],
): [string, V | string][] {
  const v = RULES[era].info;
  const hidden = (section === 'replication' ? HIDDEN_REPLICATION : HIDDEN_STATS)[v];
  const kept: [string, V | string][] = fields.filter(([k]) => !hidden.has(k));
  if (v !== 'v2.6' || section !== 'replication') return kept;
  return kept.map(([k, x]) => {
    if (!/^slave\d+$/.test(k)) return [k, x];
    const o = Object.fromEntries(
      String(x)
        .split(',')
        .map((kv) => kv.split('=')),
    );
    return [k, `${o.ip},${o.port},${o.state}`];
  });
}
