// The master side of replication: the commands a replica's connection sends (PING, AUTH,
// REPLCONF, PSYNC, SYNC), the PSYNC decision's effects, BGSAVE for replication (disk and
// socket targets), putting replicas online, ACKs, and dropping replicas.

import { cfgBool, cfgInt, cfgStr } from '../core/config.ts';
import { randomHex40 } from '../core/random.ts';
import { type Argv, encodeReply, err, OK, type Reply, simple, utf8Length } from '../core/resp.ts';
import { unblock } from '../server/blocked.ts';
import { emit, log, SEC, unixMs, unixSec } from '../server/emit.ts';
import { closeEnd, send } from '../server/net.ts';
import { writesPaused } from '../server/pause.ts';
import type {
  BgsaveChild,
  Conn,
  Node,
  RdbFile,
  ReplicaClient,
  ServerClient,
  World,
} from '../server/world.ts';
import { createBacklog } from './backlog.ts';
import { eraRules, historyId } from './era.ts';
import { failoverSyncCheck } from './failover.ts';
import { closeOnObufLimit, serverClientDesc } from './obuf.ts';
import { decidePsync, decideSync, type PsyncMasterView, psyncLogLines } from './psync.ts';
import { feedSlaves, scheduleFlush, sendStream, trim } from './stream.ts';

/**
 * replicationGetSlaveName: "<announced ip or peer ip>:<listening port>", as the master's log lines
 * name a replica ("Replica 10.0.0.2:7102 asks for synchronization"); before REPLCONF
 * listening-port the port is unknown.
 */
export function replicaName(s: { listeningPort: number; announcedIp?: string }): string {
  return `${s.announcedIp ?? '127.0.0.1'}:${s.listeningPort || '<unknown-replica-port>'}`;
}

/** NET_HOST_STR_LEN: REPLCONF ip-address must be shorter than this. */
const NET_HOST_STR_LEN = 256;

/** A connection reached this node's listening socket. */
export function acceptClient(w: World, node: Node, conn: Conn): ServerClient {
  const sc: ServerClient = {
    id: w.nextClientId++,
    conn: conn.id,
    peer: conn.client,
    authenticated: cfgStr(node.config, 'requirepass') === '',
    user: 'default',
    listeningPort: 0,
    announcedIp: '127.0.0.1',
    capaEof: false,
    capaPsync2: false,
    replica: null,
    ctime: w.now,
    lastInteraction: w.now,
    lastcmd: 'NULL',
  };
  conn.serverClientId = sc.id;
  node.clients.set(sc.id, sc);
  return sc;
}

export function reply(w: World, node: Node, sc: ServerClient, r: Reply): void {
  const conn = w.conns.get(sc.conn);
  if (!conn) return;
  const text = encodeReply(r);
  const kind = r.t === 'error' ? 'error' : r.t === 'simple' && r.v === 'PONG' ? '+PONG' : 'reply';
  const label = r.t === 'error' ? `-${r.v}` : r.t === 'simple' ? `+${r.v}` : text.trim();
  send(w, conn, node.name, { k: 'reply', reply: r }, text.length, { kind, label, resp: text });
}

/** Authentication: AUTH [user] pass against requirepass (user "default") or an ACL user. */
export function checkAuth(node: Node, argv: Argv): Reply {
  const pass = argv[argv.length - 1];
  const user = argv.length === 3 ? argv[1] : 'default';
  if (user === 'default') {
    const rp = cfgStr(node.config, 'requirepass');
    if (rp === '' && argv.length === 2)
      return err(
        'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
      );
    if (rp === '' || rp === pass) return OK;
    return err('WRONGPASS invalid username-password pair or user is disabled.');
  }
  const u = node.users.get(user);
  if (u?.on && u.passwords.includes(pass)) return OK;
  return err('WRONGPASS invalid username-password pair or user is disabled.');
}

