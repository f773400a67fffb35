// The backlog probe (issue 11, "numbers you can drag"): does a replica that was away `outageS`
// seconds while its master took `perSecond` writes get +CONTINUE with a backlog of
// `backlogBytes`? Answered by running the engine — a small headless run, not a formula — so the
// 7.0 block backlog (trimmed in whole blocks), the stream's SELECT and PINGs all count.
//
// The run: A master, B its replica (lab network); the writes start once B is online, B's link is
// cut 1 s later, healed `outageS` s after that, and the run plays until A decides B's PSYNC.
// Worked numbers (seed 1): 100 writes/s × 10 s = 1 000 SETs, A's offset moves 33 992 bytes; with a
// 16 KB backlog the offset B asks for was trimmed → +FULLRESYNC, 17 363 bytes missing; with 64 KB
// → +CONTINUE. (≈ 100 ms of engine time; 500/s × 60 s ≈ 0.2 s, hence the bounds below.)
import type { PsyncDecision } from '../replication/psync.ts';
import { MS, SEC } from '../server/emit.ts';
import { drainEvents } from '../server/simulation.ts';
import { advanceLab, applyInput, type Lab, LabInputError, type LabSetup } from './lab.ts';
import { startedLab } from './start.ts';

export interface ProbeAsk {
  perSecond: number;
  outageS: number;
  backlogBytes: number;
}

export interface ProbeAnswer extends ProbeAsk {
  outcome: PsyncDecision['outcome'];
  /** Bytes B needed that the backlog no longer held (0 on +CONTINUE): first byte held − offset asked. */
  missing: number;
  /** Bytes A took during the outage (master_repl_offset moved by): what the backlog had to hold. */
  written: number;
  reason: PsyncDecision['reason'];
}

/** The bounds the probe accepts (its cost grows with perSecond × outageS). */
export const PROBE_LIMITS = {
  perSecond: [1, 500],
  outageS: [1, 60],
  backlogBytes: [16 * 1024, 4 * 1024 * 1024],
} as const;

/** After the heal, the most virtual time the run waits for A's decision. */
const DECISION_LIMIT = 30 * SEC;

export function probeBacklog(ask: ProbeAsk, seed = 1): ProbeAnswer {
  for (const k of Object.keys(PROBE_LIMITS) as (keyof ProbeAsk)[]) {
    const [lo, hi] = PROBE_LIMITS[k];
    const x = ask[k];
    if (!Number.isInteger(x) || x < lo || x > hi)
      throw new LabInputError(`ERR probe ${k} must be a whole number from ${lo} to ${hi}, not ${x}`);
  }
  const setup: LabSetup = {
    nodes: [
      { name: 'A', replicaof: null },
      { name: 'B', replicaof: 'A' },
    ],
    config: {
      'repl-diskless-sync-delay': '0',
      'repl-ping-replica-period': '10',
      'repl-backlog-size': String(ask.backlogBytes),
    },
  };
  // A lab, not a timeline: nobody goes back in this run, so no checkpoints are taken.
  const lab = startedLab(seed, setup);
  const w = lab.w;
  const a = w.nodes.get('A')!;
  step(lab, w.now + 500 * MS);
  applyInput(lab, { type: 'traffic', node: 'A', perSecond: ask.perSecond });
  step(lab, w.now + SEC);
  applyInput(lab, { type: 'cut', replica: 'B' });
  const before = a.masterReplOffset;
  step(lab, w.now + ask.outageS * SEC);
  const written = a.masterReplOffset - before;
  applyInput(lab, { type: 'heal', replica: 'B' });
  drainEvents(w);
  for (const end = w.now + DECISION_LIMIT; w.now < end; ) {
    advanceLab(lab, w.now + 100 * MS);
    const d = drainEvents(w).find((e) => e.type === 'psync.decided' && e.replica === 'B');
    if (d?.type === 'psync.decided') return answer(ask, d.decision, written);
  }
  throw new LabInputError('ERR the probe run ended without a PSYNC decision (no reconnection in 30 s)');
}

/** Advance in 1 s strides, dropping the events nobody reads (a long outage must not pile them up). */
function step(lab: Lab, to: number): void {
  while (lab.w.now < to) {
    advanceLab(lab, Math.min(to, lab.w.now + SEC));
    lab.w.events.length = 0;
  }
}

function answer(ask: ProbeAsk, d: PsyncDecision, written: number): ProbeAnswer {
  const v = d.values;
  const missing = d.outcome === 'CONTINUE' ? 0 : Math.max(0, v.backlogFirstByte - v.requestedOffset);
  return { ...ask, outcome: d.outcome, missing, written, reason: d.reason };
}
