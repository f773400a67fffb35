// The undo stack of one run: what undoing an input needs, newest last, bounded.
import type { TimedInput } from '../engine/index.ts';

/** Inputs that can be undone (each keeps a copy of the run's inputs before it: 50 × a few kB). */
const MAX_UNDO = 50;

/** What undoing one input needs: the inputs before it, its time, and when the run had left its scenario. */
export interface Undo {
  before: TimedInput[];
  at: number;
  leftAt: number | null;
}

export class UndoStack {
  private list: Undo[] = [];

  get size(): number {
    return this.list.length;
  }

  push(u: Undo): void {
    this.list.push(u);
    if (this.list.length > MAX_UNDO) this.list.shift();
  }

  /** Take the entries down to `depth` of them left (default: the newest); null when there is none. */
  take(depth = this.list.length - 1): Undo | null {
    if (depth < 0 || depth >= this.list.length) return null;
    const u = this.list[depth];
    this.list.length = depth;
    return u;
  }

  clear(): void {
    this.list = [];
  }
}
