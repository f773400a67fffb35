// The master's PSYNC decision, as masterTryPartialResynchronization makes it (spec §3.1), pure.
//
//   1. History: R == replid, or (R == replid2 and P <= second_repl_offset).
//   2. Data: a backlog exists and first_byte <= P <= first_byte + histlen (= master_repl_offset + 1).
//   3. Otherwise full resync.
// Worked numbers (scenario f): B promoted at offset 325 → replid2 = A's id, second_repl_offset = 326.
// A asks PSYNC <A's id> 326: 326 <= 326 and the backlog [1+483] holds byte 326 → CONTINUE.
// The old master that took 5 more writes asks 521 > 326 → full ("Requested offset for second ID").

export type PsyncReason =
  | 'accepted' // both checks passed
  | 'accepted-replid2' // history matched through replid2 (a failover): the reply carries the new id
  | 'full-requested' // PSYNC ? -1
  | 'replid-mismatch'
  | 'replid2-offset-too-high'
  | 'no-backlog'
  | 'offset-before-backlog'
  | 'offset-after-master';

export interface PsyncInput {
  /** Requested replication id, or "?". */
  replid: string;
  /** Requested offset P = the first byte the replica lacks (its offset + 1), or -1. */
  offset: number;
}

export interface PsyncMasterView {
  replid: string;
  replid2: string;
  secondReplOffset: number;
  masterReplOffset: number;
  backlog: { offset: number; histlen: number } | null;
}

export interface PsyncDecision {
  outcome: 'CONTINUE' | 'FULLRESYNC';
  reason: PsyncReason;
  /** The values that decided it, for the decision panel and the log. */
  values: {
    requestedReplid: string;
    requestedOffset: number;
    replid: string;
    replid2: string;
    secondReplOffset: number;
    masterReplOffset: number;
    backlogActive: boolean;
    backlogFirstByte: number;
    backlogLastByte: number;
    /** The checks in order, each with its result. */
    replidEqual: boolean;
    replid2Usable: boolean;
    inWindow: boolean;
  };
  /** Bytes of backlog sent after +CONTINUE: backlog.offset + histlen - P. */
  backlogBytes: number;
  /** Counts toward sync_partial_err when refused with a real id (not "?"). */
  countsAsPartialErr: boolean;
}

export function decidePsync(req: PsyncInput, m: PsyncMasterView): PsyncDecision {
  const R = req.replid.toLowerCase();
  const P = req.offset;
  const replidEqual = R === m.replid.toLowerCase();
  const replid2Match = R === m.replid2.toLowerCase();
  const replid2Usable = replid2Match && P <= m.secondReplOffset;
  const bl = m.backlog;
  const inWindow = bl !== null && P >= bl.offset && P <= bl.offset + bl.histlen;
  const values = {
    requestedReplid: req.replid,
    requestedOffset: P,
    replid: m.replid,
    replid2: m.replid2,
    secondReplOffset: m.secondReplOffset,
    masterReplOffset: m.masterReplOffset,
    backlogActive: bl !== null,
    backlogFirstByte: bl ? bl.offset : 0,
    backlogLastByte: bl ? bl.offset + bl.histlen - 1 : 0,
    replidEqual,
    replid2Usable,
    inWindow,
  };
  const full = (reason: PsyncReason): PsyncDecision => ({
    outcome: 'FULLRESYNC',
    reason,
    values,
    backlogBytes: 0,
    countsAsPartialErr: req.replid !== '?',
  });
  if (!replidEqual && !replid2Usable) {
    if (req.replid === '?') return full('full-requested');
    if (replid2Match) return full('replid2-offset-too-high');
    return full('replid-mismatch');
  }
  if (!bl) return full('no-backlog');
  if (P < bl.offset) return full('offset-before-backlog');
  if (P > bl.offset + bl.histlen) return full('offset-after-master');
  return {
    outcome: 'CONTINUE',
    reason: replidEqual ? 'accepted' : 'accepted-replid2',
    values,
    backlogBytes: bl.offset + bl.histlen - P,
    countsAsPartialErr: false,
  };
}

/** The master's log lines for a decision, in Redis's words (name = "127.0.0.1:7102"). */
export function psyncLogLines(d: PsyncDecision, name: string): string[] {
  const v = d.values;
  switch (d.reason) {
    case 'accepted':
    case 'accepted-replid2':
      return [
        `Partial resynchronization request from ${name} accepted. Sending ${d.backlogBytes} bytes of backlog starting from offset ${v.requestedOffset}.`,
      ];
    case 'full-requested':
      return [`Full resync requested by replica ${name}`];
    case 'replid-mismatch':
      return [
        `Partial resynchronization not accepted: Replication ID mismatch (Replica asked for '${v.requestedReplid}', my replication IDs are '${v.replid}' and '${v.replid2}')`,
      ];
    case 'replid2-offset-too-high':
      return [
        `Partial resynchronization not accepted: Requested offset for second ID was ${v.requestedOffset}, but I can reply up to ${v.secondReplOffset}`,
      ];
    case 'no-backlog':
    case 'offset-before-backlog':
      return [
        `Unable to partial resync with replica ${name} for lack of backlog (Replica request was: ${v.requestedOffset}).`,
      ];
    case 'offset-after-master':
      return [
        `Unable to partial resync with replica ${name} for lack of backlog (Replica request was: ${v.requestedOffset}).`,
        `Warning: replica ${name} tried to PSYNC with an offset that is greater than the master replication offset.`,
      ];
  }
}
