// What the engine-side scenario ops wait for, in virtual time. The real runner waits for the same
// things by polling live processes (tests/conformance/real/waits.ts); the patterns and limits
// both use are in contract.ts.
import { cfgInt } from '../core/config.ts';
import type { Lab } from '../lab/lab.ts';
import { ATTEMPT_FAILED, attemptEnd, REFUSED } from '../replication/attempts.ts';
import { eraRules } from '../replication/era.ts';
import { MS } from '../server/emit.ts';
import { infoFieldValue } from '../server/info.ts';
import { linkCut } from '../server/net.ts';
import { runUntilCondition } from '../server/simulation.ts';
import type { Node, World } from '../server/world.ts';
import { replicationInfo } from './snapshot.ts';

export function logMatch(log: string[], from: number, res: RegExp[]): boolean {
  for (let i = from; i < log.length; i++) for (const re of res) if (re.test(log[i])) return true;
  return false;
}

/** Each node's log length now: where a later wait starts reading. */
export function logMarks(w: World): Map<string, number> {
  return new Map([...w.nodes.values()].map((n) => [n.name, n.log.length]));
}

/** Until `replica` concluded a connection attempt after log index `from` (see contract.attemptEnd). */
export function waitAttempt(
  lab: Lab,
  replica: string,
  from: number,
  end: 'success' | 'answered' | 'any',
  timeoutMs: number,
): boolean {
  const n = lab.w.nodes.get(replica)!;
  const res = attemptEnd(end);
  return runUntilCondition(lab.w, () => logMatch(n.log, from, res), lab.w.now + timeoutMs * MS);
}

/** Wait for the replica's next failed attempt (at most 2.5 s), so what follows lands right after it. */
export function alignToFailedAttempt(lab: Lab, replica: string): boolean {
  const n = lab.w.nodes.get(replica)!;
  const from = n.log.length;
  return runUntilCondition(
    lab.w,
    () => logMatch(n.log, from, [ATTEMPT_FAILED, REFUSED]),
    lab.w.now + 2500 * MS,
  );
}

/** A replica whose master is up and whose link is not cut: it will (re)connect by itself. */
export function reachable(lab: Lab, name: string): boolean {
  const n = lab.w.nodes.get(name)!;
  const m = lab.masterOf.get(name);
  return (
    n.state === 'running' &&
    !!m &&
    lab.w.nodes.get(m)?.state === 'running' &&
    !linkCut(lab.w, name, m) &&
    !lab.frozenCut.has(name)
  );
}

/** The reachable replicas configured to follow `master`. */
export function replicasOf(lab: Lab, master: string): string[] {
  return [...lab.w.nodes.keys()].filter((x) => lab.masterOf.get(x) === master && reachable(lab, x));
}

/** The diskless-sync delay of a master: a full sync answers only after it. */
export function syncDelayMs(lab: Lab, master: string): number {
  return 1000 * cfgInt(lab.w.nodes.get(master)!.config, 'repl-diskless-sync-delay');
}

/**
 * Until every replica of `name` with its link up has read up to `offset` (at most 2 s). After
 * writes that took the backlog past repl-backlog-size, a replica's unsent bytes pin blocks, so
 * the backlog figures would otherwise depend on how fast the replica reads.
 */
export function streamed(lab: Lab, name: string, offset: number): void {
  const rs = replicasOf(lab, name).map((x) => lab.w.nodes.get(x)!);
  runUntilCondition(
    lab.w,
    () =>
      // Link up (even if the stream only starts at its next ACK) and read offset behind: wait.
      rs.every((r) => r.link?.state !== 'REPL_STATE_CONNECTED' || (r.master?.readReploff ?? 0) >= offset),
    lab.w.now + 2000 * MS,
  );
}

/** wait-sync's condition: every running replica up, in sync, and acknowledged by its master. */
export function inSync(run: { w: World }, names?: string[]): boolean {
  const w = run.w;
  for (const n of w.nodes.values()) {
    if (names && !names.includes(n.name)) continue;
    if (n.state !== 'running' || !n.link) continue;
    const m = w.nodes.get(n.link.master);
    if (m?.state !== 'running') return false;
    if (n.link.state !== 'REPL_STATE_CONNECTED' || !n.master) return false;
    if (n.master.reploff !== m.masterReplOffset) return false;
    const s = m.slaves.find((x) => x.peer === n.name);
    if (s?.replstate !== 'online') return false;
    // A 2.6 replica never acknowledges (era.ts acks): its applied offset is all there is.
    if (eraRules(w.era).acks && s.ackOff !== m.masterReplOffset) return false;
  }
  return true;
}

/** An INFO replication or stats field of a running node, as the `wait` op reads it. */
export function infoField(run: { w: World }, n: Node, field: string): unknown {
  if (n.state !== 'running') return undefined;
  const r = replicationInfo(run.w, n) as Record<string, unknown>;
  if (field in r) return typeof r[field] === 'object' ? 'present' : r[field];
  const st = n.stats as unknown as Record<string, number>;
  if (field in st) return st[field];
  return infoFieldValue(run.w, n, field);
}
