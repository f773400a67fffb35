// The replica side: REPLICAOF, the link state machine (connectWithMaster → syncWithMaster →
// slaveTryPartialResynchronization → readSyncBulkPayload), applying the stream, ACKs, timeouts,
// caching the master on a lost link, and promotion (replicationUnsetMaster).

import { cfgInt, cfgStr } from '../core/config.ts';
import { type Argv, encodeArgv, encodeReply, type Reply, utf8Length } from '../core/resp.ts';
import { unblock } from '../server/blocked.ts';
import { emit, log, SEC, unixSec } from '../server/emit.ts';
import type { MessageKind } from '../server/events.ts';
import { ctxFor, execFromMaster } from '../server/exec.ts';
import { closeEnd, linkCut, openConn, send } from '../server/net.ts';
import type { Conn, Node, Payload, RdbFile, World } from '../server/world.ts';
import { loseAckedOnFullSync } from './acked.ts';
import type { StreamEntry } from './backlog.ts';
import { createBacklog } from './backlog.ts';
import { eraRules } from './era.ts';
import { failoverPsyncAnswered } from './failover.ts';
import {
  ackArgv,
  authArgv,
  capaArgv,
  ipAddressArgv,
  isHandshakeState,
  listeningPortArgv,
  PING_ARGV,
  psyncArgv,
  type ReplState,
} from './handshake.ts';
import { changeReplicationId, disconnectSlaves } from './master.ts';
import { proxyApplied } from './stream.ts';

export function setState(w: World, node: Node, state: ReplState): void {
  if (!node.link || node.link.state === state) return;
  node.link.state = state;
  emit(w, { type: 'replica.state', node: node.name, state });
  const ls =
    state === 'REPL_STATE_CONNECTED'
      ? 'online'
      : state === 'REPL_STATE_TRANSFER'
        ? 'transfer'
        : state === 'REPL_STATE_CONNECT'
          ? linkCut(w, node.name, node.link.master)
            ? 'cut'
            : 'down'
          : state === 'REPL_STATE_CONNECTING'
            ? 'connecting'
            : 'handshake';
  emit(w, { type: 'link.state', replica: node.name, master: node.link.master, state: ls });
}

function sendCmd(w: World, node: Node, conn: Conn, argv: Argv, kind: MessageKind, inline = false): void {
  const text = inline ? `${argv.join(' ')}\r\n` : encodeArgv(argv);
  const bytes = utf8Length(text); // an announced ip or a password may be non-ASCII
  node.stats.total_net_repl_output_bytes += bytes;
  send(w, conn, node.name, { k: 'cmd', argv, inline }, bytes, {
    kind,
    label: argv.join(' '),
    resp: text,
  });
}

/** REPLICAOF host port (replicationSetMaster). `master` is the target node's name, or a port with nobody behind it. */
export function setMaster(
  w: World,
  node: Node,
  master: string,
  host: string,
  port: number,
  requestedBy: string,
): void {
  const wasMaster = !node.link;
  const keepsHistory = eraRules(w.era).replicaofKeepsHistory;
  if (node.master) freeMasterClient(w, node, 'cache');
  for (const b of node.blocked)
    unblock(w, b, {
      t: 'error',
      v: 'UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)',
    });
  node.blocked = [];
  cancelHandshake(w, node);
  node.link = {
    master,
    masterHost: host,
    masterPort: port,
    state: 'REPL_STATE_NONE',
    conn: null,
    pending: [],
    lastIo: w.now,
    downSince: node.link?.downSince ?? 0,
    fullsyncReplid: '',
    fullsyncOffset: -1,
    transfer: null,
    legacySync: false,
    askCause: 'replicaof',
  };
  if (!keepsHistory) forgetHistory(w, node);
  else if (wasMaster) {
    node.cachedMaster = null;
    cacheMasterUsingMyself(w, node);
  }
  if (wasMaster) emit(w, { type: 'node.role', node: node.name, role: 'slave', master });
  setState(w, node, 'REPL_STATE_CONNECT');
  log(w, node, `Connecting to MASTER ${host}:${port}`);
  connectWithMaster(w, node);
  if (requestedBy) log(w, node, `REPLICAOF ${host}:${port} enabled (user request from '${requestedBy}')`);
}

