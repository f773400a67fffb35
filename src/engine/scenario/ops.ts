// The scenario ops: one table, one short function per op, used by the engine runner (traces,
// compared with real Redis) and by the lab (the page plays a scenario as these ops' inputs).
// An op acts only through lab inputs (`ctx.input`), which the context records with their time:
// a scenario played here is a run record { seed, setup, inputs } that replays exactly, so the
// page and the trace cannot tell different stories. Ops wait where the real runner waits
// (contract.ts, tests/conformance/README.md "What a real run does").

import { cfgInt } from '../core/config.ts';
import { type Argv, type Reply, replyToJson, respSize } from '../core/resp.ts';
import type { Lab, LabInput } from '../lab/lab.ts';
import { START_STAGGER_MS } from '../lab/start.ts';
import { ATTEMPT_FAILED, ATTEMPT_OK, REFUSED } from '../replication/attempts.ts';
import type { CallResult } from '../server/commands.ts';
import { MS, SEC } from '../server/emit.ts';
import { linkCut } from '../server/net.ts';
import { runUntil, runUntilCondition } from '../server/simulation.ts';
import type { Node } from '../server/world.ts';
import { matches } from './conditions.ts';
import {
  ATTACH_TIMEOUT_MS,
  DEFAULT_SETTLE_MS,
  DEFAULT_TIMEOUT_MS,
  expandArgv,
  POLL_SNAPSHOT_MS,
  settles,
} from './contract.ts';
import type { Step } from './types.ts';
import {
  alignToFailedAttempt,
  infoField,
  inSync,
  logMarks,
  logMatch,
  reachable,
  replicasOf,
  streamed,
  syncDelayMs,
  waitAttempt,
} from './waits.ts';

/** A scenario being played: the lab, where `wait-log` starts reading, and the input recorder. */
export interface OpCtx {
  lab: Lab;
  /** Each node's log length at the end of the previous step (wait-log reads from there). */
  logFrom: Map<string, number>;
  /** Apply an input now and record it; returns what applyInput returns, or the refusal. */
  input(i: LabInput): CallResult | { refused: string } | undefined;
}

type StepOf<K extends Step['op']> = Extract<Step, { op: K }>;
type Op<K extends Step['op']> = (ctx: OpCtx, step: StepOf<K>) => Record<string, unknown>;

const node = (ctx: OpCtx, name: string): Node => ctx.lab.w.nodes.get(name)!;
const ms = (ctx: OpCtx, t: number) => ctx.lab.w.now + t * MS;

/** A command on the node's console connection, to completion: a blocked reply (WAIT) lets time pass. */
function command(ctx: OpCtx, name: string, argv: Argv, limitMs = 60_000, db?: number): Reply {
  const r = ctx.input(
    db === undefined ? { type: 'command', node: name, argv } : { type: 'command', node: name, argv, db },
  );
  return replyOf(ctx, r, limitMs);
}

function replyOf(ctx: OpCtx, r: ReturnType<OpCtx['input']>, limitMs: number): Reply {
  if (!r) return { t: 'simple', v: 'OK' };
  if ('refused' in r) return { t: 'error', v: r.refused };
  if ('reply' in r) return r.reply;
  const holder = r.pending;
  runUntilCondition(ctx.lab.w, () => holder.reply !== null, ms(ctx, limitMs));
  return holder.reply ?? { t: 'error', v: 'ERR timeout' };
}

