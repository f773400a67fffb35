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

export type StepMark = 'done' | 'current' | 'skipped' | 'todo' | 'failed' | 'warned';

/** A handshake step answered with an error (the engine's `handshake.error`). */
export interface StepError {
  node: string;
  state: ReplState;
  reply: string;
  fatal: boolean;
  seq: number;
}

/**
 * Marks for each step given the states this attempt visited (in order) and the current state.
 * A step before the current one that was never visited was skipped (no masterauth: no AUTH reply).
 * A visited step answered with an error is `warned` (Redis went on: PING -NOAUTH, a REPLCONF
 * error) or `failed` (the attempt ended there: AUTH -WRONGPASS). `failedAt` stands in for the
 * current state of an attempt that is over.
 */
export function stepMarks(
  visited: ReplState[],
  current: ReplState | null,
  errors: readonly Pick<StepError, 'state' | 'fatal'>[] = [],
): StepMark[] {
  const cur = current ? (STEPS as readonly ReplState[]).indexOf(current) : -1;
  const seen = new Set(visited);
  const err = new Map(errors.map((e) => [e.state, e.fatal]));
  return STEPS.map((s, i) => {
    const e = err.get(s);
    if (e === true) return 'failed';
    if (i === cur) return 'current';
    if (i > cur) return 'todo';
    if (e === false) return 'warned';
    // CONNECT is where every attempt begins (a replica configured at startup starts past it).
    return seen.has(s) || s === 'REPL_STATE_CONNECT' ? 'done' : 'skipped';
  });
}

type StateEv = { node: string; state: ReplState; seq?: number };

/** The states visited since the replica's last REPL_STATE_CONNECT (the current attempt). */
export function attemptStates(events: StateEv[], node: string): ReplState[] {
  const mine = events.filter((e) => e.node === node).map((e) => e.state);
  const k = mine.lastIndexOf('REPL_STATE_CONNECT');
  return k < 0 ? mine : mine.slice(k);
}

/** What the stepper draws: one attempt, its errors, and where it failed if it did. */
export interface AttemptView {
  visited: ReplState[];
  /** The step lit as current (the failed step of an attempt that is over). */
  current: ReplState | null;
  errors: StepError[];
  failed: StepError | null;
}

/**
 * The attempt to draw. While a retry has not got past connect() (it waits up to a second in
 * REPL_STATE_CONNECT for replicationCron), the attempt that just failed stays on screen with
 * its failed step: otherwise the failure would vanish the instant it happens.
 */
export function attemptView(
  states: StateEv[],
  errors: readonly StepError[],
  node: string,
  current: ReplState | null,
): AttemptView {
  const mine = states.filter((e) => e.node === node);
  const starts = mine.flatMap((e, i) => (e.state === 'REPL_STATE_CONNECT' ? [i] : []));
  const k = starts.at(-1) ?? 0;
  const between = (from: number, to: number) => {
    const lo = mine[from]?.seq ?? -1;
    const hi = to < mine.length ? (mine[to].seq ?? Infinity) : Infinity;
    return errors.filter((e) => e.node === node && e.seq > lo && e.seq < hi);
  };
  const waiting = current === 'REPL_STATE_CONNECT' || current === 'REPL_STATE_CONNECTING';
  if (waiting && starts.length > 0) {
    const j = starts.length > 1 ? starts[starts.length - 2] : 0;
    const errs = between(j, k);
    const failed = errs.find((e) => e.fatal) ?? null;
    if (failed) {
      const visited = mine.slice(j, k).map((e) => e.state);
      return { visited, current: failed.state, errors: errs, failed };
    }
  }
  const visited = mine.slice(starts.length > 0 ? k : 0).map((e) => e.state);
  return { visited, current, errors: between(starts.length > 0 ? k : -1, mine.length), failed: null };
}
