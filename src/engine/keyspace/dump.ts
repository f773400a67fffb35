// The keyspace as the scenario traces record it (`data`), and the per-key view for the UI.
// Trace format (../spec/scenarios.md): every key in byte order (= Python's sorted() on str, code
// point order), strings as text, lists as arrays, sets sorted, hashes as objects sorted by field,
// sorted sets as [member, score, …] in ZRANGE order with scores as JSON numbers (±inf, which JSON
// cannot hold, as the strings "inf"/"-inf"). Keys whose TTL has passed are left out.
import { utf8Length } from '../core/resp.ts';
import { compareBytes } from './bytes.ts';
import type { Db } from './db.ts';
import { type KeyType, typeOf, type Value } from './values.ts';
import { zsetEntries } from './zsets.ts';

export interface DumpedKey {
  type: KeyType;
  value: string | string[] | Record<string, string> | (string | number)[];
}

export interface KeyInfo {
  key: string;
  type: KeyType;
  /** Absolute unix ms, or null without TTL. */
  expiresAt: number | null;
  /** Elements for aggregates, UTF-8 bytes for strings. */
  size: number;
}

function liveKeys(db: Db, nowMs: number): string[] {
  const out: string[] = [];
  for (const key of db.data.keys()) if (!db.isExpired(key, nowMs)) out.push(key);
  return out.sort(compareBytes);
}

export function dumpValue(v: Value): DumpedKey {
  if (typeof v === 'string') return { type: 'string', value: v };
  switch (v.type) {
    case 'list':
      return { type: 'list', value: v.items.slice() };
    case 'set':
      return { type: 'set', value: [...v.members].sort(compareBytes) };
    case 'hash': {
      const obj: Record<string, string> = {};
      for (const f of [...v.fields.keys()].sort(compareBytes)) obj[f] = v.fields.get(f)!;
      return { type: 'hash', value: obj };
    }
    case 'zset': {
      const flat: (string | number)[] = [];
      for (const [m, s] of zsetEntries(v)) flat.push(m, Number.isFinite(s) ? s : s > 0 ? 'inf' : '-inf');
      return { type: 'zset', value: flat };
    }
  }
}

export function dumpDb(db: Db, nowMs: number): Record<string, DumpedKey> {
  const out: Record<string, DumpedKey> = {};
  for (const key of liveKeys(db, nowMs)) out[key] = dumpValue(db.data.get(key)!);
  return out;
}

function sizeOf(v: Value): number {
  if (typeof v === 'string') return utf8Length(v);
  switch (v.type) {
    case 'list':
      return v.items.length;
    case 'set':
      return v.members.size;
    case 'hash':
      return v.fields.size;
    case 'zset':
      return v.scores.size;
  }
}

export function keyInfos(db: Db, nowMs: number): KeyInfo[] {
  return liveKeys(db, nowMs).map((key) => {
    const v = db.data.get(key)!;
    return { key, type: typeOf(v), expiresAt: db.expires.get(key) ?? null, size: sizeOf(v) };
  });
}
