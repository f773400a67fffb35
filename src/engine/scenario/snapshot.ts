// A node's snapshot in the trace format: INFO replication parsed, stats, ROLE, data, log.

import { replyToJson } from '../core/resp.ts';
import { unixMs } from '../server/emit.ts';
import { replicationFields, roleReply } from '../server/info.ts';
import type { Node, World } from '../server/world.ts';
import type { NodeSnapshot, ReplicationInfo, SlaveLine } from './types.ts';

const HIGHLIGHT =
  /Full resync|Partial resynchronization|partial resync|Successful partial|Starting BGSAVE|Replication backlog|backlog freed|Master replication ID changed|Setting secondary|MASTER aborted|Unable to AUTH|Unexpected reply|timedout|MASTER timeout|NOMASTERLINK|Finished with success|receiving|Waiting for end of BGSAVE|Connection with (master|replica)/;

export function parseSlaveLine(v: string): SlaveLine {
  const o: Record<string, string> = {};
  for (const kv of v.split(',')) {
    const [k, x] = kv.split('=');
    o[k] = x;
  }
  return { ip: o.ip, port: Number(o.port), state: o.state, offset: Number(o.offset), lag: Number(o.lag) };
}

export function replicationInfo(w: World, node: Node): ReplicationInfo {
  const r: ReplicationInfo = {};
  // 2.6's `slaveN:<ip>,<port>,<state>` (era.ts) has no keys to parse: it stays text.
  for (const [k, v] of replicationFields(w, node))
    r[k] = /^slave\d+$/.test(k) && String(v).includes('=') ? parseSlaveLine(String(v)) : v;
  return r;
}

export function snapshotNode(w: World, node: Node, logFrom: number): NodeSnapshot {
  if (node.state === 'down') return { state: 'down', port: node.port, log: node.log.slice(logFrom) };
  if (node.state === 'stopped') return { state: 'stopped', port: node.port, log: [] };
  const log = node.log.slice(logFrom);
  return {
    port: node.port,
    state: 'running',
    log,
    highlights: log.filter((l) => HIGHLIGHT.test(l)),
    replication: replicationInfo(w, node),
    stats: { ...node.stats },
    role: replyToJson(roleReply(node)) as unknown[],
    dbsize: node.keyspace.dbsize(0),
    // DEBUG DIGEST, as the real runner takes it before reading the data (every db, keys whose TTL
    // passed but are still stored included).
    digest: node.keyspace.digest(),
    // The real runner reads `data` with KEYS * at snapshot time, which skips keys whose TTL has
    // passed even when nobody deleted them yet (a master whose writes are paused does not expire
    // keys: probe r73, CLIENT PAUSE WRITE, real 7.0.15 left the expired key out while DBSIZE
    // still counted it).
    data: node.keyspace.dump(0, unixMs(w)) as NodeSnapshot['data'],
  };
}
