// The master's PSYNC decision, as masterTryPartialResynchronization makes it (spec §3.1), pure.
// Eras (era.ts): psync1 (2.8/3.2 `masterTryPartialResynchronization`) compares the request with the
// master's run id and has no replid2; sync (2.6 `syncCommand`) has no PSYNC: every SYNC is full.
//
//   1. History: R == replid, or (R == replid2 and P <= second_repl_offset).
//   2. Data: a backlog exists and first_byte <= P <= first_byte + histlen (= master_repl_offset + 1).
//   3. Otherwise full resync.
// Worked numbers (scenario f): B promoted at offset 325 → replid2 = A's id, second_repl_offset = 326.
// A asks PSYNC <A's id> 326: 326 <= 326 and the backlog [1+483] holds byte 326 → CONTINUE.
// The old master that took 5 more writes asks 521 > 326 → full ("Requested offset for second ID").

import type { Era } from './era.ts';

export type PsyncReason =
  | 'accepted' // both checks passed
  | 'accepted-replid2' // history matched through replid2 (a failover): the reply carries the new id
  | 'full-requested' // PSYNC ? -1
  | 'replid-mismatch'
  | 'replid2-offset-too-high'
  | 'no-backlog'
  | 'offset-before-backlog'
  | 'offset-after-master'
  | 'runid-mismatch' // psync1: the requested run id is not the master's (it restarted, or another node)
  | 'sync-only'; // sync: SYNC, a full transfer every time (Redis ≤ 2.6 had no PSYNC)

/**
 * Why a replica asked with nothing to offer (PSYNC ? -1, or SYNC): the lab's annotation from the
 * replica's side (the master never sees it), so the decision can tell the era's story.
 *   first-sync: never synced · restarted: started again without an RDB · restarted-rdb: started
 *   with an RDB that holds no replication info (every RDB before 4.0) · replicaof: REPLICAOF
 *   discarded the cached master (2.6–3.2) · link-lost: 2.6 forgets its master when the link drops.
 */
export type AskCause = 'first-sync' | 'restarted' | 'restarted-rdb' | 'replicaof' | 'link-lost';

export interface PsyncInput {
  /** Requested replication id, or "?". */
  replid: string;
  /** Requested offset P = the first byte the replica lacks (its offset + 1), or -1. */
  offset: number;
  /** Why it has no cached master, when it has none (not part of the decision: see AskCause). */
  cause?: AskCause;
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
  /** The era whose rules decided (era.ts). */
  era: Era;
  /** The era's reason in words when it is not 7.0's ("psync1: replica restarted: no cached master"), else null. */
  eraNote: string | null;
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

export function decidePsync(req: PsyncInput, m: PsyncMasterView, era: Era = 'psync2'): PsyncDecision {
  const R = req.replid.toLowerCase();
  const P = req.offset;
  const replidEqual = R === m.replid.toLowerCase();
  // 2.8/3.2 know one id only (the run id): there is no second history to match.
  const replid2Match = era === 'psync2' && R === m.replid2.toLowerCase();
  const replid2Usable = replid2Match && P <= m.secondReplOffset;
  const bl = m.backlog;
  const inWindow = bl !== null && P >= bl.offset && P <= bl.offset + bl.histlen;
  const values = decisionValues(req, m, { replidEqual, replid2Usable, inWindow });
  const decided = (outcome: PsyncDecision['outcome'], reason: PsyncReason, backlogBytes = 0) => ({
    outcome,
    reason,
    era,
    eraNote: eraNote(era, reason, req.cause),
    values,
    backlogBytes,
    countsAsPartialErr: outcome === 'FULLRESYNC' && req.replid !== '?',
  });
  if (!replidEqual && !replid2Usable) {
    if (req.replid === '?') return decided('FULLRESYNC', 'full-requested');
    if (replid2Match) return decided('FULLRESYNC', 'replid2-offset-too-high');
    return decided('FULLRESYNC', era === 'psync1' ? 'runid-mismatch' : 'replid-mismatch');
  }
  if (!bl) return decided('FULLRESYNC', 'no-backlog');
  if (P < bl.offset) return decided('FULLRESYNC', 'offset-before-backlog');
  if (P > bl.offset + bl.histlen) return decided('FULLRESYNC', 'offset-after-master');
  return decided('CONTINUE', replidEqual ? 'accepted' : 'accepted-replid2', bl.offset + bl.histlen - P);
}

/**
 * A SYNC (2.6 `syncCommand`): no history is asked for and none is checked, the answer is always
 * a full transfer (no +FULLRESYNC line: the `$<len>` bulk follows). Not counted as a failed partial.
 */
export function decideSync(m: PsyncMasterView, era: Era, cause?: AskCause): PsyncDecision {
  const values = decisionValues({ replid: '?', offset: -1 }, m, {
    replidEqual: false,
    replid2Usable: false,
    inWindow: false,
  });
  return {
    outcome: 'FULLRESYNC',
    reason: 'sync-only',
    era,
    eraNote: eraNote(era, 'sync-only', cause),
    values,
    backlogBytes: 0,
    countsAsPartialErr: false,
  };
}

function decisionValues(
  req: PsyncInput,
  m: PsyncMasterView,
  checks: { replidEqual: boolean; replid2Usable: boolean; inWindow: boolean },
): PsyncDecision['values'] {
  const bl = m.backlog;
  return {
    requestedReplid: req.replid,
    requestedOffset: req.offset,
    replid: m.replid,
    replid2: m.replid2,
    secondReplOffset: m.secondReplOffset,
    masterReplOffset: m.masterReplOffset,
    backlogActive: bl !== null,
    backlogFirstByte: bl ? bl.offset : 0,
    backlogLastByte: bl ? bl.offset + bl.histlen - 1 : 0,
    ...checks,
  };
}

const CAUSE_TEXT: Record<AskCause, string> = {
  'first-sync': 'first sync: no cached master',
  restarted: 'replica restarted: no cached master',
  'restarted-rdb': 'replica restarted: no cached master (an RDB before 4.0 holds no replication info)',
  replicaof: 'REPLICAOF discards the cached master',
  'link-lost': 'the link was lost: the master is forgotten',
};

/**
 * The era's reason in words, where it differs from 7.0's: e.g. psync1 + full-requested after a
 * restart → "psync1: replica restarted: no cached master". psync2 decisions get null (the UI has
 * its own words for 7.0's reasons).
 */
export function eraNote(era: Era, reason: PsyncReason, cause?: AskCause): string | null {
  if (era === 'psync2') return null;
  if (reason === 'sync-only')
    return `sync: this Redis has no partial resync (SYNC is always a full transfer)${cause && cause !== 'first-sync' ? `; ${CAUSE_TEXT[cause]}` : ''}`;
  if (reason === 'full-requested') return `psync1: ${CAUSE_TEXT[cause ?? 'first-sync']}`;
  if (reason === 'runid-mismatch')
    return 'psync1: the run id differs (a master gets a new run id at every start, and each node has its own)';
  if (reason === 'accepted') return 'psync1: same run id and the offset is in the backlog';
  return `psync1: ${reason === 'no-backlog' ? 'the master has no backlog' : 'the offset is not in the backlog'}`;
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
    case 'runid-mismatch':
      return [
        `Partial resynchronization not accepted: Runid mismatch (Client asked for runid '${v.requestedReplid}', my runid is '${v.replid}')`,
      ];
    case 'sync-only':
      return [];
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
