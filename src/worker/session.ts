// The worker's state for one run, answered request by request: protocol glue over a Playhead
// (playhead.ts: advancing, frames), the page's edits (edits.ts: inputs, undo) and `open` (open.ts).
// No DOM, no postMessage: the worker file is a thin adapter around handle(), so this is tested as
// plain functions. Contract: one Response per Request.
import {
  emptyResyncLog,
  type Lab,
  type LabInput,
  LabInputError,
  type ResyncLog,
  recordScenario,
  ScenarioError,
} from '../engine/index.ts';
import { ASIDE_SHOWN, type Frame, type Request, type Response } from '../protocol.ts';
import { Edits } from './edits.ts';
import { firstFrameEnd, open } from './open.ts';
import { type Pending, Playhead } from './playhead.ts';

/** What one run answers; Runs (runs.ts) answers the rest: the ghost run, probes, the test hooks. */
export type RunRequest = Exclude<
  Request,
  { type: 'what-if' | 'what-if-close' | 'probe' | 'ghost' | `debug-${string}` }
>;
type Req<T extends RunRequest['type']> = Extract<RunRequest, { type: T }>;

export class Session {
  private head: Playhead | null = null;
  /** Nodes whose views carry keys, INFO and ROLE text (null: all of them). */
  private focus: Set<string> | null = null;
  private edits = new Edits();

  /** The loaded run's playhead (a request before `load` is a fault of the page). */
  private get h(): Playhead {
    if (!this.head) throw new Error('no run loaded: send `load` first');
    return this.head;
  }
  /** The run so far, for a fault report. */
  get record() {
    return this.head?.tl.record ?? null;
  }
  get now(): number {
    return this.head?.now ?? 0;
  }
  /** The live lab: its world and traffic generators (read-only use: tests compare them). */
  get lab(): Lab | null {
    return this.head?.tl.lab ?? null;
  }
  /** What each replica went through, for the ghost run's diff (runs.ts). */
  get resync(): ResyncLog {
    return this.head?.resync ?? emptyResyncLog();
  }

  handle(req: RunRequest): Response {
    switch (req.type) {
      case 'load':
        return this.load(req);
      case 'advance':
        return this.frame(
          (h, p) => (req.stop ? h.advanceUntil(req.to, req.stop, p) : h.advanceTo(req.to, p)),
          req.views !== false,
          req.keep,
        );
      case 'seek':
        return this.seek(req.to);
      case 'step': {
        const { frame, out } = this.move((h, p) => h.step(req.until, req.limitUs, this.edits.leftAt, p));
        return { type: 'frame', frame, milestone: out };
      }
      case 'focus':
        this.focus = new Set(req.nodes);
        return this.frame(() => {});
      case 'input':
        return this.input(req.input);
      case 'undo':
        return this.undo(req.depth);
      case 'export':
        return { type: 'run', record: structuredClone(this.h.tl.record) };
      case 'record-scenario':
        return this.recordScenario(req);
    }
  }

  /**
   * Moves the playhead by `move`, then gathers the frame (`views`: with the node views; `keep`: only
   * events of those kinds, protocol.ts advance) and hands back what the move gave.
   */
  private move<T>(
    move: (h: Playhead, p: Pending) => T,
    views = true,
    keep?: readonly string[],
  ): { frame: Frame; out: T } {
    const h = this.h;
    const p = h.begin();
    const out = move(h, p);
    return { frame: h.frame(p, this.focus, views, keep), out };
  }

  private frame(move: (h: Playhead, p: Pending) => void, views = true, keep?: readonly string[]): Response {
    return { type: 'frame', frame: this.move(move, views, keep).frame };
  }

  private load(req: Req<'load'>): Response {
    let opened: ReturnType<typeof open>;
    try {
      opened = open(req.source, req.seed);
    } catch (e) {
      // Nothing changed: the run on screen stays (an imported file that fails is only reported).
      return refusal(e, 'load-error');
    }
    const { tl, stepTimes, endAt, description } = opened;
    this.head = new Playhead(tl, stepTimes);
    this.edits.restart(req.source.kind === 'run' ? (req.source.leftAt ?? null) : null);
    const { frame } = this.move((h, p) => h.advanceTo(firstFrameEnd(req.source, tl.record.inputs), p));
    const { seed, scenario = null } = tl.record;
    const era = tl.lab.w.era;
    return { type: 'ready', seed, scenario, description, stepTimes, endAt, era, frame };
  }

  private seek(to: number): Response {
    to = Math.max(0, Math.floor(to));
    if (to >= this.now) return this.frame((h, p) => h.advanceTo(to, p));
    const { frame } = this.move((h) => h.seekBack(to));
    return { type: 'reset', at: this.now, reason: 'seek', frame };
  }

  private input(inp: LabInput): Response {
    try {
      const { frame, out } = this.move((h, p) => this.edits.apply(h, p, inp));
      const { result, dropped } = out;
      const { depth: undo, leftAt } = this.edits;
      const aside = dropped.slice(0, ASIDE_SHOWN).map((d) => d.input);
      return { type: 'input', result, dropped: dropped.length, aside, undo, leftAt, frame };
    } catch (e) {
      return refusal(e, 'input-error');
    }
  }

  private undo(depth?: number): Response {
    if (!this.edits.undo(this.h, depth)) return { type: 'input-error', message: 'ERR nothing to undo' };
    const { frame } = this.move(() => {});
    const { depth: undo, leftAt } = this.edits;
    return { type: 'reset', at: this.now, reason: 'undo', undo, leftAt, frame };
  }

  private recordScenario({ name, title, text }: Req<'record-scenario'>): Response {
    try {
      return {
        type: 'scenario-file',
        ...recordScenario(this.h.tl.record, { name, title, text, until: this.now }),
      };
    } catch (e) {
      return refusal(e, 'input-error');
    }
  }
}

/** A bad input's error as the answer the page shows it in; anything else is a fault (rethrown). */
function refusal(e: unknown, type: 'load-error' | 'input-error'): Response {
  if (e instanceof ScenarioError || e instanceof LabInputError) return { type, message: e.message };
  throw e;
}
