// The worker's runs: the live one and, while "what if…" is open, its ghost (issue 11). Each is a
// Session (one timeline); this only routes requests and keeps the ghost in lockstep: after every
// request to the live run, the ghost goes to the live run's time (forward: advance; back: seek)
// and the answer's envelope carries the ghost's frame and the diff. A request marked `ghost`
// (a `ghost` request wrapping input, focus or export) goes to the ghost alone: acting in one run never touches the other.
import {
  forkRecord,
  LabInputError,
  probeBacklog,
  resyncDiff,
  resyncSummary,
  type WhatIfChange,
} from '../engine/index.ts';
import type { Frame, GhostFrame, Request, Response } from '../protocol.ts';
import { Session } from './session.ts';

export interface Answer {
  res: Response;
  /** Absent: no ghost run is open and none was closed. */
  ghost?: GhostFrame | null;
}

interface Ghost {
  session: Session;
  change: WhatIfChange;
  from: number;
}

export class Runs {
  readonly main = new Session();
  private ghost: Ghost | null = null;

  /** The ghost run's session (tests), or null. */
  get ghostSession(): Session | null {
    return this.ghost?.session ?? null;
  }

  handle(req: Request): Answer {
    if (req.type === 'ghost') {
      const g = this.ghost;
      if (!g) return { res: { type: 'input-error', message: 'ERR no what-if run is open' } };
      const r = req.req;
      if (r.type !== 'input' && r.type !== 'focus' && r.type !== 'export')
        return {
          res: {
            type: 'input-error',
            message: `ERR the what-if run follows the live run's time: '${r.type}' goes to the live run`,
          },
        };
      const res = g.session.handle(r);
      const frame = 'frame' in res ? res.frame : this.ghostFrame(g);
      return { res, ghost: this.envelope(g, frame) };
    }
    switch (req.type) {
      case 'what-if':
        return this.open(req);
      case 'what-if-close': {
        const closed = this.ghost !== null;
        this.ghost = null;
        return { res: this.still(), ...(closed ? { ghost: null } : {}) };
      }
      case 'probe':
        return this.probe(req.ask);
      case 'debug-throw':
        throw new Error('debug-throw: a fault raised on purpose (test hook)');
      case 'debug-die':
        throw new Error('debug-die is answered by the worker file (it closes the worker)');
      case 'load':
        this.ghost = null;
        return { res: this.main.handle(req), ghost: null };
    }
    const res = this.main.handle(req);
    const g = this.ghost;
    if (!g || res.type === 'fault') return { res };
    return { res, ghost: this.envelope(g, this.follow(g)) };
  }

  private open(req: Extract<Request, { type: 'what-if' }>): Answer {
    const base = this.main.record;
    if (!base) return { res: { type: 'input-error', message: 'ERR no run loaded' } };
    let session: Session;
    let from: number;
    try {
      const fork = forkRecord(structuredClone(base), req.at, req.change);
      if (req.inputs) fork.record.inputs = structuredClone(req.inputs);
      session = new Session();
      const r = session.handle({
        type: 'load',
        seed: fork.record.seed,
        source: { kind: 'run', record: fork.record },
      });
      if (r.type === 'load-error') return { res: { type: 'input-error', message: r.message } };
      // The page shows the ghost's nodes in brief: no keys, INFO or ROLE text (the costly part of a view).
      session.handle({ type: 'focus', nodes: [] });
      from = fork.from;
    } catch (e) {
      if (e instanceof LabInputError) return { res: { type: 'input-error', message: e.message } };
      throw e;
    }
    const g: Ghost = { session, change: req.change, from };
    this.ghost = g;
    return { res: this.still(), ghost: this.envelope(g, this.follow(g)) };
  }

  /** The live run's frame where it stands (an answer that moves nothing). */
  private still(): Response {
    return this.main.handle({ type: 'advance', to: this.main.now });
  }

  /** The ghost to the live run's time: back by a quiet seek, forward by advancing (its events are folded). */
  private follow(g: Ghost): Frame {
    const to = this.main.now;
    const r = g.session.handle(to < g.session.now ? { type: 'seek', to } : { type: 'advance', to });
    return 'frame' in r ? r.frame : this.ghostFrame(g);
  }

  private ghostFrame(g: Ghost): Frame {
    const r = g.session.handle({ type: 'advance', to: g.session.now });
    if (r.type !== 'frame') throw new Error('the ghost run did not answer with a frame');
    return r.frame;
  }

  private envelope(g: Ghost, frame: Frame): GhostFrame {
    const t = this.main.now;
    const diff = resyncDiff(
      resyncSummary(this.main.resync, g.from, t),
      resyncSummary(g.session.resync, g.from, t),
    );
    // The page draws the ghost from its views: its events stay here (they would double a frame's size).
    return { change: g.change, from: g.from, frame: { ...frame, events: [], samples: [] }, diff };
  }

  private probe(ask: Parameters<typeof probeBacklog>[0]): Answer {
    try {
      return { res: { type: 'probe', answer: probeBacklog(ask) } };
    } catch (e) {
      if (e instanceof LabInputError) return { res: { type: 'input-error', message: e.message } };
      throw e;
    }
  }
}