/**
 * REPLICAOF before 4.0 starts from nothing: 2.8/3.2 `replicationSetMaster` discards the cached
 * master ("Don't try a PSYNC"), disconnects the sub-replicas, frees the backlog ("Don't allow our
 * chained slaves to PSYNC") and zeroes master_repl_offset; 2.6 `slaveofCommand` disconnects the
 * sub-replicas (it had no backlog: the engine's stream buffer goes too). The next request is
 * `PSYNC ? -1` (or SYNC): a full sync.
 */
function forgetHistory(w: World, node: Node): void {
  if (node.cachedMaster) log(w, node, 'Discarding previously cached master state.');
  node.cachedMaster = null;
  disconnectSlaves(w, node);
  if (node.backlog) emit(w, { type: 'backlog.freed', node: node.name, reason: 'replicaof' });
  node.backlog = null;
  node.masterReplOffset = 0;
}

/** replicationCacheMasterUsingMyself: a synthesized cached master from this node's own history. */
export function cacheMasterUsingMyself(w: World, node: Node, db = 0): void {
  log(
    w,
    node,
    'Before turning into a replica, using my own master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer.',
  );
  node.cachedMaster = {
    id: w.nextClientId++,
    ctime: w.now,
    lastcmd: 'NULL',
    replid: node.replid,
    reploff: node.masterReplOffset,
    readReploff: node.masterReplOffset,
    db,
    lastInteraction: w.now,
  };
}

/**
 * REPLICAOF NO ONE, or a PSYNC FAILOVER reaching this replica (replicationUnsetMaster); before 4.0
 * see `promoteKeepingRunId`. `why` ends the log line "MASTER MODE enabled (<why>)"; null: no line
 * (a failover aborted after the switch).
 */
export function unsetMaster(w: World, node: Node, why: string | null): void {
  if (!node.link) return;
  const masterOffset = node.master?.reploff ?? null;
  // Where this node's copy of its master's history ends (in the master's numbering).
  const historyEnd = (node.master ?? node.cachedMaster)?.reploff ?? node.masterReplOffset;
  if (node.master) freeMasterClient(w, node, 'discard');
  if (node.cachedMaster) log(w, node, 'Discarding previously cached master state.');
  node.cachedMaster = null;
  cancelHandshake(w, node);
  node.link = null;
  if (eraRules(w.era).promotion === 'shift-replid') shiftReplicationId(w, node);
  else promoteKeepingRunId(w, node, masterOffset, historyEnd);
  // Its own stream starts here: the next write selects its db again (kept sub-replicas included).
  node.slaveseldb = -1;
  if (node.slaves.length === 0) node.replNoSlavesSince = unixSec(w);
  emit(w, { type: 'node.role', node: node.name, role: 'master', master: null });
  if (why !== null) log(w, node, `MASTER MODE enabled (${why})`, '*', 'M');
}

/** 4.0+ shiftReplicationId: the old id stays servable up to the promotion offset + 1; sub-replicas resync. */
function shiftReplicationId(w: World, node: Node): void {
  node.replid2 = node.replid;
  node.secondReplOffset = node.masterReplOffset + 1;
  changeReplicationId(w, node, 'promoted (REPLICAOF NO ONE)');
  log(
    w,
    node,
    `Setting secondary replication ID to ${node.replid2}, valid up to offset: ${node.secondReplOffset}. New replication ID is ${node.replid}`,
    '*',
    'M',
  );
  disconnectSlaves(w, node);
}

/**
 * A promotion before 4.0 keeps the node's identity: its run id is its own (the id its sub-replicas
 * already hold; the others' cached run id is their old master's, so they cannot PSYNC here) and the
 * sub-replicas stay attached. 2.8/3.2 `replicationUnsetMaster`: with no sub-replicas it takes its
 * master's offset as its own and frees the backlog (the next replica's +1 keeps old ones out).
 * 2.6 `slaveofCommand` NO ONE only frees the master client.
 */
function promoteKeepingRunId(w: World, node: Node, masterOffset: number | null, historyEnd: number): void {
  const keepRunId = eraRules(w.era).promotion === 'keep-runid';
  if (keepRunId && masterOffset !== null && node.slaves.length === 0) {
    node.masterReplOffset = masterOffset; // "it inherits the replication offset from the master"
    if (node.backlog) emit(w, { type: 'backlog.freed', node: node.name, reason: 'promotion' });
    node.backlog = null;
  }
  // The lab's own bookkeeping, never read by a decision of these eras nor shown by their INFO:
  // where the old master's history ends here (acked.ts counts the acknowledged writes a later full
  // sync of the old master loses), and from now on this node's own id is its run id (psync1).
  node.replid2 = node.replid;
  node.secondReplOffset = historyEnd + 1;
  if (keepRunId) node.replid = node.runId;
}

