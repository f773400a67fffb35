// Node processes: start (with whatever dump.rdb is on disk), SHUTDOWN [SAVE|NOSAVE] (7.0 waits
// for lagging replicas), freeze/unfreeze (SIGSTOP/SIGCONT), BGSAVE, and serverCron.

import { cfgBool, cfgInt, cfgStr, defaultConfig, startValue } from '../core/config.ts';
import { randomHex40 } from '../core/random.ts';
import { Keyspace } from '../keyspace/index.ts';
import { noAcked } from '../replication/acked.ts';
import { createBacklog, rebaseBacklog } from '../replication/backlog.ts';
import { eraRules } from '../replication/era.ts';
import { updateFailoverStatus } from '../replication/failover.ts';
import {
  checkWaitingClients,
  clearReplicationId2,
  clientsCronObuf,
  dropReplicaClient,
  masterCron,
  reapChild,
  requestAcks,
  saveInfo,
  snapshotRdb,
} from '../replication/master.ts';
import { cacheMasterUsingMyself, replicaCron, setState } from '../replication/replica.ts';
import { feedSlaves } from '../replication/stream.ts';
import { unblock } from './blocked.ts';
import { emit, log, MS, SEC, unixMs } from './emit.ts';
import { closeEnd } from './net.ts';
import { writesPaused } from './pause.ts';
import { expireSlaveKeys } from './slave-keys.ts';
import type { Node, RdbFile, ShutdownWait, World } from './world.ts';

/** serverCron period at hz 10. */
export const CRON_US = 100 * MS;

/**
 * How much longer a master's cron tick runs while a FAILOVER waits than any other node's.
 *
 * Real crons run late: ae re-arms serverCron 100 ms after it returns and rounds epoll's wait up to
 * a whole ms, so a tick takes ≈ 100.5 ms. The engine leaves that common lateness out (it moves every
 * node alike) and keeps only the difference that matters: two exactly periodic crons can lock in
 * phase. During a FAILOVER without TIMEOUT the master still PINGs once a second (10 ticks of
 * 100 ms), and if each PING reaches the target just after the target's once-a-second ACK left
 * (the lab's 40 ms latency makes that window 80 ms wide), every ACK is one PING (14 bytes) short
 * and the master waits forever. On redis-server 7.0.15 behind a 300 ms proxy the same lock held
 * in six runs out of six, and the gap between PING and ACK moved by −1.2…+4.4 ms a second
 * (mean +2.1): the failing-over master's 10 ticks took 1007.2–1009.5 ms, its replica's
 * 1004.7–1008.4 ms. So a lock ends once the PING has drifted out of the window: with 0.2 ms a
 * tick (2 ms a second), 80 ms of window take at most 40 s (the default lab, t = 2.24 s: 36 s).
 */
export const FAILOVER_TICK_LATE_US = 200;

export function createNode(w: World, name: string, port: number, startConfig: Map<string, string>): Node {
  const config = defaultConfig();
  for (const [k, v] of startConfig) config.set(k, startValue(k, v));
  config.set('port', String(port));
  const node: Node = {
    name,
    port,
    config,
    startConfig,
    state: 'down',
    gen: 0,
    runId: '',
    startedAt: 0,
    keyspace: new Keyspace(),
    disk: null,
    aof: null,
    slaveKeysWithExpire: new Map(),
    replid: '0'.repeat(40),
    replid2: '0'.repeat(40),
    secondReplOffset: -1,
    masterReplOffset: 0,
    backlog: null,
    slaveseldb: -1,
    replNoSlavesSince: 0,
    link: null,
    master: null,
    cachedMaster: null,
    clients: new Map(),
    slaves: [],
    child: null,
    nextChildId: 1,
    cronLoops: 0,
    replCronLoops: 0,
    goodSlaves: 0,
    stats: emptyStats(),
    blocked: [],
    shuttingDown: null,
    log: [],
    users: new Map(),
    failover: null,
    scripts: new Map(),
    postponed: [],
    clientPause: null,
    flushScheduled: false,
    getackPending: false,
    lastSaveMs: 0,
    dirty: 0,
    parked: [],
    busyUntil: 0,
    acked: noAcked(),
    lostAcked: 0,
  };
  w.nodes.set(name, node);
  w.ports.set(port, name);
  return node;
}

