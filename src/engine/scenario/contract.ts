// The op contract both scenario runners keep: the engine's (scenario/ops.ts, which the lab plays
// too) and the real one (tests/conformance/real/ops.ts). What is defined here is defined once:
// how `{i}`/`{val}` expand, how long a wait may take, in what order nodes start, which log lines
// end a replica's connection attempt, and after which ops the snapshot waits `settleMs`.
// If the two runners waited in different places, an outcome would land in another step.

import type { Scenario, Step } from './types.ts';
import { ScenarioError } from './validate.ts';

/** `{val}` without `valueSize`: 16 bytes (`v1-xxxxxxxxxxxxx`), as the reference traces were recorded. */
export const DEFAULT_VALUE_SIZE = 16;

/** `{val}` of step repeat `i`: "v<i>-" padded with x to exactly `size` bytes (cut when longer). */
export function scenarioValue(i: number, size = DEFAULT_VALUE_SIZE): string {
  const head = `v${i}-`;
  return head.length >= size ? head.slice(0, size) : head + 'x'.repeat(size - head.length);
}

/** A command of a `write` step for repeat `i`: `{i}` → i, `{val}` → scenarioValue(i, valueSize). */
export function expandArgv(argv: readonly string[], i: number, valueSize: number | undefined): string[] {
  return argv.map((a) =>
    a.replaceAll('{i}', String(i)).replaceAll('{val}', () => scenarioValue(i, valueSize)),
  );
}

/** Default `timeoutMs` of the waiting ops; reconnect-link waits as long as wait-sync. */
export const DEFAULT_TIMEOUT_MS = { 'wait-sync': 30_000, wait: 10_000, 'wait-log': 10_000 } as const;

/** How long a replica's connection attempt may take to conclude (plus the master's diskless delay). */
export const ATTACH_TIMEOUT_MS = 5000;

/** Real Redis is given this long before the snapshot after ops that `settles` (scenarios.md). */
export const DEFAULT_SETTLE_MS = 250;

/** Ops after which the runner waits `settleMs` (default 250 ms) before the snapshot. */
export function settles(step: Step): boolean {
  return !['write', 'sleep', 'snapshot', 'wait-sync', 'wait', 'wait-log'].includes(step.op);
}

/** Start order: masters before their replicas (a chained replica once its master runs), else declaration order. */
export function startOrder(s: Pick<Scenario, 'name' | 'nodes'>): string[] {
  const names = Object.keys(s.nodes);
  const done: string[] = [];
  while (done.length < names.length) {
    const next = names.find(
      (n) => !done.includes(n) && (!s.nodes[n].replicaof || done.includes(s.nodes[n].replicaof!)),
    );
    if (!next) throw new ScenarioError(`ERR scenario ${s.name}: replicaof cycle or unknown master`);
    done.push(next);
  }
  return done;
}

/** A replica's connection attempt got its PSYNC answered. */
export const ATTEMPT_OK = /Full resync from master|Successful partial resynchronization/;
/** A failed attempt (the next one comes on a later replicationCron tick, or at once after an error). */
export const ATTEMPT_FAILED =
  /MASTER aborted replication|Unable to AUTH to MASTER|Master is currently unable to PSYNC|Error reply to PING from master|Unexpected reply to PSYNC|Timeout connecting to the MASTER/;
/** The TCP connect was refused: nothing listens there (a cut link, a master that is down). */
export const REFUSED = /Error condition on socket for SYNC|Unable to connect to MASTER/;
/** The first PSYNC of a replica at setup was answered, one way or the other. */
export const PSYNC_ANSWERED =
  /Full resync from master|Successful partial resynchronization|unable to PSYNC|Unexpected reply to PSYNC|does not support PSYNC/;

/**
 * What ends a wait for a replica's attempt: 'success' = a PSYNC answer, 'answered' = also a
 * failed handshake, 'any' = also a refused connect.
 */
export function attemptEnd(end: 'success' | 'answered' | 'any'): RegExp[] {
  if (end === 'success') return [ATTEMPT_OK];
  return end === 'answered' ? [ATTEMPT_OK, ATTEMPT_FAILED] : [ATTEMPT_OK, ATTEMPT_FAILED, REFUSED];
}