/** connectWithMaster: a non-blocking connect; refused at once when the link is cut or nobody listens. */
export function connectWithMaster(w: World, node: Node): void {
  const link = node.link;
  if (!link) return;
  const conn = openConn(w, node.name, link.master);
  link.conn = conn.id;
  link.lastIo = w.now;
  setState(w, node, 'REPL_STATE_CONNECTING');
  log(w, node, 'MASTER <-> REPLICA sync started');
}

/** The connect finished (or was refused). */
export function onConnected(w: World, node: Node, conn: Conn, refused: boolean): void {
  const link = node.link;
  if (!link || link.conn !== conn.id || link.state !== 'REPL_STATE_CONNECTING') return;
  if (refused) {
    log(w, node, 'Error condition on socket for SYNC: Connection refused', '#');
    closeEnd(w, conn, node.name);
    link.conn = null;
    setState(w, node, 'REPL_STATE_CONNECT');
    return;
  }
  log(w, node, 'Non blocking connect for SYNC fired the event.');
  link.lastIo = w.now;
  setState(w, node, 'REPL_STATE_RECEIVE_PING_REPLY');
  sendCmd(w, node, conn, PING_ARGV, 'PING');
}

/** cancelReplicationHandshake: close the socket of a link that is not CONNECTED; back to CONNECT. */
export function cancelHandshake(w: World, node: Node): void {
  const link = node.link;
  if (!link || link.conn === null || link.state === 'REPL_STATE_CONNECTED') return;
  const conn = w.conns.get(link.conn);
  if (conn) closeEnd(w, conn, node.name);
  link.conn = null;
  link.pending = [];
  link.legacySync = false;
  if (link.transfer) {
    log(w, node, `Removing the temp file ${link.transfer.tempFile}`, '-');
    link.transfer = null;
  }
  setState(w, node, 'REPL_STATE_CONNECT');
}

function handshakeError(w: World, node: Node, line: string): void {
  log(w, node, line, '#');
  cancelHandshake(w, node);
}

/** Tell the UI a handshake step got an error reply (before the state moves on or back). */
function errorReply(w: World, node: Node, reply: string, fatal: boolean): void {
  const state = node.link?.state;
  if (state) emit(w, { type: 'handshake.error', node: node.name, state, reply, fatal });
}

/** A message from the master on the replication connection. */
export function onMasterMessage(w: World, node: Node, conn: Conn, p: Payload, size: number): void {
  const link = node.link;
  if (!link || link.conn !== conn.id) return;
  link.lastIo = w.now;
  node.stats.total_net_repl_input_bytes += size;
  if (node.master) node.master.lastInteraction = w.now;
  if (p.k === 'newline') return;
  switch (link.state) {
    case 'REPL_STATE_RECEIVE_PING_REPLY':
      if (p.k === 'reply') onPingReply(w, node, conn, p.reply);
      return;
    case 'REPL_STATE_RECEIVE_AUTH_REPLY':
    case 'REPL_STATE_RECEIVE_PORT_REPLY':
    case 'REPL_STATE_RECEIVE_IP_REPLY':
    case 'REPL_STATE_RECEIVE_CAPA_REPLY':
      if (p.k === 'reply') onHandshakeReply(w, node, conn, p.reply);
      return;
    case 'REPL_STATE_RECEIVE_PSYNC_REPLY':
      if (p.k === 'reply') onPsyncReply(w, node, conn, p.reply);
      return;
    case 'REPL_STATE_TRANSFER':
      if (p.k === 'reply' && p.reply.t === 'error') {
        errorReply(w, node, `-${p.reply.v}`, true);
        log(w, node, `MASTER aborted replication with an error: ${p.reply.v}`, '#');
        cancelHandshake(w, node);
        // cancelReplicationHandshake(1): reconnect at once (before 6.0: at the next cron).
        if (eraRules(w.era).reconnectAtOnce) connectWithMaster(w, node);
      } else if (p.k === 'rdb') onRdb(w, node, conn, p.rdb, p.eofMark, p.payloadBytes);
      return;
    case 'REPL_STATE_CONNECTED':
      if (p.k === 'stream') applyStream(w, node, conn, p.entries);
      return;
    default:
      return;
  }
}

