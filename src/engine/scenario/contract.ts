// The op contract both scenario runners keep: the engine's (scenario/ops.ts, which the lab plays
// too) and the real one (tests/conformance/real/ops.ts). What is defined here is defined once:
// how `{i}`/`{val}` expand, how long a wait may take, and after which ops the snapshot waits `settleMs`.
// If the two runners waited in different places, an outcome would land in another step.

import type { Step } from './types.ts';

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

/**
 * A polling wait (`wait`, `wait-log`) sees its condition through a poll, then reads every node for
 * the snapshot: on real Redis that snapshot comes at least this long after the condition first
 * held, so what follows within it on loopback (a reply already on the wire) is in the same step.
 * Probe p15 (FAILOVER TIMEOUT 3000 on A, B frozen; `wait` until C's role is master): A's PSYNC to
 * C is answered in the very event that makes C a master, and real 7.0.15 has `s7:A=CONTINUE` in
 * the wait's step (the engine, stopping at the exact moment, had it in the next step).
 */
export const POLL_SNAPSHOT_MS = 1;

/** Real Redis is given this long before the snapshot after ops that `settles` (scenarios.md). */
export const DEFAULT_SETTLE_MS = 250;

/** Ops after which the runner waits `settleMs` (default 250 ms) before the snapshot. */
export function settles(step: Step): boolean {
  return !['write', 'sleep', 'snapshot', 'wait-sync', 'wait', 'wait-log'].includes(step.op);
}
