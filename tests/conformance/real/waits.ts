// Everything the harness waits for, always by polling with a deadline (never a fixed sleep where a
// condition can be awaited).
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
    const line = slaveLines(mi).find((s) => s.port === n.port);
    if (!line) return `${name}: not listed by ${m.name}`;
    if (line.state !== 'online' || line.offset !== off)
      return `${name}: ${m.name} lists ${line.state}@${line.offset}, offset ${off}`;
  }
  return null;
}

/** The listed nodes plus the masters of those that replicate: what syncProblem needs to read. */
export function involved(cluster: Cluster, names: string[]): string[] {
  const set = new Set(names);
  for (const n of names) {
    const m = cluster.node(n).master;
    if (m) set.add(m);
  }
  return [...set];
}

export async function waitSync(cluster: Cluster, names: string[], timeoutMs: number) {
  const all = involved(cluster, names);
  return pollUntil(async () => syncProblem(cluster, names, await cluster.infos(all)), timeoutMs);
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

/** A replica's connection attempt got its PSYNC answered. */
const ATTEMPT_OK = /Full resync from master|Successful partial resynchronization/;
/** A failed attempt (the next one comes on a later replicationCron tick, or at once after an error). */
const ATTEMPT_FAILED =
  /MASTER aborted replication|Unable to AUTH to MASTER|Master is currently unable to PSYNC|Error reply to PING from master|Unexpected reply to PSYNC|Timeout connecting to the MASTER/;
/** The TCP connect was refused: nothing listens there (a cut proxy, a master that is down). */
const REFUSED = /Error condition on socket for SYNC|Unable to connect to MASTER/;

export type AttemptEnd = 'success' | 'answered' | 'any';

/**
 * Until `replica` concluded a connection attempt after log index `from`: with 'success' only a
 * PSYNC answer (+FULLRESYNC/+CONTINUE) counts, with 'answered' also a failed handshake, with
 * 'any' also a refused TCP connect.
 */
export function waitAttempt(
  cluster: Cluster,
  replica: string,
  from: number,
  end: AttemptEnd,
  timeoutMs: number,
) {
  const parts = [ATTEMPT_OK.source];
  if (end !== 'success') parts.push(ATTEMPT_FAILED.source);
  if (end === 'any') parts.push(REFUSED.source);
  return waitLogLine(cluster, replica, new RegExp(parts.join('|')), from, timeoutMs);
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
