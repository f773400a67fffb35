// The replication stream on the producing side: what is appended (replicationFeedSlaves with
// SELECT insertion and MULTI/EXEC wrapping), how a replica proxies what it applied
// (replicationFeedStreamFromMasterStream), and how queued bytes reach each replica (beforeSleep).

import { cfgInt } from '../core/config.ts';
import { type Argv, encodeArgv, respSize } from '../core/resp.ts';
import { emit } from '../server/emit.ts';
import { linkCut, send } from '../server/net.ts';
import type { Node, ReplicaClient, World } from '../server/world.ts';
import {
  createBacklog,
  dropEntriesBefore,
  entriesFrom,
  feedBacklog,
  packSent,
  type StreamEntry,
  trimBacklog,
} from './backlog.ts';
import { eraRules } from './era.ts';
import { checkReplicasOnNewBlock } from './obuf.ts';

/** Append one command's bytes to the buffer/backlog and move master_repl_offset. */
export function feedRaw(
  w: World,
  node: Node,
  argv: Argv,
  size = respSize(argv),
  cmd?: string,
  shared?: StreamEntry,
): void {
  const bl = node.backlog;
  if (!bl) return;
  const backlogSize = cfgInt(node.config, 'repl-backlog-size');
  const tail = bl.blocks[bl.blocks.length - 1];
  feedBacklog(bl, argv, size, backlogSize, node.masterReplOffset, cmd, shared);
  node.masterReplOffset += size;
  // Redis checks the replicas' output-buffer limits only when a new block was added.
  if (bl.blocks[bl.blocks.length - 1] !== tail && node.slaves.length > 0) checkReplicasOnNewBlock(w, node);
  // trimBacklog can drop a block only when the history without the first block still exceeds the size.
  if (bl.blocks.length > 1 && bl.histlen - bl.blocks[0].size > backlogSize) trim(w, node);
  if (w.emitEvents)
    emit(w, {
      type: 'backlog.written',
      node: node.name,
      offset: bl.offset,
      histlen: bl.histlen,
      masterReplOffset: node.masterReplOffset,
      bytes: size,
    });
  scheduleFlush(w, node);
}

/** incrementalTrimReplicationBacklog with the replicas' references as pins. */
export function trim(w: World, node: Node): void {
  const bl = node.backlog;
  if (!bl) return;
  const before = bl.offset;
  const trimmed = trimBacklog(
    bl,
    cfgInt(node.config, 'repl-backlog-size'),
    node.masterReplOffset,
    pinnedFrom(node),
  );
  if (trimmed && bl.offset !== before)
    emit(w, { type: 'backlog.trimmed', node: node.name, offset: bl.offset, histlen: bl.histlen });
}

function pinnedFrom(node: Node): number {
  let min = Number.POSITIVE_INFINITY;
  for (const s of node.slaves) if (s.sendPos !== null && s.sendPos < min) min = s.sendPos;
  return min;
}

/**
 * replicationFeedSlaves: a master appends a command executed in `db`. Nothing happens without a
 * backlog (a master that never had a replica: offset stays 0), or on a replica (it only proxies).
 * `db` = -1 feeds without SELECT (PING, REPLCONF GETACK, EXEC use server.slaveseldb).
 */
export function feedSlaves(w: World, node: Node, db: number, argv: Argv): void {
  if (node.link) return;
  if (!node.backlog && node.slaves.length === 0) return;
  if (db !== -1 && node.slaveseldb !== db) {
    feedRaw(w, node, ['SELECT', String(db)]);
    node.slaveseldb = db;
  }
  feedRaw(w, node, argv);
}

/**
 * propagatePendingCommands: the effects of one call. More than one command is wrapped in
 * MULTI … EXEC; MULTI takes the first command's db (so SELECT comes before it), EXEC none.
 *   MULTI, SET t1 1, SET t2 2, EXEC = 15 + 28 + 28 + 14 = 85 bytes; a single SET is not wrapped.
 */
export function propagate(w: World, node: Node, ops: readonly { db: number; argv: Argv }[]): void {
  if (ops.length === 0) return;
  if (ops.length === 1) {
    feedSlaves(w, node, ops[0].db, ops[0].argv);
    return;
  }
  feedSlaves(w, node, ops[0].db, ['MULTI']);
  for (const op of ops) feedSlaves(w, node, op.db, op.argv);
  feedSlaves(w, node, -1, ['EXEC']);
}

/**
 * A replica proxies exactly the bytes it applied to its own backlog and sub-replicas. 2.8/3.2 feed
 * only a backlog that exists (its own counter stands still without one: era.ts replicaOffset).
 */
