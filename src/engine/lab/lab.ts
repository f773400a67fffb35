// The lab: a live run driven by user inputs (clicks, keys, console), on top of the same engine
// the scenarios use. Every input goes through applyInput, so a run is { seed, setup, inputs }
// and replays exactly. Blocking commands (WAIT, SHUTDOWN) answer later, as a `command` event.

import { type Argv, formatReply, type Reply } from '../core/resp.ts';
import type { Era } from '../replication/era.ts';
import { dropReplicaClient } from '../replication/master.ts';
import { type CallResult, type ClientCtx, call, newClient } from '../server/commands.ts';
import { emit, MS, SEC } from '../server/emit.ts';
import { createNode, freeze, kill, startNode, unfreeze } from '../server/lifecycle.ts';
import { cutConn, linkKey } from '../server/net.ts';
import { createWorld, runUntil } from '../server/simulation.ts';
import type { NetConfig, Node, World } from '../server/world.ts';

/**
 * The base configuration of every node (scenarios.md), before the setup's (scenario's) `config`
 * and the node's own. Shared by the engine and the real-Redis runner (tests/conformance).
 */
export const BASE_CONFIG: Readonly<Record<string, string>> = {
  bind: '127.0.0.1',
  'protected-mode': 'yes',
  daemonize: 'no',
  save: '',
  appendonly: 'no',
  dbfilename: 'dump.rdb',
  loglevel: 'notice',
  'repl-ping-replica-period': '3600',
  'repl-diskless-sync-delay': '0',
  'enable-debug-command': 'local',
};
/** Node i (declaration order) listens on FIRST_PORT + i, as in the recorded traces. */
export const FIRST_PORT = 7101;

/** What the user can do. `at` is set by the timeline when recorded. */
export type LabInput =
  /**
   * `db`: the scenario runner's persistent connection for that db (scenarios.md: one client per
   * node and db; a SELECT or WAIT on one leaves the others alone); none = the console's (db 0's).
   */
  | { type: 'command'; node: string; argv: Argv; db?: number }
  | { type: 'write'; node: string; count: number }
  | { type: 'traffic'; node: string; perSecond: number }
  | { type: 'cut'; replica: string; method?: 'proxy' | 'sigstop-kill' }
  | { type: 'heal'; replica: string }
  | { type: 'freeze'; node: string }
  | { type: 'unfreeze'; node: string }
  | { type: 'shutdown'; node: string; save: boolean }
  | { type: 'start'; node: string; asReplicaOf?: string | null }
  | { type: 'restart'; node: string; save: boolean; downMs: number }
  | { type: 'delete-rdb'; node: string }
  | { type: 'add-replica'; of: string }
  | { type: 'remove-node'; node: string };

export interface LabSetup {
  /** Nodes in order: name → the master it replicates at start (null = master). */
  nodes: { name: string; replicaof: string | null; config?: Record<string, string> }[];
  config?: Record<string, string>;
  /** The network; LAB_NET when absent. Scenario runs for traces use LOOPBACK. */
  net?: NetConfig;
  /** The protocol era (replication/era.ts); psync2 when absent. */
  era?: Era;
}

/**
 * Slow enough to watch a message cross a link at 1× (the UI scales time), fast enough to feel live.
 * The disk (50 KB/s) makes a full sync's flush and load take visible time: a 1500-key RDB of
 * ≈33 000 bytes loads in ≈0.66 s, while a partial resync of 20 writes moves ≈900 bytes.
 */
export const LAB_NET: NetConfig = { latencyUs: 40 * MS, bytesPerUs: 2, diskBytesPerUs: 0.05 };

export const DEFAULT_SETUP: LabSetup = {
  nodes: [
    { name: 'A', replicaof: null },
    { name: 'B', replicaof: 'A' },
    { name: 'C', replicaof: 'A' },
  ],
  config: { 'repl-diskless-sync-delay': '0', 'repl-backlog-size': '16384', 'repl-ping-replica-period': '10' },
};

