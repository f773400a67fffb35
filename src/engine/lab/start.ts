// Bringing a lab's nodes up the way the real runner starts processes: in dependency order,
// staggered, each replica's first PSYNC answered before the next process starts.
import { cfgBool, cfgInt } from '../core/config.ts';
import { PSYNC_ANSWERED } from '../replication/attempts.ts';
import { MS } from '../server/emit.ts';
import { runUntil, runUntilCondition } from '../server/simulation.ts';
import type { World } from '../server/world.ts';
import {
  applyInput,
  createLab,
  DEFAULT_SETUP,
  type Lab,
  type LabInput,
  LabInputError,
  type LabSetup,
} from './lab.ts';

/** Gap between two node starts: the nodes' 1 Hz crons get different phases (scenario p). */
export const START_STAGGER_MS = 30;

/** Start order: masters before their replicas (a chained replica once its master runs), else declaration order. */
export function startOrder(nodes: Readonly<Record<string, { replicaof?: string | null }>>): string[] {
  const names = Object.keys(nodes);
  const done: string[] = [];
  while (done.length < names.length) {
    const next = names.find(
      (n) => !done.includes(n) && (!nodes[n].replicaof || done.includes(nodes[n].replicaof!)),
    );
    if (!next) throw new LabInputError('ERR replicaof cycle or unknown master');
    done.push(next);
  }
  return done;
}

/**
 * Start every node as the real runner starts processes, through `input` (so the starts are
 * recorded inputs and a replay shows each node come up): masters before their replicas (a chained
 * replica once its master's own link is up), START_STAGGER_MS apart, each replica's first PSYNC
 * answered before the next process starts.
 */
export function startCluster(lab: Lab, input: (i: LabInput) => unknown): void {
  const w = lab.w;
  const limit = () => w.now + 30_000 * MS;
  const nodes = Object.fromEntries(lab.setup.nodes.map((n) => [n.name, { replicaof: n.replicaof }]));
  for (const name of startOrder(nodes)) {
    const master = lab.masterOf.get(name) ?? null;
    const upstream = master ? w.nodes.get(master) : undefined;
    if (upstream?.link) runUntilCondition(w, () => upstream.link?.state === 'REPL_STATE_CONNECTED', limit());
    runUntil(w, w.now + START_STAGGER_MS * MS);
    const n = w.nodes.get(name)!;
    const from = n.log.length;
    input({ type: 'start', node: name });
    if (master)
      runUntilCondition(
        w,
        () => n.log.slice(from).some((l) => PSYNC_ANSWERED.test(l)) || heldForDelayedSync(w, master, name),
        limit(),
      );
  }
  for (const name of startOrder(nodes)) awaitDisklessOnline(w, lab.masterOf.get(name) ?? null, name);
}

/** How long the real runner's setup waits, per replica, for it to be loaded and listed online. */
export const SETUP_ONLINE_WAIT_MS = 500;

/**
 * The real runner's setup ends only once every setup replica of a diskless master without a delay
 * has loaded and been put online (real/setup.ts streamStartedAtOnce polls both log lines, up to
 * SETUP_ONLINE_WAIT_MS each). A replica that asked while another one's BGSAVE ran is still
 * wait_bgsave when its PSYNC is answered; stopping there left it out of a first step's WAIT
 * (probe r1, A + setup replicas B and C, step 1 `WAIT 2 200`: real 7.0.15 answers 2 at once and
 * master_repl_offset stays 0; the engine sent a GETACK, offset 37).
 */
function awaitDisklessOnline(w: World, master: string | null, replica: string): void {
  const m = master ? w.nodes.get(master) : undefined;
  if (m?.state !== 'running') return;
  if (!cfgBool(m.config, 'repl-diskless-sync') || cfgInt(m.config, 'repl-diskless-sync-delay') > 0) return;
  const r = w.nodes.get(replica)!;
  runUntilCondition(
    w,
    () =>
      r.link?.state === 'REPL_STATE_CONNECTED' &&
      m.slaves.some((s) => s.peer === replica && s.replstate === 'online'),
    w.now + SETUP_ONLINE_WAIT_MS * MS,
  );
}

/**
 * `replica` is held by `master` for a delayed diskless BGSAVE (listed wait_bgsave): its
 * +FULLRESYNC comes only when that BGSAVE starts, so the real runner's setup counts the attempt
 * as answered here (real/waits.ts heldForDelayedSync) and the FULLRESYNC lands in step 1 (probe
 * r19, repl-diskless-sync-delay 1 with a setup replica: real 7.0.15 `s1:B=FULLRESYNC@0`).
 */
function heldForDelayedSync(w: World, master: string, replica: string): boolean {
  const m = w.nodes.get(master);
  if (m?.state !== 'running') return false;
  if (!cfgBool(m.config, 'repl-diskless-sync') || cfgInt(m.config, 'repl-diskless-sync-delay') <= 0)
    return false;
  return m.slaves.some((s) => s.peer === replica && s.replstate.startsWith('wait_bgsave'));
}

/** A lab whose nodes are up as the setup says, for direct use (no timeline records its starts). */
export function startedLab(seed: number, setup: LabSetup = DEFAULT_SETUP): Lab {
  const lab = createLab(seed, setup);
  startCluster(lab, (i) => applyInput(lab, i));
  return lab;
}