export function emptyStats(): Node['stats'] {
  return {
    sync_full: 0,
    sync_partial_ok: 0,
    sync_partial_err: 0,
    total_net_repl_input_bytes: 0,
    total_net_repl_output_bytes: 0,
    expired_keys: 0,
  };
}

/**
 * Start the process: a fresh run id and replid (initServerConfig), then loadDataFromDisk with
 * whatever dump.rdb the dir has, and the replication info it carries (spec §8):
 *  - started as a replica: replid/offset from the RDB and a synthesized cached master → PSYNC;
 *  - started as a master (7.0): the saved id becomes replid2 valid up to offset+1, backlog kept.
 * `replicaof` = node name of the master to replicate (a config-file `replicaof`), or null.
 */
export function startNode(w: World, node: Node, replicaof: string | null): void {
  node.gen++;
  node.state = 'running';
  node.startedAt = w.now;
  node.runId = randomHex40(w.rng);
  node.replid = randomHex40(w.rng);
  node.scripts = new Map();
  // 2.8/3.2 have one id, the run id: a master's history is named by it (era.ts historyId).
  if (eraRules(w.era).history === 'runid') node.replid = node.runId;
  clearReplicationId2(node);
  node.masterReplOffset = 0;
  node.backlog = null;
  node.slaveseldb = -1;
  node.replNoSlavesSince = Math.floor(unixMs(w) / 1000);
  node.link = null;
  node.master = null;
  node.cachedMaster = null;
  node.clients = new Map();
  node.slaves = [];
  node.child = null;
  node.cronLoops = 0;
  node.replCronLoops = 0;
  node.goodSlaves = 0;
  node.stats = emptyStats();
  node.blocked = [];
  node.shuttingDown = null;
  node.failover = null;
  node.postponed = [];
  node.clientPause = null;
  node.flushScheduled = false;
  node.getackPending = false;
  node.parked = [];
  node.busyUntil = 0;
  node.dirty = 0;
  node.keyspace = new Keyspace();
  node.slaveKeysWithExpire = new Map();
  node.config = defaultConfig();
  for (const [k, v] of node.startConfig) node.config.set(k, startValue(k, v));
  node.config.set('port', String(node.port));
  emit(w, { type: 'node.state', node: node.name, state: 'running' });
  log(w, node, 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '#', 'C');
  log(w, node, 'Server initialized', '*', 'M');
  const { repl, rdb } = loadDataFromDisk(w, node, replicaof);
  if (replicaof === null) {
    if (repl) {
      // 7.0: keep the history servable through replid2 (spec §8.2).
      node.replid2 = repl.replid;
      node.secondReplOffset = repl.offset + 1;
      node.masterReplOffset += repl.offset;
      rebaseBacklog(node.backlog!, repl.offset, node.masterReplOffset);
      node.replNoSlavesSince = Math.floor(unixMs(w) / 1000);
    } else node.backlog = null;
  }
  log(w, node, 'Ready to accept connections', '*', 'M');
  emit(w, {
    type: 'node.started',
    node: node.name,
    port: node.port,
    role: replicaof === null ? 'master' : 'slave',
  });
  if (replicaof !== null) {
    const m = w.nodes.get(replicaof);
    const port = m ? m.port : Number(replicaof.replace(/^:/, ''));
    node.link = {
      master: replicaof,
      masterHost: '127.0.0.1',
      masterPort: port,
      state: 'REPL_STATE_CONNECT',
      conn: null,
      pending: [],
      lastIo: w.now,
      downSince: 0,
      fullsyncReplid: '',
      fullsyncOffset: -1,
      transfer: null,
      legacySync: false,
      askCause: node.gen > 1 ? (rdb ? 'restarted-rdb' : 'restarted') : 'first-sync',
    };
    if (repl) {
      node.replid = repl.replid;
      node.masterReplOffset = repl.offset;
      cacheMasterUsingMyself(w, node, repl.streamDb);
    }
    emit(w, { type: 'node.role', node: node.name, role: 'slave', master: replicaof });
    setState(w, node, 'REPL_STATE_CONNECT');
  } else emit(w, { type: 'node.role', node: node.name, role: 'master', master: null });
  // The first serverCron (replication_cron_loops 0) runs as the event loop starts, before any
  // replica can finish a handshake; then every 100 ms (hz 10).
  w.queue.push(w.now, { t: 'cron', node: node.name, gen: node.gen });
}

