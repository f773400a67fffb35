// Blocked calls (WAIT, SHUTDOWN waiting for replicas) as plain data: the record the node keeps is
// the caller's pending holder, and `unblock` is the one place a blocked call gets its answer — it
// sets the reply and tells the console (a `command` event with `resumed`), as redis-cli shows a
// blocked command's reply when it finally comes.

import { type Argv, cliText, type Reply } from '../core/resp.ts';
import { emit } from './emit.ts';
import type { World } from './world.ts';

export interface Pending {
  /** Set when answered. */
  reply: Reply | null;
  /** What it waits for, in words ("WAIT 1 0: waiting for 1 replica to acknowledge offset 1234 …"). */
  waiting: string;
  /** The node and the command, for the late reply's console line. */
  node: string;
  argv: Argv;
}

export function unblock(w: World, p: Pending & { numreplicas?: number }, r: Reply): void {
  p.reply = r;
  emit(w, { type: 'command', node: p.node, argv: p.argv, reply: cliText(p.argv, r), resumed: true });
  // The lab shows WAIT's answer beside the "acknowledged but lost" counter.
  if (p.numreplicas !== undefined && r.t === 'int')
    emit(w, { type: 'wait.answered', node: p.node, asked: p.numreplicas, got: r.v });
}
