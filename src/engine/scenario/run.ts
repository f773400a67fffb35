// Run a scenario in the engine (virtual time) and write the trace of ../shared/spec/scenarios.md.
// The same scenario runs on real redis-server in tests/conformance; the two traces must agree.
import { type CallResult, type ClientCtx, call, newClient } from '../commands.ts';
import { MS, SEC } from '../emit.ts';
import { createNode, freeze, startNode, unfreeze } from '../lifecycle.ts';
import { cutConn } from '../net.ts';
import { type Argv, type Reply, replyToJson, respSize } from '../resp.ts';
import { createWorld, runUntil, runUntilCondition } from '../simulation.ts';
import type { Node, World } from '../world.ts';
import { matches, readPath } from './conditions.ts';
import { replicationInfo, snapshotNode } from './snapshot.ts';
import type { NodeSnapshot, OutcomeEvent, Scenario, Step, Trace, TraceStep } from './types.ts';
import { validateScenario } from './validate.ts';

export const ENGINE_VERSION = 'psync-lab-engine 0.1 (Redis 7.0.15 semantics)';

/** Base configuration of every scenario node (scenarios.md), before scenario and node config. */
export const BASE_CONFIG: Record<string, string> = {
  bind: '127.0.0.1',
  'protected-mode': 'yes',
  daemonize: 'no',
  save: '',
  appendonly: 'no',
  dbfilename: 'dump.rdb',
  loglevel: 'notice',
  'repl-ping-replica-period': '3600',
  'repl-diskless-sync-delay': '0',
  'enable-debug-command': 'local',
};

export const FIRST_PORT = 7101;
const DEFAULT_SETTLE_MS = 250;
/** Gap between two node starts at setup. */
export const START_STAGGER_MS = 30;
const DEFAULT_WAIT_MS = 30_000;

/** A running scenario: the world plus what the runner tracks between steps. */
export interface ScenarioRun {
  w: World;
  scenario: Scenario;
  /** The master each node is configured to follow (the `replicaof` it restarts with). */
  masterOf: Map<string, string | null>;
  clients: Map<string, ClientCtx>;
  logFrom: Map<string, number>;
  outcomes: OutcomeEvent[];
  stepIndex: number;
}

/** Start every node (setup replicas with a config-file replicaof) and wait until they are attached. */
export function setupScenario(scenario: Scenario, seed: number): ScenarioRun {
  const w = createWorld(seed);
  const run: ScenarioRun = {
    w,
    scenario,
    masterOf: new Map(),
    clients: new Map(),
    logFrom: new Map(),
    outcomes: [],
    stepIndex: 0,
  };
  let port = FIRST_PORT;
  for (const [name, def] of Object.entries(scenario.nodes)) {
    const cfg = new Map(
      Object.entries({ ...BASE_CONFIG, ...(scenario.config ?? {}), ...(def.config ?? {}) }),
    );
    createNode(w, name, port++, cfg);
    run.masterOf.set(name, def.replicaof ?? null);
  }
  // Processes start one after another (real runs: tens of ms apart), so their 1 Hz crons have
  // different phases: a replica's ACK then falls between two of its master's PINGs.
  let k = 0;
  for (const name of w.nodes.keys()) {
    runUntil(w, k++ * START_STAGGER_MS * MS);
    startNode(w, w.nodes.get(name)!, run.masterOf.get(name) ?? null);
  }
  const setupReplicas = [...w.nodes.values()].filter((n) => n.link);
  runUntilCondition(
    w,
    () => setupReplicas.every((n) => n.link?.state === 'REPL_STATE_CONNECTED'),
    w.now + DEFAULT_WAIT_MS * MS,
  );
  // Starting processes and attaching takes real Redis ~150 ms: the first cron ticks are behind us.
  runUntil(w, Math.max(w.now, 150 * MS));
  return run;
}

function clientOf(run: ScenarioRun, node: Node, db: number): ClientCtx {
  let c = run.clients.get(node.name);
  if (!c || c.desc.includes('gen-') === false) {
    // One persistent connection per node, like the real runner's client (WAIT counts its writes).
    c = c ?? newClient(run.w, node, db);
    run.clients.set(node.name, c);
  }
  c.db = db;
  return c;
}

