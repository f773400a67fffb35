// One function per scenario op, run against live processes. Each returns the step's `result`
// (shapes as in the recorded traces) and whether the op did what it should (`ok`: a wait that
// timed out, a command the harness could not send… make the run not ok).
//
// Where Redis's own timers would otherwise decide in which step an outcome shows up, the op waits
// for the replica's connection attempt to conclude (replicaof, start, restart, client-kill) or
// lines up with the replica's retry timer (reconnect-link with wait:false, masterauth changes):
// see waits.ts. That keeps two runs of the same scenario identical.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACH_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, expandArgv } from '../../../src/engine/scenario/contract.ts';
import type { Step } from '../../../src/engine/scenario/types.ts';
import type { Cluster } from './cluster.ts';
import { slaveLines } from './info.ts';
import { isErrorReply, type Reply, respSize } from './resp.ts';
import {
  alignToFailedAttempt,
  followRoles,
  linkAddress,
  pollUntil,
  sleep,
  streamNotStarted,
  syncProblem,
  waitAttempt,
  waitInfo,
  waitLogLine,
  waitSync,
} from './waits.ts';

export interface OpResult {
  result: Record<string, unknown>;
  ok: boolean;
}

type StepOf<K extends Step['op']> = Extract<Step, { op: K }>;

const DEFAULT_WAIT_SYNC_MS = DEFAULT_TIMEOUT_MS['wait-sync'];

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function offsetOf(cluster: Cluster, node: string): Promise<number> {
  return Number((await cluster.info(node)).master_repl_offset);
}

/** The diskless-sync delay of a master (a full sync answers only after it). */
function syncDelayMs(cluster: Cluster, master: string | null): number {
  if (!master) return 0;
  return 1000 * Number(cluster.node(master).runtime['repl-diskless-sync-delay'] ?? 0);
}

async function write(cluster: Cluster, step: StepOf<'write'>): Promise<OpResult> {
  const count = step.repeat ?? 1;
  const measure = step.measure !== false;
  const groups = step.cmds ?? (step.cmd ? [step.cmd] : []);
  const c = await cluster.writer(step.node, step.db ?? 0);
  const offsetBefore = await offsetOf(cluster, step.node);
  const deltas: number[] = [];
  const expected: number[] = [];
  const errors: { i: number; cmd: string; error: string }[] = [];
  let lastReply: Reply = null;
  let prev = offsetBefore;
  const batch: string[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const replies = await c.pipeline(batch.splice(0));
    replies.forEach((r, j) => {
      if (isErrorReply(r)) errors.push({ i: j + 1, cmd: '?', error: r.error });
    });
  };
  for (let i = 1; i <= count; i++) {
    const argvs = groups.map((g) => expandArgv(g, i, step.valueSize));
    if (!measure) {
      batch.push(...argvs);
      if (batch.length >= 500) await flush();
      continue;
    }
    const replies = await c.pipeline(argvs);
    replies.forEach((r, j) => {
      if (isErrorReply(r)) errors.push({ i, cmd: argvs[j][0], error: r.error });
    });
    lastReply = replies.length === 1 ? replies[0] : replies;
    const now = await offsetOf(cluster, step.node);
    deltas.push(now - prev);
    expected.push(argvs.reduce((s, a) => s + respSize(a), 0));
    prev = now;
  }
  await flush();
  const after = await cluster.info(step.node);
  const offsetAfter = Number(after.master_repl_offset);
  if (Number(after.repl_backlog_histlen) > Number(after.repl_backlog_size))
    await streamed(cluster, step.node, offsetAfter);
  const result: Record<string, unknown> = { count };
  if (errors.length) result.errors = errors.slice(0, 20);
  if (count <= 5 || !measure) {
    result.deltas = deltas;
    result.expectedCmdBytes = expected;
    result.offsetBefore = offsetBefore;
    if (count === 1 && measure) result.reply = lastReply;
    result.offsetAfter = offsetAfter;
    result.totalDelta = offsetAfter - offsetBefore;
  } else {
    const uniq = (a: number[]) => [...new Set(a)].sort((x, y) => x - y);
    Object.assign(result, {
      offsetBefore,
      offsetAfter,
      totalDelta: offsetAfter - offsetBefore,
      deltasSummary: {
        first: deltas[0],
        restUnique: uniq(deltas.slice(1)),
        expectedFirst: expected[0],
        expectedRestUnique: uniq(expected.slice(1)),
      },
    });
  }
  return { result, ok: true };
}

