// Step 0 (`setup`): every node started, each setup replica attached (its PSYNC answered), in
// dependency order so that a chained replica finds its master already linked.
//
// One more thing is made the same on every run: after a diskless full sync the master streams
// to the replica only once an ACK arrives after it put the replica online. The replica ACKs right
// after loading, and whether that ACK beats the master's noticing of the transfer child's exit is
// a millisecond race inside Redis. In the recorded traces the ACK came first, so each replica's
// stream started with its first periodic ACK (up to a second later), and with PINGs in the stream
// (p) the offsets the scenario sees depend on it. Node dirs on tmpfs make the replica's load fast
// enough that this is what nearly always happens; when the logs show the other order (the master
// put the replica online strictly before the replica finished loading), the setup is done again
// from scratch, before any step has run.
import { startOrder } from '../../../src/engine/lab/start.ts';
import type { Scenario } from '../../../src/engine/scenario/types.ts';
import { Cluster } from './cluster.ts';
import type { Slot } from './slots.ts';
import { escapeRe, pollUntil, waitAttempt } from './waits.ts';

const SETUP_ATTACH_MS = 10_000;
const SETUP_TRIES = 4;

async function startAll(cluster: Cluster): Promise<void> {
  for (const name of startOrder(cluster.scenario.nodes)) {
    const master = cluster.scenario.nodes[name].replicaof ?? null;
    if (master && cluster.node(master).master) {
      // a chained replica: its master must itself be linked, else it answers -NOMASTERLINK
      await pollUntil(async () => {
        const i = (await cluster.infos([master]))[master];
        return i?.master_link_status === 'up' ? null : 'master not linked';
      }, SETUP_ATTACH_MS);
    }
    const from = cluster.node(name).log.poll();
    await cluster.start(name, master);
    if (master) await waitAttempt(cluster, name, from, 'answered', SETUP_ATTACH_MS);
  }
}

/** A setup replica whose master put it online before it had loaded (its stream started at once). */
async function streamStartedAtOnce(cluster: Cluster): Promise<string | null> {
  for (const name of cluster.order) {
    const master = cluster.scenario.nodes[name].replicaof;
    if (!master) continue;
    const cfg = cluster.node(master).runtime;
    if (cfg['repl-diskless-sync'] === 'no' || Number(cfg['repl-diskless-sync-delay']) > 0) continue;
    const a = cluster.announced(name);
    const online = new RegExp(`Synchronization with replica ${escapeRe(a.ip)}:${a.port} succeeded`);
    const loaded = /MASTER <-> REPLICA sync: Finished with success/;
    let tOnline = Number.NaN;
    let tLoaded = Number.NaN;
    await pollUntil(
      async () => {
        tOnline = cluster.node(master).log.lastTime(online);
        tLoaded = cluster.node(name).log.lastTime(loaded);
        return Number.isFinite(tOnline) && Number.isFinite(tLoaded) ? null : 'not yet';
      },
      500,
      5,
    );
    if (tOnline < tLoaded) return `${master} put ${name} online ${tLoaded - tOnline} ms before it loaded`;
  }
  return null;
}

/** A started cluster (clock from its creation), or throws after SETUP_TRIES attempts. */
export async function setUp(scenario: Scenario, slot: Slot, notes: string[]): Promise<Cluster> {
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    const cluster = new Cluster(scenario, slot, () => performance.now() - t0);
    try {
      await startAll(cluster);
      const early = await streamStartedAtOnce(cluster);
      if (!early) return cluster;
      notes.push(`setup attempt ${attempt}: ${early}`);
      if (attempt >= SETUP_TRIES) return cluster;
    } catch (e) {
      if (attempt >= SETUP_TRIES) {
        await cluster.destroy();
        throw e;
      }
      notes.push(`setup attempt ${attempt}: ${(e as Error).message}`);
    }
    await cluster.destroy();
  }
}
