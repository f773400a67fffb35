// Milestones: the moments worth stopping at (handshake done, +FULLRESYNC / +CONTINUE, RDB loaded).
// The worker's "next milestone" step stops at the first; the embed API reports every one a frame
// carries (embed/outbound.ts). Types only from the protocol: no engine code comes with this file.
import type { MilestoneHit, WireEvent } from '../protocol.ts';

export interface MilestoneAt extends MilestoneHit {
  at: number;
}

/**
 * The milestone an event is, if it is one. "Handshake done" is the master deciding on the
 * replica's PSYNC: a PSYNC answered -NOAUTH (no masterauth) or never sent (AUTH -WRONGPASS) is a
 * failed attempt, not a milestone. `vars` carry the words' values (master, requested offset, keys).
 */
export function milestoneOf(e: WireEvent): MilestoneAt | null {
  if (e.type === 'psync.decided')
    return {
      kind: 'handshake',
      node: e.replica,
      at: e.at,
      vars: { master: e.master, offset: e.decision.values.requestedOffset },
    };
  if (e.type === 'psync.result' && e.result !== 'ERROR')
    return {
      kind: e.result === 'CONTINUE' ? 'continue' : 'fullresync',
      node: e.replica,
      at: e.at,
      vars: { master: e.master },
    };
  if (e.type === 'rdb.phase' && e.phase === 'loaded')
    return { kind: 'loaded', node: e.node, at: e.at, vars: { keys: loadedKeys(e.detail) } };
  return null;
}

/** The key count of an `rdb.phase loaded` event: the engine's detail says "1000 keys" (in English,
 * so the page's words say it in the page's language). */
export function loadedKeys(detail = ''): number {
  return Number.parseInt(detail, 10) || 0;
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
export function findMilestone(events: readonly WireEvent[], from = 0): MilestoneHit | null {
  for (let i = from; i < events.length; i++) {
    const m = milestoneOf(events[i]);
    if (m) return { kind: m.kind, node: m.node, vars: m.vars };
  }
  return null;
}