/** A command arriving on a server-side connection from another node (a replica's handshake). */
export function onReplicaCommand(w: World, node: Node, sc: ServerClient, argv: Argv): void {
  const name = argv[0].toLowerCase();
  sc.lastInteraction = w.now;
  sc.lastcmd = name;
  if (!sc.authenticated && name !== 'auth') {
    reply(w, node, sc, err('NOAUTH Authentication required.'));
    return;
  }
  switch (name) {
    case 'ping':
      if (
        node.link &&
        node.link.state !== 'REPL_STATE_CONNECTED' &&
        !cfgBool(node.config, 'replica-serve-stale-data')
      ) {
        reply(
          w,
          node,
          sc,
          err("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."),
        );
        return;
      }
      reply(w, node, sc, simple('PONG'));
      return;
    case 'auth': {
      const r = checkAuth(node, argv);
      if (r === OK) {
        sc.authenticated = true;
        sc.user = argv.length === 3 ? argv[1] : 'default';
      }
      reply(w, node, sc, r);
      return;
    }
    case 'replconf':
      onReplconf(w, node, sc, argv);
      return;
    case 'psync':
    case 'sync':
      syncCommand(w, node, sc, argv);
      return;
    default:
      reply(w, node, sc, err(`ERR unknown command '${argv[0]}', with args beginning with: `));
  }
}

/** What REPLCONF sets on a connection during the handshake. */
export type ReplconfFields = Pick<ServerClient, 'listeningPort' | 'announcedIp' | 'capaEof' | 'capaPsync2'>;

/**
 * replconfCommand: option/value pairs applied to `f` in order; the first bad one answers an error
 * and stops (the pairs before it stay applied, as in Redis). `ip-address` is what INFO's slaveN
 * `ip=`, ROLE and the log lines show instead of the peer address (replica-announce-ip behind NAT);
 * 256 bytes or more is refused ("too long: 256 bytes"), which the replica logs as non critical.
 * ACK and GETACK never reply: `{ ack }` / 'getack' tell the caller what to do instead.
 */
export function replconf(f: ReplconfFields, argv: Argv): Reply | { ack: number } | 'getack' {
  if (argv.length % 2 === 0) return err('ERR syntax error');
  for (let i = 1; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    const val = argv[i + 1];
    if (opt === 'listening-port') {
      if (!/^-?\d+$/.test(val) || !Number.isSafeInteger(Number(val)))
        return err('ERR value is not an integer or out of range');
      f.listeningPort = Number(val);
    } else if (opt === 'ip-address') {
      const len = utf8Length(val);
      if (len >= NET_HOST_STR_LEN)
        return err(`ERR REPLCONF ip-address provided by replica instance is too long: ${len} bytes`);
      f.announcedIp = val;
    } else if (opt === 'capa') {
      if (val.toLowerCase() === 'eof') f.capaEof = true;
      if (val.toLowerCase() === 'psync2') f.capaPsync2 = true;
    } else if (opt === 'ack') return { ack: Number(val) };
    else if (opt === 'getack') return 'getack';
    else return err(`ERR Unrecognized REPLCONF option: ${argv[i]}`);
  }
  return OK;
}

function onReplconf(w: World, node: Node, sc: ServerClient, argv: Argv): void {
  const r = replconf(sc, argv);
  if (r === 'getack') return;
  if ('ack' in r) {
    // REPLCONF ACK <offset>: only from a replica.
    if (sc.replica) onAck(w, node, sc.replica, r.ack);
    return;
  }
  reply(w, node, sc, r);
}

function onAck(w: World, node: Node, s: ReplicaClient, offset: number): void {
  if (offset > s.ackOff) s.ackOff = offset;
  s.ackTime = unixSec(w);
  emit(w, { type: 'offset.acked', master: node.name, replica: s.peer, offset });
  // Redis also runs checkChildrenDone here, but the replica's first ACK (sent right after loading)
  // practically always beats the child's exit: the recorded traces show the stream starting at the
  // replica's next periodic ACK (p: offsets lag until then). So the child is reaped by serverCron.
  // Diskless: the first ACK after the RDB releases the buffered stream (replicaStartCommandStream).
  if (s.startStreamOnAck && s.replstate === 'online') {
    s.startStreamOnAck = false;
    emit(w, { type: 'rdb.phase', node: node.name, phase: 'streaming', peer: s.peer });
    scheduleFlush(w, node);
  }
  checkWaitingClients(w, node);
  // beforeSleep's updateFailoverStatus sees this ACK (not here: a failover frees clients).
  if (node.failover) scheduleFlush(w, node);
}

