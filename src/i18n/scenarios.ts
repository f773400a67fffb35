// The public scenarios: the lesson points (lesson/README.md) each one lets a student see. Their
// titles are catalog entries (sc.NAME.title), their stories a chunk loaded on demand (stories.ts);
// unknown scenarios fall back to the description in their JSON file.
import { ERA_VERSIONS, type Era } from '../engine/replication/era.ts';
import { hasKey, type Lang, type MsgKey, translate } from './index.ts';
import { storyOf } from './stories.ts';

/**
 * The scenario list in the lesson's order: one group per chapter of lesson 27 (their titles are
 * the catalog's `group.<chapter>`, checked against lessons/27.json), then what goes beyond it.
 * Within a group, the order a student meets the ideas.
 */
export const SCENARIO_GROUPS: { key: ScenarioGroup; scenarios: string[] }[] = [
  {
    key: 'relation',
    scenarios: ['a_initial_attach', 'n_restart_as_master_then_replicaof_full', 'f2_promote_chain_middle'],
  },
  {
    key: 'handshake',
    scenarios: ['i_masterauth_errors', 'o_masteruser_acl_auth', 'o2_announce_ip_port_acl'],
  },
  {
    key: 'choice',
    scenarios: [
      'b_short_drop_partial',
      'c_backlog_overflow_full',
      'c2_backlog_block_granularity',
      'b2_several_replicas',
    ],
  },
  {
    key: 'receive',
    scenarios: [
      'k_offsets_bytes',
      'x_writes_other_databases',
      'y_command_rewrites',
      'y2_data_commands_partial',
      'p_ping_period_chain',
      'l_disk_sync_shared_bgsave',
      'z_diskless_sync_delay_shared',
      'h_chained_full_resync',
      'h2_chain_partial_keeps_subreplica',
      'pb_reads_during_full_sync',
      'e2_replica_restart_nosave_sync_rdb',
    ],
  },
  {
    key: 'advantages',
    scenarios: [
      'd_replica_restart_save_partial',
      'v_client_kill_reconnects',
      'j_master_restart_rdb_partial',
      'f_failover_promote_partial',
      'pe_failover_command',
      'ph_client_pause_manual_switch',
      'r_repl_timeout',
      'u_replica_side_master_timeout',
      'q_chain_upstream_outage_timeout',
    ],
  },
  {
    key: 'limits',
    scenarios: [
      'e_replica_restart_nosave_full',
      't_backlog_ttl',
      't2_backlog_ttl_reattach_in_time',
      'm_tiny_backlog_last_block',
      'h3_subreplica_restart_full_after_big_writes',
      'g_failover_divergence_full',
      'pd_acked_writes_lost_failover',
      'j2_master_restart_no_rdb_wipes_data',
      'pa_obuf_full_sync_loop',
      'pa2_obuf_diskless_loop',
    ],
  },
  {
    key: 'eras',
    scenarios: [
      'era_short_reconnect_sync',
      'era_short_reconnect_psync1',
      'era_short_reconnect_psync2',
      'era_replica_restart_rdb_sync',
      'era_replica_restart_rdb_psync1',
      'era_replica_restart_rdb_psync2',
      'era_replica_restart_nordb_sync',
      'era_replica_restart_nordb_psync1',
      'era_replica_restart_nordb_psync2',
      'era_master_restart_sync',
      'era_master_restart_psync1',
      'era_master_restart_psync2',
      'era_promotion_repoint_sync',
      'era_promotion_repoint_psync1',
      'era_promotion_repoint_psync2',
      'era_backlog_overflow_sync',
      'era_backlog_overflow_psync1',
      'era_backlog_overflow_psync2',
    ],
  },
  {
    key: 'beyond',
    scenarios: [
      's_min_replicas_to_write',
      's2_min_replicas_cut_link',
      'w_wait_getack',
      'j3_shutdown_save_lagging_replica_getack',
      'pc_expired_key_on_replica',
      'pf_failover_timeout_abort',
      'pg_failover_force_lagging',
    ],
  },
];

export type ScenarioGroup =
  | 'relation'
  | 'handshake'
  | 'choice'
  | 'receive'
  | 'advantages'
  | 'limits'
  | 'eras'
  | 'beyond';

/** The catalog's scenarios grouped in lesson order; ones no group names come last, as they are. */
export function groupedScenarios(
  catalog: readonly string[],
): { key: ScenarioGroup | 'other'; scenarios: string[] }[] {
  const known = new Set(SCENARIO_GROUPS.flatMap((g) => g.scenarios));
  const out: { key: ScenarioGroup | 'other'; scenarios: string[] }[] = SCENARIO_GROUPS.map((g) => ({
    key: g.key,
    scenarios: g.scenarios.filter((n) => catalog.includes(n)),
  })).filter((g) => g.scenarios.length > 0);
  const rest = catalog.filter((n) => !known.has(n));
  if (rest.length > 0) out.push({ key: 'other', scenarios: rest });
  return out;
}

/** "9 Partial sync conditions · 10 +CONTINUE and the backlog bytes": a scenario's points in words. */
export function pointsInWords(name: string, lang: Lang): string {
  return (SCENARIO_POINTS[name] ?? []).map((p) => `${p} ${pointText(p, lang)}`).join(' · ');
}