/** Run one command to completion: a blocked call (WAIT, SHUTDOWN) lets virtual time pass. */
export function callToEnd(run: ScenarioRun, node: Node, c: ClientCtx, argv: Argv, limitMs = 60_000): Reply {
  const r: CallResult = call(run.w, node, c, argv);
  if ('reply' in r) return r.reply;
  const holder = r.pending;
  runUntilCondition(run.w, () => holder.reply !== null, run.w.now + limitMs * MS);
  return holder.reply ?? { t: 'error', v: 'ERR timeout' };
}

function expand(argv: Argv, i: number, valueSize: number | undefined): Argv {
  return argv.map((a) => a.replaceAll('{i}', String(i)).replaceAll('{val}', () => value(i, valueSize ?? 0)));
}

/** `{val}`: "v<i>-" padded with x to valueSize bytes (as the recorded traces have it). */
function value(i: number, size: number): string {
  const head = `v${i}-`;
  return head.length >= size ? head.slice(0, size) : head + 'x'.repeat(size - head.length);
}

function node(run: ScenarioRun, name: string): Node {
  return run.w.nodes.get(name)!;
}

/** wait-sync's condition: every running replica up, in sync, and acknowledged by its master. */
export function inSync(run: { w: World }, names?: string[]): boolean {
  const w = run.w;
  for (const n of w.nodes.values()) {
    if (names && !names.includes(n.name)) continue;
    if (n.state !== 'running' || !n.link) continue;
    const m = w.nodes.get(n.link.master);
    if (m?.state !== 'running') return false;
    if (n.link.state !== 'REPL_STATE_CONNECTED' || !n.master) return false;
    if (n.master.reploff !== m.masterReplOffset) return false;
    const s = m.slaves.find((x) => x.peer === n.name);
    if (s?.replstate !== 'online' || s.ackOff !== m.masterReplOffset) return false;
  }
  return true;
}

function infoField(run: ScenarioRun, n: Node, field: string): unknown {
  if (n.state !== 'running') return undefined;
  const r = replicationInfo(run.w, n) as Record<string, unknown>;
  if (field in r) return typeof r[field] === 'object' ? 'present' : r[field];
  const st = n.stats as unknown as Record<string, number>;
  if (field in st) return st[field];
  return undefined;
}

function settle(run: ScenarioRun, step: Step): void {
  runUntil(run.w, run.w.now + (step.settleMs ?? DEFAULT_SETTLE_MS) * MS);
}