/**
 * After writes that took the backlog past repl-backlog-size: until every streaming replica of
 * `node` (link up, not frozen, not cut) has read the stream up to `offset`. Until then the
 * backlog blocks are pinned by the replica's unsent output and cannot be trimmed, so the master's
 * backlog figures in the step's snapshot would depend on how fast the replica got CPU time.
 * Replicas in a full sync are not waited for. (Below the size nothing is trimmed: no wait.)
 */
async function streamed(cluster: Cluster, node: string, offset: number): Promise<void> {
  const replicas = cluster.order.filter((x) => cluster.node(x).master === node && reachable(cluster, x));
  if (!replicas.length) return;
  await pollUntil(
    async () => {
      const infos = await cluster.infos(replicas);
      for (const r of replicas) {
        const i = infos[r];
        if (i?.master_link_status === 'up' && Number(i.slave_read_repl_offset) < offset) return `${r} behind`;
      }
      return null;
    },
    2000,
    5,
  );
}

async function cmd(cluster: Cluster, step: StepOf<'cmd'>): Promise<OpResult> {
  const c = await cluster.writer(step.node, 0);
  const replies: Reply[] = [];
  for (const argv of step.cmds) replies.push(await c.call(...argv));
  // a password set through CONFIG SET here must be used by the harness's own clients too
  step.cmds.forEach((argv, i) => {
    if (
      argv[0]?.toUpperCase() === 'CONFIG' &&
      argv[2]?.toLowerCase() === 'requirepass' &&
      replies[i] === 'OK'
    )
      cluster.node(step.node).password = argv[3] || undefined;
  });
  return { result: { replies }, ok: true };
}

async function replicaof(cluster: Cluster, step: StepOf<'replicaof'>): Promise<OpResult> {
  const n = cluster.node(step.node);
  const c = await cluster.control(step.node);
  if (step.master === null) {
    const from = new Map(cluster.order.map((x) => [x, cluster.node(x).log.poll()]));
    const reply = await c.call('REPLICAOF', 'NO', 'ONE');
    n.master = null;
    // its own replicas are dropped and come back at once with a PSYNC
    for (const r of cluster.order.filter(
      (x) => cluster.node(x).master === step.node && reachable(cluster, x),
    ))
      await waitAttempt(cluster, r, from.get(r)!, 'success', ATTACH_TIMEOUT_MS);
    return { result: { reply }, ok: !isErrorReply(reply) };
  }
  const addr = await cluster.masterAddress(step.node, step.master);
  const from = n.log.poll();
  const reply = await c.call('REPLICAOF', '127.0.0.1', String(addr.port));
  const already = typeof reply === 'string' && reply.includes('Already connected');
  n.master = step.master;
  if (!already && !isErrorReply(reply))
    await waitAttempt(cluster, step.node, from, 'any', ATTACH_TIMEOUT_MS + syncDelayMs(cluster, step.master));
  return {
    result: { reply, target: { host: '127.0.0.1', port: addr.port, proxied: addr.proxied } },
    ok: !isErrorReply(reply),
  };
}

/** A replica whose master is up and whose link is not cut: it will (re)connect by itself. */
function reachable(cluster: Cluster, replica: string): boolean {
  const n = cluster.node(replica);
  return (
    n.state === 'running' &&
    n.master !== null &&
    cluster.node(n.master).state === 'running' &&
    !cluster.linkCut(replica)
  );
}

async function config(cluster: Cluster, step: StepOf<'config'>): Promise<OpResult> {
  const n = cluster.node(step.node);
  if ((step.key === 'masterauth' || step.key === 'masteruser') && n.master && reachable(cluster, step.node)) {
    const r = (await cluster.infos([step.node]))[step.node];
    if (r && r.master_link_status !== 'up') await alignToFailedAttempt(cluster, step.node);
  }
  const reply = await (await cluster.control(step.node)).call('CONFIG', 'SET', step.key, step.value);
  if (reply === 'OK') {
    n.runtime[step.key] = step.value;
    if (step.key === 'requirepass') n.password = step.value || undefined;
  }
  return { result: { reply }, ok: !isErrorReply(reply) };
}