function onPingReply(w: World, node: Node, conn: Conn, r: Reply): void {
  const accepted = r.t !== 'error' || /^(NOAUTH|NOPERM|ERR operation not permitted)/.test(r.v);
  if (r.t === 'error') errorReply(w, node, `-${r.v}`, !accepted);
  if (!accepted) {
    handshakeError(w, node, `Error reply to PING from master: '-${r.v}'`);
    return;
  }
  log(w, node, 'Master replied to PING, replication can continue...');
  const link = node.link!;
  setState(w, node, 'REPL_STATE_SEND_HANDSHAKE');
  const masterauth = cfgStr(node.config, 'masterauth');
  link.pending = [];
  if (masterauth) {
    sendCmd(w, node, conn, authArgv(cfgStr(node.config, 'masteruser'), masterauth), 'AUTH');
    link.pending.push('auth');
  }
  const announcePort = cfgInt(node.config, 'replica-announce-port');
  sendCmd(w, node, conn, listeningPortArgv(announcePort || node.port), 'REPLCONF listening-port');
  link.pending.push('port');
  const rules = eraRules(w.era);
  const announceIp = cfgStr(node.config, 'replica-announce-ip');
  if (announceIp && rules.announceIp) {
    sendCmd(w, node, conn, ipAddressArgv(announceIp), 'REPLCONF ip-address');
    link.pending.push('ip');
  }
  const capa = capaArgv(rules.capa);
  if (capa) {
    sendCmd(w, node, conn, capa, 'REPLCONF capa');
    link.pending.push('capa');
  }
  nextPending(w, node);
}

function nextPending(w: World, node: Node): void {
  const link = node.link!;
  const next = link.pending[0];
  if (next === 'auth') setState(w, node, 'REPL_STATE_RECEIVE_AUTH_REPLY');
  else if (next === 'port') setState(w, node, 'REPL_STATE_RECEIVE_PORT_REPLY');
  else if (next === 'ip') setState(w, node, 'REPL_STATE_RECEIVE_IP_REPLY');
  else if (next === 'capa') setState(w, node, 'REPL_STATE_RECEIVE_CAPA_REPLY');
}

function onHandshakeReply(w: World, node: Node, conn: Conn, r: Reply): void {
  const link = node.link!;
  const what = link.pending.shift();
  if (r.t === 'error') errorReply(w, node, `-${r.v}`, what === 'auth');
  if (what === 'auth' && r.t === 'error') {
    handshakeError(w, node, `Unable to AUTH to MASTER: -${r.v}`);
    return;
  }
  if (r.t === 'error') {
    const cmd = what === 'port' ? 'listening-port' : what === 'ip' ? 'ip-address' : 'capa';
    log(w, node, `(Non critical) Master does not understand REPLCONF ${cmd}: -${r.v}`);
  }
  if (link.pending.length > 0) {
    nextPending(w, node);
    return;
  }
  if (eraRules(w.era).request === 'SYNC') {
    sendSync(w, node, conn);
    return;
  }
  // SEND_PSYNC: PSYNC <cached replid> <cached offset + 1>, or PSYNC ? -1.
  setState(w, node, 'REPL_STATE_SEND_PSYNC');
  const cached = node.cachedMaster;
  if (cached)
    log(w, node, `Trying a partial resynchronization (request ${cached.replid}:${cached.reploff + 1}).`);
  else log(w, node, 'Partial resynchronization not possible (no cached master)');
  const argv = psyncArgv(cached);
  // A master failing over to this link's master asks it to promote itself (failover.ts).
  if (node.failover?.state === 'failover-in-progress') argv.push('FAILOVER');
  sendCmd(w, node, conn, argv, 'PSYNC');
  setState(w, node, 'REPL_STATE_RECEIVE_PSYNC_REPLY');
}

