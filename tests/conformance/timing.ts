// Which scenarios depend on wall-clock time on the real side, and so run alone (no other cluster
// beside them). The engine's clock is virtual; a real run's is not: when a step's result depends
// on how many seconds passed (a timer firing, a PING every period, a lag measured in seconds), a
// harness slowed down by other clusters on a 2-core machine can land the effect in another step.
// p_ping_period_chain, run beside seven other clusters, once measured one PING (14 bytes) fewer
// than its reference: that is the failure this list prevents.
import type { Scenario } from '../../src/engine/scenario/types.ts';

/**
 * Config keys whose effect is counted in wall-clock time, each with the test that says the value
 * set makes a difference (the scenario base config has ping period 3600 s, no delays).
 */
const WALL_CLOCK_KEYS: Record<string, (value: string) => boolean> = {
  // A PING (14 bytes) in the stream every period: offsets grow with elapsed seconds.
  'repl-ping-replica-period': (v) => Number(v) < 3600,
  // Replica and master time each other out after this many seconds of silence.
  'repl-timeout': () => true,
  // The backlog is freed (and the replid changed) after this many seconds without replicas.
  'repl-backlog-ttl': (v) => Number(v) > 0,
  // A replica counts as good only while its last ACK is younger than this many seconds.
  'min-replicas-max-lag': () => true,
  'min-replicas-to-write': (v) => Number(v) > 0,
  // A diskless BGSAVE waits this many seconds for more replicas to share it.
  'repl-diskless-sync-delay': (v) => Number(v) > 0,
  // Microseconds per key in a BGSAVE: whether a second replica joins it depends on timing.
  'rdb-key-save-delay': (v) => Number(v) !== 0,
  // Microseconds per key while loading an RDB (the replica answers LOADING meanwhile).
  'key-load-delay': (v) => Number(v) !== 0,
  // SHUTDOWN waits up to this many seconds for lagging replicas.
  'shutdown-timeout': () => true,
  // The soft output-buffer limit closes a replica after N seconds over the limit.
  'client-output-buffer-limit': () => true,
};

function wallClock(key: string, value: string): boolean {
  const test = WALL_CLOCK_KEYS[key.toLowerCase()];
  return test?.(value) ?? false;
}

/** True when the scenario sets a wall-clock key: in its config, a node's, or a `config` step. */
export function timingSensitive(s: Scenario): boolean {
  const configs = [s.config ?? {}, ...Object.values(s.nodes).map((n) => n.config ?? {})];
  if (configs.some((c) => Object.entries(c).some(([k, v]) => wallClock(k, String(v))))) return true;
  return s.steps.some(
    (st) =>
      (st.op === 'config' && wallClock(st.key, st.value)) || (st.op === 'cmd' && st.cmds.some(timedFailover)),
  );
}

/** FAILOVER … TIMEOUT ms: the failover times out (or is forced) after that much wall time. */
function timedFailover(argv: string[]): boolean {
  return argv[0]?.toLowerCase() === 'failover' && argv.some((a) => a.toLowerCase() === 'timeout');
}
