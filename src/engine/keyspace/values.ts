// The five value types and their Redis 7.0 encodings. Strings are immutable JS strings stored
// as-is; aggregates are mutable containers stamped with the owner token of the Db that may mutate
// them in place (copy-on-write after clone(): see db.ts).
//
// The encoding fields follow 7.0's conversion rules (defaults: set-max-intset-entries 512,
// hash-max-listpack-entries 512 (not the 128 of redis.conf) / -value 64, zset-max-listpack-entries 128 / -value 64). They
// decide SMEMBERS order (an intset is sorted by value) and the RDB size estimate; like Redis, a
// container never converts back to the compact encoding once it has grown out of it.

export type KeyType = 'string' | 'list' | 'set' | 'hash' | 'zset';

/** Identity token of the Db allowed to mutate a container in place. */
export type Owner = object;

export interface ListValue {
  type: 'list';
  owner: Owner;
  items: string[];
}

export interface SetValue {
  type: 'set';
  owner: Owner;
  /** Insertion order; an intset is reported sorted by value. */
  members: Set<string>;
  enc: 'intset' | 'hashtable';
}

export interface HashValue {
  type: 'hash';
  owner: Owner;
  /** Insertion order, as a listpack keeps it (an update keeps the field's place). */
  fields: Map<string, string>;
  enc: 'listpack' | 'hashtable';
}

export interface ZsetValue {
  type: 'zset';
  owner: Owner;
  scores: Map<string, number>;
  enc: 'listpack' | 'skiplist';
  /** (score, member bytes) order, rebuilt lazily after a change. */
  sorted: [string, number][] | null;
}

export type Aggregate = ListValue | SetValue | HashValue | ZsetValue;
export type Value = string | Aggregate;

export const LIMITS = {
  setMaxIntsetEntries: 512,
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
} as const;

export function typeOf(v: Value): KeyType {
  return typeof v === 'string' ? 'string' : v.type;
}

/** A private copy of an aggregate for `owner` (the copy-on-write step). */
export function copyAggregate(v: Aggregate, owner: Owner): Aggregate {
  switch (v.type) {
    case 'list':
      return { type: 'list', owner, items: v.items.slice() };
    case 'set':
      return { type: 'set', owner, members: new Set(v.members), enc: v.enc };
    case 'hash':
      return { type: 'hash', owner, fields: new Map(v.fields), enc: v.enc };
    case 'zset':
      return { type: 'zset', owner, scores: new Map(v.scores), enc: v.enc, sorted: v.sorted };
  }
}
