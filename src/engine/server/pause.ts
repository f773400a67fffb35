// Paused writes (7.0 `pauseClients(…, CLIENT_PAUSE_WRITE)`): while a FAILOVER runs, a SHUTDOWN
// waits for lagging replicas or a CLIENT PAUSE lasts, a client's write — or a command that may
// replicate (EVAL, PUBLISH, …) — is held, not refused, and runs again from the start once writes
// resume (processCommand blocks it with BLOCKED_POSTPONE, even inside MULTI). CLIENT PAUSE … ALL
// holds every command, CLIENT UNPAUSE included (observed on 7.0.15: it waits for the timeout). Meanwhile the dataset stays as it is: no key expires
// (reads see an expired key as missing without deleting it, as on a replica) and no GETACK is sent
// (it would grow the offset a failover waits for). Replicas applying their master's stream are
// never paused.
import type { Argv } from '../core/resp.ts';
import type { ClientCtx } from './commands.ts';
import type { Node, Postponed } from './world.ts';

export function writesPaused(node: Node): boolean {
  return node.failover !== null || node.shuttingDown !== null || node.clientPause !== null;
}

/** CLIENT PAUSE … ALL: every client command waits. */
export function allPaused(node: Node): boolean {
  return node.clientPause?.all === true;
}

/** CMD_MAY_REPLICATE in 7.0's command table (besides the write commands). */
const MAY_REPLICATE = new Set(['pfcount', 'publish', 'spublish', 'eval', 'evalsha', 'fcall']);

export function mayReplicate(name: string): boolean {
  return MAY_REPLICATE.has(name);
}

/**
 * Hold `argv` from `client` until writes resume (or, `busy`, until the node wakes from DEBUG SLEEP);
 * the caller gets the holder as its pending reply.
 */
export function postpone(node: Node, client: ClientCtx, argv: Argv, busy?: 'busy'): Postponed {
  const why = node.failover
    ? 'a FAILOVER is under way'
    : node.shuttingDown
      ? 'SHUTDOWN is waiting for replicas'
      : 'CLIENT PAUSE';
  const name = (argv[0] ?? '').toUpperCase();
  const p: Postponed = {
    reply: null,
    waiting: busy
      ? `the server is busy (DEBUG SLEEP) and reads nothing: ${name} runs when it wakes`
      : `${allPaused(node) ? 'clients' : 'writes'} are paused (${why}): ${name} runs when they resume`,
    node: node.name,
    argv,
    client,
  };
  node.postponed.push(p);
  return p;
}

/**
 * CLIENT PAUSE timeout [WRITE|ALL] (pauseClients: a second pause keeps the later end and the
 * stricter mode) and CLIENT UNPAUSE. Null: the command is done (OK); else Redis's error text.
 */
export function clientPause(node: Node, nowMs: number, argv: Argv): string | null {
  if (argv[1].toLowerCase() === 'unpause') {
    node.clientPause = null;
    return null;
  }
  if (argv.length > 4)
    return "ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP.";
  const mode = argv[3]?.toLowerCase() ?? 'all';
  if (mode !== 'write' && mode !== 'all') return 'ERR CLIENT PAUSE mode must be WRITE or ALL';
  if (!/^-?\d+$/.test(argv[2]) || !Number.isSafeInteger(Number(argv[2])))
    return 'ERR timeout is not an integer or out of range';
  const ms = Number(argv[2]);
  if (ms < 0) return 'ERR timeout is negative';
  const was = node.clientPause;
  node.clientPause = { endMs: Math.max(nowMs + ms, was?.endMs ?? 0), all: mode === 'all' || !!was?.all };
  return null;
}
