// "Acknowledged but lost" and WAIT's answer, from the run's history (so it rewinds with time).
// Pure: a fold of writes.lost events and the console's WAIT replies.
import type { History } from '../../store/history.ts';

export interface Durability {
  /** Writes acknowledged with +OK by a master and later thrown away by a full sync, in all. */
  lost: number;
  /** The last WAIT a client got an answer to: how many replicas it asked for and got. */
  lastWait: { node: string; asked: number; got: number } | null;
}

export function durability(h: Pick<History, 'lostWrites' | 'consoles'>): Durability {
  let lost = 0;
  for (const e of h.lostWrites) lost += e.count;
  let lastWait: Durability['lastWait'] = null;
  for (let i = h.consoles.length - 1; i >= 0 && !lastWait; i--) {
    const c = h.consoles[i];
    const got = /^\(integer\) (\d+)$/.exec(c.reply);
    if (got && c.argv[0]?.toLowerCase() === 'wait')
      lastWait = { node: c.node, asked: Number(c.argv[1]), got: Number(got[1]) };
  }
  return { lost, lastWait };
}