/**
 * syncCommand: PSYNC <replid> <offset> or the legacy SYNC. In the sync era (2.6) every replica
 * sends SYNC, and its decision (always full) is emitted too so the lab can show why.
 */
function syncCommand(w: World, node: Node, sc: ServerClient, argv: Argv): void {
  if (sc.replica) return; // already a replica: ignore
  const refused = failoverSyncCheck(w, node, argv, serverClientDesc(node, sc.id, 'N'));
  if (refused) {
    reply(w, node, sc, refused);
    return;
  }
  if (node.link && node.link.state !== 'REPL_STATE_CONNECTED') {
    reply(w, node, sc, err("NOMASTERLINK Can't SYNC while not connected with my master"));
    return;
  }
  const name = replicaName(sc);
  log(w, node, `Replica ${name} asks for synchronization`);
  const isPsync = argv[0].toLowerCase() === 'psync';
  // The lab's annotation of why the replica had nothing to offer (never an input of the decision).
  const cause = w.nodes.get(sc.peer)?.link?.askCause;
  if (!isPsync && eraRules(w.era).request === 'SYNC') {
    const d = decideSync(psyncView(w, node), w.era, cause);
    emit(w, { type: 'psync.decided', master: node.name, replica: sc.peer, decision: d });
  }
  if (isPsync) {
    if (argv.length < 3) {
      reply(w, node, sc, err("ERR wrong number of arguments for 'psync' command"));
      return;
    }
    const offset = Number(argv[2]);
    const d = decidePsync(
      { replid: argv[1], offset: Number.isFinite(offset) ? offset : -1, cause },
      psyncView(w, node),
      w.era,
    );
    emit(w, { type: 'psync.decided', master: node.name, replica: sc.peer, decision: d });
    for (const line of psyncLogLines(d, name))
      log(w, node, line, d.reason === 'offset-after-master' ? '#' : '*');
    if (d.outcome === 'CONTINUE') {
      node.stats.sync_partial_ok++;
      acceptPartial(w, node, sc, d.values.requestedOffset, d.backlogBytes);
      return;
    }
    if (d.countsAsPartialErr) node.stats.sync_partial_err++;
  }
  startFullSync(w, node, sc, !isPsync);
}

/** What the PSYNC decision reads of a master; its id is the era's history id (era.ts historyId). */
function psyncView(w: World, node: Node): PsyncMasterView {
  const psync2 = eraRules(w.era).history === 'replid';
  return {
    replid: historyId(w.era, node),
    replid2: psync2 ? node.replid2 : '0'.repeat(40),
    secondReplOffset: psync2 ? node.secondReplOffset : -1,
    masterReplOffset: node.masterReplOffset,
    backlog: node.backlog,
  };
}

function newReplica(
  w: World,
  sc: ServerClient,
  replstate: ReplicaClient['replstate'],
  prePsync: boolean,
): ReplicaClient {
  return {
    id: sc.id,
    conn: sc.conn,
    peer: sc.peer,
    listeningPort: sc.listeningPort,
    announcedIp: sc.announcedIp,
    capaEof: sc.capaEof,
    capaPsync2: sc.capaPsync2,
    replstate,
    prePsync,
    ackOff: 0,
    ackTime: unixSec(w),
    sendPos: null,
    startStreamOnAck: false,
    waitSince: w.now,
    psyncInitialOffset: -1,
    child: 0,
    lastProgress: w.now,
    closeAsap: false,
    obufSoftSince: 0,
  };
}

/** Accepted: ONLINE at once, +CONTINUE [<replid>], then the backlog from P (slaveseldb kept). */
function acceptPartial(w: World, node: Node, sc: ServerClient, p: number, bytes: number): void {
  const s = newReplica(w, sc, 'online', false);
  sc.replica = s;
  node.slaves.push(s);
  reply(w, node, sc, simple(s.capaPsync2 ? `CONTINUE ${node.replid}` : 'CONTINUE'));
  s.sendPos = node.masterReplOffset + 1;
  if (bytes > 0) sendStream(w, node, s, p);
  refreshGoodSlaves(w, node);
}

