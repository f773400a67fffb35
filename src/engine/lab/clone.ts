// A deep copy of plain engine data (a Lab and its World): what a timeline checkpoint holds.
// The World is plain data by contract (architecture.md rule 2): objects, arrays, Maps, Sets,
// class instances without closures (Scheduler), and keyspaces, which copy themselves (COW Maps).
// Shared references stay shared in the copy (two chained nodes' backlogs share stream entries);
// frozen objects are immutable (the backlog's stream entries), so the copy shares them with the
// original — most of a checkpoint's bytes would otherwise be stream entries. A function anywhere
// is a contract break: it throws, naming the property it was found under.
import { Keyspace } from '../keyspace/index.ts';

export function cloneData<T>(v: T): T {
  return copy(v, new Map(), 'root') as T;
}

function copy(v: unknown, seen: Map<object, unknown>, key: string): unknown {
  if (typeof v === 'function')
    throw new Error(`cloneData: a function under '${key}': the World must be plain data`);
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  const hit = seen.get(v);
  if (hit !== undefined) return hit;
  if (v instanceof Keyspace) {
    const k = v.clone();
    seen.set(v, k);
    return k;
  }
  if (Array.isArray(v)) {
    const a: unknown[] = new Array(v.length);
    seen.set(v, a);
    for (let i = 0; i < v.length; i++) a[i] = copy(v[i], seen, key);
    return a;
  }
  if (v instanceof Map) {
    const m = new Map();
    seen.set(v, m);
    for (const [k, x] of v) m.set(k, copy(x, seen, key));
    return m;
  }
  if (v instanceof Set) {
    const s = new Set();
    seen.set(v, s);
    for (const x of v) s.add(copy(x, seen, key));
    return s;
  }
  if (ArrayBuffer.isView(v)) {
    const b = (v as unknown as Uint8Array).slice();
    seen.set(v, b);
    return b;
  }
  const o = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
  seen.set(v, o);
  for (const k of Object.keys(v)) o[k] = copy((v as Record<string, unknown>)[k], seen, k);
  return o;
}