async function waitMasterDropped(cluster: Cluster, replica: string, master: string) {
  const listed = cluster.announced(replica).isListed;
  return pollUntil(async () => {
    const info = (await cluster.infos([master]))[master];
    if (!info) return null;
    return slaveLines(info).some(listed) ? 'still listed' : null;
  }, 10_000);
}

async function disconnectLink(cluster: Cluster, step: StepOf<'disconnect-link'>): Promise<OpResult> {
  const method = step.method ?? 'proxy';
  const n = cluster.node(step.replica);
  const master = n.master;
  if (!master) return { result: { method, replica: step.replica, error: 'not a replica' }, ok: false };
  if (method === 'client-kill') {
    const from = n.log.poll();
    const killReply = await (await cluster.control(step.replica)).call('CLIENT', 'KILL', 'TYPE', 'master');
    if (reachable(cluster, step.replica))
      await waitAttempt(cluster, step.replica, from, 'answered', ATTACH_TIMEOUT_MS);
    return { result: { method, replica: step.replica, master, killReply }, ok: !isErrorReply(killReply) };
  }
  if (method === 'sigstop-kill') {
    const addr = await linkAddress(cluster, step.replica);
    cluster.signal(step.replica, 'SIGSTOP');
    n.frozenCut = true;
    const killReply = addr
      ? await (await cluster.control(master)).call('CLIENT', 'KILL', 'ADDR', addr)
      : null;
    const w = await waitMasterDropped(cluster, step.replica, master);
    return {
      result: {
        method,
        replica: step.replica,
        master,
        killReply,
        masterDroppedReplica: w.ok,
        waitedMs: w.waitedMs,
      },
      ok: w.ok,
    };
  }
  const proxy = cluster.currentProxy(step.replica);
  if (!proxy) return { result: { method, replica: step.replica, error: 'link is not proxied' }, ok: false };
  await proxy.cut();
  const w = await waitMasterDropped(cluster, step.replica, master);
  return {
    result: { method, replica: step.replica, master, masterDroppedReplica: w.ok, waitedMs: w.waitedMs },
    ok: w.ok,
  };
}

async function reconnectLink(cluster: Cluster, step: StepOf<'reconnect-link'>): Promise<OpResult> {
  const n = cluster.node(step.replica);
  const wait = step.wait !== false;
  let method = 'none';
  if (n.frozenCut) {
    method = 'sigcont';
    n.frozenCut = false;
    cluster.signal(step.replica, 'SIGCONT');
  } else {
    const proxy = cluster.currentProxy(step.replica);
    if (proxy?.isCut) {
      method = 'proxy-heal';
      if (!wait) await alignToFailedAttempt(cluster, step.replica);
      await proxy.heal();
    }
  }
  if (!wait) return { result: { replica: step.replica, method }, ok: true };
  const w = await waitSync(cluster, [step.replica], DEFAULT_WAIT_SYNC_MS);
  return {
    result: {
      replica: step.replica,
      method,
      inSync: w.ok,
      waitedMs: w.waitedMs,
      ...(w.ok ? {} : { why: w.why }),
    },
    ok: w.ok,
  };
}

async function shutdown(
  cluster: Cluster,
  node: string,
  save: boolean | undefined,
  deleteRdb: boolean | undefined,
): Promise<OpResult> {
  const n = cluster.node(node);
  const proc = n.proc;
  if (!proc || n.state !== 'running') return { result: { error: `${node} is ${n.state}` }, ok: false };
  // It restarts with the master it follows now (a FAILOVER may have changed it), as the engine does.
  followRoles(cluster, await cluster.infos([node]));
  let reply: Reply = 'connection closed';
  try {
    reply = await (await cluster.control(node)).call('SHUTDOWN', save ? 'SAVE' : 'NOSAVE');
  } catch {
    // the expected way: the connection closes
  }
  if (isErrorReply(reply)) return { result: { reply }, ok: false };
  const timer = setTimeout(() => proc.signal('SIGKILL'), 30_000);
  const exit = await proc.exited;
  clearTimeout(timer);
  cluster.markDown(node);
  const result: Record<string, unknown> = { reply, exit };
  if (deleteRdb) {
    rmSync(join(n.dir, 'dump.rdb'), { force: true });
    result.deletedRdb = true;
  }
  result.filesAfter = cluster.files(node);
  return { result, ok: exit.code === 0 };
}