function startFullSync(w: World, node: Node, sc: ServerClient, legacy: boolean): void {
  node.stats.sync_full++;
  const s = newReplica(w, sc, 'wait_bgsave_start', legacy);
  sc.replica = s;
  node.slaves.push(s);
  if (node.slaves.length === 1 && !node.backlog) createFirstBacklog(w, node);
  const child = node.child;
  if (child && child.target === 'disk') {
    // Attach to a running disk BGSAVE if another replica already waits for it with the same capabilities.
    const peer = node.slaves.find(
      (o) =>
        o !== s && o.replstate === 'wait_bgsave_end' && o.child === child.id && (!o.capaEof || s.capaEof),
    );
    if (peer) {
      s.replstate = 'wait_bgsave_end';
      s.child = child.id;
      s.psyncInitialOffset = peer.psyncInitialOffset;
      s.sendPos = peer.sendPos;
      // replicationSetupSlaveForFullResync: +FULLRESYNC with the peer's offset, and SELECT again next.
      if (!legacy)
        reply(w, node, sc, simple(`FULLRESYNC ${historyId(w.era, node)} ${peer.psyncInitialOffset}`));
      node.slaveseldb = -1;
      log(w, node, 'Waiting for end of BGSAVE for SYNC');
      return;
    }
    log(w, node, "Can't attach the replica to the current BGSAVE. Waiting for next BGSAVE for SYNC");
    return;
  }
  if (child && child.target === 'socket') {
    log(w, node, 'Current BGSAVE has socket target. Waiting for next BGSAVE for SYNC');
    return;
  }
  if (child) return;
  if (
    cfgBool(node.config, 'repl-diskless-sync') &&
    s.capaEof &&
    cfgInt(node.config, 'repl-diskless-sync-delay') > 0
  ) {
    log(w, node, 'Delay next BGSAVE for diskless SYNC');
    return;
  }
  startBgsaveForReplication(w, node);
}

/**
 * The first replica of a node without a backlog (syncCommand → createReplicationBacklog), by era:
 * 4.0+ a new replid (no old replica can PSYNC into the new history); 2.8/3.2 master_repl_offset + 1
 * for the same purpose (P = 1 of an old replica is now before the backlog: 0 → 1, first byte 2);
 * 2.6 nothing shows (the engine's backlog is the stream's buffer there).
 */
function createFirstBacklog(w: World, node: Node): void {
  const how = eraRules(w.era).newBacklog;
  if (how === 'new-replid') {
    changeReplicationId(w, node, 'backlog created for the first replica');
    clearReplicationId2(node);
  } else if (how === 'offset-plus-one') node.masterReplOffset++;
  node.backlog = createBacklog(node.masterReplOffset);
  emit(w, { type: 'backlog.created', node: node.name, offset: node.backlog.offset });
  if (how === 'new-replid')
    log(
      w,
      node,
      `Replication backlog created, my new replication IDs are '${node.replid}' and '${node.replid2}'`,
    );
}

/** changeReplicationId: a fresh random id. */
export function changeReplicationId(w: World, node: Node, why: string): void {
  node.replid = randomHex40(w.rng);
  emit(w, {
    type: 'replid.shifted',
    node: node.name,
    replid: node.replid,
    replid2: node.replid2,
    secondReplOffset: node.secondReplOffset,
    why,
  });
}

export function clearReplicationId2(node: Node): void {
  node.replid2 = '0'.repeat(40);
  node.secondReplOffset = -1;
}

/** rdbPopulateSaveInfo (spec §8.1): what replication aux fields an RDB saved now carries. */
export function saveInfo(node: Node): RdbFile['repl'] {
  if (!node.link && node.backlog)
    return {
      replid: node.replid,
      offset: node.masterReplOffset,
      streamDb: node.slaveseldb === -1 ? 0 : node.slaveseldb,
    };
  if (node.link && node.master)
    return { replid: node.replid, offset: node.masterReplOffset, streamDb: node.master.db };
  if (node.link && node.cachedMaster)
    return { replid: node.replid, offset: node.masterReplOffset, streamDb: node.cachedMaster.db };
  return null;
}

