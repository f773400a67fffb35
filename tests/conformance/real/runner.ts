// Runs one scenario on real redis-server processes and returns its trace, in the shape of the
// recorded traces (spec: scenarios.md): setup (setup.ts) as step 0, then each step (ops.ts) with
// its settle time, snapshot (snapshot.ts), expectations and outcome events (outcome.ts).

import { BASE_CONFIG } from '../../../src/engine/lab/lab.ts';
import { DEFAULT_SETTLE_MS, settles } from '../../../src/engine/scenario/contract.ts';
import type { Scenario, Step, Trace, TraceStep } from '../../../src/engine/scenario/types.ts';
import type { Cluster } from './cluster.ts';
import { checkExpectations, type Expectation } from './conditions.ts';
import { execStep } from './ops.ts';
import { OutcomeTracker } from './outcome.ts';
import { setUp } from './setup.ts';
import { acquireSlot, type Slot } from './slots.ts';
import { assembleSnapshot, collectState } from './snapshot.ts';
import { sleep, syncProblem } from './waits.ts';

export interface RealRun {
  trace: Trace;
  /** Why the run is not ok (failed waits, expectations, harness errors). */
  problems: string[];
}

export async function runReal(
  scenario: Scenario,
  opts: { slot?: Slot; onStep?: (s: TraceStep) => void; inspect?: (c: Cluster) => void } = {},
): Promise<RealRun> {
  const slot = opts.slot ?? (await acquireSlot());
  const problems: string[] = [];
  const notes: string[] = [];
  let cluster: Cluster;
  try {
    cluster = await setUp(scenario, slot, notes);
  } catch (e) {
    if (!opts.slot) slot.release();
    throw e;
  }
  const clock = cluster.clock;
  const outcome = new OutcomeTracker(cluster.order);
  const steps: TraceStep[] = [];
  let redisVersion = 'unknown';
  try {
    opts.inspect?.(cluster);
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
      if (settles(step)) await sleep(step.settleMs ?? DEFAULT_SETTLE_MS);
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
    ...(notes.length ? { harnessNotes: notes } : {}),
    proxies: cluster.proxyTraces(),
    outcome: outcome.outcome(),
  };
  return { trace, problems };
}
