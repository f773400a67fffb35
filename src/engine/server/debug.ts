// DEBUG, the subcommands the lab runs:
// - SLEEP: a busy process (debug.c: nanosleep inside the command). For that long its event loop
//   reads nothing and runs no cron — replicas' ACKs, stream bytes and connection closes wait in the
//   socket (busyUntil, as an RDB load does) — and then the reply OK comes. So a replica that sleeps
//   longer than its master's repl-timeout is dropped as timed out and comes back with +CONTINUE
//   (probe r18, real 7.0.15: master repl-timeout 1, replica DEBUG SLEEP 3 → `s4:B=CONTINUE`).
// - DIGEST and DIGEST-VALUE key…: the dataset's fingerprint (keyspace/digest.ts), the same on a
//   master and a replica that caught up.
import { cfgStr } from '../core/config.ts';
import { type Argv, arr, err, OK, simple } from '../core/resp.ts';
import type { Pending } from './blocked.ts';
import type { CallResult } from './commands.ts';
import type { Node, World } from './world.ts';

// 7.0.15 with enable-debug-command no (its default; the scenarios' base config says local).
const NOT_ALLOWED = err(
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
);

/** strtod as DEBUG SLEEP reads its argument: the leading number, else 0 ("abc" → 0, "0.5s" → 0.5). */
function seconds(text: string): number {
  const v = Number.parseFloat(text);
  return Number.isFinite(v) ? v : 0;
}

/**
 * `db`: the client's selected db (DIGEST-VALUE reads it). `inExec`: inside EXEC Redis sleeps within
 * the transaction and puts OK in its array; the lab answers the EXEC at once and the node is busy
 * afterwards (the array's order is the same).
 */
export function debugCommand(w: World, node: Node, argv: Argv, db: number, inExec = false): CallResult {
  // The lab's clients are local (enable-debug-command local: allowed; the scenarios' base config).
  if (cfgStr(node.config, 'enable-debug-command') === 'no') return { reply: NOT_ALLOWED };
  const sub = argv[1]?.toLowerCase();
  if (sub === 'digest-value')
    return { reply: arr(argv.slice(2).map((k) => simple(node.keyspace.valueDigest(db, k)))) };
  if ((sub === 'digest' && argv.length !== 2) || (sub === 'sleep' && argv.length !== 3))
    return {
      reply: err(`ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try DEBUG HELP.`),
    };
  if (sub === 'digest') return { reply: simple(node.keyspace.digest()) };
  if (sub !== 'sleep')
    return {
      reply: err(
        'ERR DEBUG is not available in PSYNC Lab (only DEBUG SLEEP <seconds>, DIGEST, DIGEST-VALUE key…)',
      ),
    };
  const us = Math.trunc(seconds(argv[2]) * 1_000_000);
  if (us <= 0) return { reply: OK };
  node.busyUntil = Math.max(node.busyUntil, w.now + us);
  if (inExec) {
    // No reply waits (the EXEC answered), but the commands held meanwhile run when it wakes.
    w.queue.push(node.busyUntil, { t: 'debug-wake', node: node.name, gen: node.gen, pending: null });
    return { reply: OK };
  }
  const pending: Pending = {
    reply: null,
    waiting: `DEBUG SLEEP ${argv[2]}: the server does nothing for ${us / 1_000_000} s`,
    node: node.name,
    argv,
  };
  w.queue.push(node.busyUntil, { t: 'debug-wake', node: node.name, gen: node.gen, pending });
  return { pending };
}