export function snapshotRdb(w: World, node: Node, repl: RdbFile['repl']): RdbFile {
  const data = node.keyspace.clone();
  // Frozen: an RDB file never changes once written (loading clones it), so a timeline checkpoint
  // shares it by reference (lab/pack-format.ts) instead of packing its keyspace — 1000 keys ≈ 36 kB per copy saved.
  return Object.freeze({ data, repl, bytes: data.rdbSize(repl), savedAtMs: unixMs(w) });
}

/**
 * startBgsaveForReplication: socket target when diskless sync is on and every waiting replica
 * has capa eof; every waiting replica goes to WAIT_BGSAVE_END and gets
 * +FULLRESYNC <replid> <master_repl_offset now>: the RDB is exactly the state at that offset.
 */
export function startBgsaveForReplication(w: World, node: Node): void {
  const waiting = node.slaves.filter((s) => s.replstate === 'wait_bgsave_start');
  if (waiting.length === 0) return;
  const socket = cfgBool(node.config, 'repl-diskless-sync') && waiting.every((s) => s.capaEof);
  log(w, node, `Starting BGSAVE for SYNC with target: ${socket ? 'replicas sockets' : 'disk'}`);
  const rdb = snapshotRdb(
    w,
    node,
    saveInfo(node) ?? { replid: node.replid, offset: node.masterReplOffset, streamDb: 0 },
  );
  const id = node.nextChildId++;
  const keyDelayUs = Math.max(0, cfgInt(node.config, 'rdb-key-save-delay'));
  const keys = rdb.data.keyCount();
  // Fork + serialisation: ~0.2 ms, plus rdb-key-save-delay µs per key, plus writing the bytes.
  const saveUs = 200 + keys * keyDelayUs + Math.ceil(rdb.bytes / 500);
  const child: BgsaveChild = {
    id,
    target: socket ? 'socket' : 'disk',
    startedAt: w.now,
    doneAt: w.now + saveUs,
    rdb,
    forReplication: true,
    exited: false,
    killed: false,
  };
  node.child = child;
  log(w, node, `Background ${socket ? 'RDB transfer' : 'saving'} started by pid ${1000 + id}`);
  emit(w, {
    type: 'rdb.phase',
    node: node.name,
    phase: 'bgsave-start',
    detail: socket ? 'socket' : 'disk',
    bytes: rdb.bytes,
  });
  for (const s of waiting) {
    s.replstate = 'wait_bgsave_end';
    s.child = id;
    s.psyncInitialOffset = node.masterReplOffset;
    s.sendPos = node.masterReplOffset + 1;
    if (!s.prePsync) {
      const sc = node.clients.get(s.id);
      if (sc) reply(w, node, sc, simple(`FULLRESYNC ${historyId(w.era, node)} ${node.masterReplOffset}`));
    }
  }
  node.slaveseldb = -1;
  if (socket) {
    // The child streams $EOF:<mark>\r\n + RDB + <mark> to every target through the parent.
    let slowest = w.now;
    for (const s of waiting) {
      const conn = w.conns.get(s.conn);
      if (!conn) continue;
      const mark = randomHex40(w.rng);
      const header = `$EOF:${mark}\r\n`;
      const size = header.length + rdb.bytes + 40;
      s.lastProgress = w.now;
      node.stats.total_net_repl_output_bytes += size;
      const m = send(
        w,
        conn,
        node.name,
        { k: 'rdb', header, rdb, payloadBytes: rdb.bytes, eofMark: mark },
        size,
        {
          kind: 'RDB',
          label: `RDB ${rdb.bytes} bytes ($EOF)`,
          resp: `${header}<RDB ${rdb.bytes} bytes: REDIS0010 … repl-id ${rdb.repl?.replid ?? ''} repl-offset ${rdb.repl?.offset ?? ''} …>${mark}`,
        },
        // The child writes while it serialises: the last byte leaves when the save is done.
        child.doneAt + w.net.latencyUs,
      );
      if (m) slowest = Math.max(slowest, m.deliverAt - w.net.latencyUs);
    }
    child.doneAt = Math.max(child.doneAt, slowest);
  }
  w.queue.push(child.doneAt, { t: 'child-done', node: node.name, gen: node.gen, child: id });
}

