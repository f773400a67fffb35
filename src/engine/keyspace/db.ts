// One logical database: key → value, key → absolute expire time (unix ms), and the owner token
// for copy-on-write.
//
// Copy-on-write: clone() copies the two Maps (100k keys ≈ a few ms) but shares every aggregate.
// Both the original and the clone then get a fresh owner token, so neither owns the shared
// containers any more and each copies a container the first time it mutates it (mutable()).
// Strings are immutable JS strings and are simply shared.
import { type Aggregate, copyAggregate, type Owner, type Value } from './values.ts';

export class Db {
  data = new Map<string, Value>();
  /** Absolute unix ms. Redis: a key is expired when now > when (checkAlreadyExpired uses <=). */
  expires = new Map<string, number>();
  owner: Owner = {};

  clone(): Db {
    const c = new Db();
    c.data = new Map(this.data);
    c.expires = new Map(this.expires);
    this.owner = {};
    return c;
  }

  /** The aggregate stored at key, copied first if another Db may still see it. */
  mutable<T extends Aggregate>(key: string, v: T): T {
    if (v.owner === this.owner) return v;
    const mine = copyAggregate(v, this.owner) as T;
    this.data.set(key, mine);
    return mine;
  }

  /** dbDelete: the key and its TTL. */
  delete(key: string): boolean {
    this.persist(key);
    return this.data.delete(key);
  }

  clear(): void {
    this.data = new Map();
    this.expires = new Map();
  }

  /**
   * Drop key's TTL. Most databases have no TTL at all: the size test spares the hash lookup (a SET
   * on a master with 3 replicas made 4 of them).
   */
  persist(key: string): boolean {
    return this.expires.size !== 0 && this.expires.delete(key);
  }

  isExpired(key: string, nowMs: number): boolean {
    if (this.expires.size === 0) return false;
    const when = this.expires.get(key);
    return when !== undefined && nowMs > when;
  }
}
