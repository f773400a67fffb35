// Which keys come due first: a binary min-heap of (when, db, key) for active expiry.
//
// Entries are never updated in place: setting a new TTL pushes a new entry and the old one goes
// stale; popDue() skips an entry whose key no longer has exactly that expire time. Ties are broken
// by db then key bytes, so two runs with the same history delete keys in the same order.
// When stale entries outnumber live TTLs the owner rebuilds the heap (compact()).
import { compareBytes } from './bytes.ts';

export interface Due {
  when: number;
  db: number;
  key: string;
}

function less(a: Due, b: Due): boolean {
  if (a.when !== b.when) return a.when < b.when;
  if (a.db !== b.db) return a.db < b.db;
  return compareBytes(a.key, b.key) < 0;
}

export class ExpiryIndex {
  private heap: Due[] = [];

  get size(): number {
    return this.heap.length;
  }

  clone(): ExpiryIndex {
    const c = new ExpiryIndex();
    c.heap = this.heap.slice();
    return c;
  }

  clear(): void {
    this.heap = [];
  }

  push(d: Due): void {
    const h = this.heap;
    h.push(d);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  peek(): Due | undefined {
    return this.heap[0];
  }

  pop(): Due | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }

  /** Rebuild from the live TTLs only (drops stale entries). */
  rebuild(live: Iterable<Due>): void {
    this.heap = [];
    for (const d of live) this.push(d);
  }
}