const write: Op<'write'> = (ctx, step) => {
  const w = ctx.lab.w;
  const n = node(ctx, step.node);
  const db = step.db ?? 0;
  const groups = step.cmds ?? [step.cmd!];
  const repeat = step.repeat ?? 1;
  const before = n.masterReplOffset;
  const deltas: number[] = [];
  const expected: number[] = [];
  const errors: { i: number; cmd: string; error: string }[] = [];
  const replies: unknown[] = [];
  // The runner's persistent connection for `db` (db 0's is the console's, which `cmd` uses too):
  // a SELECT in a write moves that connection only, for good (probe p19: after a MULTI with
  // SELECT 2 on db 0's connection and a write in db 5, real 7.0.15's FLUSHDB on db 0's emptied db 2).
  const via = db === 0 ? undefined : db;
  for (let i = 1; i <= repeat; i++) {
    const off = n.masterReplOffset;
    replies.length = 0;
    for (const g of groups) {
      const argv = expandArgv(g, i, step.valueSize);
      const r = command(ctx, step.node, argv, undefined, via);
      replies.push(replyToJson(r));
      if (r.t === 'error') errors.push({ i, cmd: argv[0], error: r.v });
      runUntil(w, w.now + 20); // a client round trip between commands: ~20 µs on loopback
    }
    deltas.push(n.masterReplOffset - off);
    expected.push(groups.reduce((a, g) => a + respSize(expandArgv(g, i, step.valueSize)), 0));
  }
  const result: Record<string, unknown> = { count: repeat };
  if (errors.length) result.errors = errors;
  if (repeat <= 20) Object.assign(result, { deltas, expectedCmdBytes: expected });
  result.offsetBefore = before;
  if (repeat === 1) result.reply = groups.length > 1 ? [...replies] : replies[0];
  result.offsetAfter = n.masterReplOffset;
  result.totalDelta = n.masterReplOffset - before;
  // Past repl-backlog-size, a replica's unsent bytes pin blocks: wait until linked replicas read all.
  if (n.backlog && n.backlog.histlen > cfgInt(n.config, 'repl-backlog-size'))
    streamed(ctx.lab, n.name, n.masterReplOffset);
  return result;
};

const cmd: Op<'cmd'> = (ctx, step) => ({
  replies: step.cmds.map((argv) => replyToJson(command(ctx, step.node, argv))),
});

const replicaof: Op<'replicaof'> = (ctx, step) => {
  const { lab } = ctx;
  const n = node(ctx, step.node);
  if (step.master === null) {
    const from = logMarks(lab.w);
    const r = command(ctx, n.name, ['REPLICAOF', 'NO', 'ONE']);
    // Its own replicas are dropped and come back at once with a PSYNC.
    for (const x of replicasOf(lab, n.name)) waitAttempt(lab, x, from.get(x)!, 'success', ATTACH_TIMEOUT_MS);
    return { reply: replyToJson(r) };
  }
  const target = node(ctx, step.master);
  const from = n.log.length;
  const r = command(ctx, n.name, ['REPLICAOF', '127.0.0.1', String(target.port)]);
  const already = r.t === 'simple' && r.v.includes('Already connected');
  if (!already && r.t !== 'error') {
    if (syncDelayMs(lab, step.master) > 0)
      // A master that delays a diskless BGSAVE answers when it starts: wait until it lists us.
      runUntilCondition(
        lab.w,
        () =>
          target.slaves.some((s) => s.peer === n.name) ||
          logMatch(n.log, from, [ATTEMPT_FAILED, REFUSED, ATTEMPT_OK]),
        ms(ctx, ATTACH_TIMEOUT_MS),
      );
    else waitAttempt(lab, n.name, from, 'any', ATTACH_TIMEOUT_MS);
  }
  return { reply: replyToJson(r), target: { host: '127.0.0.1', port: target.port } };
};

const config: Op<'config'> = (ctx, step) => {
  const n = node(ctx, step.node);
  // A retrying replica gets new credentials right after a failed attempt, so its next try (and
  // the outcome) falls in the next step on every run.
  const credentials = step.key === 'masterauth' || step.key === 'masteruser';
  if (credentials && reachable(ctx.lab, n.name) && n.link?.state !== 'REPL_STATE_CONNECTED')
    alignToFailedAttempt(ctx.lab, n.name);
  return { reply: replyToJson(command(ctx, n.name, ['CONFIG', 'SET', step.key, step.value])) };
};

