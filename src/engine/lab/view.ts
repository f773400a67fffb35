// NodeView: the plain-data projection of a node that the UI renders (sent once per frame by the
// worker). Everything here is derived from the World; nothing is kept.

import { cfgInt, cfgStr } from '../core/config.ts';
import { formatReply } from '../core/resp.ts';
import { type BacklogView, backlogView } from '../replication/backlog.ts';
import type { ReplState } from '../replication/handshake.ts';
import { unixSec } from '../server/emit.ts';
import { infoText, roleReply } from '../server/info.ts';
import { linkCut } from '../server/net.ts';
import type { Node, World } from '../server/world.ts';

export interface ReplicaView {
  name: string;
  port: number;
  state: string;
  ackOffset: number;
  lag: number;
  sendPos: number | null;
  awaitingAck: boolean;
}

export interface NodeView {
  name: string;
  port: number;
  run: 'running' | 'stopped' | 'down';
  role: 'master' | 'slave';
  master: string | null;
  linkState: ReplState | null;
  linkCut: boolean;
  replid: string;
  replid2: string;
  secondReplOffset: number;
  masterReplOffset: number;
  /** The replica's applied offset (live or cached master), or null. */
  slaveReplOffset: number | null;
  backlog: BacklogView;
  replicas: ReplicaView[];
  /** Keys in db 0; while an RDB loads, the keys loaded so far (0 at the start of the load). */
  dbsize: number;
  /** Share of the RDB loaded (0…1) while the replica is LOADING, else null. */
  loading: number | null;
  /** A coordinated FAILOVER under way (INFO master_failover_state), else null. */
  failover: 'waiting-for-sync' | 'failover-in-progress' | null;
  /** That FAILOVER's target port (null: any replica, none chosen yet), whether it has a TIMEOUT
   * (7.0 sends no PING while a timed failover waits), and when it began (µs). Null without one. */
  failoverTo: { port: number | null; timed: boolean; since: number } | null;
  /** Client commands held while writes are paused (a FAILOVER, a SHUTDOWN waiting for replicas). */
  heldWrites: number;
  keys: { key: string; type: string; value: unknown }[];
  keysTruncated: boolean;
  stats: { sync_full: number; sync_partial_ok: number; sync_partial_err: number };
  config: Record<string, string>;
  transfer: { total: number; read: number; startedAt: number; tempFile: string } | null;
  bgsave: { target: 'disk' | 'socket'; startedAt: number; doneAt: number; bytes: number } | null;
  hasRdbOnDisk: boolean;
  rdbOnDisk: { replid: string; offset: number } | null;
  info: string;
  role_: string;
  log: string[];
}

const SHOWN_CONFIG = [
  'repl-backlog-size',
  'repl-backlog-ttl',
  'repl-timeout',
  'repl-ping-replica-period',
  'repl-diskless-sync',
  'repl-diskless-sync-delay',
  'min-replicas-to-write',
  'min-replicas-max-lag',
  'masterauth',
  'requirepass',
  'save',
];

export interface ViewOptions {
  /**
   * Nodes whose view carries the detail — keys, INFO and ROLE text, log lines — (null: every node).
   * Dumping a keyspace is most of the cost of a view (2.3 ms of 2.5 ms a frame with 7 nodes and
   * 1000 keys each), so a worker asks detail only for the nodes on screen.
   */
  detailFor?: ReadonlySet<string> | null;
  /** Log lines in the views (false when they travel as events). Default true. */
  log?: boolean;
  /** Keys listed per view. Default 50. */
  maxKeys?: number;
}

