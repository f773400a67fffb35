// Run a scenario in the engine (virtual time) and write the trace of ../shared/spec/scenarios.md.
// The same scenario runs on real redis-server in tests/conformance; the two traces must agree.
// The steps are played by play.ts (the op table the lab plays too), on a loopback network.
import { MS } from '../server/emit.ts';
import type { World } from '../server/world.ts';
import { matches, readPath } from './conditions.ts';
import { playSteps, setupScenario } from './play.ts';
import { snapshotNode } from './snapshot.ts';
import type { NodeSnapshot, OutcomeEvent, Scenario, Trace, TraceStep } from './types.ts';
import { validateScenario } from './validate.ts';

export const ENGINE_VERSION = 'psync-lab-engine 0.1 (Redis 7.0.15 semantics)';

/** Snapshot every node, with its log lines from `logFrom` (the previous step's end; 0 at setup). */
export function snapshotAll(w: World, logFrom = new Map<string, number>()): Record<string, NodeSnapshot> {
  const out: Record<string, NodeSnapshot> = {};
  for (const n of w.nodes.values())
    out[n.name] = snapshotNode(w, n, Math.min(logFrom.get(n.name) ?? 0, n.log.length));
  return out;
}

/** Scenario → trace, deterministically from `seed`. */
export function runScenario(input: Scenario | unknown, opts: { seed?: number } = {}): Trace {
  const scenario = validateScenario(input);
  const seed = opts.seed ?? 1;
  const play = setupScenario(scenario, seed);
  const w = play.lab.w;
  const outcomes: OutcomeEvent[] = [];
  // Within a step, outcomes are listed node by node in declaration order (as the real runner
  // reads them from each node's log after the step), each node's in time order.
  const order = Object.keys(scenario.nodes);
  const collect = (i: number, op: string) => {
    const got: OutcomeEvent[] = [];
    for (const ev of w.events)
      if (ev.type === 'psync.result')
        got.push({
          step: i,
          op,
          replica: ev.replica,
          result: ev.result,
          ...(ev.result === 'FULLRESYNC' ? { offset: ev.offset } : {}),
        });
    got.sort((a, b) => order.indexOf(a.replica!) - order.indexOf(b.replica!));
    outcomes.push(...got);
    w.events = [];
  };
  collect(0, 'setup');
  const steps: TraceStep[] = [{ i: 0, op: 'setup', atMs: Math.round(w.now / MS), snapshot: snapshotAll(w) }];
  let stepStart = w.now;
  playSteps(play, (i, step, result) => {
    collect(i, step.op);
    const snapshot = snapshotAll(w, play.logFrom);
    const ts: TraceStep = { i, ...step, atMs: Math.round(stepStart / MS), result, snapshot };
    if (step.expect)
      ts.expectations = Object.entries(step.expect).map(([path, cond]) => {
        const actual = readPath(snapshot as unknown as Record<string, unknown>, path);
        return { path, expected: cond, actual, pass: matches(actual, cond) };
      });
    steps.push(ts);
    stepStart = w.now;
  });
  const nodes: Trace['nodes'] = {};
  for (const n of w.nodes.values())
    nodes[n.name] = { port: n.port, config: Object.fromEntries(n.startConfig) };
  return {
    scenario: scenario.name,
    description: scenario.description,
    ...(scenario.era && scenario.era !== 'psync2' ? { era: scenario.era } : {}),
    engine: ENGINE_VERSION,
    seed,
    nodes,
    steps,
    outcome: { events: outcomes, line: outcomeLine(outcomes) },
    ok: steps.every(stepOk),
  };
}

/**
 * A step that did what it should, as a real run's trace counts it: every expectation passed and
 * no wait ran out of time (a wait's `ok`, a reconnect's `inSync`: `{ ok: false, waitedMs: 30000 }`
 * makes the run not ok).
 */
function stepOk(s: TraceStep): boolean {
  if (s.expectations?.some((e) => !e.pass)) return false;
  const r = s.result as { ok?: unknown; inSync?: unknown } | undefined;
  return r?.ok !== false && r?.inSync !== false;
}

/** `s3:B=CONTINUE s5:D=FULLRESYNC@1234 …` (ERROR entries left out, repeats folded). */
function outcomeLine(outcomes: OutcomeEvent[]): string {
  return outcomes
    .filter((e) => e.replica && e.result !== 'ERROR')
    .map((e) => `s${e.step}:${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`)
    .filter((x, i, a) => i === 0 || a[i - 1] !== x)
    .join(' ');
}