const disconnectLink: Op<'disconnect-link'> = (ctx, step) => {
  const n = node(ctx, step.replica);
  const master = n.link ? node(ctx, n.link.master) : undefined;
  const method = step.method ?? 'proxy';
  if (!master) return { method, replica: n.name, error: 'not a replica' };
  if (method === 'client-kill') {
    const from = n.log.length;
    const r = command(ctx, n.name, ['CLIENT', 'KILL', 'TYPE', 'master']);
    if (reachable(ctx.lab, n.name)) waitAttempt(ctx.lab, n.name, from, 'answered', ATTACH_TIMEOUT_MS);
    return { method, replica: n.name, master: master.name, killReply: replyToJson(r) };
  }
  ctx.input({ type: 'cut', replica: n.name, method });
  const dropped = runUntilCondition(
    ctx.lab.w,
    () => !master.slaves.some((s) => s.peer === n.name),
    ctx.lab.w.now + 10 * SEC,
  );
  return { method, replica: n.name, master: master.name, masterDroppedReplica: dropped };
};

const reconnectLink: Op<'reconnect-link'> = (ctx, step) => {
  const { lab } = ctx;
  const n = node(ctx, step.replica);
  const wait = step.wait !== false;
  const method = lab.frozenCut.has(n.name)
    ? 'sigcont'
    : linkCut(lab.w, n.name, n.link?.master)
      ? 'proxy-heal'
      : 'none';
  if (method === 'proxy-heal' && !wait) alignToFailedAttempt(lab, n.name);
  if (method !== 'none') ctx.input({ type: 'heal', replica: n.name });
  if (!wait) return { replica: n.name, method };
  const ok = runUntilCondition(lab.w, () => inSync(lab, [n.name]), ms(ctx, DEFAULT_TIMEOUT_MS['wait-sync']));
  return { replica: n.name, method, inSync: ok };
};

/**
 * A replica is frozen only once its stream has started (after a diskless sync that is its first
 * periodic ACK), so it never misses bytes it was already counted as ready for.
 */
const stop: Op<'stop'> = (ctx, step) => {
  const n = node(ctx, step.node);
  const m = n.link ? ctx.lab.w.nodes.get(n.link.master) : undefined;
  if (m && reachable(ctx.lab, n.name))
    runUntilCondition(
      ctx.lab.w,
      () => !m.slaves.some((s) => s.peer === n.name && (s.replstate !== 'online' || s.startStreamOnAck)),
      ctx.lab.w.now + 5 * SEC,
    );
  ctx.input({ type: 'freeze', node: n.name });
  return { stopped: step.node };
};

const cont: Op<'cont'> = (ctx, step) => {
  ctx.input({ type: 'unfreeze', node: step.node });
  return { continued: step.node };
};

/** SHUTDOWN SAVE|NOSAVE (a frozen node is continued first), waiting for its reply; then maybe rm dump.rdb. */
function shutdownNode(ctx: OpCtx, name: string, save: boolean, deleteRdb: boolean): Record<string, unknown> {
  const n = node(ctx, name);
  if (n.state === 'stopped') ctx.input({ type: 'unfreeze', node: name });
  if (n.state !== 'running') return { reply: 'not running' };
  const r = replyOf(ctx, ctx.input({ type: 'shutdown', node: name, save }), 60_000);
  if (deleteRdb) ctx.input({ type: 'delete-rdb', node: name });
  return { reply: replyToJson(r), deletedRdb: deleteRdb };
}

/**
 * Start a node again (same dir, port) and wait until its own connection attempt and those of its
 * replicas (which retry once a second while it was down) concluded.
 */
