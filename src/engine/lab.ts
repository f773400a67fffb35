// The lab: a live run driven by user inputs (clicks, keys, console), on top of the same engine
// the scenarios use. Every input goes through applyInput, so a run is { seed, setup, inputs }
// and replays exactly. Blocking commands (WAIT, SHUTDOWN) answer later, as a `command` event.
import { type ClientCtx, call, newClient } from './commands.ts';
import { emit, MS, SEC } from './emit.ts';
import { createNode, freeze, kill, startNode, unfreeze } from './lifecycle.ts';
import { cutConn } from './net.ts';
import { type Argv, formatReply, type Reply } from './resp.ts';
import { BASE_CONFIG, FIRST_PORT, START_STAGGER_MS } from './scenario/run.ts';
import type { Scenario } from './scenario/types.ts';
import { createWorld, runUntil } from './simulation.ts';
import type { NetConfig, Node, World } from './world.ts';

/** What the user can do. `at` is set by the timeline when recorded. */
export type LabInput =
  | { type: 'command'; node: string; argv: Argv }
  | { type: 'write'; node: string; count: number }
  | { type: 'traffic'; node: string; perSecond: number }
  | { type: 'cut'; replica: string }
  | { type: 'heal'; replica: string }
  | { type: 'freeze'; node: string }
  | { type: 'unfreeze'; node: string }
  | { type: 'shutdown'; node: string; save: boolean }
  | { type: 'start'; node: string }
  | { type: 'restart'; node: string; save: boolean; downMs: number }
  | { type: 'delete-rdb'; node: string }
  | { type: 'add-replica'; of: string }
  | { type: 'remove-node'; node: string };

export interface LabSetup {
  /** Nodes in order: name → the master it replicates at start (null = master). */
  nodes: { name: string; replicaof: string | null; config?: Record<string, string> }[];
  config?: Record<string, string>;
  net?: NetConfig;
}

/** Slow enough to watch a message cross a link at 1× (the UI scales time), fast enough to feel live. */
export const LAB_NET: NetConfig = { latencyUs: 40 * MS, bytesPerUs: 2 };

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
  clients: Map<string, ClientCtx>;
  masterOf: Map<string, string | null>;
  traffic: Map<string, { perSecond: number; next: number; n: number }>;
  writeCounter: number;
}

/** A scenario file as a lab setup (its steps are run by the timeline as inputs at t = 0…). */
export function setupFromScenario(s: Scenario): LabSetup {
  return {
    nodes: Object.entries(s.nodes).map(([name, d]) => ({
      name,
      replicaof: d.replicaof ?? null,
      config: d.config,
    })),
    config: s.config,
  };
}

export function createLab(seed: number, setup: LabSetup = DEFAULT_SETUP): Lab {
  const w = createWorld(seed, { net: setup.net ?? LAB_NET });
  const lab: Lab = { w, setup, clients: new Map(), masterOf: new Map(), traffic: new Map(), writeCounter: 0 };
  setup.nodes.forEach((n, i) => {
    const cfg = new Map(
      Object.entries({
        ...BASE_CONFIG,
        'repl-ping-replica-period': '10',
        ...(setup.config ?? {}),
        ...(n.config ?? {}),
      }),
    );
    createNode(w, n.name, FIRST_PORT + i, cfg);
    lab.masterOf.set(n.name, n.replicaof);
  });
  setup.nodes.forEach((n, i) => {
    runUntil(w, i * START_STAGGER_MS * MS);
    startNode(w, w.nodes.get(n.name)!, n.replicaof);
  });
  return lab;
}

function client(lab: Lab, node: Node): ClientCtx {
  let c = lab.clients.get(node.name);
  if (!c) {
    c = newClient(lab.w, node);
    lab.clients.set(node.name, c);
  }
  return c;
}

/** Error text for an input that cannot apply (unknown node, …), Redis-style. */
export class LabInputError extends Error {}

function need(lab: Lab, name: string): Node {
  const n = lab.w.nodes.get(name);
  if (!n) throw new LabInputError(`ERR no such node '${name}'`);
  return n;
}