/** Execute one scenario step; returns its `result`. */
export function runStep(run: ScenarioRun, step: Step): unknown {
  const w = run.w;
  switch (step.op) {
    case 'write': {
      const n = node(run, step.node);
      const c = clientOf(run, n, step.db ?? 0);
      const groups = step.cmds ?? [step.cmd!];
      const repeat = step.repeat ?? 1;
      const before = n.masterReplOffset;
      const deltas: number[] = [];
      const expected: number[] = [];
      const errors: { i: number; cmd: string; error: string }[] = [];
      let last: Reply | null = null;
      for (let i = 1; i <= repeat; i++) {
        const off = n.masterReplOffset;
        const replies: unknown[] = [];
        for (const g of groups) {
          const argv = expand(g, i, step.valueSize);
          last = callToEnd(run, n, c, argv);
          replies.push(replyToJson(last));
          if (last.t === 'error') errors.push({ i, cmd: argv[0], error: last.v });
          // A client round trip between commands: ~20 µs on loopback.
          runUntil(w, w.now + 20);
        }
        deltas.push(n.masterReplOffset - off);
        expected.push(groups.reduce((a, g) => a + respSize(expand(g, i, step.valueSize)), 0));
        if (i === repeat && groups.length > 1) last = { t: 'array', v: null };
        if (i === repeat && groups.length > 1) (last as unknown as { json: unknown }).json = replies;
      }
      const result: Record<string, unknown> = { count: repeat };
      if (errors.length) result.errors = errors;
      if (repeat <= 20) {
        result.deltas = deltas;
        result.expectedCmdBytes = expected;
      }
      result.offsetBefore = before;
      if (repeat === 1 && last)
        result.reply = groups.length > 1 ? (last as unknown as { json: unknown }).json : replyToJson(last);
      result.offsetAfter = n.masterReplOffset;
      result.totalDelta = n.masterReplOffset - before;
      return result;
    }
    case 'cmd': {
      const n = node(run, step.node);
      const c = clientOf(run, n, 0);
      const replies = step.cmds.map((a) => replyToJson(callToEnd(run, n, c, a)));
      settle(run, step);
      return { replies };
    }
    case 'replicaof': {
      const n = node(run, step.node);
      const target = step.master === null ? null : node(run, step.master);
      const argv = target ? ['REPLICAOF', '127.0.0.1', String(target.port)] : ['REPLICAOF', 'NO', 'ONE'];
      const r = callToEnd(run, n, clientOf(run, n, 0), argv);
      run.masterOf.set(n.name, step.master);
      settle(run, step);
      return { reply: replyToJson(r) };
    }
    case 'config': {
      const n = node(run, step.node);
      const r = callToEnd(run, n, clientOf(run, n, 0), ['CONFIG', 'SET', step.key, step.value]);
      settle(run, step);
      return { reply: replyToJson(r) };
    }
    case 'disconnect-link': {
      const n = node(run, step.replica);
      const master = n.link ? node(run, n.link.master) : null;
      const method = step.method ?? 'proxy';
      if (method === 'client-kill') {
        const r = callToEnd(run, n, clientOf(run, n, 0), ['CLIENT', 'KILL', 'TYPE', 'master']);
        settle(run, step);
        return { method, replica: n.name, master: master?.name, killReply: replyToJson(r) };
      }
      if (method === 'sigstop-kill') {
        freeze(w, n);
        if (master) {
          const s = master.slaves.find((x) => x.peer === n.name);
          if (s) {
            const conn = w.conns.get(s.conn);
            if (conn) cutConn(w, conn);
          }
        }
      } else {
        w.cuts.add(n.name);
        if (n.link?.conn != null) {
          const conn = w.conns.get(n.link.conn);
          if (conn) cutConn(w, conn);
        }
      }
      const dropped = runUntilCondition(
        w,
        () => !master?.slaves.some((s) => s.peer === n.name),
        w.now + 10 * SEC,
      );
      if (method === 'sigstop-kill') unfreeze(w, n);
      settle(run, step);
      return { method, replica: n.name, master: master?.name, masterDroppedReplica: dropped };
    }
    case 'reconnect-link': {
      const n = node(run, step.replica);
      w.cuts.delete(n.name);
      let ok = true;
      if (step.wait !== false)
        ok = runUntilCondition(w, () => inSync(run, [n.name]), w.now + DEFAULT_WAIT_MS * MS);
      settle(run, step);
      return { replica: n.name, method: 'proxy-heal', inSync: ok };
    }
    case 'stop':
      freeze(w, node(run, step.node));
      settle(run, step);
      return { stopped: step.node };
    case 'cont':
      unfreeze(w, node(run, step.node));
      settle(run, step);
      return { continued: step.node };
    case 'shutdown': {
      const r = shutdownNode(run, step.node, step.save ?? false, step.deleteRdb ?? false);
      settle(run, step);
      return r;
    }
    case 'start': {
      const n = node(run, step.node);
      const m = step.asReplicaOf !== undefined ? step.asReplicaOf : (run.masterOf.get(n.name) ?? null);
      run.masterOf.set(n.name, m);
      run.clients.delete(n.name);
      startNode(w, n, m);
      settle(run, step);
      return { started: n.name, asReplicaOf: m };
    }
    case 'restart': {
      shutdownNode(run, step.node, step.save ?? false, step.deleteRdb ?? false);
      runUntil(w, w.now + (step.downMs ?? 0) * MS);
      const n = node(run, step.node);
      const m = step.asReplicaOf !== undefined ? step.asReplicaOf : (run.masterOf.get(n.name) ?? null);
      run.masterOf.set(n.name, m);
      run.clients.delete(n.name);
      startNode(w, n, m);
      settle(run, step);
      return { restarted: n.name };
    }
    case 'wait-sync': {
      const t0 = w.now;
      const ok = runUntilCondition(
        w,
        () => inSync(run, step.nodes),
        w.now + (step.timeoutMs ?? DEFAULT_WAIT_MS) * MS,
      );
      return { ok, waitedMs: Math.round((w.now - t0) / MS), nodes: step.nodes ?? [...w.nodes.keys()] };
    }
    case 'wait': {
      const n = node(run, step.node);
      const t0 = w.now;
      const ok = runUntilCondition(
        w,
        () => Object.entries(step.until).every(([f, cond]) => matches(infoField(run, n, f), cond)),
        w.now + (step.timeoutMs ?? DEFAULT_WAIT_MS) * MS,
      );
      return { ok, waitedMs: Math.round((w.now - t0) / MS) };
    }
    case 'wait-log': {
      const n = node(run, step.node);
      const re = new RegExp(step.match);
      const from = run.logFrom.get(n.name) ?? 0;
      const t0 = w.now;
      const ok = runUntilCondition(
        w,
        () => n.log.slice(from).some((l) => re.test(l)),
        w.now + (step.timeoutMs ?? DEFAULT_WAIT_MS) * MS,
      );
      return { ok, waitedMs: Math.round((w.now - t0) / MS) };
    }
    case 'sleep':
      runUntil(w, w.now + step.ms * MS);
      return { sleptMs: step.ms };
    case 'snapshot':
      return { label: step.label ?? null };
  }
}