function startWithWaits(ctx: OpCtx, name: string, asReplicaOf: string | null | undefined) {
  const { lab } = ctx;
  const n = node(ctx, name);
  const own = n.log.length;
  const r = ctx.input({ type: 'start', node: name, ...(asReplicaOf !== undefined ? { asReplicaOf } : {}) });
  // Starting a node that runs is refused, as the real runner refuses it ("B is already running").
  if (r && 'refused' in r) return { error: r.refused };
  const m = lab.masterOf.get(name) ?? null;
  const from = logMarks(lab.w);
  if (m && reachable(lab, name))
    waitAttempt(lab, name, own, 'answered', ATTACH_TIMEOUT_MS + syncDelayMs(lab, m));
  for (const r of replicasOf(lab, name))
    waitAttempt(lab, r, from.get(r)!, 'success', ATTACH_TIMEOUT_MS + syncDelayMs(lab, name));
  return { startedAs: m ? `replica of ${m}` : 'master' };
}

const restart: Op<'restart'> = (ctx, step) => {
  const down = shutdownNode(ctx, step.node, step.save ?? false, step.deleteRdb ?? false);
  const w = ctx.lab.w;
  runUntil(w, w.now + ((step.downMs ?? 0) + START_STAGGER_MS) * MS); // + spawning the process
  return { ...down, downMs: step.downMs ?? 0, ...startWithWaits(ctx, step.node, step.asReplicaOf) };
};

/**
 * Run until `cond` or the step's timeout; the result every waiting op reports. A polling wait
 * then lets POLL_SNAPSHOT_MS pass, as the real runner's poll and snapshot do.
 */
function waitFor(ctx: OpCtx, cond: () => boolean, timeoutMs: number, polled = false) {
  const w = ctx.lab.w;
  const t0 = w.now;
  const ok = runUntilCondition(w, cond, ms(ctx, timeoutMs));
  const waitedMs = Math.round((w.now - t0) / MS);
  if (ok && polled) runUntil(w, w.now + POLL_SNAPSHOT_MS * MS);
  return { ok, waitedMs };
}

const OPS: { [K in Step['op']]: Op<K> } = {
  write,
  cmd,
  replicaof,
  config,
  'disconnect-link': disconnectLink,
  'reconnect-link': reconnectLink,
  stop,
  cont,
  shutdown: (ctx, s) => shutdownNode(ctx, s.node, s.save ?? false, s.deleteRdb ?? false),
  start: (ctx, s) => startWithWaits(ctx, s.node, s.asReplicaOf),
  restart,
  'wait-sync': (ctx, s) => ({
    ...waitFor(ctx, () => inSync(ctx.lab, s.nodes), s.timeoutMs ?? DEFAULT_TIMEOUT_MS['wait-sync']),
    nodes: s.nodes ?? [...ctx.lab.w.nodes.keys()],
  }),
  wait: (ctx, s) => {
    const n = node(ctx, s.node);
    const holds = () => Object.entries(s.until).every(([f, c]) => matches(infoField(ctx.lab, n, f), c));
    return waitFor(ctx, holds, s.timeoutMs ?? DEFAULT_TIMEOUT_MS.wait, true);
  },
  'wait-log': (ctx, s) => {
    const n = node(ctx, s.node);
    const re = new RegExp(s.match);
    const from = ctx.logFrom.get(n.name) ?? 0;
    return waitFor(
      ctx,
      () => logMatch(n.log, from, [re]),
      s.timeoutMs ?? DEFAULT_TIMEOUT_MS['wait-log'],
      true,
    );
  },
  sleep: (ctx, s) => {
    runUntil(ctx.lab.w, ms(ctx, s.ms));
    return { sleptMs: s.ms };
  },
  snapshot: (_ctx, s) => ({ label: s.label ?? null }),
};

/** Execute one scenario step (and its settle time); returns its `result`. */
export function runStep(ctx: OpCtx, step: Step): Record<string, unknown> {
  const result = (OPS[step.op] as Op<Step['op']>)(ctx, step);
  if (settles(step)) runUntil(ctx.lab.w, ms(ctx, step.settleMs ?? DEFAULT_SETTLE_MS));
  return result;
}
