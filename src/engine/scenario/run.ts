// Run a scenario in the engine (virtual time) and write the trace of ../shared/spec/scenarios.md.
// The same scenario runs on real redis-server in tests/conformance; the two traces must agree.
import { type CallResult, type ClientCtx, call, newClient } from '../commands.ts';
import { cfgInt } from '../config.ts';
import { MS, SEC } from '../emit.ts';
import { infoFieldValue } from '../info.ts';
import { createNode, freeze, startNode, unfreeze } from '../lifecycle.ts';
import { dropReplicaClient } from '../master.ts';
import { cutConn } from '../net.ts';
import { type Argv, type Reply, replyToJson, respSize } from '../resp.ts';
import { createWorld, runUntil, runUntilCondition } from '../simulation.ts';
import type { Node, World } from '../world.ts';
import { matches, readPath } from './conditions.ts';
import { replicationInfo, snapshotNode } from './snapshot.ts';
import {
  type NodeSnapshot,
  type OutcomeEvent,
  SCENARIO_BASE_CONFIG,
  type Scenario,
  type Step,
  type Trace,
  type TraceStep,
} from './types.ts';
import { ScenarioError, validateScenario } from './validate.ts';

export const ENGINE_VERSION = 'psync-lab-engine 0.1 (Redis 7.0.15 semantics)';

/** Base configuration of every scenario node (scenarios.md), before scenario and node config. */
export const BASE_CONFIG: Readonly<Record<string, string>> = SCENARIO_BASE_CONFIG;

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
  /** Replicas frozen by a sigstop-kill cut, continued by reconnect-link. */
  frozenCut: Set<string>;
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
    frozenCut: new Set(),
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
  // Processes start one after another, masters before their replicas (a chained replica once
  // its master's own link is up), each replica's first PSYNC answered before the next process
  // starts — as the real runner does. The gaps also give the nodes' 1 Hz crons different phases,
  // so a replica's ACK falls between two of its master's PINGs (scenario p).
  for (const name of startOrder(scenario)) {
    const master = run.masterOf.get(name) ?? null;
    const upstream = master ? w.nodes.get(master)! : null;
    if (upstream?.link)
      runUntilCondition(
        w,
        () => upstream.link?.state === 'REPL_STATE_CONNECTED',
        w.now + DEFAULT_WAIT_MS * MS,
      );
    runUntil(w, w.now + START_STAGGER_MS * MS);
    const n = w.nodes.get(name)!;
    const from = n.log.length;
    startNode(w, n, master);
    if (master) runUntilCondition(w, () => psyncAnswered(n.log, from), w.now + DEFAULT_WAIT_MS * MS);
  }
  // Starting and attaching takes real Redis ~150 ms or more: the first cron ticks are behind us.
  runUntil(w, Math.max(w.now, 150 * MS));
  return run;
}

/** Masters before their replicas, otherwise in declaration order. */
export function startOrder(s: Scenario): string[] {
  const names = Object.keys(s.nodes);
  const done: string[] = [];
  while (done.length < names.length) {
    const next = names.find(
      (n) => !done.includes(n) && (!s.nodes[n].replicaof || done.includes(s.nodes[n].replicaof!)),
    );
    if (!next) throw new ScenarioError(`ERR scenario ${s.name}: replicaof cycle`);
    done.push(next);
  }
  return done;
}

const ANSWERED =
  /Full resync from master|Successful partial resynchronization|unable to PSYNC|Unexpected reply to PSYNC|does not support PSYNC/;

