// A step's snapshot of every node, in two phases so the replication figures of all nodes are read
// as close together as possible: (1) INFO replication + stats + ROLE of every running node at
// once, (2) dbsize, digest, data and the log lines since the previous snapshot.
import type { NodeSnapshot, ReplicationInfo } from '../../../src/engine/scenario/types.ts';
import type { Cluster, NodeRt } from './cluster.ts';
import { parseInfoSection, pickStats } from './info.ts';
import { logView } from './logs.ts';
import { isErrorReply, type Reply } from './resp.ts';

export interface NodeState {
  replication?: ReplicationInfo;
  stats?: NodeSnapshot['stats'];
  role?: unknown[];
}

/** Phase 1: the replication state of every running node. */
export async function collectState(cluster: Cluster): Promise<Record<string, NodeState>> {
  const out: Record<string, NodeState> = {};
  await Promise.all(
    cluster.order.map(async (name) => {
      if (cluster.node(name).state !== 'running') return;
      try {
        const c = await cluster.control(name);
        const [repl, stats, role] = await c.pipeline([['INFO', 'replication'], ['INFO', 'stats'], ['ROLE']]);
        out[name] = {
          replication: typeof repl === 'string' ? (parseInfoSection(repl) as ReplicationInfo) : undefined,
          stats: typeof stats === 'string' ? pickStats(parseInfoSection(stats)) : undefined,
          role: Array.isArray(role) ? role : undefined,
        };
      } catch {
        out[name] = {};
      }
    }),
  );
  return out;
}

function sortedObject(pairs: Reply[]): Record<string, Reply> {
  const entries: [string, Reply][] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) entries.push([String(pairs[i]), pairs[i + 1]]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

const VALUE_CMD: Record<string, (k: string) => string[]> = {
  string: (k) => ['GET', k],
  list: (k) => ['LRANGE', k, '0', '-1'],
  set: (k) => ['SMEMBERS', k],
  hash: (k) => ['HGETALL', k],
  zset: (k) => ['ZRANGE', k, '0', '-1', 'WITHSCORES'],
  stream: (k) => ['XRANGE', k, '-', '+'],
};

/**
 * Every key of db 0, sorted: strings as text, lists as arrays, sets sorted, hashes as objects
 * sorted by field, sorted sets as [member, score, …] (score as a number; ±inf as text), streams
 * as XRANGE.
 */
async function collectData(cluster: Cluster, name: string): Promise<Partial<NodeSnapshot>> {
  const c = await cluster.control(name);
  const [dbsize, digest, keysReply] = await c.pipeline([['DBSIZE'], ['DEBUG', 'DIGEST'], ['KEYS', '*']]);
  const out: Partial<NodeSnapshot> & { digest?: string } = {};
  if (typeof dbsize === 'number') out.dbsize = dbsize;
  if (typeof digest === 'string') out.digest = digest;
  if (!Array.isArray(keysReply)) return out;
  const keys = (keysReply as string[]).slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const types = await c.pipeline(keys.map((k) => ['TYPE', k]));
  const cmds = keys.map((k, i) => (VALUE_CMD[String(types[i])] ?? ((x: string) => ['TYPE', x]))(k));
  const values = keys.length ? await c.pipeline(cmds) : [];
  const data: Record<string, { type: string; value: unknown }> = {};
  keys.forEach((k, i) => {
    const type = String(types[i]);
    let value: unknown = isErrorReply(values[i]) ? null : values[i];
    if (type === 'set' && Array.isArray(value)) value = [...(value as string[])].sort();
    else if (type === 'hash' && Array.isArray(value)) value = sortedObject(value);
    else if (type === 'zset' && Array.isArray(value))
      value = value.map((x, j) => (j % 2 === 1 && Number.isFinite(Number(x)) ? Number(x) : x));
    else if (type === 'none') return; // expired between KEYS and TYPE
    data[k] = { type, value };
  });
  out.data = data;
  return out;
}

/** Phase 2 and assembly. Consumes the log lines since the previous snapshot (returned uncapped). */
export async function assembleSnapshot(
  cluster: Cluster,
  state: Record<string, NodeState>,
): Promise<{ snapshot: Record<string, NodeSnapshot>; lines: Record<string, string[]> }> {
  const snapshot: Record<string, NodeSnapshot> = {};
  const lines: Record<string, string[]> = {};
  const data: Record<string, Partial<NodeSnapshot>> = {};
  await Promise.all(
    cluster.order.map(async (name) => {
      if (cluster.node(name).state !== 'running') return;
      data[name] = await collectData(cluster, name).catch(() => ({}));
    }),
  );
  for (const name of cluster.order) {
    const n: NodeRt = cluster.node(name);
    const fresh = n.log.since(n.snapCursor);
    n.snapCursor += fresh.length;
    lines[name] = fresh;
    const s: NodeSnapshot = { port: n.port, state: n.state, ...logView(fresh) };
    if (n.state === 'running') Object.assign(s, state[name] ?? {}, data[name] ?? {});
    snapshot[name] = s;
  }
  return { snapshot, lines };
}