/** Run a command as the node's console client; blocked replies arrive later as events. */
export function runCommand(lab: Lab, node: Node, argv: Argv): Reply | null {
  if (node.state !== 'running') {
    const r: Reply = {
      t: 'error',
      v:
        node.state === 'down'
          ? 'ERR Could not connect to Redis: Connection refused'
          : 'ERR node is frozen (SIGSTOP): no reply',
    };
    emit(lab.w, { type: 'command', node: node.name, argv, reply: formatReply(r) });
    return r;
  }
  const r = call(lab.w, node, client(lab, node), argv);
  if ('reply' in r) return r.reply;
  return null;
}

/** Apply one input at the current virtual time. */
export function applyInput(lab: Lab, input: LabInput): void {
  const w = lab.w;
  switch (input.type) {
    case 'command': {
      const n = need(lab, input.node);
      runCommand(lab, n, input.argv);
      return;
    }
    case 'write': {
      const n = need(lab, input.node);
      for (let i = 0; i < input.count; i++) {
        lab.writeCounter++;
        runCommand(lab, n, ['SET', `key:${lab.writeCounter}`, `value:${lab.writeCounter}`]);
      }
      return;
    }
    case 'traffic': {
      need(lab, input.node);
      if (input.perSecond <= 0) lab.traffic.delete(input.node);
      else lab.traffic.set(input.node, { perSecond: input.perSecond, next: w.now, n: 0 });
      return;
    }
    case 'cut': {
      const n = need(lab, input.replica);
      w.cuts.add(n.name);
      if (n.link?.conn != null) {
        const conn = w.conns.get(n.link.conn);
        if (conn) cutConn(w, conn);
      }
      emit(w, { type: 'link.state', replica: n.name, master: n.link?.master ?? '', state: 'cut' });
      return;
    }
    case 'heal': {
      const n = need(lab, input.replica);
      w.cuts.delete(n.name);
      emit(w, { type: 'link.state', replica: n.name, master: n.link?.master ?? '', state: 'down' });
      return;
    }
    case 'freeze':
      freeze(w, need(lab, input.node));
      return;
    case 'unfreeze':
      unfreeze(w, need(lab, input.node));
      return;
    case 'shutdown': {
      const n = need(lab, input.node);
      runCommand(lab, n, ['SHUTDOWN', input.save ? 'SAVE' : 'NOSAVE']);
      lab.clients.delete(n.name);
      return;
    }
    case 'start': {
      const n = need(lab, input.node);
      if (n.state !== 'down') throw new LabInputError(`ERR node ${n.name} is already running`);
      lab.clients.delete(n.name);
      startNode(w, n, n.link?.master ?? lab.masterOf.get(n.name) ?? null);
      return;
    }
    case 'restart': {
      const n = need(lab, input.node);
      const master = n.link?.master ?? null;
      lab.masterOf.set(n.name, master);
      if (n.state === 'stopped') unfreeze(w, n);
      // A restart does not wait for lagging replicas: SHUTDOWN … NOW semantics keep it immediate.
      if (n.state === 'running') runCommand(lab, n, ['SHUTDOWN', input.save ? 'SAVE' : 'NOSAVE', 'NOW']);
      if (n.state !== 'down') kill(w, n);
      lab.clients.delete(n.name);
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
      const cfg = new Map(
        Object.entries({ ...BASE_CONFIG, 'repl-ping-replica-period': '10', ...(lab.setup.config ?? {}) }),
      );
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

/** Advance to virtual time `to`, running the traffic generators on the way. */
export function advanceLab(lab: Lab, to: number): void {
  const w = lab.w;
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    let who = '';
    for (const [name, t] of lab.traffic) if (t.next < next) [next, who] = [t.next, name];
    if (next > to) break;
    runUntil(w, next);
    const t = lab.traffic.get(who)!;
    t.n++;
    t.next = next + Math.max(1, Math.round(SEC / t.perSecond));
    const n = w.nodes.get(who);
    if (n && n.state === 'running' && !n.link) {
      lab.writeCounter++;
      call(w, n, client(lab, n), ['SET', `t:${lab.writeCounter % 1000}`, `v${lab.writeCounter}`]);
    }
  }
  runUntil(w, to);
}