export function proxyApplied(w: World, node: Node, e: StreamEntry): void {
  if (!node.backlog && eraRules(w.era).replicaOffset === 'own') return;
  if (!node.backlog) node.backlog = createBacklog(node.masterReplOffset);
  feedRaw(w, node, e.argv, e.size, e.cmd, e);
}

/** beforeSleep's write pass happens once per event-loop iteration: one message per replica. */
export function scheduleFlush(w: World, node: Node): void {
  if (node.flushScheduled) return;
  node.flushScheduled = true;
  w.queue.push(w.now, { t: 'flush', node: node.name, gen: node.gen });
}

/** Can this replica be sent stream bytes now? (ONLINE, and for diskless after its first ACK.) */
export function streaming(s: ReplicaClient): boolean {
  return s.replstate === 'online' && !s.startStreamOnAck;
}

/**
 * True when every streaming replica (running, link not cut, attached to a running master) has
 * applied its master's whole stream: nothing is in flight down any link of the chain. On loopback
 * this holds ~50 µs per hop after the last write; the real scenario runner's snapshot between two
 * ops (≥3 ms) always leaves that time, so the engine runner and the lab wait for it between steps
 * (scenario h3: a sub-replica restarted with SAVE right after 240 KB of writes had read them all).
 */
export function streamsLanded(w: World): boolean {
  for (const m of w.nodes.values()) {
    if (m.state !== 'running') continue;
    for (const s of m.slaves) {
      if (!streaming(s)) continue;
      const r = w.nodes.get(s.peer);
      if (r?.state !== 'running' || r.link?.master !== m.name || linkCut(w, r.name, m.name) || !r.master)
        continue;
      if (r.master.reploff < m.masterReplOffset) return false;
    }
  }
  return true;
}

/** Write the queued stream bytes to every streaming replica (handleClientsWithPendingWrites). */
export function flushReplicas(w: World, node: Node): void {
  node.flushScheduled = false;
  const bl = node.backlog;
  if (!bl) return;
  const end = node.masterReplOffset + 1;
  // Replicas at the same position (the usual case) are sent one list of entries: a message's
  // receiver only reads it, and a new list for each was a third of what sending cost.
  let from = -1;
  let entries: StreamEntry[] = [];
  for (const s of node.slaves) {
    if (!streaming(s) || s.closeAsap || s.sendPos === null || s.sendPos >= end) continue;
    if (s.sendPos !== from) entries = entriesFrom(bl, (from = s.sendPos));
    sendEntries(w, node, s, from, entries);
    s.sendPos = end;
  }
  trim(w, node);
  // Content nobody can ask for any more can go (the backlog keeps its own window); what every
  // replica has been sent is packed.
  const pinned = pinnedFrom(node);
  dropEntriesBefore(bl, Math.min(bl.offset, pinned));
  packSent(bl, pinned);
}

/** Send the stream from byte `from` to the end as one message. */
export function sendStream(w: World, node: Node, s: ReplicaClient, from: number): void {
  const bl = node.backlog;
  if (bl) sendEntries(w, node, s, from, entriesFrom(bl, from));
}

/** Send `entries`, the stream from byte `from` to the end (entriesFrom), as one message. */
function sendEntries(w: World, node: Node, s: ReplicaClient, from: number, entries: StreamEntry[]): void {
  const conn = w.conns.get(s.conn);
  if (!conn || entries.length === 0) return;
  let size = 0;
  for (const e of entries) size += e.size;
  // A request in the middle of an entry (only possible across diverged histories) sends its tail.
  const skip = from - entries[0].start;
  size -= skip;
  node.stats.total_net_repl_output_bytes += size;
  send(
    w,
    conn,
    node.name,
    { k: 'stream', entries },
    size,
    w.emitEvents
      ? {
          kind: 'stream',
          label: streamLabel(entries),
          resp: entries
            .slice(0, 64)
            .map((e) => encodeArgv(e.argv))
            .join(''),
          offsets: [from, from + size - 1],
        }
      : NO_INFO,
  );
}

const NO_INFO = { kind: 'stream' as const, label: '', resp: '' };

function streamLabel(entries: { argv: Argv }[]): string {
  const first = entries.find((e) => e.argv[0].toUpperCase() !== 'SELECT') ?? entries[0];
  const text = first.argv.map((a) => (a.length > 24 ? `${a.slice(0, 21)}…` : a)).join(' ');
  return entries.length > 1 ? `${text} (+${entries.length - 1})` : text;
}
