// Running a data command on a node's keyspace: the ExecContext it runs with, and the
// `data.changed` event. Used by the command layer (client commands) and by the replica applying
// its master's stream — one module both import, so neither reaches the other through a hook.
import { cfgInt } from '../core/config.ts';
import { nextFloat } from '../core/random.ts';
import type { Argv } from '../core/resp.ts';
import { SCRIPT_COMMANDS } from '../keyspace/index.ts';
import type { ExecContext } from '../keyspace/types.ts';
import { emit, unixMs } from './emit.ts';
import { writesPaused } from './pause.ts';
import type { Node, World } from './world.ts';

/**
 * Two ExecContexts per world, refreshed per use (no closure allocated on the hot path): one for
 * client calls, one for the master's stream. Nothing but ctxFor(w, true) writes the stream's, so a
 * replica refreshes it once per stream message, not once per command (100 SETs a message at 100k
 * writes/s: 3 replicas × 99 refreshes saved per message). A cache beside the World, not in it: a
 * cloned World (a timeline checkpoint) gets its own, drawing from its own rng. `name` is the
 * command's lower-case name (a script command gets scriptWriteDenied).
 */
const ctxCache = new WeakMap<World, { client: ExecContext; stream: ExecContext }>();

function contexts(w: World): { client: ExecContext; stream: ExecContext } {
  let all = ctxCache.get(w);
  if (!all) {
    const rng = w.rng;
    const random = () => nextFloat(rng);
    const fresh = (): ExecContext => ({
      nowMs: 0,
      random,
      fromMaster: false,
      replica: false,
      scriptWriteDenied: undefined,
      scripts: undefined,
      skipPropagate: false,
      skipChanged: false,
    });
    all = { client: fresh(), stream: fresh() };
    ctxCache.set(w, all);
  }
  return all;
}

export function ctxFor(w: World, fromMaster: boolean, node?: Node, name?: string): ExecContext {
  const all = contexts(w);
  const ctx = fromMaster ? all.stream : all.client;
  ctx.nowMs = unixMs(w);
  ctx.fromMaster = fromMaster;
  // A master whose writes are paused keeps its data as is: reads treat expired keys as a replica does.
  ctx.replica = !!node && (node.link !== null || writesPaused(node));
  // Read only by a script's writes: other commands skip the config lookups (two a SET on a master).
  ctx.scriptWriteDenied =
    node && !fromMaster && name !== undefined && SCRIPT_COMMANDS.has(name)
      ? scriptWriteDenied(node)
      : undefined;
  ctx.scripts = node?.scripts;
  ctx.skipPropagate = fromMaster; // execFromMaster proxies the stream entry, never these
  ctx.skipChanged = !w.emitEvents; // read only for the data.changed event
  return ctx;
}

/** What a write called from EVAL hits on this node (Redis checks it per call inside the script). */
function scriptWriteDenied(node: Node): string | undefined {
  if (node.link && node.config.get('replica-read-only') === 'yes')
    return "READONLY You can't write against a read only replica.";
  if (!node.link) {
    const n = cfgInt(node.config, 'min-replicas-to-write');
    if (n > 0 && cfgInt(node.config, 'min-replicas-max-lag') > 0 && node.goodSlaves < n)
      return 'NOREPLICAS Not enough good replicas to write.';
  }
  return undefined;
}

/**
 * A command from the master's stream, on a replica (its reply is discarded, as Redis does). `ctx`
 * is ctxFor(w, true), taken once per stream message.
 */
export function execFromMaster(
  w: World,
  node: Node,
  db: number,
  argv: Argv,
  name: string | undefined,
  ctx: ExecContext,
): void {
  const changed = node.keyspace.applyFromMaster(db, argv, ctx, name);
  if (w.emitEvents && changed.length > 0)
    emit(w, { type: 'data.changed', node: node.name, keys: [...changed], dbsize: node.keyspace.dbsize(0) });
}
