// Runs one scenario on real redis-server processes and returns its trace, in the shape of the
// recorded traces (spec: scenarios.md). Step 0 (`setup`) = every node started, each setup replica
// attached (its PSYNC answered), in dependency order so a chained replica finds its master linked.
import type { Scenario, Step, Trace, TraceStep } from '../../../src/engine/scenario/types.ts';
import { BASE_CONFIG, Cluster } from './cluster.ts';
import { checkExpectations, type Expectation } from './conditions.ts';
import { execStep, settles } from './ops.ts';
import { OutcomeTracker } from './outcome.ts';
import { acquireSlot, type Slot } from './slots.ts';
import { assembleSnapshot, collectState } from './snapshot.ts';
import { pollUntil, sleep, syncProblem, waitAttempt } from './waits.ts';

export interface RealRun {
  trace: Trace;
  /** Why the run is not ok (failed waits, expectations, harness errors). */
  problems: string[];
}

const SETUP_ATTACH_MS = 10_000;

/** Start order: masters first, then each replica once its master runs (and is linked itself). */
function startOrder(s: Scenario): string[] {
  const names = Object.keys(s.nodes);
  const done: string[] = [];
  while (done.length < names.length) {
    const next = names.find(
      (n) => !done.includes(n) && (!s.nodes[n].replicaof || done.includes(s.nodes[n].replicaof!)),
    );
    if (!next) throw new Error(`scenario ${s.name}: replicaof cycle or unknown master`);
    done.push(next);
  }
  return done;
}

async function setup(cluster: Cluster): Promise<void> {
  for (const name of startOrder(cluster.scenario)) {
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

export async function runReal(
  scenario: Scenario,
  opts: { slot?: Slot; onStep?: (s: TraceStep) => void } = {},
): Promise<RealRun> {
  const slot = opts.slot ?? (await acquireSlot());
  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const cluster = new Cluster(scenario, slot, clock);
  const outcome = new OutcomeTracker(cluster.order);
  const problems: string[] = [];
  const steps: TraceStep[] = [];
  let redisVersion = 'unknown';
  try {
    await setup(cluster);
    redisVersion = await cluster.redisVersion();
    const record = async (i: number, op: string, fields: Record<string, unknown>, step?: Step) => {
      let state = await collectState(cluster);
      if (step?.op === 'wait-sync' && (fields.result as { ok?: boolean })?.ok) {
        // the snapshot itself must show the sync the wait saw (a PING may have slipped in between)
        const names = step.nodes ?? cluster.order;
        for (let k = 0; k < 50; k++) {
          const infos = Object.fromEntries(Object.entries(state).map(([n, s]) => [n, s.replication]));
          if (!syncProblem(cluster, names, infos)) break;
          await sleep(20);
          state = await collectState(cluster);
        }
      }
      const { snapshot, lines } = await assembleSnapshot(cluster, state);
      const ts: TraceStep = { i, op: op as TraceStep['op'], ...fields, snapshot };
      if (step?.expect) {
        const ex: Expectation[] = checkExpectations(snapshot, step.expect);
        // expectations go before the snapshot, as in the recorded traces
        delete (ts as Partial<TraceStep>).snapshot;
        ts.expectations = ex;
        ts.snapshot = snapshot;
        for (const e of ex)
          if (!e.pass)
            problems.push(
              `step ${i}: expected ${e.path} ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.actual)}`,
            );
      }
      const inc = Object.fromEntries(cluster.order.map((n) => [n, cluster.node(n).incarnation]));
      outcome.record(i, op, snapshot, lines, inc);
      steps.push(ts);
      opts.onStep?.(ts);
    };
    await record(0, 'setup', { atMs: Math.round(clock()) });
    for (const [k, step] of scenario.steps.entries()) {
      const i = k + 1;
      const atMs = Math.round(clock());
      const { op, ...fields } = step;
      const r = await execStep(cluster, step);
      const durationMs = Math.round(clock()) - atMs;
      if (!r.ok) problems.push(`step ${i} (${op}): ${JSON.stringify(r.result)}`);
      if (settles(step)) await sleep(step.settleMs ?? 250);
      await record(i, op, { ...fields, atMs, result: r.result, durationMs }, step);
    }
  } catch (e) {
    problems.push(`harness: ${(e as Error).stack ?? e}`);
  } finally {
    await cluster.destroy().catch((e) => problems.push(`teardown: ${(e as Error).message}`));
    if (!opts.slot) slot.release();
  }
  const trace: Trace & Record<string, unknown> = {
    scenario: scenario.name,
    description: scenario.description,
    redisVersion,
    baseConfig: BASE_CONFIG,
    scenarioConfig: scenario.config ?? {},
    nodes: Object.fromEntries(
      cluster.order.map((n) => [n, { port: cluster.node(n).port, config: cluster.node(n).config }]),
    ),
    steps,
    ok: problems.length === 0,
    proxies: cluster.proxyTraces(),
    outcome: outcome.outcome(),
  };
  return { trace, problems };
}