/**
 * loadDataFromDisk (server.c). With appendonly yes (as started) only the AOF is read: it holds no
 * replication info, so the node starts with no history — a master without backlog at offset 0, a
 * replica with `PSYNC ? -1` — and dump.rdb is ignored (probe r16 on real 7.0.15: a master with
 * appendonly yes restarted with SAVE or NOSAVE kept its 5 keys, and its replica full-synced from
 * offset 0 both times). Else dump.rdb, and the replication info it carries (none before 4.0:
 * rdbPopulateSaveInfo). A master makes its backlog before loading: DELs of expired keys go in.
 */
function loadDataFromDisk(
  w: World,
  node: Node,
  replicaof: string | null,
): { repl: RdbFile['repl']; rdb: boolean } {
  if (cfgBool(node.config, 'appendonly')) {
    node.keyspace = node.aof ? node.aof.clone() : new Keyspace();
    if (node.aof) log(w, node, 'DB loaded from append only file: 0.000 seconds', '*', 'M');
    return { repl: null, rdb: false };
  }
  const rdb = node.disk;
  if (replicaof === null) node.backlog = createBacklog(0);
  if (!rdb) return { repl: null, rdb: false };
  node.keyspace = rdb.data.loaded();
  const keys = node.keyspace.keyCount();
  log(w, node, 'Loading RDB produced by version 7.0.15', '*', 'M');
  log(w, node, `Done loading RDB, keys loaded: ${keys}, keys expired: 0.`, '*', 'M');
  node.lastSaveMs = rdb.savedAtMs;
  return { repl: eraRules(w.era).rdbReplInfo ? rdb.repl : null, rdb: true };
}

/** serverCron: reap a finished child, expire keys, and every 10th tick replicationCron. */
export function serverCron(w: World, node: Node): void {
  // checkClientPauseTimeoutAndReturnIfPaused: a CLIENT PAUSE past its end is lifted, held commands run.
  if (node.clientPause && node.clientPause.endMs < unixMs(w)) {
    node.clientPause = null;
    w.queue.push(w.now, { t: 'unpause', node: node.name, gen: node.gen });
  }
  clientsCronObuf(w, node);
  reapChild(w, node);
  activeExpire(w, node);
  // replicationCron: every second, every 100 ms while a FAILOVER runs (serverCron's
  // run_with_period(100)), first checking the failover (updateFailoverStatus).
  if (node.cronLoops % 10 === 0 || node.failover) {
    updateFailoverStatus(w, node);
    replicaCron(w, node);
    masterCron(w, node);
    node.replCronLoops++;
    savePointsCron(w, node);
  }
  if (node.shuttingDown && w.now >= node.shuttingDown.deadline) {
    const sd = node.shuttingDown;
    node.shuttingDown = null;
    log(
      w,
      node,
      'Lagging replica(s) did not acknowledge within shutdown-timeout: shutting down anyway.',
      '#',
    );
    finishShutdown(w, node, sd, true);
  }
  node.cronLoops++;
  const late = node.failover ? FAILOVER_TICK_LATE_US : 0;
  w.queue.push(w.now + CRON_US + late, { t: 'cron', node: node.name, gen: node.gen });
}