/** The child exited (it finished writing); the parent notices in serverCron (checkChildrenDone). */
export function childExited(node: Node, id: number): void {
  if (node.child && node.child.id === id) node.child.exited = true;
}

/** checkChildrenDone → backgroundSaveDoneHandler → updateSlavesWaitingBgsave. */
export function reapChild(w: World, node: Node): void {
  const child = node.child;
  if (!child?.exited) return;
  node.child = null;
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'bgsave-done', detail: child.target });
  if (child.killed) {
    const what = child.target === 'socket' ? 'transfer' : 'saving';
    log(w, node, `Background ${what} terminated by signal 10`, '#');
  } else if (child.target === 'socket') {
    log(
      w,
      node,
      `Diskless rdb transfer, done reading from pipe, ${node.slaves.filter((s) => s.child === child.id).length} replicas still up.`,
      '#',
    );
    log(w, node, 'Background RDB transfer terminated with success');
  } else {
    node.disk = child.rdb;
    node.lastSaveMs = unixMs(w);
    log(w, node, 'Background saving terminated with success');
  }
  for (const s of [...node.slaves]) {
    if (s.replstate !== 'wait_bgsave_end' || s.child !== child.id) continue;
    if (child.killed) {
      dropReplicaClient(w, node, s, 'SYNC failed. BGSAVE child returned an error');
    } else if (child.target === 'socket') {
      log(
        w,
        node,
        `Streamed RDB transfer with replica ${replicaName(s)} succeeded (socket). Waiting for REPLCONF ACK from slave to enable streaming`,
      );
      s.startStreamOnAck = true;
      putOnline(w, node, s);
    } else {
      // Disk target: $<len>\r\n then the file bytes, no trailing CRLF.
      s.replstate = 'send_bulk';
      const conn = w.conns.get(s.conn);
      if (!conn) continue;
      const header = `$${child.rdb.bytes}\r\n`;
      const size = header.length + child.rdb.bytes;
      node.stats.total_net_repl_output_bytes += size;
      const m = send(
        w,
        conn,
        node.name,
        { k: 'rdb', header, rdb: child.rdb, payloadBytes: child.rdb.bytes, eofMark: null },
        size,
        {
          kind: 'RDB',
          label: `RDB ${child.rdb.bytes} bytes`,
          resp: `${header}<RDB ${child.rdb.bytes} bytes: REDIS0010 … repl-id ${child.rdb.repl?.replid ?? ''} …>`,
        },
      );
      emit(w, { type: 'rdb.phase', node: node.name, phase: 'transfer-start', peer: s.peer, bytes: size });
      if (m)
        w.queue.push(Math.max(w.now, m.deliverAt - w.net.latencyUs), {
          t: 'bulk-done',
          node: node.name,
          gen: node.gen,
          clientId: s.id,
        });
    }
  }
  // Replicas that arrived during this BGSAVE and could not attach get the next one
  // (replicationStartPendingFork: a diskless sync still waits out repl-diskless-sync-delay).
  if (node.slaves.some((s) => s.replstate === 'wait_bgsave_start')) maybeStartBgsave(w, node);
}

/** The last byte of the bulk RDB was written: ONLINE, and the buffered stream follows at once. */
export function bulkDone(w: World, node: Node, clientId: number): void {
  const s = node.slaves.find((x) => x.id === clientId);
  if (s?.replstate !== 'send_bulk') return;
  putOnline(w, node, s);
  scheduleFlush(w, node);
}

function putOnline(w: World, node: Node, s: ReplicaClient): void {
  s.replstate = 'online';
  s.ackTime = unixSec(w);
  log(w, node, `Synchronization with replica ${replicaName(s)} succeeded`);
  emit(w, { type: 'rdb.phase', node: node.name, phase: 'transfer-done', peer: s.peer });
  refreshGoodSlaves(w, node);
}

