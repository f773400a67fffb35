// "Acknowledged but lost" and WAIT's answer, from the run's history (so it rewinds with time).
// Pure: a fold of writes.lost and wait.answered events.
import type { History } from '../../store/history.ts';

export interface Durability {
  /** Writes acknowledged with +OK by a master and later thrown away by a full sync, in all. */
  lost: number;
  /** The last WAIT a client got an answer to: how many replicas it asked for and got. */
  lastWait: { node: string; asked: number; got: number } | null;
}

export function durability(h: Pick<History, 'lostWrites' | 'waits'>): Durability {
  let lost = 0;
  for (const e of h.lostWrites) lost += e.count;
  const w = h.waits[h.waits.length - 1];
  return { lost, lastWait: w ? { node: w.node, asked: w.asked, got: w.got } : null };
}