function onPsyncReply(w: World, node: Node, conn: Conn, r: Reply): void {
  const link = node.link!;
  const text = r.t === 'simple' ? r.v : '';
  if (text.startsWith('FULLRESYNC')) {
    const [, id, off] = text.split(' ');
    if (id?.length !== 40 || !/^\d+$/.test(off ?? '')) {
      log(w, node, 'Master replied with wrong +FULLRESYNC syntax.', '#');
      link.fullsyncReplid = '';
      link.fullsyncOffset = -1;
    } else {
      link.fullsyncReplid = id;
      link.fullsyncOffset = Number(off);
      log(w, node, `Full resync from master: ${id}:${off}`);
    }
    emit(w, {
      type: 'psync.result',
      replica: node.name,
      master: link.master,
      result: 'FULLRESYNC',
      replid: link.fullsyncReplid,
      offset: link.fullsyncOffset,
    });
    failoverPsyncAnswered(w, node, true);
    beginTransfer(w, node);
    return;
  }
  if (text.startsWith('CONTINUE')) {
    const id = text.split(' ')[1];
    log(w, node, 'Successful partial resynchronization with master.');
    const cached = node.cachedMaster!;
    if (id && id.length === 40 && id !== cached.replid) {
      // The master's history id changed (a failover): keep the old one servable, like shiftReplicationId.
      node.replid2 = cached.replid;
      node.secondReplOffset = node.masterReplOffset + 1;
      node.replid = id;
      cached.replid = id;
      emit(w, {
        type: 'replid.shifted',
        node: node.name,
        replid: id,
        replid2: node.replid2,
        secondReplOffset: node.secondReplOffset,
        why: '+CONTINUE with a new replid',
      });
      log(w, node, `Master replication ID changed to ${id}`, '#');
      disconnectSlaves(w, node);
    }
    resurrectCachedMaster(w, node);
    log(w, node, 'MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.');
    emit(w, { type: 'psync.result', replica: node.name, master: link.master, result: 'CONTINUE' });
    if (!node.backlog && eraRules(w.era).replicaOffset === 'master') {
      node.backlog = createBacklog(node.masterReplOffset);
      emit(w, { type: 'backlog.created', node: node.name, offset: node.backlog.offset });
    }
    failoverPsyncAnswered(w, node, true);
    return;
  }
  const line = r.t === 'error' ? `-${r.v}` : encodeReply(r).trim();
  const tryLater = r.t === 'error' && /^(NOMASTERLINK|LOADING)/.test(r.v);
  errorReply(w, node, line, tryLater);
  emit(w, { type: 'psync.result', replica: node.name, master: link.master, result: 'ERROR', detail: line });
  if (tryLater) log(w, node, `Master is currently unable to PSYNC but should be in the future: ${line}`, '#');
  else if (r.t === 'error' && r.v.startsWith('ERR'))
    log(w, node, `Master does not support PSYNC or is in error state (reply: ${line})`, '*');
  else log(w, node, `Unexpected reply to PSYNC from master: ${line}`, '#');
  // A failover the target refused ends here (failover.ts): this node is a master again.
  if (!failoverPsyncAnswered(w, node, false)) return;
  if (tryLater) {
    cancelHandshake(w, node);
    return;
  }
  log(w, node, 'Retrying with SYNC...');
  sendCmd(w, node, conn, ['SYNC'], 'SYNC', true);
  link.legacySync = true;
  beginTransfer(w, node);
}

/**
 * 2.6 `syncWithMaster`: after REPLCONF listening-port it writes `SYNC` inline and reads the
 * `$<len>` bulk at once: no +FULLRESYNC, no offset, no id (there is nothing to resume from).
 */
function sendSync(w: World, node: Node, conn: Conn): void {
  const link = node.link!;
  setState(w, node, 'REPL_STATE_SEND_PSYNC');
  sendCmd(w, node, conn, ['SYNC'], 'SYNC', true);
  link.legacySync = true;
  emit(w, { type: 'psync.result', replica: node.name, master: link.master, result: 'SYNC' });
  beginTransfer(w, node);
}

/** Disk load (the default): a temp file in the dir, then TRANSFER. */
function beginTransfer(w: World, node: Node): void {
  const link = node.link!;
  const tempFile = `temp-${unixSec(w)}.${1000 + node.gen}.rdb`;
  link.transfer = { total: -1, read: 0, eofMark: null, tempFile, startedAt: w.now, loading: null };
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'temp-file', detail: tempFile });
  setState(w, node, 'REPL_STATE_TRANSFER');
}