export interface Lab {
  w: World;
  setup: LabSetup;
  /**
   * One console connection per node (WAIT counts its writes), keyed by node name, and one per
   * node and db for a `command` input's `db` (clientKey); dropped when the node stops.
   */
  clients: Map<string, ClientCtx>;
  /** The master each node is configured to follow: the `replicaof` it starts with. */
  masterOf: Map<string, string | null>;
  /** Replicas frozen by a sigstop-kill cut: healing them is SIGCONT. */
  frozenCut: Set<string>;
  traffic: Map<string, { perSecond: number; next: number; n: number }>;
  writeCounter: number;
}

/** A lab with the setup's nodes created, all down: startCluster (or a run's start inputs) brings them up. */
export function createLab(seed: number, setup: LabSetup = DEFAULT_SETUP): Lab {
  const w = createWorld(seed, { net: setup.net ?? LAB_NET, era: setup.era });
  const lab: Lab = {
    w,
    setup,
    clients: new Map(),
    masterOf: new Map(),
    frozenCut: new Set(),
    traffic: new Map(),
    writeCounter: 0,
  };
  setup.nodes.forEach((n, i) => {
    const cfg = new Map(Object.entries({ ...BASE_CONFIG, ...(setup.config ?? {}), ...(n.config ?? {}) }));
    createNode(w, n.name, FIRST_PORT + i, cfg);
    lab.masterOf.set(n.name, n.replicaof);
  });
  return lab;
}

/**
 * The recording input path: everything due at `now` runs first (as a replay's advance does before
 * it applies an input recorded at `now`), then the input applies and is appended to `log`. An
 * input the lab refuses is not recorded; the caller gets the refusal.
 */
export function recordingInput(
  lab: Lab,
  log: { at: number; input: LabInput }[],
): (i: LabInput) => CallResult | { refused: string } | undefined {
  return (input) => {
    runUntil(lab.w, lab.w.now);
    try {
      const r = applyInput(lab, input);
      log.push({ at: lab.w.now, input });
      return r;
    } catch (e) {
      if (e instanceof LabInputError) return { refused: e.message };
      throw e;
    }
  };
}

/** The console connection's key is the node's name; a `db` connection's is `A#db3`. */
const clientKey = (node: string, db?: number) => (db === undefined ? node : `${node}#db${db}`);

function client(lab: Lab, node: Node, db?: number): ClientCtx {
  const key = clientKey(node.name, db);
  let c = lab.clients.get(key);
  if (!c) {
    c = newClient(lab.w, node, db ?? 0);
    lab.clients.set(key, c);
  }
  return c;
}

/** A node stopped or restarted: every connection to it is gone. */
function dropClients(lab: Lab, node: string): void {
  for (const key of [...lab.clients.keys()])
    if (key === node || key.startsWith(`${node}#`)) lab.clients.delete(key);
}

/** The k-th write of a `write` input (k counts every lab write of the run, traffic's too). */
export function writeArgv(k: number): Argv {
  return ['SET', `key:${k}`, `value:${k}`];
}

/** Error text for an input that cannot apply (unknown node, …), Redis-style. */
export class LabInputError extends Error {}

function need(lab: Lab, name: string): Node {
  const n = lab.w.nodes.get(name);
  if (!n) throw new LabInputError(`ERR no such node '${name}'`);
  return n;
}

/**
 * Run a command as the node's console client; a blocked reply (WAIT, SHUTDOWN) arrives later, in
 * the returned holder and as a `command` event. A successful REPLICAOF / SLAVEOF, and a SHUTDOWN,
 * set the master the node restarts with (rememberMaster).
 */