/**
 * Starts the node again (same dir and port) and waits until its connection attempt and those of
 * its own replicas (which retry once a second while it is down) concluded.
 */
async function start(
  cluster: Cluster,
  node: string,
  asReplicaOf: string | null | undefined,
): Promise<OpResult> {
  const n = cluster.node(node);
  const replicaOf = asReplicaOf === undefined ? n.master : asReplicaOf;
  const filesBefore = cluster.files(node);
  const mine = cluster.order.filter((x) => cluster.node(x).master === node);
  const ownFrom = n.log.poll();
  const proc = await cluster.start(node, replicaOf);
  const from = new Map(cluster.order.map((x) => [x, cluster.node(x).log.poll()]));
  const waits: Promise<unknown>[] = [];
  if (replicaOf && reachable(cluster, node))
    waits.push(
      waitAttempt(cluster, node, ownFrom, 'answered', ATTACH_TIMEOUT_MS + syncDelayMs(cluster, replicaOf)),
    );
  for (const r of mine)
    if (reachable(cluster, r))
      waits.push(
        waitAttempt(cluster, r, from.get(r)!, 'success', ATTACH_TIMEOUT_MS + syncDelayMs(cluster, node)),
      );
  await Promise.all(waits);
  return {
    result: { startedAs: replicaOf ? `replica of ${replicaOf}` : 'master', filesBefore, pid: proc.pid },
    ok: true,
  };
}

export async function execStep(cluster: Cluster, step: Step): Promise<OpResult> {
  try {
    switch (step.op) {
      case 'write':
        return await write(cluster, step);
      case 'cmd':
        return await cmd(cluster, step);
      case 'replicaof':
        return await replicaof(cluster, step);
      case 'config':
        return await config(cluster, step);
      case 'disconnect-link':
        return await disconnectLink(cluster, step);
      case 'reconnect-link':
        return await reconnectLink(cluster, step);
      case 'stop':
        await pollUntil(async () => streamNotStarted(cluster, [step.node]), 2000);
        cluster.signal(step.node, 'SIGSTOP');
        return { result: { stopped: step.node }, ok: true };
      case 'cont':
        cluster.node(step.node).frozenCut = false;
        cluster.signal(step.node, 'SIGCONT');
        return { result: { continued: step.node }, ok: true };
      case 'shutdown':
        return await shutdown(cluster, step.node, step.save, step.deleteRdb);
      case 'start':
        return await start(cluster, step.node, step.asReplicaOf);
      case 'restart': {
        const down = await shutdown(cluster, step.node, step.save, step.deleteRdb);
        if (!down.ok) return down;
        await sleep(step.downMs ?? 0);
        const up = await start(cluster, step.node, step.asReplicaOf);
        return { result: { ...down.result, downMs: step.downMs ?? 0, ...up.result }, ok: up.ok };
      }
      case 'wait-sync': {
        const nodes = step.nodes ?? cluster.order;
        const w = await waitSync(cluster, nodes, step.timeoutMs ?? DEFAULT_WAIT_SYNC_MS);
        return {
          result: { ok: w.ok, waitedMs: w.waitedMs, nodes, ...(w.ok ? {} : { why: w.why }) },
          ok: w.ok,
        };
      }
      case 'wait': {
        const w = await waitInfo(
          cluster,
          step.node,
          step.section ?? 'replication',
          step.until,
          step.timeoutMs ?? DEFAULT_TIMEOUT_MS.wait,
        );
        return { result: { ok: w.ok, waitedMs: w.waitedMs, ...(w.ok ? {} : { why: w.why }) }, ok: w.ok };
      }
      case 'wait-log': {
        const n = cluster.node(step.node);
        const w = await waitLogLine(
          cluster,
          step.node,
          new RegExp(step.match),
          n.snapCursor,
          step.timeoutMs ?? DEFAULT_TIMEOUT_MS['wait-log'],
        );
        return { result: w, ok: w.ok };
      }
      case 'sleep':
        await sleep(step.ms);
        return { result: { sleptMs: step.ms }, ok: true };
      case 'snapshot':
        return { result: { label: step.label ?? null }, ok: true };
      default:
        return { result: { error: `unknown op ${(step as { op: string }).op}` }, ok: false };
    }
  } catch (e) {
    return { result: { error: errText(e) }, ok: false };
  }
}

export { syncProblem };