function psyncAnswered(log: string[], from: number): boolean {
  for (let i = from; i < log.length; i++) if (ANSWERED.test(log[i])) return true;
  return false;
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

const ATTACH_TIMEOUT_MS = 5000;

/** A replica's connection attempt got its PSYNC answered. */
const ATTEMPT_OK = /Full resync from master|Successful partial resynchronization/;
/** A failed attempt (the next one comes on a later replicationCron tick, or at once after an error). */
const ATTEMPT_FAILED =
  /MASTER aborted replication|Unable to AUTH to MASTER|Master is currently unable to PSYNC|Error reply to PING from master|Unexpected reply to PSYNC|Timeout connecting to the MASTER/;
/** The TCP connect was refused: nothing listens there (a cut link, a master that is down). */
const REFUSED = /Error condition on socket for SYNC|Unable to connect to MASTER/;

/**
 * Until `replica` concluded a connection attempt after log index `from`: 'success' = a PSYNC
 * answer, 'answered' = also a failed handshake, 'any' = also a refused connect. The real runner
 * waits the same way, so an outcome lands in the same step in both traces.
 */
function waitAttempt(
  run: ScenarioRun,
  replica: string,
  from: number,
  end: 'success' | 'answered' | 'any',
  timeoutMs: number,
): boolean {
  const n = node(run, replica);
  const res = [ATTEMPT_OK];
  if (end !== 'success') res.push(ATTEMPT_FAILED);
  if (end === 'any') res.push(REFUSED);
  return runUntilCondition(run.w, () => logMatch(n.log, from, res), run.w.now + timeoutMs * MS);
}

/** Wait for the replica's next failed attempt, so what follows lands right after it. */
function alignToFailedAttempt(run: ScenarioRun, replica: string): boolean {
  const n = node(run, replica);
  const from = n.log.length;
  return runUntilCondition(
    run.w,
    () => logMatch(n.log, from, [ATTEMPT_FAILED, REFUSED]),
    run.w.now + 2500 * MS,
  );
}

function logMatch(log: string[], from: number, res: RegExp[]): boolean {
  for (let i = from; i < log.length; i++) for (const re of res) if (re.test(log[i])) return true;
  return false;
}

function logMarks(run: ScenarioRun): Map<string, number> {
  return new Map([...run.w.nodes.values()].map((n) => [n.name, n.log.length]));
}

/** A replica whose master is up and whose link is not cut: it will (re)connect by itself. */
function reachable(run: ScenarioRun, name: string): boolean {
  const n = node(run, name);
  const m = run.masterOf.get(name);
  return (
    n.state === 'running' &&
    !!m &&
    node(run, m).state === 'running' &&
    !run.w.cuts.has(name) &&
    !run.frozenCut.has(name)
  );
}

function replicasOf(run: ScenarioRun, master: string): string[] {
  return [...run.w.nodes.keys()].filter((x) => run.masterOf.get(x) === master && reachable(run, x));
}

function syncDelayMs(run: ScenarioRun, master: string): number {
  return 1000 * cfgInt(node(run, master).config, 'repl-diskless-sync-delay');
}

/**
 * Start a node again (same dir, port) and wait until its own connection attempt and those of
 * its replicas (which retry once a second while it was down) concluded.
 */
function startWithWaits(
  run: ScenarioRun,
  name: string,
  asReplicaOf: string | null | undefined,
): Record<string, unknown> {
  const n = node(run, name);
  const m = asReplicaOf !== undefined ? asReplicaOf : (run.masterOf.get(name) ?? null);
  run.masterOf.set(name, m);
  run.clients.delete(name);
  const own = n.log.length;
  startNode(run.w, n, m);
  const from = logMarks(run);
  if (m && reachable(run, name))
    waitAttempt(run, name, own, 'answered', ATTACH_TIMEOUT_MS + syncDelayMs(run, m));
  for (const r of replicasOf(run, name))
    waitAttempt(run, r, from.get(r)!, 'success', ATTACH_TIMEOUT_MS + syncDelayMs(run, name));
  return { startedAs: m ? `replica of ${m}` : 'master' };
}

/** Until every replica of `name` with its link up has read up to `offset` (at most 2 s). */
function streamed(run: ScenarioRun, name: string, offset: number): void {
  const rs = replicasOf(run, name).map((x) => node(run, x));
  runUntilCondition(
    run.w,
    () =>
      // Link up (even if the stream only starts at its next ACK) and read offset behind: wait.
      rs.every((r) => r.link?.state !== 'REPL_STATE_CONNECTED' || (r.master?.readReploff ?? 0) >= offset),
    run.w.now + 2000 * MS,
  );
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

export function infoField(run: { w: World }, n: Node, field: string): unknown {
  if (n.state !== 'running') return undefined;
  const r = replicationInfo(run.w, n) as Record<string, unknown>;
  if (field in r) return typeof r[field] === 'object' ? 'present' : r[field];
  const st = n.stats as unknown as Record<string, number>;
  if (field in st) return st[field];
  return infoFieldValue(run.w, n, field);
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
      // When the backlog now holds more than its size, unsent bytes of a replica pin blocks: the
      // snapshot waits until every streaming replica has read everything (trimming then follows).
      if (n.backlog && n.backlog.histlen > cfgInt(n.config, 'repl-backlog-size'))
        streamed(run, n.name, n.masterReplOffset);
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
      const c = clientOf(run, n, 0);
      if (step.master === null) {
        const from = logMarks(run);
        const r = callToEnd(run, n, c, ['REPLICAOF', 'NO', 'ONE']);
        run.masterOf.set(n.name, null);
        // Its own replicas are dropped and come back at once with a PSYNC.
        for (const x of replicasOf(run, n.name))
          waitAttempt(run, x, from.get(x)!, 'success', ATTACH_TIMEOUT_MS);
        settle(run, step);
        return { reply: replyToJson(r) };
      }
      const target = node(run, step.master);
      const from = n.log.length;
      const r = callToEnd(run, n, c, ['REPLICAOF', '127.0.0.1', String(target.port)]);
      run.masterOf.set(n.name, step.master);
      const already = r.t === 'simple' && r.v.includes('Already connected');
      if (!already && r.t !== 'error') {
        // A master that delays a diskless BGSAVE answers when it starts: wait until it lists us.
        if (syncDelayMs(run, step.master) > 0) {
          const mm = target;
          runUntilCondition(
            w,
            () =>
              mm.slaves.some((s) => s.peer === n.name) ||
              logMatch(n.log, from, [ATTEMPT_FAILED, REFUSED, ATTEMPT_OK]),
            w.now + ATTACH_TIMEOUT_MS * MS,
          );
        } else waitAttempt(run, n.name, from, 'any', ATTACH_TIMEOUT_MS);
      }
      settle(run, step);
      return { reply: replyToJson(r), target: { host: '127.0.0.1', port: target.port } };
    }
    case 'config': {
      const n = node(run, step.node);
      // A retrying replica gets its new credentials right after a failed attempt, so its next try
      // (and the outcome) falls in the next step on every run.
      if (
        (step.key === 'masterauth' || step.key === 'masteruser') &&
        reachable(run, n.name) &&
        n.link?.state !== 'REPL_STATE_CONNECTED'
      )
        alignToFailedAttempt(run, n.name);
      const r = callToEnd(run, n, clientOf(run, n, 0), ['CONFIG', 'SET', step.key, step.value]);
      settle(run, step);
      return { reply: replyToJson(r) };
    }
    case 'disconnect-link': {
      const n = node(run, step.replica);
      const master = n.link ? node(run, n.link.master) : null;
      const method = step.method ?? 'proxy';
      if (!master) return { method, replica: n.name, error: 'not a replica' };
      if (method === 'client-kill') {
        const from = n.log.length;
        const r = callToEnd(run, n, clientOf(run, n, 0), ['CLIENT', 'KILL', 'TYPE', 'master']);
        if (reachable(run, n.name)) waitAttempt(run, n.name, from, 'answered', ATTACH_TIMEOUT_MS);
        settle(run, step);
        return { method, replica: n.name, master: master.name, killReply: replyToJson(r) };
      }
      if (method === 'sigstop-kill') {
        // Freeze the replica, then the master kills its side of the link (CLIENT KILL ADDR): the
        // replica stays frozen, its link cut, until reconnect-link continues it.
        freeze(w, n);
        run.frozenCut.add(n.name);
        const s = master.slaves.find((x) => x.peer === n.name);
        if (s) dropReplicaClient(w, master, s, '');
      } else {
        w.cuts.add(n.name);
        if (n.link?.conn != null) {
          const conn = w.conns.get(n.link.conn);
          if (conn) cutConn(w, conn);
        }
      }
      const dropped = runUntilCondition(
        w,
        () => !master.slaves.some((s) => s.peer === n.name),
        w.now + 10 * SEC,
      );
      settle(run, step);
      return { method, replica: n.name, master: master.name, masterDroppedReplica: dropped };
    }
    case 'reconnect-link': {
      const n = node(run, step.replica);
      const wait = step.wait !== false;
      let method = 'none';
      if (run.frozenCut.has(n.name)) {
        method = 'sigcont';
        run.frozenCut.delete(n.name);
        unfreeze(w, n);
      } else if (w.cuts.has(n.name)) {
        method = 'proxy-heal';
        if (!wait) alignToFailedAttempt(run, n.name);
        w.cuts.delete(n.name);
      }
      let ok = true;
      if (wait) ok = runUntilCondition(w, () => inSync(run, [n.name]), w.now + DEFAULT_WAIT_MS * MS);
      settle(run, step);
      return { replica: n.name, method, ...(wait ? { inSync: ok } : {}) };
    }
    case 'stop': {
      // A replica is frozen only once its stream has started (after a diskless sync that is its
      // first periodic ACK), so it never misses bytes it was already counted as ready for.
      const n = node(run, step.node);
      const m = n.link ? w.nodes.get(n.link.master) : undefined;
      if (m && reachable(run, n.name))
        runUntilCondition(
          w,
          () => !m.slaves.some((s) => s.peer === n.name && (s.replstate !== 'online' || s.startStreamOnAck)),
          w.now + 5 * SEC,
        );
      freeze(w, n);
      settle(run, step);
      return { stopped: step.node };
    }
    case 'cont':
      run.frozenCut.delete(step.node);
      unfreeze(w, node(run, step.node));
      settle(run, step);
      return { continued: step.node };
    case 'shutdown': {
      const r = shutdownNode(run, step.node, step.save ?? false, step.deleteRdb ?? false);
      settle(run, step);
      return r;
    }
    case 'start': {
      const r = startWithWaits(run, step.node, step.asReplicaOf);
      settle(run, step);
      return r;
    }
    case 'restart': {
      const down = shutdownNode(run, step.node, step.save ?? false, step.deleteRdb ?? false);
      runUntil(w, w.now + ((step.downMs ?? 0) + START_STAGGER_MS) * MS); // + spawning the process
      const up = startWithWaits(run, step.node, step.asReplicaOf);
      settle(run, step);
      return { ...(down as object), downMs: step.downMs ?? 0, ...up };
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
  // Within a step, outcomes are listed node by node in declaration order (as the real runner
  // reads them from each node's log after the step), each node's in time order.
  const order = Object.keys(scenario.nodes);
  const collect = (i: number, op: string) => {
    const got: OutcomeEvent[] = [];
    for (const ev of run.w.events) {
      if (ev.type === 'psync.result')
        got.push({
          step: i,
          op,
          replica: ev.replica,
          result: ev.result,
          ...(ev.result === 'FULLRESYNC' ? { offset: ev.offset } : {}),
        });
    }
    got.sort((a, b) => order.indexOf(a.replica!) - order.indexOf(b.replica!));
    run.outcomes.push(...got);
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