function shutdownNode(run: ScenarioRun, name: string, save: boolean, deleteRdb: boolean): unknown {
  const n = node(run, name);
  if (n.state === 'stopped') unfreeze(run.w, n);
  if (n.state !== 'running') return { reply: 'not running' };
  const r = callToEnd(run, n, clientOf(run, n, 0), ['SHUTDOWN', save ? 'SAVE' : 'NOSAVE']);
  if (deleteRdb) n.disk = null;
  return { reply: replyToJson(r), deletedRdb: deleteRdb };
}

/** Snapshot every node, collecting log lines since the previous snapshot. */
export function snapshotAll(run: ScenarioRun): Record<string, NodeSnapshot> {
  const out: Record<string, NodeSnapshot> = {};
  for (const n of run.w.nodes.values()) {
    const from = Math.min(run.logFrom.get(n.name) ?? 0, n.log.length);
    out[n.name] = snapshotNode(run.w, n, from);
    run.logFrom.set(n.name, n.log.length);
  }
  return out;
}

/** Scenario → trace, deterministically from `seed`. */
export function runScenario(input: Scenario | unknown, opts: { seed?: number } = {}): Trace {
  const scenario = validateScenario(input);
  const seed = opts.seed ?? 1;
  const run = setupScenario(scenario, seed);
  const steps: TraceStep[] = [];
  const collect = (i: number, op: string) => {
    for (const ev of run.w.events) {
      if (ev.type === 'psync.result')
        run.outcomes.push({
          step: i,
          op,
          replica: ev.replica,
          result: ev.result,
          ...(ev.result === 'FULLRESYNC' ? { offset: ev.offset } : {}),
        });
    }
    run.w.events = [];
  };
  collect(0, 'setup');
  steps.push({ i: 0, op: 'setup', atMs: Math.round(run.w.now / MS), snapshot: snapshotAll(run) });
  scenario.steps.forEach((step, k) => {
    const i = k + 1;
    run.stepIndex = i;
    const atMs = Math.round(run.w.now / MS);
    const result = runStep(run, step);
    collect(i, step.op);
    const snapshot = snapshotAll(run);
    const ts: TraceStep = { i, ...step, atMs, result, snapshot };
    if (step.expect) {
      ts.expectations = Object.entries(step.expect).map(([path, cond]) => {
        const actual = readPath(snapshot as unknown as Record<string, unknown>, path);
        return { path, expected: cond, actual, pass: matches(actual, cond) };
      });
    }
    steps.push(ts);
  });
  const nodes: Trace['nodes'] = {};
  for (const n of run.w.nodes.values())
    nodes[n.name] = { port: n.port, config: Object.fromEntries(n.startConfig) };
  const line = run.outcomes
    .filter((e) => e.replica && e.result !== 'ERROR')
    .map((e) => `s${e.step}:${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`)
    .filter((x, i, a) => i === 0 || a[i - 1] !== x)
    .join(' ');
  return {
    scenario: scenario.name,
    description: scenario.description,
    engine: ENGINE_VERSION,
    seed,
    nodes,
    steps,
    outcome: { events: run.outcomes, line },
    ok: true,
  };
}
