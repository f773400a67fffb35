// SREM, HDEL, ZREM share Redis's shape: count the named members that are there (each once),
// remove them, delete the key once it is empty, propagate as typed only when something went.
import { int, type Reply } from '../core/resp.ts';
import type { Call } from './call.ts';
import type { HashValue, SetValue, ZsetValue } from './values.ts';

type Collection = SetValue | HashValue | ZsetValue;

function entries(v: Collection): Set<string> | Map<string, unknown> {
  return v.type === 'set' ? v.members : v.type === 'hash' ? v.fields : v.scores;
}

export function removeMembers(c: Call, type: Collection['type']): Reply {
  const key = c.argv[1];
  const found = c.writeAs(key, type) as Collection | undefined;
  if (!found) return int(0);
  const names = new Set(c.argv.slice(2).filter((m) => entries(found).has(m)));
  if (names.size === 0) return int(0);
  const v = c.mutable(key, found);
  const coll = entries(v);
  for (const m of names) coll.delete(m);
  if (v.type === 'zset') v.sorted = null;
  c.deleteIfEmpty(key, coll.size);
  c.propagateAsIs();
  return int(names.size);
}