/**
 * readSyncBulkPayload once the whole payload is in: attach to the new master (drop sub-replicas,
 * free the backlog), flush old data, rename the temp file over dump.rdb, load it, then build the
 * master client and take the replid and offset from +FULLRESYNC.
 */
function onRdb(w: World, node: Node, conn: Conn, rdb: RdbFile, eofMark: string | null, bytes: number): void {
  const link = node.link!;
  const t = link.transfer;
  if (t) {
    t.total = eofMark ? 0 : bytes;
    t.read = bytes;
    t.eofMark = eofMark;
  }
  log(
    w,
    node,
    eofMark
      ? 'MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to disk'
      : `MASTER <-> REPLICA sync: receiving ${bytes} bytes from master to disk`,
  );
  loseAckedOnFullSync(w, node, w.nodes.get(link.master));
  // replicationAttachToNewMaster
  if (node.cachedMaster) log(w, node, 'Discarding previously cached master state.');
  node.cachedMaster = null;
  // Point 14: the replica's own replicas are dropped now, their history is about to change.
  const subs = node.slaves.map((s) => s.peer);
  if (subs.length > 0)
    emit(w, { type: 'rdb.phase', node: node.name, phase: 'drop-replicas', detail: subs.join(' ') });
  disconnectSlaves(w, node);
  if (node.backlog) emit(w, { type: 'backlog.freed', node: node.name, reason: 'fullsync' });
  node.backlog = null;
  log(w, node, 'MASTER <-> REPLICA sync: Flushing old data');
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'flush' });
  const flushUs = diskUs(w, node.keyspace.keyCount() > 0 ? node.keyspace.rdbSize(null) : 0);
  node.keyspace.flushAll();
  node.slaveKeysWithExpire.clear(); // emptyData(-1): flushSlaveKeysWithExpireList
  emit(w, { type: 'data.changed', node: node.name, keys: [], dbsize: 0 });
  if (t) t.loading = rdb; // the RDB waits in the temp file while the flush runs
  if (flushUs === 0) {
    renameAndLoad(w, node, conn.id);
    return;
  }
  // emptyData blocks the event loop like rdbLoad: the node is busy until the flush is done.
  node.busyUntil = w.now + flushUs;
  w.queue.push(node.busyUntil, { t: 'flush-done', node: node.name, gen: node.gen, conn: conn.id });
}

/** Time the lab's disk takes for `bytes` (0 without a disk model: the scenario traces' loopback). */
function diskUs(w: World, bytes: number): number {
  const rate = w.net.diskBytesPerUs ?? 0;
  return rate > 0 ? Math.ceil(bytes / rate) : 0;
}

/**
 * After the flush: rename the temp file over dump.rdb and load it. rdbLoad blocks the event loop
 * (≈1 µs per key, plus key-load-delay µs per key, plus the lab's disk time for the RDB's bytes):
 * the master's stream waits, other clients get -LOADING (processEventsWhileBlocked), and the link
 * stays in TRANSFER (master_link_status:down, ROLE "sync") until the load is done. Worked numbers
 * (lab disk 0.05 B/µs): a 30 000-byte RDB of 600 keys loads in 200 + 600 + 600 000 µs ≈ 0.6 s.
 */
export function renameAndLoad(w: World, node: Node, connId: number): void {
  const link = node.link;
  const t = link?.transfer;
  const rdb = t?.loading;
  if (!link || !t || !rdb || link.conn !== connId || link.state !== 'REPL_STATE_TRANSFER') return;
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'rename', detail: `${t.tempFile} -> dump.rdb` });
  node.disk = rdb;
  log(w, node, 'MASTER <-> REPLICA sync: Loading DB in memory');
  const bytes = t.read;
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'load', bytes });
  node.keyspace = rdb.data.loaded();
  log(w, node, 'Loading RDB produced by version 7.0.15');
  const keys = node.keyspace.keyCount();
  const perKey = 1 + Math.max(0, cfgInt(node.config, 'key-load-delay'));
  node.busyUntil = w.now + 200 + keys * perKey + diskUs(w, rdb.bytes);
  t.loadStartedAt = w.now;
  w.queue.push(node.busyUntil, { t: 'load-done', node: node.name, gen: node.gen, conn: connId });
}

/** The node is loading an RDB received from its master (INFO persistence loading:1, -LOADING). */
export function isLoading(node: Node): boolean {
  return !!node.link?.transfer?.loading;
}