export function runCommand(lab: Lab, node: Node, argv: Argv, db?: number): CallResult {
  if (node.state !== 'running') {
    const r: Reply = {
      t: 'error',
      v:
        node.state === 'down'
          ? 'ERR Could not connect to Redis: Connection refused'
          : 'ERR node is frozen (SIGSTOP): no reply',
    };
    emit(lab.w, { type: 'command', node: node.name, argv, reply: formatReply(r) });
    return { reply: r };
  }
  const name = argv[0]?.toUpperCase();
  // A SHUTDOWN restarts with the master the node follows now (a FAILOVER may have changed it).
  if (name === 'SHUTDOWN') rememberMaster(lab, node);
  const c = client(lab, node, db);
  const r = call(lab.w, node, c, argv);
  // CLIENT KILL or QUIT closed this connection: redis-cli reconnects for the next command (a new
  // client id) and selects its database again.
  if (c.closeAfterReply) lab.clients.set(clientKey(node.name, db), newClient(lab.w, node, c.db));
  if ((name === 'REPLICAOF' || name === 'SLAVEOF') && 'reply' in r && r.reply.t !== 'error')
    rememberMaster(lab, node);
  return r;
}

/**
 * What a node restarts with: the master it follows now (the real runner reads the same from INFO,
 * tests/conformance/real/waits.ts followRoles).
 */
function rememberMaster(lab: Lab, node: Node): void {
  lab.masterOf.set(node.name, node.link?.master ?? null);
}

/**
 * Apply one input at the current virtual time. A `command` (and `shutdown`, which is SHUTDOWN)
 * returns its CallResult, so a scenario op can wait for a blocked reply; other inputs return
 * nothing. Throws LabInputError (Redis-style text) when the input cannot apply.
 */
export function applyInput(lab: Lab, input: LabInput): CallResult | undefined {
  const w = lab.w;
  switch (input.type) {
    case 'command':
      return runCommand(lab, need(lab, input.node), input.argv, input.db);
    case 'write': {
      const n = need(lab, input.node);
      for (let i = 0; i < input.count; i++) {
        lab.writeCounter++;
        runCommand(lab, n, writeArgv(lab.writeCounter));
      }
      return;
    }
    case 'traffic': {
      need(lab, input.node);
      if (input.perSecond <= 0) lab.traffic.delete(input.node);
      else lab.traffic.set(input.node, { perSecond: input.perSecond, next: w.now, n: 0 });
      return;
    }
    case 'cut':
      cutLink(lab, need(lab, input.replica), input.method ?? 'proxy');
      return;
    case 'heal': {
      const n = need(lab, input.replica);
      if (lab.frozenCut.delete(n.name)) unfreeze(w, n);
      else if (n.link) w.cuts.delete(linkKey(n.name, n.link.master));
      emit(w, { type: 'link.state', replica: n.name, master: n.link?.master ?? '', state: 'down' });
      return;
    }
    case 'freeze':
      freeze(w, need(lab, input.node));
      return;
    case 'unfreeze':
      lab.frozenCut.delete(input.node);
      unfreeze(w, need(lab, input.node));
      return;
    case 'shutdown': {
      const n = need(lab, input.node);
      const r = runCommand(lab, n, ['SHUTDOWN', input.save ? 'SAVE' : 'NOSAVE']);
      dropClients(lab, n.name);
      return r;
    }
    case 'start': {
      const n = need(lab, input.node);
      if (n.state !== 'down') throw new LabInputError(`ERR node ${n.name} is already running`);
      const master = input.asReplicaOf !== undefined ? input.asReplicaOf : (lab.masterOf.get(n.name) ?? null);
      lab.masterOf.set(n.name, master);
      dropClients(lab, n.name);
      startNode(w, n, master);
      return;
    }
    case 'restart': {
      const n = need(lab, input.node);
      if (n.state === 'running') rememberMaster(lab, n);
      const master = lab.masterOf.get(n.name) ?? null;
      if (n.state === 'stopped') unfreeze(w, n);
      // A restart does not wait for lagging replicas: SHUTDOWN … NOW semantics keep it immediate.
      if (n.state === 'running') runCommand(lab, n, ['SHUTDOWN', input.save ? 'SAVE' : 'NOSAVE', 'NOW']);
      if (n.state !== 'down') kill(w, n);
      dropClients(lab, n.name);
      runUntil(w, w.now + input.downMs * MS);
      startNode(w, n, master);
      return;
    }
    case 'delete-rdb': {
      const n = need(lab, input.node);
      if (n.state !== 'down')
        throw new LabInputError(`ERR node ${n.name} is running: shut it down before deleting dump.rdb`);
      n.disk = null;
      return;
    }
    case 'add-replica': {
      const m = need(lab, input.of);
      if (w.nodes.size >= 7)
        throw new LabInputError('ERR the lab holds at most 7 nodes (a master and 6 replicas)');
      const used = new Set(w.nodes.keys());
      const name = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').find((c) => !used.has(c))!;
      const port = Math.max(...[...w.nodes.values()].map((n) => n.port)) + 1;
      const cfg = new Map(Object.entries({ ...BASE_CONFIG, ...(lab.setup.config ?? {}) }));
      const n = createNode(w, name, port, cfg);
      lab.masterOf.set(name, null);
      startNode(w, n, null);
      runCommand(lab, n, ['REPLICAOF', '127.0.0.1', String(m.port)]);
      return;
    }
    case 'remove-node': {
      const n = need(lab, input.node);
      if (n.state !== 'down') kill(w, n);
      w.nodes.delete(n.name);
      w.ports.delete(n.port);
      lab.traffic.delete(n.name);
      emit(w, { type: 'node.state', node: n.name, state: 'down' });
      return;
    }
  }
}