function activeExpire(w: World, node: Node): void {
  if (writesPaused(node)) return; // a pause keeps the data
  // Replicas wait for the master's DEL, except for their own clients' TTLs (slave-keys.ts).
  const expired = node.link ? expireSlaveKeys(node, unixMs(w)) : node.keyspace.activeExpire(unixMs(w));
  for (const { db, key } of expired) {
    node.stats.expired_keys++;
    if (!node.link) feedSlaves(w, node, db, ['DEL', key]);
  }
  if (expired.length > 0)
    emit(w, {
      type: 'data.changed',
      node: node.name,
      keys: expired.map((e: { key: string }) => e.key),
      dbsize: node.keyspace.dbsize(0),
    });
}

/** `save <seconds> <changes>` points: BGSAVE when enough changes are old enough. */
function savePointsCron(w: World, node: Node): void {
  const rules = cfgStr(node.config, 'save').trim();
  if (!rules || node.child || node.dirty === 0) return;
  const parts = rules.split(/\s+/).map(Number);
  const since = (unixMs(w) - (node.lastSaveMs || 0)) / 1000;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (node.dirty >= parts[i + 1] && since > parts[i]) {
      log(w, node, `${parts[i + 1]} changes in ${parts[i]} seconds. Saving...`);
      bgsave(w, node);
      return;
    }
  }
}

/** BGSAVE to disk (not for replication): the file appears when the child is reaped. */
export function bgsave(w: World, node: Node): void {
  const rdb = snapshotRdb(w, node, saveInfo(node));
  const id = node.nextChildId++;
  const keyDelayUs = Math.max(0, cfgInt(node.config, 'rdb-key-save-delay'));
  const doneAt = w.now + 1000 + rdb.data.keyCount() * keyDelayUs + Math.ceil(rdb.bytes / 500);
  node.child = {
    id,
    target: 'disk',
    startedAt: w.now,
    doneAt,
    rdb,
    forReplication: false,
    exited: false,
    killed: false,
  };
  node.dirty = 0;
  log(w, node, `Background saving started by pid ${1000 + id}`);
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'bgsave-start', detail: 'disk', bytes: rdb.bytes });
  w.queue.push(doneAt, { t: 'child-done', node: node.name, gen: node.gen, child: id });
}

/**
 * SHUTDOWN: a master whose replicas have not acknowledged its offset first sends
 * REPLCONF GETACK * (+37 bytes) and waits up to shutdown-timeout (spec §8.3). Then it saves
 * when asked (SAVE, or save points configured and not NOSAVE) and exits. Returns the wait record:
 * its `reply` is set (OK) once the node exited — at once, or later (then it is the caller's pending holder).
 */
export function shutdown(
  w: World,
  node: Node,
  opts: { save: boolean | null; now: boolean },
  argv: string[] = ['SHUTDOWN'],
): ShutdownWait {
  const lagging = node.slaves.filter((s) => s.ackOff !== node.masterReplOffset).map((s) => s.peer);
  const timeout = cfgInt(node.config, 'shutdown-timeout');
  const sd: ShutdownWait = {
    save: opts.save,
    deadline: w.now + timeout * SEC,
    ready: false,
    reply: null,
    waiting: '',
    node: node.name,
    argv,
  };
  // Waiting for lagging replicas is 7.0's (era.ts shutdownWaits); older Redis exits at once.
  if (!opts.now && timeout > 0 && !node.link && lagging.length > 0 && eraRules(w.era).shutdownWaits) {
    requestAcks(w, node); // the offset to acknowledge includes this GETACK (+37 bytes)
    sd.waiting = `SHUTDOWN: waiting up to ${timeout} s for ${lagging.join(', ')} to acknowledge offset ${node.masterReplOffset} (writes paused), then exiting`;
    log(w, node, 'Waiting for replicas before shutting down.');
    node.shuttingDown = sd;
    checkWaitingClients(w, node);
    return sd;
  }
  finishShutdown(w, node, sd, false);
  return sd;
}

/**
 * SHUTDOWN ABORT (abortShutdown): a SHUTDOWN waiting for lagging replicas is cancelled. Its caller
 * gets "Errors trying to SHUTDOWN. Check logs.", writes resume, the node keeps running. False when
 * no SHUTDOWN waits (the caller answers "ERR No shutdown in progress."). Checked on 7.0.15 with a
 * frozen replica: the waiting client got that error and the log "Shutdown manually aborted.".
 */
