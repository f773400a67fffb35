// The one loop that mutates the World: pop the next due task, hand it to its handler.
// Time only moves forward here; going back is the timeline's job (replay from a seed + inputs).

import { seedRng } from '../core/random.ts';
import { OK } from '../core/resp.ts';
import { Scheduler } from '../core/scheduler.ts';
import { DEFAULT_ERA, type Era } from '../replication/era.ts';
import { updateFailoverStatus } from '../replication/failover.ts';
import {
  acceptClient,
  bulkDone,
  checkWaitingClients,
  childExited,
  forgetClient,
  freeClosedAsap,
  onReplicaCommand,
} from '../replication/master.ts';
import {
  loadDone,
  onConnected,
  onMasterConnClosed,
  onMasterMessage,
  renameAndLoad,
} from '../replication/replica.ts';
import { flushReplicas } from '../replication/stream.ts';
import { unblock } from './blocked.ts';
import { resumePostponed } from './commands.ts';
import { emit } from './emit.ts';
import { beforeSleepGetack, finishShutdown, serverCron } from './lifecycle.ts';
import { closeEnd, deliverable, isCut } from './net.ts';
import type { Micros, NetConfig, Task, World } from './world.ts';

/** Loopback-like defaults: 50 µs one way, 1 GB/s. */
export const LOOPBACK: NetConfig = { latencyUs: 50, bytesPerUs: 1000 };

/** 2026-01-01T00:00:00.250Z: a fixed epoch keeps PXAT values 13 digits and runs reproducible. */
export const DEFAULT_EPOCH_MS = 1767225600250;

export function createWorld(
  seed: number,
  opts: { net?: NetConfig; epochMs?: number; emitEvents?: boolean; era?: Era } = {},
): World {
  return {
    now: 0,
    epochMs: opts.epochMs ?? DEFAULT_EPOCH_MS,
    rng: seedRng(seed),
    net: opts.net ?? LOOPBACK,
    era: opts.era ?? DEFAULT_ERA,
    nodes: new Map(),
    ports: new Map(),
    conns: new Map(),
    nextConnId: 1,
    nextMsgId: 1,
    nextClientId: 3,
    cuts: new Set(),
    queue: new Scheduler<Task>(),
    events: [],
    emitEvents: opts.emitEvents ?? true,
    seq: 0,
  };
}

function nodeOf(t: Task): string {
  switch (t.t) {
    case 'deliver':
      return t.msg.to;
    case 'close':
      return t.to;
    case 'connect': {
      return '';
    }
    default:
      return t.node;
  }
}

/** Run one task. Tasks of a node that is stopped (SIGSTOP) or busy wait; of a dead incarnation vanish. */
function dispatch(w: World, t: Task): void {
  if (t.t === 'connect') {
    const conn = w.conns.get(t.conn);
    const client = conn ? w.nodes.get(conn.client) : undefined;
    if (!conn || !client || client.gen !== t.gen) return;
    if (client.state === 'stopped') {
      client.parked.push(t);
      return;
    }
    const server = w.nodes.get(conn.server);
    const refused = t.refused || !server || server.state === 'down' || isCut(conn);
    if (!refused && server) acceptClient(w, server, conn);
    onConnected(w, client, conn, refused);
    return;
  }
  const name = nodeOf(t);
  const node = w.nodes.get(name);
  if (!node) return;
  if (t.t !== 'deliver' && 'gen' in t && t.gen !== node.gen) return;
  if (node.state === 'down') return;
  if (node.state === 'stopped') {
    node.parked.push(t);
    return;
  }
  // Loading an RDB blocks the event loop; the master link's read handler is off until it is done,
  // so even its close is noticed only afterwards.
  const masterLinkClose = t.t === 'close' && w.conns.get(t.conn)?.client === name;
  if (node.busyUntil > w.now && (t.t === 'deliver' || t.t === 'cron' || masterLinkClose)) {
    w.queue.push(node.busyUntil, t);
    return;
  }
  switch (t.t) {
    case 'deliver': {
      const msg = t.msg;
      if (!deliverable(w, msg)) {
        emit(w, { type: 'message.dropped', id: msg.id, reason: 'connection closed' });
        return;
      }
      emit(w, { type: 'message.delivered', id: msg.id });
      const conn = w.conns.get(msg.conn)!;
      if (msg.to === conn.server) {
        const sc = node.clients.get(conn.serverClientId);
        if (!sc) return;
        if (msg.payload.k === 'cmd') onReplicaCommand(w, node, sc, msg.payload.argv);
      } else onMasterMessage(w, node, conn, msg.payload, msg.size);
      return;
    }
    case 'close': {
      const conn = w.conns.get(t.conn);
      if (!conn) return;
      if (t.to === conn.server) {
        closeEnd(w, conn, t.to); // the server closes its end too: the conn is gone once both are
        forgetClient(w, node, conn.serverClientId);
      } else onMasterConnClosed(w, node, conn);
      return;
    }
    case 'cron':
      serverCron(w, node);
      return;
    case 'child-done':
      childExited(node, t.child);
      return;
    case 'bulk-done':
      bulkDone(w, node, t.clientId);
      return;
    case 'flush':
      freeClosedAsap(w, node);
      beforeSleepGetack(w, node);
      flushReplicas(w, node);
      updateFailoverStatus(w, node);
      return;
    case 'unpause':
      resumePostponed(w, node);
      beforeSleepGetack(w, node);
      return;
    case 'debug-wake':
      if (t.pending) unblock(w, t.pending, OK);
      // Then the commands that waited in the other clients' sockets, in the order they came.
      resumePostponed(w, node);
      return;
    case 'wait-timeout':
      node.blocked = node.blocked.filter((b) => {
        if (b.deadline !== null && b.deadline <= w.now) {
          unblock(w, b, {
            t: 'int',
            v: node.slaves.filter((s) => s.replstate === 'online' && s.ackOff >= b.offset).length,
          });
          return false;
        }
        return true;
      });
      checkWaitingClients(w, node);
      return;
    case 'shutdown-ready': {
      const sd = node.shuttingDown;
      if (!sd?.ready) return;
      node.shuttingDown = null;
      finishShutdown(w, node, sd, true);
      return;
    }
    case 'load-done':
      loadDone(w, node, t.conn);
      return;
    case 'flush-done':
      renameAndLoad(w, node, t.conn);
      return;
  }
}

/** Run every task due at or before `t`, then set now = t. */
export function runUntil(w: World, t: Micros): void {
  for (;;) {
    const next = w.queue.peek();
    if (!next || next.at > t) break;
    w.queue.pop();
    if (next.at > w.now) w.now = next.at;
    dispatch(w, next.item);
  }
  if (t > w.now) w.now = t;
}

/**
 * Run until `done()` holds (checked after every task) or `limit` is reached.
 * Returns true when the condition held.
 */
export function runUntilCondition(w: World, done: () => boolean, limit: Micros): boolean {
  if (done()) return true;
  for (;;) {
    const next = w.queue.peek();
    if (!next || next.at > limit) {
      if (limit > w.now) w.now = limit;
      return done();
    }
    w.queue.pop();
    if (next.at > w.now) w.now = next.at;
    dispatch(w, next.item);
    if (done()) return true;
  }
}

/** Drain the events emitted so far. */
export function drainEvents(w: World): import('./events.ts').SimEvent[] {
  const ev = w.events;
  w.events = [];
  return ev;
}
