// The coordinated FAILOVER command (6.2+, replication.c `failoverCommand`, `updateFailoverStatus`):
// the master pauses writes, waits until a replica has acknowledged its whole stream, then turns
// itself into that replica's replica and sends `PSYNC <its replid> <offset+1> FAILOVER`; the
// replica promotes itself on that request (syncCommand) and accepts it through replid2, so nobody
// full-syncs. Checked against 7.0.15: scenarios pe_failover_command, pf_failover_timeout_abort,
// pg_failover_force_lagging.
//
// While a failover runs, the node's writes are paused (server/pause.ts): client writes wait and
// run once it ends — on a node that is a replica by then, they get -READONLY.
import { type Argv, err, OK, type Reply } from '../core/resp.ts';
import { unknownCommandError } from '../keyspace/index.ts';
import { parseInt64 } from '../keyspace/numbers.ts';
import { log, unixMs } from '../server/emit.ts';
import type { Failover, Node, ReplicaClient, World } from '../server/world.ts';
import { eraRules } from './era.ts';
import { setMaster, unsetMaster } from './replica.ts';
import { scheduleFlush } from './stream.ts';

/** INFO's master_failover_state (getFailoverStateString). */
export function failoverStateText(node: Node): string {
  return node.failover?.state ?? 'no-failover';
}

type Parsed = { timeoutMs: number; force: boolean; host: string | null; port: number } | { error: string };

/** FAILOVER [TO host port [FORCE]] [TIMEOUT ms]: each option once, in any order (ABORT alone). */
function parse(argv: Argv): Parsed {
  const out = { timeoutMs: 0, force: false, host: null as string | null, port: 0 };
  for (let j = 1; j < argv.length; j++) {
    const a = argv[j].toLowerCase();
    if (a === 'timeout' && j + 1 < argv.length && out.timeoutMs === 0) {
      const v = parseInt64(argv[j + 1]);
      if (v === null) return { error: 'ERR value is not an integer or out of range' };
      if (v <= 0n) return { error: 'ERR FAILOVER timeout must be greater than 0' };
      out.timeoutMs = Number(v);
      j++;
    } else if (a === 'to' && j + 2 < argv.length && out.host === null) {
      const p = parseInt64(argv[j + 2]);
      if (p === null) return { error: 'ERR value is not an integer or out of range' };
      out.host = argv[j + 1];
      out.port = Number(p);
      j += 2;
    } else if (a === 'force' && !out.force) out.force = true;
    else return { error: 'ERR syntax error' };
  }
  return out;
}

/** findReplica: the replica listed as host:port (its announced ip, else 127.0.0.1; case-insensitive). */
function findReplica(node: Node, host: string, port: number): ReplicaClient | undefined {
  return node.slaves.find(
    (s) => (s.announcedIp || '127.0.0.1').toLowerCase() === host.toLowerCase() && s.listeningPort === port,
  );
}

/** The FAILOVER command on `node`. */
export function failoverCommand(w: World, node: Node, argv: Argv): Reply {
  if (!eraRules(w.era).failover) return unknownCommandError(argv); // 6.2+
  if (argv.length === 2 && argv[1].toLowerCase() === 'abort') {
    if (!node.failover) return err('ERR No failover in progress.');
    abortFailover(w, node, 'Failover manually aborted');
    return OK;
  }
  const p = parse(argv);
  if ('error' in p) return err(p.error);
  if (node.failover) return err('ERR FAILOVER already in progress.');
  if (node.link) return err('ERR FAILOVER is not valid when server is a replica.');
  if (node.slaves.length === 0) return err('ERR FAILOVER requires connected replicas.');
  if (p.force && (!p.timeoutMs || !p.host))
    return err('ERR FAILOVER with force option requires both a timeout and target HOST and IP.');
  if (p.host !== null) {
    const s = findReplica(node, p.host, p.port);
    if (!s) return err('ERR FAILOVER target HOST and PORT is not a replica.');
    if (s.replstate !== 'online') return err('ERR FAILOVER target replica is not online.');
    log(w, node, `FAILOVER requested to ${p.host}:${p.port}.`);
  } else log(w, node, 'FAILOVER requested to any replica.');
  node.failover = {
    state: 'waiting-for-sync',
    target: p.host === null ? null : { host: p.host, port: p.port },
    endMs: p.timeoutMs ? unixMs(w) + p.timeoutMs : 0,
    force: p.force,
    since: w.now,
  };
  scheduleFlush(w, node); // beforeSleep checks at once whether a replica is already caught up
  return OK;
}

