// INFO replication / INFO stats / ROLE, in the exact text Redis 7.0 prints (spec §11).
import { cfgBool, cfgInt } from '../core/config.ts';
import { arr, bulk, int, type Reply } from '../core/resp.ts';
import { eraInfoFields } from '../replication/era.ts';
import { failoverStateText } from '../replication/failover.ts';
import { roleStateName } from '../replication/handshake.ts';
import { isLoading } from '../replication/replica.ts';
import { secOf, unixSec } from './emit.ts';
import type { Node, World } from './world.ts';

/** The `# Replication` section as ordered field/value pairs (numbers stay numbers for traces). */
export function replicationFields(w: World, node: Node): [string, string | number][] {
  const f: [string, string | number][] = [];
  const link = node.link;
  f.push(['role', link ? 'slave' : 'master']);
  if (link) {
    f.push(['master_host', link.masterHost]);
    f.push(['master_port', link.masterPort]);
    const up = link.state === 'REPL_STATE_CONNECTED';
    f.push(['master_link_status', up ? 'up' : 'down']);
    f.push([
      'master_last_io_seconds_ago',
      node.master ? unixSec(w) - secOf(w, node.master.lastInteraction) : -1,
    ]);
    const syncing = link.state === 'REPL_STATE_TRANSFER';
    f.push(['master_sync_in_progress', syncing ? 1 : 0]);
    const mc = node.master ?? node.cachedMaster;
    f.push(['slave_read_repl_offset', mc ? mc.readReploff : 1]);
    f.push(['slave_repl_offset', mc ? mc.reploff : 1]);
    if (syncing && link.transfer) {
      const t = link.transfer;
      const read = t.read;
      f.push(['master_sync_total_bytes', t.total]);
      f.push(['master_sync_read_bytes', read]);
      f.push(['master_sync_left_bytes', t.total - read]);
      f.push([
        'master_sync_perc',
        (t.total > 0 ? (read * 100) / t.total : -0)
          .toFixed(2)
          .replace(/^0\.00$/, t.total <= 0 ? '-0.00' : '0.00'),
      ]);
      f.push(['master_sync_last_io_seconds_ago', unixSec(w) - secOf(w, link.lastIo)]);
    }
    if (!up)
      f.push(['master_link_down_since_seconds', link.downSince ? unixSec(w) - secOf(w, link.downSince) : -1]);
    f.push(['slave_priority', cfgInt(node.config, 'replica-priority')]);
    f.push(['slave_read_only', cfgBool(node.config, 'replica-read-only') ? 1 : 0]);
    f.push(['replica_announced', cfgBool(node.config, 'replica-announced') ? 1 : 0]);
  }
  f.push(['connected_slaves', node.slaves.length]);
  if (cfgInt(node.config, 'min-replicas-to-write') && cfgInt(node.config, 'min-replicas-max-lag'))
    f.push(['min_slaves_good_slaves', node.goodSlaves]);
  const now = unixSec(w);
  node.slaves.forEach((s, i) => {
    const lag = s.replstate === 'online' ? now - s.ackTime : 0;
    // INFO prints both SLAVE_STATE_WAIT_BGSAVE_START and _END as "wait_bgsave".
    const state = s.replstate.startsWith('wait_bgsave') ? 'wait_bgsave' : s.replstate;
    f.push([
      `slave${i}`,
      `ip=${s.announcedIp},port=${s.listeningPort},state=${state},offset=${s.ackOff},lag=${lag}`,
    ]);
  });
  f.push(['master_failover_state', failoverStateText(node)]);
  f.push(['master_replid', node.replid]);
  f.push(['master_replid2', node.replid2]);
  f.push(['master_repl_offset', node.masterReplOffset]);
  f.push(['second_repl_offset', node.secondReplOffset]);
  f.push(['repl_backlog_active', node.backlog ? 1 : 0]);
  f.push(['repl_backlog_size', cfgInt(node.config, 'repl-backlog-size')]);
  f.push(['repl_backlog_first_byte_offset', node.backlog ? node.backlog.offset : 0]);
  f.push(['repl_backlog_histlen', node.backlog ? node.backlog.histlen : 0]);
  // Older eras printed fewer fields (era.ts eraInfoFields): 2.6 no offsets, no backlog, no ids.
  return eraInfoFields(w.era, 'replication', f);
}