/** replicationCron's check for replicas waiting for a delayed (diskless) or next BGSAVE. */
export function maybeStartBgsave(w: World, node: Node): void {
  if (node.child) return;
  const waiting = node.slaves.filter((s) => s.replstate === 'wait_bgsave_start');
  if (waiting.length === 0) return;
  const delay = cfgInt(node.config, 'repl-diskless-sync-delay');
  const maxReplicas = cfgInt(node.config, 'repl-diskless-sync-max-replicas');
  const diskless = cfgBool(node.config, 'repl-diskless-sync');
  const oldest = Math.min(...waiting.map((s) => s.waitSince));
  const idleSec = unixSec(w) - Math.floor((w.epochMs + Math.floor(oldest / 1000)) / 1000);
  if (!diskless || idleSec >= delay || (maxReplicas > 0 && waiting.length >= maxReplicas))
    startBgsaveForReplication(w, node);
}

/** Drop a replica (freeClient): close the connection and forget it. */
export function dropReplicaClient(w: World, node: Node, s: ReplicaClient, why: string): void {
  const conn = w.conns.get(s.conn);
  // A streamed (diskless) RDB is one message that lasts the whole save: cut now, the rest of it
  // never comes and the replica sees the close right away, not after the planned last byte.
  const child = node.child;
  if (conn && s.replstate === 'wait_bgsave_end' && child?.target === 'socket' && s.child === child.id)
    conn.lastToClient = w.now;
  if (conn) closeEnd(w, conn, node.name);
  forgetClient(w, node, s.id, why);
}

/** The connection of client `id` is gone (closed by us or by the peer). */
export function forgetClient(w: World, node: Node, id: number, why?: string): void {
  const sc = node.clients.get(id);
  node.clients.delete(id);
  const i = node.slaves.findIndex((s) => s.id === id);
  if (i < 0) return;
  const s = node.slaves[i];
  node.slaves.splice(i, 1);
  killUnneededChild(w, node, s);
  if (why) log(w, node, why, '#');
  log(w, node, `Connection with replica ${replicaName(s)} lost.`, '#');
  if (node.slaves.length === 0) node.replNoSlavesSince = unixSec(w);
  if (sc) sc.replica = null;
  trim(w, node);
  refreshGoodSlaves(w, node);
}

/**
 * freeClient of a replica waiting for its BGSAVE: when nobody else waits for that child it is
 * killed (SIGUSR1) so the next full sync can fork at once. A disk child only without save points
 * (its dump.rdb is not wanted: the base config's `save ""`); a socket child always once its last
 * target is gone ("Diskless rdb transfer, last replica dropped, killing fork child.").
 */
function killUnneededChild(w: World, node: Node, gone: ReplicaClient): void {
  const child = node.child;
  if (!child || child.exited || gone.replstate !== 'wait_bgsave_end') return;
  if (child.target === 'disk') {
    if (cfgStr(node.config, 'save').trim() !== '') return;
    if (node.slaves.some((o) => o.replstate === 'wait_bgsave_end')) return;
  } else {
    if (node.slaves.some((o) => o.replstate === 'wait_bgsave_end' && o.child === child.id)) return;
    log(w, node, 'Diskless rdb transfer, last replica dropped, killing fork child.', '#');
  }
  child.killed = true;
  child.exited = true;
}

/** beforeSleep's freeClientsInAsyncFreeQueue, for replicas flagged CLOSE_ASAP. */
export function freeClosedAsap(w: World, node: Node): void {
  for (const s of [...node.slaves]) if (s.closeAsap) dropReplicaClient(w, node, s, '');
}

/** clientsCron's output-buffer check (all clients each tick at hz 10): over a limit → freed now. */
export function clientsCronObuf(w: World, node: Node): void {
  for (const s of [...node.slaves])
    if (s.replstate !== 'wait_bgsave_start' && closeOnObufLimit(w, node, s, false))
      dropReplicaClient(w, node, s, '');
}

/** Disconnect every attached replica (they reconnect and re-PSYNC: disconnectSlaves). */
export function disconnectSlaves(w: World, node: Node): void {
  for (const s of [...node.slaves]) dropReplicaClient(w, node, s, '');
}