/** One of the 20 lesson points in a few words (the lesson README's table): catalog key `point.N`. */
export function pointText(p: number, lang: Lang): string {
  return translate(lang, `point.${p}` as MsgKey);
}

export const SCENARIO_POINTS: Record<string, number[]> = {
  a_initial_attach: [1, 2, 3, 5, 6, 7, 8, 11, 12, 15, 16, 17],
  b_short_drop_partial: [9, 10, 13, 18, 19],
  c_backlog_overflow_full: [11, 12, 20],
  d_replica_restart_save_partial: [18],
  e_replica_restart_nosave_full: [7, 11, 18],
  f_failover_promote_partial: [1, 8, 9, 18],
  pe_failover_command: [1, 7, 8, 9, 10, 18],
  pf_failover_timeout_abort: [1, 13],
  pg_failover_force_lagging: [8, 9, 13, 18],
  ph_client_pause_manual_switch: [1, 8, 9, 18],
  h_chained_full_resync: [14, 15, 16],
  i_masterauth_errors: [3, 4],
  k_offsets_bytes: [13],
  l_disk_sync_shared_bgsave: [12, 15],
  p_ping_period_chain: [13],
  r_repl_timeout: [18],
  s_min_replicas_to_write: [13],
  t_backlog_ttl: [20],
  b2_several_replicas: [9, 10, 11, 18],
  c2_backlog_block_granularity: [9, 20],
  e2_replica_restart_nosave_sync_rdb: [15, 18],
  f2_promote_chain_middle: [1, 8, 18],
  g_failover_divergence_full: [8, 11, 18],
  h2_chain_partial_keeps_subreplica: [14, 18],
  h3_subreplica_restart_full_after_big_writes: [11, 12, 18, 20],
  j2_master_restart_no_rdb_wipes_data: [11, 16],
  j3_shutdown_save_lagging_replica_getack: [13],
  j_master_restart_rdb_partial: [8, 18],
  m_tiny_backlog_last_block: [20],
  n_restart_as_master_then_replicaof_full: [1, 11],
  o_masteruser_acl_auth: [4],
  o2_announce_ip_port_acl: [4, 5],
  q_chain_upstream_outage_timeout: [14],
  s2_min_replicas_cut_link: [13],
  t2_backlog_ttl_reattach_in_time: [18, 20],
  u_replica_side_master_timeout: [18],
  v_client_kill_reconnects: [18],
  w_wait_getack: [13],
  x_writes_other_databases: [13],
  y_command_rewrites: [13],
  y2_data_commands_partial: [13, 18],
  z_diskless_sync_delay_shared: [12],
  pa_obuf_full_sync_loop: [12, 20],
  pa2_obuf_diskless_loop: [6, 12],
  pb_reads_during_full_sync: [12, 15, 16],
  pc_expired_key_on_replica: [13],
  pd_acked_writes_lost_failover: [8, 11, 18],
  // The era stories: one story told under SYNC (≤ 2.6), PSYNC 1 (2.8–3.2) and PSYNC 2 (4.0+).
  era_short_reconnect_sync: [18],
  era_short_reconnect_psync1: [18],
  era_short_reconnect_psync2: [18],
  era_replica_restart_rdb_sync: [18],
  era_replica_restart_rdb_psync1: [18],
  era_replica_restart_rdb_psync2: [18],
  era_replica_restart_nordb_sync: [7, 11],
  era_replica_restart_nordb_psync1: [7, 11],
  era_replica_restart_nordb_psync2: [7, 11],
  era_master_restart_sync: [18],
  era_master_restart_psync1: [18],
  era_master_restart_psync2: [18],
  era_promotion_repoint_sync: [8, 18],
  era_promotion_repoint_psync1: [8, 18],
  era_promotion_repoint_psync2: [8, 18],
  era_backlog_overflow_sync: [20],
  era_backlog_overflow_psync1: [20],
  era_backlog_overflow_psync2: [20],
};

export interface ScenarioText {
  title: string;
  story: string;
}

/** "era_short_reconnect_psync1" → "Short reconnect · PSYNC1 (Redis 2.8–3.2)": a situation played in each era. */
function eraTitle(name: string, lang: Lang): string | null {
  const m = /^era_(\w+)_(sync|psync1|psync2)$/.exec(name);
  const key = m && `sc.era.${m[1]}`;
  if (!m || !key || !hasKey(lang, key)) return null;
  const era = m[2] as Era;
  const what = translate(lang, key as MsgKey);
  return translate(lang, 'sc.eraTitle', { what, era: era.toUpperCase(), v: ERA_VERSIONS[era] });
}

export function scenarioText(name: string, lang: Lang, fallback: string | null): ScenarioText {
  const era = eraTitle(name, lang);
  if (era) return { title: era, story: fallback ?? '' };
  const title = `sc.${name}.title`;
  // The story once its chunk is loaded (stories.ts useStories; nothing until then, rather than the
  // file's English words for a moment), else the file's own words.
  if (hasKey(lang, title)) {
    const story = storyOf(name, lang);
    return {
      title: translate(lang, title as MsgKey),
      story: story === undefined ? '' : (story ?? fallback ?? ''),
    };
  }
  // "c2_backlog_block_granularity" → "c2 backlog block granularity"
  return { title: name.replaceAll('_', ' '), story: fallback ?? '' };
}