export function abortShutdown(w: World, node: Node): boolean {
  const sd = node.shuttingDown;
  if (!sd) return false;
  node.shuttingDown = null;
  unblock(w, sd, { t: 'error', v: 'ERR Errors trying to SHUTDOWN. Check logs.' });
  log(w, node, 'Shutdown manually aborted.');
  // The commands held by the shutdown's pause run again (as after CLIENT UNPAUSE).
  if (!writesPaused(node)) w.queue.push(w.now, { t: 'unpause', node: node.name, gen: node.gen });
  return true;
}

/**
 * The SHUTDOWN goes ahead: save when asked (SAVE, or save points and not NOSAVE), exit; `sd.reply`
 * = OK — `late` when it had waited for replicas (then the console is told: unblock).
 */
export function finishShutdown(w: World, node: Node, sd: ShutdownWait, late: boolean): void {
  log(w, node, 'User requested shutdown...', '#');
  if (cfgBool(node.config, 'appendonly')) {
    // The AOF has every write (fsynced now): the next start with appendonly yes loads this dataset.
    log(w, node, 'Calling fsync() on the AOF file.');
    node.aof = node.keyspace.clone();
  }
  const save = sd.save ?? cfgStr(node.config, 'save').trim() !== '';
  if (save) {
    log(w, node, 'Saving the final RDB snapshot before exiting.');
    node.disk = snapshotRdb(w, node, saveInfo(node));
    log(w, node, 'DB saved on disk');
  }
  log(w, node, 'Redis is now ready to exit, bye bye...', '#');
  kill(w, node);
  if (late) unblock(w, sd, { t: 'simple', v: 'OK' });
  else sd.reply = { t: 'simple', v: 'OK' };
}

/** The process is gone: every connection closes, pending work of this incarnation is ignored. */
export function kill(w: World, node: Node): void {
  for (const s of [...node.slaves]) dropReplicaClient(w, node, s, '');
  for (const conn of [...w.conns.values()]) {
    if (conn.client === node.name || conn.server === node.name) closeEnd(w, conn, node.name);
  }
  for (const b of [...node.blocked, ...node.postponed])
    unblock(w, b, { t: 'error', v: 'ERR server shutting down' });
  node.blocked = [];
  node.postponed = [];
  node.failover = null;
  node.clientPause = null;
  node.state = 'down';
  node.gen++;
  node.link = node.link ? { ...node.link, conn: null } : null;
  node.master = null;
  node.slaves = [];
  node.clients = new Map();
  node.child = null;
  node.parked = [];
  emit(w, { type: 'node.state', node: node.name, state: 'down' });
}

/** SIGSTOP: no I/O, no timers; connections stay open and bytes wait in the socket. */
export function freeze(w: World, node: Node): void {
  if (node.state !== 'running') return;
  node.state = 'stopped';
  emit(w, { type: 'node.state', node: node.name, state: 'stopped' });
}

/** SIGCONT: handle what waited, in order, now. */
export function unfreeze(w: World, node: Node): void {
  if (node.state !== 'stopped') return;
  node.state = 'running';
  emit(w, { type: 'node.state', node: node.name, state: 'running' });
  const parked = node.parked;
  node.parked = [];
  // They waited in the socket first, so they run before anything still queued for this node. Every
  // queued task is due at ≥ now (the clock only moves to the next due task), so `now - 1` puts them
  // first, in order; the clock does not go back. (Queued at `now` they ran after a delivery due at
  // the very instant of SIGCONT: that later stream message was applied before the earlier ones.)
  for (const t of parked) w.queue.push(w.now - 1, t);
}

/** GETACK for WAIT, then the write pass (beforeSleep). */
export function beforeSleepGetack(w: World, node: Node): void {
  // Not while writes are paused: the GETACK would grow the offset; it goes once they resume.
  if (node.getackPending && !writesPaused(node)) {
    node.getackPending = false;
    if (node.blocked.length > 0) requestAcks(w, node);
  }
}
