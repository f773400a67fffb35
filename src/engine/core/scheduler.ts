// The due-queue: items ordered by (at, seq). `at` is virtual time in integer µs; `seq` breaks
// ties in insertion order, so two items due at the same µs run in the order they were scheduled.
// A binary min-heap: push and pop are O(log n).

export interface Due<T> {
  at: number;
  seq: number;
  item: T;
}

export class Scheduler<T> {
  private heap: Due<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: T): Due<T> {
    const d = { at, seq: this.nextSeq++, item };
    const h = this.heap;
    h.push(d);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(h[p], d)) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = d;
    return d;
  }

  peek(): Due<T> | undefined {
    return this.heap[0];
  }

  pop(): Due<T> | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(h[r], h[l]) ? r : l;
        if (less(last, h[c])) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  /** Drop every item for which `keep` is false (e.g. the timers of a node that shut down). */
  filter(keep: (item: T) => boolean): void {
    const kept = this.heap.filter((d) => keep(d.item));
    this.heap = [];
    kept.sort((a, b) => (less(a, b) ? -1 : 1));
    for (const d of kept) this.heap.push(d); // a sorted array is a valid heap
  }
}

function less<T>(a: Due<T>, b: Due<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
