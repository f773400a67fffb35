// What a handshake message means, in words beside it: `REPLCONF capa eof capa psync2` and the
// arithmetic of `PSYNC <replid> <offset+1>` (lesson points 6 and 7). Shared by the transcript
// rows and the stepper, so both say the same thing.
import type { MsgKey } from '../../i18n/index.ts';

export interface Note {
  key: MsgKey;
  vars?: Record<string, string | number>;
}

/**
 * `PSYNC 9f3c…(40 hex) 326` → the replica had slave_repl_offset 325 and asks for byte 326 next;
 * `PSYNC ? -1` → no cached master: it asks for a full sync.
 */
export function psyncNote(label: string): Note | null {
  const m = /^PSYNC (\S+) (-?\d+)$/.exec(label);
  if (!m) return null;
  const next = Number(m[2]);
  if (m[1] === '?' || next < 0) return { key: 'note.psyncFull' };
  return { key: 'note.psync', vars: { offset: next - 1, next, replid: m[1].slice(0, 8) } };
}

/** The note for one message on a replication link, or null when it needs none. */
export function messageNote(kind: string, label: string): Note | null {
  if (kind === 'REPLCONF capa') return { key: 'note.capa' };
  if (kind === 'PSYNC') return psyncNote(label);
  return null;
}
