// The cost meter's numbers (point 19): for every resync, what moved and how long it took, from the
// page's history. A partial sync moves the backlog bytes after the offset; a full sync moves the
// RDB. Time: from the master's decision to the replica's link coming online again.
// Pure: a fold of the history lists, tested over a real run.
import type { History } from '../../store/history.ts';

export interface CostRow {
  replica: string;
  master: string;
  kind: 'partial' | 'full';
  /** Bytes the master sent for this sync (backlog bytes, or the RDB payload). */
  bytes: number;
  /** Virtual µs from the decision to the link online, or null while it is still going. */
  us: number | null;
  at: number;
}

export function costRows(h: History): CostRow[] {
  return h.decisions.map((d) => {
    const full = d.decision.outcome === 'FULLRESYNC';
    const online = h.linkStates.find((l) => l.at >= d.at && l.replica === d.replica && l.state === 'online');
    const end = online?.at ?? Number.POSITIVE_INFINITY;
    // The RDB as it went on the wire: the master's RDB messages to this replica until it is online.
    let rdb = 0;
    if (full)
      for (const m of h.messages)
        if (
          m.kind === 'RDB' &&
          m.from === d.master &&
          m.to === d.replica &&
          m.sentAt >= d.at &&
          m.sentAt <= end
        )
          rdb += m.bytes;
    return {
      replica: d.replica,
      master: d.master,
      kind: full ? 'full' : 'partial',
      bytes: full ? rdb : d.decision.backlogBytes,
      us: online ? online.at - d.at : null,
      at: d.at,
    };
  });
}
