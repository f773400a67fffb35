// Milestones: the moments worth stopping at (handshake done, +FULLRESYNC / +CONTINUE, RDB loaded).
// The worker's "next milestone" step stops at the first; the embed API reports every one a frame
// carries (embed/outbound.ts). Types only from the protocol: no engine code comes with this file.
import type { Milestone, WireEvent } from '../protocol.ts';

export interface MilestoneAt {
  kind: Milestone;
  node: string;
  at: number;
}

/** The milestone an event is, if it is one. */
export function milestoneOf(e: WireEvent): MilestoneAt | null {
  if (e.type === 'replica.state' && e.state === 'REPL_STATE_RECEIVE_PSYNC_REPLY')
    return { kind: 'handshake', node: e.node, at: e.at };
  if (e.type === 'psync.result' && e.result !== 'ERROR')
    return { kind: e.result === 'CONTINUE' ? 'continue' : 'fullresync', node: e.replica, at: e.at };
  if (e.type === 'rdb.phase' && e.phase === 'loaded') return { kind: 'loaded', node: e.node, at: e.at };
  return null;
}

/** Every milestone among events[from…], in order. */
export function milestones(events: readonly WireEvent[], from = 0): MilestoneAt[] {
  const out: MilestoneAt[] = [];
  for (let i = from; i < events.length; i++) {
    const m = milestoneOf(events[i]);
    if (m) out.push(m);
  }
  return out;
}

/** The first milestone among events[from…]: what "next milestone" stops at. */
export function findMilestone(
  events: readonly WireEvent[],
  from = 0,
): { kind: Milestone; node: string } | null {
  for (let i = from; i < events.length; i++) {
    const m = milestoneOf(events[i]);
    if (m) return { kind: m.kind, node: m.node };
  }
  return null;
}
