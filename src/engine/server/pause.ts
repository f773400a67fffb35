// Paused writes (7.0 `pauseClients(…, CLIENT_PAUSE_WRITE)`): while a FAILOVER runs or a SHUTDOWN
// waits for lagging replicas, a client's write — or a command that may replicate (EVAL, PUBLISH, …)
// — is held, not refused, and runs again from the start once writes resume (processCommand blocks
// it with BLOCKED_POSTPONE, even inside MULTI). Meanwhile the dataset stays as it is: no key expires
// (reads see an expired key as missing without deleting it, as on a replica) and no GETACK is sent
// (it would grow the offset a failover waits for). Replicas applying their master's stream are
// never paused.
import type { Argv } from '../core/resp.ts';
import type { ClientCtx } from './commands.ts';
import type { Node, Postponed } from './world.ts';

export function writesPaused(node: Node): boolean {
  return node.failover !== null || node.shuttingDown !== null;
}

/** CMD_MAY_REPLICATE in 7.0's command table (besides the write commands). */
const MAY_REPLICATE = new Set(['pfcount', 'publish', 'spublish', 'eval', 'evalsha', 'fcall']);

export function mayReplicate(name: string): boolean {
  return MAY_REPLICATE.has(name);
}

/** Hold `argv` from `client` until writes resume; the caller gets the holder as its pending reply. */
export function postpone(node: Node, client: ClientCtx, argv: Argv): Postponed {
  const why = node.failover ? 'a FAILOVER is under way' : 'SHUTDOWN is waiting for replicas';
  const p: Postponed = {
    reply: null,
    waiting: `writes are paused (${why}): ${argv[0].toUpperCase()} runs when they resume`,
    node: node.name,
    argv,
    client,
  };
  node.postponed.push(p);
  return p;
}
