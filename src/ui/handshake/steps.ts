// The replica's handshake as a list of REPL_STATE_* steps with what is on the wire at each, and
// which steps this attempt went through (from the replica.state history since the last CONNECT).
import type { ReplState } from '../../engine/index.ts';

/** The message the replica sends (or waits for) in each state. */
export const WIRE: Partial<Record<ReplState, string>> = {
  REPL_STATE_CONNECTING: 'connect()',
  REPL_STATE_RECEIVE_PING_REPLY: 'PING → +PONG',
  REPL_STATE_SEND_HANDSHAKE: 'AUTH, REPLCONF …',
  REPL_STATE_RECEIVE_AUTH_REPLY: 'AUTH → +OK',
  REPL_STATE_RECEIVE_PORT_REPLY: 'REPLCONF listening-port → +OK',
  REPL_STATE_RECEIVE_IP_REPLY: 'REPLCONF ip-address → +OK',
  REPL_STATE_RECEIVE_CAPA_REPLY: 'REPLCONF capa eof capa psync2 → +OK',
  REPL_STATE_SEND_PSYNC: 'PSYNC replid offset+1',
  REPL_STATE_RECEIVE_PSYNC_REPLY: '+FULLRESYNC | +CONTINUE',
  REPL_STATE_TRANSFER: 'RDB ($EOF: | $len)',
  REPL_STATE_CONNECTED: 'stream + REPLCONF ACK',
};

/**
 * The steps drawn, in protocol order (the engine's REPL_STATES without NONE, "not a replica").
 * Listed here rather than imported so the page does not pull engine code into its first load;
 * the type below fails to compile if the engine gains a state this list lacks.
 */
export const STEPS = [
  'REPL_STATE_CONNECT',
  'REPL_STATE_CONNECTING',
  'REPL_STATE_RECEIVE_PING_REPLY',
  'REPL_STATE_SEND_HANDSHAKE',
  'REPL_STATE_RECEIVE_AUTH_REPLY',
  'REPL_STATE_RECEIVE_PORT_REPLY',
  'REPL_STATE_RECEIVE_IP_REPLY',
  'REPL_STATE_RECEIVE_CAPA_REPLY',
  'REPL_STATE_SEND_PSYNC',
  'REPL_STATE_RECEIVE_PSYNC_REPLY',
  'REPL_STATE_TRANSFER',
  'REPL_STATE_CONNECTED',
] as const satisfies readonly ReplState[];

type Missing = Exclude<ReplState, (typeof STEPS)[number] | 'REPL_STATE_NONE'>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export type StepMark = 'done' | 'current' | 'skipped' | 'todo';

/**
 * Marks for each step given the states this attempt visited (in order) and the current state.
 * A step before the current one that was never visited was skipped (no masterauth: no AUTH reply).
 */
export function stepMarks(visited: ReplState[], current: ReplState | null): StepMark[] {
  const cur = current ? (STEPS as readonly ReplState[]).indexOf(current) : -1;
  const seen = new Set(visited);
  return STEPS.map((s, i) => {
    if (i === cur) return 'current';
    // CONNECT is where every attempt begins (a replica configured at startup starts past it).
    if (i < cur) return seen.has(s) || s === 'REPL_STATE_CONNECT' ? 'done' : 'skipped';
    return 'todo';
  });
}

/** The states visited since the replica's last REPL_STATE_CONNECT (the current attempt). */
export function attemptStates(events: { node: string; state: ReplState }[], node: string): ReplState[] {
  const mine = events.filter((e) => e.node === node).map((e) => e.state);
  const k = mine.lastIndexOf('REPL_STATE_CONNECT');
  return k < 0 ? mine : mine.slice(k);
}