/**
 * The end of readSyncBulkPayload once rdbLoad returned: build the master client with the replid
 * and offset of +FULLRESYNC (or the RDB's aux fields after a legacy SYNC) and go CONNECTED.
 */
export function loadDone(w: World, node: Node, connId: number): void {
  const link = node.link;
  const rdb = link?.transfer?.loading;
  if (!link || !rdb || link.conn !== connId || link.state !== 'REPL_STATE_TRANSFER') return;
  const eofMark = link.transfer!.eofMark;
  const keys = node.keyspace.keyCount();
  log(w, node, `Done loading RDB, keys loaded: ${keys}, keys expired: 0.`);
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'loaded', detail: `${keys} keys` });
  emit(w, { type: 'data.changed', node: node.name, keys: [], dbsize: node.keyspace.dbsize(0) });
  // replicationCreateMasterClient
  const offset = link.legacySync ? (rdb.repl?.offset ?? 0) : link.fullsyncOffset;
  const replid = link.legacySync ? (rdb.repl?.replid ?? node.replid) : link.fullsyncReplid;
  node.master = {
    id: w.nextClientId++,
    ctime: w.now,
    lastcmd: 'NULL',
    replid,
    reploff: offset,
    readReploff: offset,
    db: rdb.repl?.streamDb ?? 0,
    lastInteraction: w.now,
  };
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'master-client', detail: `${replid}:${offset}` });
  node.replid = replid;
  // 2.8/3.2 keep their own counter and stay without a backlog until a sub-replica syncs (era.ts).
  const own = eraRules(w.era).replicaOffset === 'own';
  if (!own) node.masterReplOffset = offset;
  node.replid2 = '0'.repeat(40);
  node.secondReplOffset = -1;
  emit(w, {
    type: 'replid.shifted',
    node: node.name,
    replid,
    replid2: node.replid2,
    secondReplOffset: -1,
    why: 'full sync',
  });
  if (!own) {
    node.backlog = createBacklog(offset);
    emit(w, { type: 'backlog.created', node: node.name, offset: node.backlog.offset });
  }
  link.transfer = null;
  link.downSince = 0;
  setState(w, node, 'REPL_STATE_CONNECTED');
  log(w, node, 'MASTER <-> REPLICA sync: Finished with success');
  // EOF-marked (diskless) transfers ACK at once so the master starts the stream.
  const conn = w.conns.get(connId);
  if (eofMark && conn) sendAck(w, node, conn);
}

function resurrectCachedMaster(w: World, node: Node): void {
  const link = node.link!;
  node.master = node.cachedMaster!;
  node.cachedMaster = null;
  node.master.lastInteraction = w.now;
  link.downSince = 0;
  setState(w, node, 'REPL_STATE_CONNECTED');
}

/** Apply stream entries from the master: execute, advance reploff, proxy to sub-replicas. */
function applyStream(w: World, node: Node, conn: Conn, entries: StreamEntry[]): void {
  const m = node.master;
  if (!m) return;
  const ctx = ctxFor(w, true); // the time stands still while a message is applied
  for (const e of entries) {
    // Only whole entries after what was already applied (a resent prefix is skipped).
    if (e.start + e.size - 1 <= m.reploff) continue;
    const argv = e.argv;
    const name = e.cmd;
    if (name === 'select') m.db = Number(argv[1]);
    else if (name === 'replconf' && argv[1]?.toLowerCase() === 'getack') sendAck(w, node, conn);
    else if (name !== 'ping' && name !== 'multi' && name !== 'exec')
      execFromMaster(w, node, m.db, argv, name, ctx);
    m.lastcmd = name;
    m.reploff += e.size;
    m.readReploff = m.reploff;
    proxyApplied(w, node, e);
  }
}

/** REPLCONF ACK <reploff> (replicationSendAck, 2.8+: a 2.6 replica never acknowledges). */
export function sendAck(w: World, node: Node, conn?: Conn): void {
  if (!eraRules(w.era).acks) return;
  const c = conn ?? (node.link?.conn != null ? w.conns.get(node.link.conn) : undefined);
  if (!c || !node.master) return;
  const argv = ackArgv(node.master.reploff);
  const text = encodeArgv(argv);
  send(w, c, node.name, { k: 'cmd', argv }, text.length, {
    kind: 'REPLCONF ACK',
    label: argv.join(' '),
    resp: text,
  });
}

