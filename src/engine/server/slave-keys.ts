// A writable replica's own TTLs (expire.c rememberSlaveKeyWithExpire / expireSlaveKeys). A replica
// never expires keys by itself — it waits for its master's DEL — except keys that got their TTL
// from one of its own clients (replica-read-only no): it remembers them (name → bitmap of dbs) and
// serverCron deletes those whose TTL has passed, without propagating anything (probe r81, real
// 7.0.15: `SET local v PX 200` on a writable replica, 2.5 s later DBSIZE 2, not 3). A remembered
// key found without a TTL (the master overwrote it, PERSIST) is forgotten.
import type { Node } from './world.ts';

/** After a client's command on a replica: keys of db `db` it changed that now have a TTL. */
export function rememberSlaveKeysWithExpire(node: Node, db: number, changed: readonly string[]): void {
  const expires = node.keyspace.dbs[db].expires;
  if (expires.size === 0) return;
  for (const key of changed) {
    if (expires.has(key))
      node.slaveKeysWithExpire.set(key, (node.slaveKeysWithExpire.get(key) ?? 0) | (1 << db));
  }
}

/** serverCron on a replica: delete remembered keys whose TTL passed; returns them per db. */
export function expireSlaveKeys(node: Node, nowMs: number): { db: number; key: string }[] {
  const gone: { db: number; key: string }[] = [];
  for (const [key, dbids] of node.slaveKeysWithExpire) {
    let keep = 0;
    for (let db = 0; db < node.keyspace.dbs.length; db++) {
      if ((dbids & (1 << db)) === 0) continue;
      const d = node.keyspace.dbs[db];
      if (!d.expires.has(key)) continue;
      if (d.isExpired(key, nowMs)) {
        d.delete(key);
        gone.push({ db, key });
      } else keep |= 1 << db;
    }
    if (keep) node.slaveKeysWithExpire.set(key, keep);
    else node.slaveKeysWithExpire.delete(key);
  }
  return gone;
}