/** refreshGoodSlavesCount: ONLINE replicas whose lag ≤ min-replicas-max-lag. */
export function refreshGoodSlaves(w: World, node: Node): void {
  const maxLag = cfgInt(node.config, 'min-replicas-max-lag');
  const now = unixSec(w);
  node.goodSlaves = node.slaves.filter((s) => s.replstate === 'online' && now - s.ackTime <= maxLag).length;
}

/** The master part of replicationCron (once per second). */
export function masterCron(w: World, node: Node): void {
  const period = cfgInt(node.config, 'repl-ping-replica-period');
  // No PING while a FAILOVER with a TIMEOUT pauses writes: it would move the offset it waits for
  // (7.0 checks failover_end_time, so a failover without a timeout still pings).
  const pingPaused = node.failover !== null && node.failover.endMs > 0 && writesPaused(node);
  if (!node.link && node.slaves.length > 0 && node.replCronLoops % period === 0 && !pingPaused)
    feedSlaves(w, node, -1, ['PING']);
  // A single newline keeps pre-transfer replicas from timing out (not for socket targets).
  for (const s of node.slaves) {
    const presync =
      s.replstate === 'wait_bgsave_start' ||
      (s.replstate === 'wait_bgsave_end' && node.child?.target !== 'socket');
    if (!presync) continue;
    const conn = w.conns.get(s.conn);
    if (conn) send(w, conn, node.name, { k: 'newline' }, 1, { kind: 'newline', label: '\\n', resp: '\n' });
  }
  const timeout = cfgInt(node.config, 'repl-timeout');
  const now = unixSec(w);
  for (const s of [...node.slaves]) {
    if (s.replstate === 'online' && !s.prePsync && now - s.ackTime > timeout) {
      dropReplicaClient(w, node, s, `Disconnecting timedout replica (streaming sync): ${replicaName(s)}`);
    } else if (
      s.replstate === 'wait_bgsave_end' &&
      node.child?.target === 'socket' &&
      w.now - s.lastProgress > timeout * SEC
    ) {
      dropReplicaClient(w, node, s, `Disconnecting timedout replica (full sync): ${replicaName(s)}`);
    }
  }
  const ttl = cfgInt(node.config, 'repl-backlog-ttl');
  if (node.slaves.length === 0 && ttl > 0 && node.backlog && !node.link) {
    const idle = now - node.replNoSlavesSince;
    if (idle > ttl) {
      // 4.0+ also starts a new history; 2.8/3.2 only free it (a PSYNC then finds no backlog).
      if (eraRules(w.era).newBacklog === 'new-replid') {
        changeReplicationId(w, node, 'backlog freed after repl-backlog-ttl');
        clearReplicationId2(node);
      }
      node.backlog = null;
      emit(w, { type: 'backlog.freed', node: node.name, reason: 'ttl' });
      log(w, node, `Replication backlog freed after ${ttl} seconds without connected replicas.`);
    }
  }
  maybeStartBgsave(w, node);
  refreshGoodSlaves(w, node);
}

/** WAIT: count replicas whose ACK reached `offset`. */
export function countAcks(node: Node, offset: number): number {
  return node.slaves.filter((s) => s.replstate === 'online' && s.ackOff >= offset).length;
}

export function checkWaitingClients(w: World, node: Node): void {
  if (node.blocked.length === 0 && !node.shuttingDown) return;
  node.blocked = node.blocked.filter((b) => {
    const n = countAcks(node, b.offset);
    if (n >= b.numreplicas) {
      unblock(w, b, { t: 'int', v: n });
      return false;
    }
    return true;
  });
  const sd = node.shuttingDown;
  if (sd && !sd.ready && node.slaves.every((s) => s.ackOff >= node.masterReplOffset)) {
    sd.ready = true;
    w.queue.push(w.now, { t: 'shutdown-ready', node: node.name, gen: node.gen });
  }
  void w;
}

/** GETACK requested by WAIT or SHUTDOWN (beforeSleep: at most once per iteration). */
export function requestAcks(w: World, node: Node): void {
  feedSlaves(w, node, -1, ['REPLCONF', 'GETACK', '*']);
}