/** INFO stats' replication counters (the era's: 2.6 had none of the sync_* ones). */
export function statsFields(w: World, node: Node): [string, number | string][] {
  const s = node.stats;
  return eraInfoFields(w.era, 'stats', [
    ['sync_full', s.sync_full],
    ['sync_partial_ok', s.sync_partial_ok],
    ['sync_partial_err', s.sync_partial_err],
    ['expired_keys', s.expired_keys],
    ['total_net_repl_input_bytes', s.total_net_repl_input_bytes],
    ['total_net_repl_output_bytes', s.total_net_repl_output_bytes],
  ]);
}

/**
 * INFO text for the requested sections (7.0: several at once, case-insensitive), in Redis's own
 * section order whatever the order asked: `INFO keyspace replication` prints # Replication first, as
 * 7.0.15 does. The lab has five of the sections (Clients, Memory, CPU… are left out) and, in each,
 * the fields it tracks. CRLF line ends, like Redis; '' when no section matched.
 */
export function infoText(w: World, node: Node, sections: readonly string[]): string {
  const asked = new Set(sections.map((s) => s.toLowerCase()));
  const all = asked.has('all') || asked.has('default') || asked.has('everything');
  const parts: string[] = [];
  for (const [name, text] of INFO_SECTIONS) if (all || asked.has(name)) parts.push(text(w, node));
  return parts.length === 0 ? '' : `${parts.join('\r\n\r\n')}\r\n`;
}

const lines = (title: string, fields: [string, number | string][]) =>
  [`# ${title}`, ...fields.map(([k, v]) => `${k}:${v}`)].join('\r\n');

/** The sections the lab prints, in genInfoString's order (Keyspace last). */
const INFO_SECTIONS: [string, (w: World, node: Node) => string][] = [
  [
    'server',
    (w, node) =>
      lines('Server', [
        ['redis_version', '7.0.15'],
        ['redis_mode', 'standalone'],
        ['run_id', node.runId],
        ['tcp_port', node.port],
        ['uptime_in_seconds', unixSec(w) - secOf(w, node.startedAt)],
        ['hz', 10],
      ]),
  ],
  [
    'persistence',
    (w, node) =>
      lines('Persistence', [
        ['loading', isLoading(node) ? 1 : 0],
        ['async_loading', 0],
        ['rdb_changes_since_last_save', node.dirty],
        ['rdb_bgsave_in_progress', node.child ? 1 : 0],
        // lastsave starts as the start time.
        [
          'rdb_last_save_time',
          node.lastSaveMs ? Math.floor(node.lastSaveMs / 1000) : secOf(w, node.startedAt),
        ],
      ]),
  ],
  ['stats', (w, node) => lines('Stats', statsFields(w, node))],
  ['replication', (w, node) => lines('Replication', replicationFields(w, node))],
  [
    'keyspace',
    (_w, node) => {
      const out = ['# Keyspace'];
      for (let db = 0; db < 16; db++) {
        const n = node.keyspace.dbsize(db);
        if (n > 0) out.push(`db${db}:keys=${n},expires=${node.keyspace.expiresCount(db)},avg_ttl=0`);
      }
      return out.join('\r\n');
    },
  ],
];

/** Any INFO field by name, as a number when it reads as one (a scenario's `wait` on any section). */
export function infoFieldValue(w: World, node: Node, field: string): string | number | undefined {
  const text = infoText(w, node, ['everything']);
  const line = text.split('\r\n').find((l) => l.startsWith(`${field}:`));
  if (line === undefined) return undefined;
  const v = line.slice(field.length + 1);
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

/** ROLE: ["master", offset, [[ip, "port", "ack"], …]] or ["slave", host, port, state, offset|-1]. */
export function roleReply(node: Node): Reply {
  const link = node.link;
  if (!link) {
    const online = node.slaves.filter((s) => s.replstate === 'online');
    return arr([
      bulk('master'),
      int(node.masterReplOffset),
      arr(
        online.map((s) => arr([bulk(s.announcedIp), bulk(String(s.listeningPort)), bulk(String(s.ackOff))])),
      ),
    ]);
  }
  return arr([
    bulk('slave'),
    bulk(link.masterHost),
    int(link.masterPort),
    bulk(roleStateName(link.state)),
    int(node.master ? node.master.reploff : -1),
  ]);
}
