// The worker's state for one run, answered request by request: protocol glue over a Playhead
// (playhead.ts: advancing, frames), the undo stack (undo.ts) and `open` (open.ts). No DOM, no
// postMessage: the worker file is a thin adapter around handle(), so this is tested as plain
// functions. Contract: one Response per Request.
import {
  drainEvents,
  emptyResyncLog,
  type InputOutcome,
  type LabInput,
  LabInputError,
  input as labInput,
  type ResyncLog,
  recordScenario,
  ScenarioError,
  type Timeline,
  undoInput,
  type World,
} from '../engine/index.ts';
import type { MilestoneHit, Request, Response } from '../protocol.ts';
import { firstFrameEnd, type Opened, open } from './open.ts';
import { type Pending, Playhead } from './playhead.ts';
import { UndoStack } from './undo.ts';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

export class Session {
  private head: Playhead | null = null;
  private stepTimes: number[] = [];
  /** Nodes whose views carry keys, INFO and ROLE text (null: all of them). */
  private focus: Set<string> | null = null;
  private undos = new UndoStack();
  /** When the run left its scenario's recorded story (an input dropped the scenario's future). */
  private leftAt: number | null = null;

  /** The loaded run's playhead (a request before `load` is a fault of the page). */
  private get h(): Playhead {
    if (!this.head) throw new Error('no run loaded: send `load` first');
    return this.head;
  }
  private get tl(): Timeline {
    return this.h.tl;
  }
  /** The run so far, for a fault report. */
  get record() {
    return this.head?.tl.record ?? null;
  }
  get now(): number {
    return this.head?.now ?? 0;
  }
  get seed(): number {
    return this.record?.seed ?? 0;
  }
  /** The live world and the lab's traffic generators (read-only use: tests compare them). */
  get world(): World | null {
    return this.head?.tl.lab.w ?? null;
  }
  get traffic(): ReadonlyMap<string, { perSecond: number }> {
    return this.head?.tl.lab.traffic ?? new Map();
  }
  /** What each replica went through, for the ghost run's diff (runs.ts). */
  get resync(): ResyncLog {
    return this.head?.resync ?? emptyResyncLog();
  }

  handle(req: Request): Response {
    switch (req.type) {
      case 'load':
        return this.load(req);
      case 'advance':
        return this.frame(
          (h, p) => (req.stop ? h.advanceUntil(req.to, req.stop, p) : h.advanceTo(req.to, p)),
          req.views !== false,
        );
      case 'seek':
        return this.seek(req.to);
      case 'step': {
        let milestone: MilestoneHit | null = null;
        const story = { stepTimes: this.stepTimes, leftAt: this.leftAt };
        const res = this.frame((h, p) => {
          milestone = h.step(req.until, req.limitUs, story, p);
        });
        return { ...res, milestone };
      }
      case 'focus':
        this.focus = new Set(req.nodes);
        return this.frame(() => {});
      case 'input':
        return this.input(req.input);
      case 'undo':
        return this.undo(req.depth);
      case 'export':
        return { type: 'run', record: structuredClone(this.tl.record) };
      case 'record-scenario':
        return this.recordScenario(req);
      case 'debug-throw':
        throw new Error('debug-throw: a fault raised on purpose (test hook)');
      case 'debug-die':
        throw new Error('debug-die is answered by the worker file (it closes the worker)');
      case 'what-if':
      case 'what-if-close':
      case 'probe':
      case 'ghost':
        throw new Error(`'${req.type}' is answered by Runs (worker/runs.ts), not by one session`);
    }
  }

  /** One frame: `move` advances the playhead, the frame carries what it gathered (`views`: and the views). */
  private frame(move: (h: Playhead, p: Pending) => void, views = true): Extract<Response, { type: 'frame' }> {
    const h = this.h;
    const p = h.begin();
    move(h, p);
    return { type: 'frame', frame: h.frame(p, this.focus, views) };
  }

  private load(req: Req<'load'>): Response {
    let opened: Opened;
    try {
      opened = open(req.source, req.seed);
    } catch (e) {
      // Nothing changed: the run on screen stays (an imported file that fails is only reported).
      if (e instanceof ScenarioError || e instanceof LabInputError)
        return { type: 'load-error', message: e.message };
      throw e;
    }
    const { tl, stepTimes, endAt, description } = opened;
    this.head = new Playhead(tl);
    this.stepTimes = stepTimes;
    this.undos.clear();
    this.leftAt = req.source.kind === 'run' ? (req.source.leftAt ?? null) : null;
    const { frame } = this.frame((h, p) => h.advanceTo(firstFrameEnd(req.source, tl.record.inputs), p));
    const { seed, scenario } = tl.record;
    const era = tl.lab.w.era;
    return { type: 'ready', seed, scenario: scenario ?? null, description, stepTimes, endAt, era, frame };
  }

  private seek(to: number): Response {
    to = Math.max(0, Math.floor(to));
    if (to >= this.now) return this.frame((h, p) => h.advanceTo(to, p));
    const frame = this.frame((h) => h.seekBack(to)).frame;
    return { type: 'reset', at: this.now, reason: 'seek', frame };
  }

  private input(inp: LabInput): Response {
    const tl = this.tl;
    const at = this.now;
    let out: InputOutcome;
    try {
      out = labInput(tl, inp);
    } catch (e) {
      if (!(e instanceof LabInputError)) throw e;
      drainEvents(tl.lab.w);
      return { type: 'input-error', message: e.message };
    }
    this.undos.push({ before: out.before, at, leftAt: this.leftAt });
    if (out.dropped.length && this.stepTimes.length && this.leftAt === null) this.leftAt = at;
    const { frame } = this.frame((h, p) => {
      h.collect(p, drainEvents(tl.lab.w), [tl.record.inputs[tl.record.inputs.length - 1]]);
      // Run what the input made due right now (the write's flush to the replicas), as a replay would.
      h.advanceTo(at, p);
    });
    const { result, dropped } = out;
    return {
      type: 'input',
      result,
      dropped: dropped.length,
      undo: this.undos.size,
      leftAt: this.leftAt,
      frame,
    };
  }

  /**
   * Undo inputs down to `depth` of them left (default: the last one): the run's inputs as they
   * were, and the time goes back to the moment of the earliest input undone (answered as a reset).
   */
  private undo(depth?: number): Response {
    const u = this.undos.take(depth);
    if (!u) return { type: 'input-error', message: 'ERR nothing to undo' };
    undoInput(this.tl, u.before, u.at);
    this.leftAt = u.leftAt;
    const frame = this.frame((h) => h.rewound()).frame;
    return { type: 'reset', at: this.now, reason: 'undo', undo: this.undos.size, leftAt: this.leftAt, frame };
  }

  private recordScenario({ name, title, text }: Req<'record-scenario'>): Response {
    try {
      return {
        type: 'scenario-file',
        ...recordScenario(this.tl.record, { name, title, text, until: this.now }),
      };
    } catch (e) {
      if (e instanceof ScenarioError) return { type: 'input-error', message: e.message };
      throw e;
    }
  }
}