export function nodeViews(w: World, opts: ViewOptions = {}): NodeView[] {
  const now = unixSec(w);
  const maxKeys = opts.maxKeys ?? 50;
  return [...w.nodes.values()].map((n) => {
    const running = n.state !== 'down';
    const detail = running && (!opts.detailFor || opts.detailFor.has(n.name));
    const dump = detail ? (n.keyspace.dump(0) as Record<string, { type: string; value: unknown }>) : {};
    const entries = Object.entries(dump);
    const mc = n.master ?? n.cachedMaster;
    return {
      name: n.name,
      port: n.port,
      run: n.state,
      role: n.link ? 'slave' : 'master',
      master: n.link?.master ?? null,
      linkState: n.link?.state ?? null,
      linkCut: linkCut(w, n.name, n.link?.master),
      replid: n.replid,
      replid2: n.replid2,
      secondReplOffset: n.secondReplOffset,
      masterReplOffset: n.masterReplOffset,
      slaveReplOffset: n.link ? (mc ? mc.reploff : null) : null,
      backlog: backlogView(n.backlog, cfgInt(n.config, 'repl-backlog-size'), n.masterReplOffset),
      replicas: n.slaves.map((s) => ({
        name: s.peer,
        port: s.listeningPort,
        state: s.replstate,
        ackOffset: s.ackOff,
        lag: s.replstate === 'online' ? now - s.ackTime : 0,
        sendPos: s.sendPos,
        awaitingAck: s.startStreamOnAck,
      })),
      dbsize: running ? Math.floor(n.keyspace.dbsize(0) * (loadShare(n, w.now) ?? 1)) : 0,
      loading: running ? loadShare(n, w.now) : null,
      failover: n.failover?.state ?? null,
      failoverTo: n.failover
        ? { port: n.failover.target?.port ?? null, timed: n.failover.endMs > 0, since: n.failover.since }
        : null,
      heldWrites: n.postponed.length,
      keys: entries.slice(0, maxKeys).map(([key, v]) => ({ key, type: v.type, value: v.value })),
      keysTruncated: entries.length > maxKeys,
      stats: {
        sync_full: n.stats.sync_full,
        sync_partial_ok: n.stats.sync_partial_ok,
        sync_partial_err: n.stats.sync_partial_err,
      },
      config: Object.fromEntries(SHOWN_CONFIG.map((k) => [k, cfgStr(n.config, k)])),
      transfer: n.link?.transfer
        ? {
            total: n.link.transfer.total,
            read: n.link.transfer.read,
            startedAt: n.link.transfer.startedAt,
            tempFile: n.link.transfer.tempFile,
          }
        : null,
      bgsave: n.child
        ? {
            target: n.child.target,
            startedAt: n.child.startedAt,
            doneAt: n.child.doneAt,
            bytes: n.child.rdb.bytes,
          }
        : null,
      hasRdbOnDisk: n.disk !== null,
      rdbOnDisk: n.disk?.repl ? { replid: n.disk.repl.replid, offset: n.disk.repl.offset } : null,
      info: detail ? infoText(w, n, ['replication']) : '',
      role_: detail ? formatReply(roleReply(n)) : '',
      log: detail && opts.log !== false ? n.log.slice(-200) : [],
    };
  });
}

/** One point of the offsets chart: each running node's master_repl_offset and backlog range. */
export interface OffsetsSample {
  at: number;
  /** [master_repl_offset, first byte held, last byte held] (−1, −1 without a backlog). */
  nodes: Record<string, [mro: number, first: number, last: number]>;
}

export function offsetsSample(w: World): OffsetsSample {
  const nodes: OffsetsSample['nodes'] = {};
  for (const n of w.nodes.values()) {
    if (n.state === 'down') continue;
    const b = n.backlog;
    nodes[n.name] = [n.masterReplOffset, b ? b.offset : -1, b ? b.offset + b.histlen - 1 : -1];
  }
  return { at: w.now, nodes };
}

/**
 * How far an RDB load has come (0…1), or null when none runs: rdbLoad reads the file front to
 * back, so the keys appear at the pace of the load window [loadStartedAt, busyUntil]. The engine
 * holds the whole dataset from the start; the view shows what INFO keyspace would show mid-load.
 */
function loadShare(n: Node, now: number): number | null {
  const t = n.link?.transfer;
  if (!t?.loading || t.loadStartedAt === undefined) return null;
  const span = n.busyUntil - t.loadStartedAt;
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (now - t.loadStartedAt) / span));
}
