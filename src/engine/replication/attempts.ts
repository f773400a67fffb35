// The log lines that end a replica's connection attempt, as Redis 7.0 writes them (replication.c
// syncWithMaster / readSyncBulkPayload / replicationAbortSyncTransfer). The engine's replica writes
// the same lines, so the engine runner, the lab's start-up and the real-Redis runner all wait on
// one set of patterns.

/** A replica's connection attempt got its PSYNC answered. */
export const ATTEMPT_OK = /Full resync from master|Successful partial resynchronization/;
/** A failed attempt (the next one comes on a later replicationCron tick, or at once after an error). */
export const ATTEMPT_FAILED =
  /MASTER aborted replication|Unable to AUTH to MASTER|Master is currently unable to PSYNC|Error reply to PING from master|Unexpected reply to PSYNC|Timeout connecting to the MASTER/;
/** The TCP connect was refused: nothing listens there (a cut link, a master that is down). */
export const REFUSED = /Error condition on socket for SYNC|Unable to connect to MASTER/;
/** The first PSYNC of a replica at setup was answered, one way or the other. */
export const PSYNC_ANSWERED =
  /Full resync from master|Successful partial resynchronization|unable to PSYNC|Unexpected reply to PSYNC|does not support PSYNC/;

/**
 * What ends a wait for a replica's attempt: 'success' = a PSYNC answer, 'answered' = also a
 * failed handshake, 'any' = also a refused connect.
 */
export function attemptEnd(end: 'success' | 'answered' | 'any'): RegExp[] {
  if (end === 'success') return [ATTEMPT_OK];
  return end === 'answered' ? [ATTEMPT_OK, ATTEMPT_FAILED] : [ATTEMPT_OK, ATTEMPT_FAILED, REFUSED];
}
