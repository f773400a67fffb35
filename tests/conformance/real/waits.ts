// Everything the harness waits for, always by polling with a deadline (never a fixed sleep where a
// condition can be awaited).
import { ATTEMPT_FAILED, attemptEnd, REFUSED } from '../../../src/engine/replication/attempts.ts';
import type { FieldCondition } from '../../../src/engine/scenario/types.ts';
import type { Cluster } from './cluster.ts';
import { holds } from './conditions.ts';
import { type InfoSection, slaveLines } from './info.ts';

export const POLL_MS = 20;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` (returns null when satisfied, else why not) until it holds or `timeoutMs`. */
export async function pollUntil(
  check: () => Promise<string | null>,
  timeoutMs: number,
  everyMs = POLL_MS,
): Promise<{ ok: boolean; waitedMs: number; why?: string }> {
  const t0 = Date.now();
  for (;;) {
    const why = await check();
    const waitedMs = Date.now() - t0;
    if (why === null) return { ok: true, waitedMs };
    if (waitedMs >= timeoutMs) return { ok: false, waitedMs, why };
    await sleep(everyMs);
  }
}

/**
 * Why the listed nodes are not in sync (null when they are). For every running replica among
 * them: link up, not syncing, slave_repl_offset = its master's master_repl_offset, and the master
 * lists it online with ACK offset = master_repl_offset. Down or frozen nodes are skipped.
 */
export function syncProblem(
  cluster: Cluster,
  names: string[],
  infos: Record<string, InfoSection | undefined>,
): string | null {
  for (const name of names) {
    const n = cluster.node(name);
    if (n.state !== 'running' || !n.master) continue;
    const r = infos[name];
    const m = cluster.node(n.master);
    const mi = infos[n.master];
    if (!r) return `${name}: no INFO`;
    if (r.role !== 'slave') return `${name}: role ${r.role}`;
    if (m.state !== 'running' || !mi) return `${name}: master ${m.name} is ${m.state}`;
    if (r.master_link_status !== 'up') return `${name}: link ${r.master_link_status}`;
    if (r.master_sync_in_progress !== 0) return `${name}: syncing`;
    const off = mi.master_repl_offset;
    if (r.slave_repl_offset !== off) return `${name}: offset ${r.slave_repl_offset} vs ${m.name} ${off}`;
    const line = slaveLines(mi).find(cluster.announced(name).isListed);
    if (!line) return `${name}: not listed by ${m.name}`;
    if (line.state !== 'online' || line.offset !== off)
      return `${name}: ${m.name} lists ${line.state}@${line.offset}, offset ${off}`;
  }
  return null;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function waitSync(cluster: Cluster, names: string[], timeoutMs: number) {
  return pollUntil(async () => {
    const infos = await cluster.infos(cluster.order);
    followRoles(cluster, infos);
    return syncProblem(cluster, names, infos);
  }, timeoutMs);
}

/**
 * Who replicates whom, as the nodes report it. A FAILOVER (or a REPLICAOF sent with `cmd`) changes
 * roles without a `replicaof` op, so wait-sync goes by the roles, as the engine's `inSync` goes by
 * each node's link. Nodes that did not answer keep what the runner knew.
 */
export function followRoles(cluster: Cluster, infos: Record<string, InfoSection | undefined>): void {
  for (const [name, r] of Object.entries(infos)) {
    if (r?.role === 'master') cluster.node(name).master = null;
    const m = r?.role === 'slave' ? cluster.nameOfPort(Number(r.master_port)) : undefined;
    if (m) cluster.node(name).master = m;
  }
}

/** A replica's own ACK period (replicationCron, 1 Hz), with a margin. */
const ACK_PERIOD_MS = 1150;

/**
 * After a diskless (socket) full sync the master streams to the replica only once an ACK arrives
 * after it put the replica online; an ACK that arrived a moment earlier (before the master noticed
 * the transfer child exit) does not count, and then the stream starts with the next periodic ACK,
 * up to a second later. Nothing the master shows tells these apart, so before a replica is frozen
 * (stop) the harness waits until one ACK period has passed since its master logged
 * `Synchronization with replica … succeeded` after a socket transfer: otherwise a replica frozen
 * at once could, on some runs only, never get the writes made while it is frozen (and miss them
 * for good if its master restarts meanwhile).
 */
export function streamNotStarted(cluster: Cluster, names: string[]): string | null {
  for (const name of names) {
    const n = cluster.node(name);
    if (n.state !== 'running' || !n.master) continue;
    const log = cluster.node(n.master).log;
    const a = cluster.announced(name);
    const addr = `${escapeRe(a.ip)}:${a.port}`;
    const online = log.lastTime(new RegExp(`Synchronization with replica ${addr} succeeded`));
    const socket = log.lastTime(new RegExp(`Streamed RDB transfer with replica ${addr} succeeded`));
    if (
      Number.isFinite(online) &&
      Number.isFinite(socket) &&
      socket <= online &&
      Date.now() < online + ACK_PERIOD_MS
    )
      return `${name}: stream from ${n.master} starts with its next ACK`;
  }
  return null;
}

/** The address the master sees for a replica's link: the proxy's upstream end or the replica's own. */
export async function linkAddress(cluster: Cluster, replica: string): Promise<string | null> {
  const proxy = cluster.currentProxy(replica);
  if (proxy) {
    const p = proxy.upstreamLocalPort();
    return p ? `127.0.0.1:${p}` : null;
  }
  const list = await (await cluster.control(replica)).call('CLIENT', 'LIST', 'TYPE', 'master');
  return typeof list === 'string' ? (/laddr=(\S+)/.exec(list)?.[1] ?? null) : null;
}

export async function waitInfo(
  cluster: Cluster,
  node: string,
  section: string,
  until: Record<string, FieldCondition>,
  timeoutMs: number,
) {
  return pollUntil(async () => {
    let info: InfoSection;
    try {
      info = await cluster.info(node, section);
    } catch (e) {
      return (e as Error).message;
    }
    for (const [k, cond] of Object.entries(until))
      if (!holds(info[k], cond)) return `${k}=${JSON.stringify(info[k] ?? null)}`;
    return null;
  }, timeoutMs);
}

/** Until a log line of `node` from index `from` on matches `re`; returns the line. */
export async function waitLogLine(
  cluster: Cluster,
  node: string,
  re: RegExp,
  from: number,
  timeoutMs: number,
): Promise<{ ok: boolean; waitedMs: number; line?: string }> {
  let line: string | undefined;
  const r = await pollUntil(
    async () => {
      line = cluster
        .node(node)
        .log.since(from)
        .find((l) => re.test(l));
      return line === undefined ? 'no match' : null;
    },
    timeoutMs,
    10,
  );
  return { ok: r.ok, waitedMs: r.waitedMs, line };
}

export type AttemptEnd = 'success' | 'answered' | 'any';

/**
 * Until `replica` concluded a connection attempt after log index `from`: with 'success' only a
 * PSYNC answer (+FULLRESYNC/+CONTINUE) counts, with 'answered' also a failed handshake, with
 * 'any' also a refused TCP connect. Also concluded: its master holds it for a delayed diskless
 * BGSAVE (listed as wait_bgsave while repl-diskless-sync-delay > 0): the +FULLRESYNC comes only
 * when that BGSAVE starts, which is the point of the delay (more replicas can join it).
 */
export async function waitAttempt(
  cluster: Cluster,
  replica: string,
  from: number,
  end: AttemptEnd,
  timeoutMs: number,
) {
  const re = new RegExp(
    attemptEnd(end)
      .map((r) => r.source)
      .join('|'),
  );
  return pollUntil(
    async () => {
      if (
        cluster
          .node(replica)
          .log.since(from)
          .some((l) => re.test(l))
      )
        return null;
      return (await heldForDelayedSync(cluster, replica)) ? null : 'attempt not concluded';
    },
    timeoutMs,
    10,
  );
}

async function heldForDelayedSync(cluster: Cluster, replica: string): Promise<boolean> {
  const master = cluster.node(replica).master;
  if (!master || cluster.node(master).state !== 'running') return false;
  const cfg = cluster.node(master).runtime;
  if (cfg['repl-diskless-sync'] === 'no' || !(Number(cfg['repl-diskless-sync-delay']) > 0)) return false;
  const info = (await cluster.infos([master]))[master];
  const listed = cluster.announced(replica).isListed;
  return Boolean(info && slaveLines(info).some((s) => listed(s) && s.state === 'wait_bgsave'));
}

/**
 * Waits for the replica's next failed attempt. Done before an op that would let a retrying
 * replica succeed (a heal without waiting, a fixed masterauth): the op then lands right after a
 * failed attempt, so the replica's next try is about a second later, after the step's snapshot,
 * and the outcome is attributed to the next step on every run, not to whichever step the
 * replica's own 1 Hz retry timer happens to fall in.
 */
export async function alignToFailedAttempt(cluster: Cluster, replica: string, timeoutMs = 2500) {
  const n = cluster.node(replica);
  if (n.state !== 'running' || !n.master) return { ok: false, waitedMs: 0 };
  const from = n.log.poll();
  return waitLogLine(
    cluster,
    replica,
    new RegExp(`${ATTEMPT_FAILED.source}|${REFUSED.source}`),
    from,
    timeoutMs,
  );
}
