// The public scenarios: the lesson points (lesson/README.md) each one lets a student see. Their
// titles and stories are catalog entries (sc.NAME.title / sc.NAME.story); unknown scenarios fall
// back to the description in their JSON file.
import { hasKey, type Lang, type MsgKey, translate } from './index.ts';

export const SCENARIO_POINTS: Record<string, number[]> = {
  a_initial_attach: [1, 2, 3, 5, 6, 7, 8, 11, 12, 15, 16, 17],
  b_short_drop_partial: [9, 10, 13, 18, 19],
  c_backlog_overflow_full: [11, 12, 20],
  d_replica_restart_save_partial: [18],
  e_replica_restart_nosave_full: [7, 11, 18],
  f_failover_promote_partial: [1, 8, 9, 18],
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
  z_diskless_sync_delay_shared: [12],
  pa_obuf_full_sync_loop: [12, 20],
  pa2_obuf_diskless_loop: [6, 12],
  pb_reads_during_full_sync: [12, 15, 16],
  pc_expired_key_on_replica: [13],
  pd_acked_writes_lost_failover: [8, 11, 18],
};

export interface ScenarioText {
  title: string;
  story: string;
}

export function scenarioText(name: string, lang: Lang, fallback: string | null): ScenarioText {
  const title = `sc.${name}.title`;
  const story = `sc.${name}.story`;
  if (hasKey(lang, title) && hasKey(lang, story))
    return { title: translate(lang, title as MsgKey), story: translate(lang, story as MsgKey) };
  // "c2_backlog_block_granularity" → "c2 backlog block granularity"
  return { title: name.replaceAll('_', ' '), story: fallback ?? '' };
}
