// What counts as a milestone, in one place: the worker's "next milestone" step looks for the first
// one ahead (worker/session.ts), the presenter's "previous milestone" and caption look back over the
// page's history (ui/present/milestones.ts). Scenario steps are milestones too; those come from
// the step times, not from an event.
import type { Milestone, WireEvent } from './protocol.ts';

/** The milestone an event marks, if any: handshake done (PSYNC sent), +FULLRESYNC / +CONTINUE, RDB loaded. */
export function milestoneOf(e: WireEvent): { kind: Milestone; node: string } | null {
  if (e.type === 'replica.state' && e.state === 'REPL_STATE_RECEIVE_PSYNC_REPLY')
    return { kind: 'handshake', node: e.node };
  if (e.type === 'psync.result' && e.result !== 'ERROR')
    return { kind: e.result === 'CONTINUE' ? 'continue' : 'fullresync', node: e.replica };
  if (e.type === 'rdb.phase' && e.phase === 'loaded') return { kind: 'loaded', node: e.node };
  return null;
}