/**
 * Cut a replica's link. 'proxy': a partition — both ends close, reconnects are refused until
 * healed. 'sigstop-kill': the replica is frozen (SIGSTOP) and its master drops it (CLIENT KILL
 * ADDR); healing continues the replica (SIGCONT), which then finds its link closed.
 */
function cutLink(lab: Lab, n: Node, method: 'proxy' | 'sigstop-kill'): void {
  const w = lab.w;
  if (method === 'sigstop-kill') {
    freeze(w, n);
    lab.frozenCut.add(n.name);
    const m = w.nodes.get(n.link?.master ?? '');
    const s = m?.slaves.find((x) => x.peer === n.name);
    if (m && s) dropReplicaClient(w, m, s, '');
  } else {
    if (n.link) w.cuts.add(linkKey(n.name, n.link.master));
    const conn = n.link?.conn != null ? w.conns.get(n.link.conn) : undefined;
    if (conn) cutConn(w, conn);
  }
  emit(w, { type: 'link.state', replica: n.name, master: n.link?.master ?? '', state: 'cut' });
}

/** The traffic generator due first at or before `to` (its node's name), or null. */
export function dueTraffic(lab: Lab, to: number): string | null {
  let next = Number.POSITIVE_INFINITY;
  let who: string | null = null;
  for (const [name, t] of lab.traffic) if (t.next < next) [next, who] = [t.next, name];
  return next <= to ? who : null;
}

/**
 * Run `who`'s due traffic write at its time: everything due before it runs first, then a SET
 * goes to the node if it is a running master. Returns the command sent (null: none was), so a
 * recording of the run (scenario/record.ts) can write it down as a step.
 */
export function trafficTick(lab: Lab, who: string): Argv | null {
  const w = lab.w;
  const t = lab.traffic.get(who)!;
  runUntil(w, t.next);
  t.n++;
  t.next += Math.max(1, Math.round(SEC / t.perSecond));
  const n = w.nodes.get(who);
  if (n?.state !== 'running' || n.link) return null;
  lab.writeCounter++;
  const argv = ['SET', `t:${lab.writeCounter % 1000}`, `v${lab.writeCounter}`];
  call(w, n, client(lab, n), argv);
  return argv;
}

/** Advance to virtual time `to`, running the traffic generators on the way. */
export function advanceLab(lab: Lab, to: number): void {
  for (let who = dueTraffic(lab, to); who !== null; who = dueTraffic(lab, to)) trafficTick(lab, who);
  runUntil(lab.w, to);
}