/**
 * The live master client goes away (freeClient on server.master). 'cache' keeps it as
 * cached_master for the next PSYNC (replicationCacheMaster) and reconnects at once;
 * 'discard' forgets it (promotion). Before 2.8 nothing is cached (era.ts cachesMaster).
 */
export function freeMasterClient(w: World, node: Node, mode: 'cache' | 'discard'): void {
  const link = node.link;
  const m = node.master;
  if (!link || !m) return;
  log(w, node, 'Connection with master lost.', '#');
  if (link.conn !== null) {
    const conn = w.conns.get(link.conn);
    if (conn) closeEnd(w, conn, node.name);
  }
  link.conn = null;
  node.master = null;
  if (eraRules(w.era).cachesMaster) {
    log(w, node, 'Caching the disconnected master state.');
    m.readReploff = m.reploff;
    node.cachedMaster = m;
  } else if (mode === 'cache') {
    // 2.6 freeClient: the master is forgotten and the sub-replicas must sync again with us.
    link.askCause = 'link-lost';
    disconnectSlaves(w, node);
  }
  if (mode === 'discard') return;
  link.downSince = w.now;
  setState(w, node, 'REPL_STATE_CONNECT');
  reconnectAfterFailure(w, node);
}

/** 6.0+ reconnects at once after a failure; older Redis waits for replicationCron (era.ts). */
function reconnectAfterFailure(w: World, node: Node): void {
  if (!eraRules(w.era).reconnectAtOnce) return;
  const link = node.link!;
  log(w, node, `Reconnecting to MASTER ${link.masterHost}:${link.masterPort} after failure`);
  connectWithMaster(w, node);
}

/** The connection to the master was closed by the other end (or the proxy). */
export function onMasterConnClosed(w: World, node: Node, conn: Conn): void {
  const link = node.link;
  if (!link || link.conn !== conn.id) return;
  closeEnd(w, conn, node.name);
  if (link.state === 'REPL_STATE_CONNECTED') {
    freeMasterClient(w, node, 'cache');
    return;
  }
  if (link.state === 'REPL_STATE_TRANSFER') {
    // readSyncBulkPayload's error path: cancelReplicationHandshake(1) reconnects at once, so a
    // replica whose full sync the master cut (output-buffer limit) asks again within
    // milliseconds: the full-sync loop.
    log(w, node, 'I/O error reading bulk count from MASTER: connection lost', '#');
    cancelHandshake(w, node);
    reconnectAfterFailure(w, node);
    return;
  }
  log(w, node, 'Master closed the connection during the handshake', '#');
  link.conn = null;
  link.pending = [];
  link.transfer = null;
  setState(w, node, 'REPL_STATE_CONNECT');
}

/** The replica part of replicationCron (once per second). */
export function replicaCron(w: World, node: Node): void {
  const link = node.link;
  if (!link) return;
  const timeout = cfgInt(node.config, 'repl-timeout') * SEC;
  const nowS = unixSec(w);
  const secs = (t: number) => nowS - Math.floor((w.epochMs + Math.floor(t / 1000)) / 1000);
  if (isHandshakeState(link.state) && secs(link.lastIo) * SEC > timeout) {
    log(w, node, 'Timeout connecting to the MASTER...', '#');
    cancelHandshake(w, node);
  }
  if (link.state === 'REPL_STATE_TRANSFER' && secs(link.lastIo) * SEC > timeout) {
    log(
      w,
      node,
      "Timeout receiving bulk data from MASTER... If the problem persists try to set the 'repl-timeout' parameter in redis.conf to a larger value.",
      '#',
    );
    cancelHandshake(w, node);
  }
  if (
    link.state === 'REPL_STATE_CONNECTED' &&
    node.master &&
    secs(node.master.lastInteraction) * SEC > timeout
  ) {
    log(w, node, 'MASTER timeout: no data nor PING received...', '#');
    freeMasterClient(w, node, 'cache');
  }
  if (link.state === 'REPL_STATE_CONNECT') {
    log(w, node, `Connecting to MASTER ${link.masterHost}:${link.masterPort}`);
    connectWithMaster(w, node);
  }
  if (node.master && link.state === 'REPL_STATE_CONNECTED') sendAck(w, node);
}
