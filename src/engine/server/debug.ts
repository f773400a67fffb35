// DEBUG SLEEP, the one DEBUG subcommand the lab runs: a busy process (debug.c: nanosleep inside the
// command). For that long its event loop reads nothing and runs no cron — replicas' ACKs, stream
// bytes and connection closes wait in the socket (busyUntil, as an RDB load does) — and then the
// reply OK comes. So a replica that sleeps longer than its master's repl-timeout is dropped as
// timed out and comes back with +CONTINUE (probe r18, real 7.0.15: master repl-timeout 1, replica
// DEBUG SLEEP 3 → `s4:B=CONTINUE`).
import { type Argv, err, OK } from '../core/resp.ts';
import type { Pending } from './blocked.ts';
import type { CallResult } from './commands.ts';
import type { Node, World } from './world.ts';

/** strtod as DEBUG SLEEP reads its argument: the leading number, else 0 ("abc" → 0, "0.5s" → 0.5). */
function seconds(text: string): number {
  const v = Number.parseFloat(text);
  return Number.isFinite(v) ? v : 0;
}

export function debugCommand(w: World, node: Node, argv: Argv): CallResult {
  if (argv.length !== 3 || argv[1].toLowerCase() !== 'sleep')
    return { reply: err('ERR DEBUG is not available in PSYNC Lab (only DEBUG SLEEP <seconds>)') };
  const us = Math.trunc(seconds(argv[2]) * 1_000_000);
  if (us <= 0) return { reply: OK };
  const pending: Pending = {
    reply: null,
    waiting: `DEBUG SLEEP ${argv[2]}: the server does nothing for ${us / 1_000_000} s`,
    node: node.name,
    argv,
  };
  node.busyUntil = Math.max(node.busyUntil, w.now + us);
  w.queue.push(node.busyUntil, { t: 'debug-wake', node: node.name, gen: node.gen, pending });
  return { pending };
}