/**
 * updateFailoverStatus (beforeSleep and the replication cron): while waiting for a replica, time
 * out (FORCE: fail over anyway), or fail over to the target — or to the first replica in the list
 * — once it has acknowledged master_repl_offset.
 */
export function updateFailoverStatus(w: World, node: Node): void {
  const f = node.failover;
  if (f?.state !== 'waiting-for-sync') return;
  if (f.endMs && f.endMs <= unixMs(w)) {
    if (!f.force) abortFailover(w, node, 'Replica never caught up before timeout');
    else {
      log(w, node, `FAILOVER to ${targetText(f)} time out exceeded, failing over.`);
      failOverTo(w, node, f);
    }
    return;
  }
  const caughtUp = (s: ReplicaClient | undefined) => s?.ackOff === node.masterReplOffset;
  const s = f.target ? findReplica(node, f.target.host, f.target.port) : node.slaves.find((x) => caughtUp(x));
  if (!caughtUp(s)) return;
  f.target ??= { host: s!.announcedIp || '127.0.0.1', port: s!.listeningPort };
  log(w, node, `Failover target ${targetText(f)} is synced, failing over.`);
  failOverTo(w, node, f);
}

/** FAILOVER_IN_PROGRESS: become the target's replica; its PSYNC carries FAILOVER (replica.ts). */
function failOverTo(w: World, node: Node, f: Failover): void {
  f.state = 'failover-in-progress';
  const { host, port } = f.target!;
  setMaster(w, node, w.ports.get(port) ?? `:${port}`, host, port, '');
}

function targetText(f: Failover): string {
  return f.target ? `${f.target.host}:${f.target.port}` : 'any replica';
}

/**
 * The PSYNC reply of a failing-over node (syncWithMaster): +CONTINUE or +FULLRESYNC ends the
 * failover (writes resume); anything else aborts it (the node is a master again). False when the
 * caller must stop handling the reply (aborted).
 */
export function failoverPsyncAnswered(w: World, node: Node, accepted: boolean): boolean {
  if (node.failover?.state !== 'failover-in-progress') return true;
  if (accepted) {
    clearFailover(w, node);
    return true;
  }
  abortFailover(w, node, 'Failover target rejected psync request');
  return false;
}

/** abortFailover: logged; a node already switched becomes a master again (replicationUnsetMaster). */
export function abortFailover(w: World, node: Node, why: string): void {
  const f = node.failover;
  if (!f) return;
  const to = f.target ? `to ${f.target.host}:${f.target.port}` : 'to any replica';
  log(w, node, `FAILOVER ${to} aborted: ${why}`);
  if (f.state === 'failover-in-progress') unsetMaster(w, node, null);
  clearFailover(w, node);
}

/** clearFailoverState: no failover, and the writes held meanwhile run (server/pause.ts resumes them). */
function clearFailover(w: World, node: Node): void {
  node.failover = null;
  w.queue.push(w.now, { t: 'unpause', node: node.name, gen: node.gen });
}

/**
 * syncCommand's failover check on the node a `PSYNC <id> <off> FAILOVER` reaches: a replica whose
 * replid is <id> promotes itself first (the PSYNC then goes on, and matches replid2); an error
 * reply otherwise. A node that is failing over itself refuses every SYNC/PSYNC. Null: go on.
 */
export function failoverSyncCheck(w: World, node: Node, argv: Argv, client: string): Reply | null {
  if (argv.length > 3 && argv[0].toLowerCase() === 'psync' && argv[3].toLowerCase() === 'failover') {
    log(w, node, `Failover request received for replid ${argv[1]}.`, '#');
    if (!node.link) return err("ERR PSYNC FAILOVER can't be sent to a master.");
    if (argv[1].toLowerCase() !== node.replid.toLowerCase())
      return err('ERR PSYNC FAILOVER replid must match my replid.');
    unsetMaster(w, node, `failover request from '${client}'`);
  }
  if (node.failover) return err("NOMASTERLINK Can't SYNC while failing over");
  return null;
}
