// The page's inputs to one run and undoing them: a bounded undo stack, and when the run left its
// scenario's recorded story (an input that drops the scenario's future leaves it; undoing that
// input brings the story back).
import {
  drainEvents,
  type InputOutcome,
  type LabInput,
  LabInputError,
  input as labInput,
  type TimedInput,
  undoInput,
} from '../engine/index.ts';
import type { Pending, Playhead } from './playhead.ts';

/** Inputs that can be undone (each keeps a copy of the run's inputs before it: 50 × a few kB). */
const MAX_UNDO = 50;

/** What undoing one input needs: the inputs before it, its time, and when the run had left its story. */
interface Undo {
  before: TimedInput[];
  at: number;
  leftAt: number | null;
}

export class Edits {
  private undos: Undo[] = [];
  /** When the run left its scenario's recorded story (null: it has not). */
  leftAt: number | null = null;

  /** How many inputs can be undone. */
  get depth(): number {
    return this.undos.length;
  }

  /** A new run: nothing to undo, and the story left at `leftAt` (a saved run may have left it). */
  restart(leftAt: number | null): void {
    this.undos = [];
    this.leftAt = leftAt;
  }

  /**
   * Apply `inp` at the playhead's time; its events, and what it made due right now (a write's flush
   * to the replicas, as a replay would run it), go into `p`. An input that drops a scenario's
   * recorded future (the playhead has step times) leaves its story. Throws LabInputError for a bad
   * input, with the run as it was (its error events dropped).
   */
  apply(h: Playhead, p: Pending, inp: LabInput): InputOutcome {
    const { tl } = h;
    const at = h.now;
    let out: InputOutcome;
    try {
      out = labInput(tl, inp);
    } catch (e) {
      if (e instanceof LabInputError) drainEvents(tl.lab.w);
      throw e;
    }
    this.undos.push({ before: out.before, at, leftAt: this.leftAt });
    if (this.undos.length > MAX_UNDO) this.undos.shift();
    if (out.dropped.length && h.stepTimes.length > 0 && this.leftAt === null) this.leftAt = at;
    // The input just applied is the one before the cursor: the setup's node starts still ahead (a
    // line typed before C started) stay after it in the record (timeline.ts input).
    h.collect(p, drainEvents(tl.lab.w), [tl.record.inputs[tl.cursor - 1]]);
    h.advanceTo(at, p);
    return out;
  }

  /**
   * Undo inputs down to `depth` of them left (default: the newest one): the run's inputs as they
   * were, and the time back at the earliest input undone. False when there is nothing to undo.
   */
  undo(h: Playhead, depth = this.undos.length - 1): boolean {
    if (depth < 0 || depth >= this.undos.length) return false;
    const u = this.undos[depth];
    this.undos.length = depth;
    undoInput(h.tl, u.before, u.at);
    this.leftAt = u.leftAt;
    h.rewound();
    return true;
  }
}
