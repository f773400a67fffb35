// The UI ↔ worker protocol: types only, versioned, discriminated unions.
//
// Contract:
//  - The UI owns the pace, the engine owns the time. The UI sends at most one request at a time
//    (client.ts queues the rest), so a slow worker slows virtual time instead of piling up work.
//  - Every request gets exactly one response with the same `id`.
//  - A response that moved the world carries one batched Frame. A frame holds at most
//    FRAME_EVENT_BOUND events: past it the worker keeps the milestones and the newest bulk events
//    (stream bytes, ACKs, deliveries) and says how many it left out in `dropped`.
//  - `reset` means "forget history after `at`": the UI truncates its projection, then applies the frame.
import type {
  Era,
  EventPattern,
  LabInput,
  LabSetup,
  LessonEvent,
  LocalText,
  NodeView,
  OffsetsSample,
  ProbeAnswer,
  ProbeAsk,
  RecordedScenario,
  ResyncDiffRow,
  RunRecord,
  SimEvent,
  TimedInput,
  WhatIfChange,
} from './engine/index.ts';

export const PROTOCOL_VERSION = 1;

/** An event kind (the wire's, and `command`, which lesson patterns may name). */
export type LessonEventType = LessonEvent['type'];

/** Most events one frame may carry before the worker thins out bulk events. */
export const FRAME_EVENT_BOUND = 4000;

/** Virtual µs between two offset samples for the chart. */
export const SAMPLE_EVERY_US = 25_000;

/** How many set-aside recorded actions an `input` answer names (the notice lists them, then "…"). */
export const ASIDE_SHOWN = 3;

/** What to open. A scenario arrives as its parsed JSON (the UI fetched it). */
export type LoadSource =
  | { kind: 'default' }
  | { kind: 'scenario'; name: string; json: unknown }
  /**
   * A recorded run. A run restored after a reload brings its scenario's step times and the time
   * it left that scenario (null: it did not), so the step list and milestones stay as they were.
   */
  | { kind: 'run'; record: RunRecord; stepTimes?: number[]; leftAt?: number | null }
  /** A fresh lab from a setup, nothing recorded yet (a lesson chapter's starting run). */
  | { kind: 'lab'; setup: LabSetup };

export type Request =
  | { type: 'load'; seed: number; source: LoadSource }
  /**
   * Advance to virtual time `to` (µs). With `stop`, end early at the first event matching it (the
   * frame then ends at that event's time: a lesson's wait, or the pause before a PSYNC answer).
   * `views: false`: the frame leaves the node views out unless it is `discrete` (while playing the
   * page shows numbers at most every 100–200 ms but advances ~20 times a second: half of each frame's
   * bytes otherwise).
   * `keep`: the event kinds the page reads now (store/frames.ts kindsRead); the frame leaves the
   * others out — in the UI stress scene ~3 of every 4 events (`backlog.written`, `data.changed`,
   * `message.delivered`) — and says in `times` when they happened. Absent: every event.
   */
  | { type: 'advance'; to: number; stop?: EventPattern; views?: boolean; keep?: LessonEventType[] }
  /** Go to `to`, back (nearest checkpoint + quiet replay, answered by `reset`) or forward (a frame). */
  | { type: 'seek'; to: number }
  /** Forward to the next thing that happens, or to the next milestone (at most `limitUs` later). */
  | { type: 'step'; until: 'event' | 'milestone'; limitUs: number }
  /**
   * Which nodes the page shows in detail (keys, INFO and ROLE text): the others' views leave those
   * out, which keeps each frame small. Answered by a frame at the same time.
   */
  | { type: 'focus'; nodes: string[] }
  /** A user action at the current virtual time. */
  | { type: 'input'; input: LabInput }
  /**
   * Undo actions (the newest first) until `depth` of them are left (default: undo one): the run's
   * recorded inputs come back exactly as they were, at the time of the earliest action undone.
   * Answered by a `reset` with reason 'undo', or `input-error` when there is nothing to undo.
   */
  | { type: 'undo'; depth?: number }
  | { type: 'export' }
  /**
   * The run up to now as a scenario file (engine scenario/record.ts), checked by playing it:
   * answered by `scenario-file`, or `input-error` (Redis-style) for a run a scenario cannot express.
   */
  | { type: 'record-scenario'; name: string; title?: LocalText; text?: LocalText }
  /**
   * Open the ghost run (issue 11): the live run's record forked at `at` with `change`
   * (engine forkRecord); `inputs` (a shared link's ghost that was acted on) replace the fork's
   * inputs. The ghost then plays in lockstep: every request that moves the live run moves it to the
   * same time, and the answer's envelope carries its frame and the diff. Answered by a frame.
   */
  | { type: 'what-if'; change: WhatIfChange; at: number; inputs?: TimedInput[] }
  | { type: 'what-if-close' }
  /** A small headless run for the backlog's draggable numbers (engine probeBacklog). */
  | { type: 'probe'; ask: ProbeAsk }
  /** `req` (input, focus, export) for the ghost run alone: acting in it never touches the live run. */
  | { type: 'ghost'; req: Request }
  /** Test hook: make the worker throw, to show the fault screen. */
  | { type: 'debug-throw' }
  /** Test hook: the worker closes itself without answering (a worker that dies mid-run). */
  | { type: 'debug-die' };

export interface ToWorker {
  v: typeof PROTOCOL_VERSION;
  id: number;
  req: Request;
}

/** A console line: a command typed (or a scenario's command) and the reply redis-cli would print. */
export interface ConsoleEvent {
  type: 'console';
  at: number;
  seq: number;
  node: string;
  argv: string[];
  reply: string;
}

/** A recorded user action (cut, freeze, burst, …) as it happened, for markers and notices. */
export interface ActionEvent {
  type: 'action';
  at: number;
  seq: number;
  input: LabInput;
}

/** What the UI folds. Engine `command` events are replaced by `console` (and traffic is left out). */
export type WireEvent = Exclude<SimEvent, { type: 'command' }> | ConsoleEvent | ActionEvent;

/** Offsets at one virtual time, for the chart: per node [master_repl_offset, first byte, last byte]. */
export type Sample = OffsetsSample;

export interface Frame {
  from: number;
  to: number;
  events: WireEvent[];
  /** Bulk events left out because the frame passed FRAME_EVENT_BOUND. */
  dropped: number;
  /**
   * Node views at `to`. Log lines come as events, so `log` is empty; nodes outside the focus have
   * empty `keys`, `info` and `role_`. Absent when the request asked for none (`advance` views: false)
   * and the frame is not discrete.
   */
  views?: NodeView[];
  /**
   * Present (true) when an event other than routine traffic happened (worker/collect.ts isRoutine):
   * a link state, a PSYNC answer, a log line, an action. The page shows such a frame at once, not
   * at its reading pace for numbers (store.ts viewMs).
   */
  discrete?: true;
  samples: Sample[];
  /**
   * Present when the request named the kinds to `keep`: the times at which the frame's events, those
   * left out included, moved past all before them (each event's `at` that exceeds every earlier
   * one's), in order. The page's "one event back" stops at these, as it would with every event.
   */
  times?: number[];
  /** Virtual time of the last recorded input (the end of the known future). */
  horizon: number;
  /** Traffic generators running: node → writes per second. */
  traffic: Record<string, number>;
}

export type Milestone = 'handshake' | 'fullresync' | 'continue' | 'loaded' | 'step';

/** A milestone reached: what, whose, and the words' values (`master`, `offset`, `keys`, step `n`). */
export interface MilestoneHit {
  kind: Milestone;
  node: string;
  vars?: Record<string, string | number>;
}

export type Response =
  | {
      type: 'ready';
      seed: number;
      scenario: string | null;
      description: string | null;
      /** Virtual time at which each scenario step starts. */
      stepTimes: number[];
      /** Virtual time the scenario's play ended (its last step done: a wait-sync settled); 0 when no scenario. */
      endAt: number;
      /** The protocol era the run follows (engine replication/era.ts): older eras show runid, no replid2, no backlog in SYNC. */
      era: Era;
      frame: Frame;
    }
  | { type: 'frame'; frame: Frame; milestone?: MilestoneHit | null }
  | { type: 'reset'; at: number; reason: 'seek'; frame: Frame }
  | { type: 'reset'; at: number; reason: 'undo'; undo: number; leftAt: number | null; frame: Frame }
  | {
      type: 'input';
      /** 'forked': recorded inputs after now were set aside (`dropped` of them; `undo` puts them back). */
      result: 'forked' | 'appended';
      dropped: number;
      /** The first of them (at most ASIDE_SHOWN), for the notice to name: "C started" set aside at t = 0.3 s left C down. */
      aside: LabInput[];
      /** How many actions can be undone now (this one included). */
      undo: number;
      /** When the run left its scenario's story (null: it still follows it, or it is no scenario). */
      leftAt: number | null;
      frame: Frame;
    }
  /** The input could not apply: a Redis-style message; nothing changed. */
  | { type: 'input-error'; message: string }
  /** The scenario or run could not be opened (invalid JSON, unknown node…): nothing loaded. */
  | { type: 'load-error'; message: string }
  | { type: 'run'; record: RunRecord }
  | ({ type: 'scenario-file' } & RecordedScenario)
  | { type: 'probe'; answer: ProbeAnswer }
  /** The engine threw: what is needed to reproduce it. The worker stays usable after a load. */
  | { type: 'fault'; message: string; stack: string; seed: number; at: number; record: RunRecord | null };

/** The ghost run beside the live one, at the live run's time (sent with every answer while it is open). */
export interface GhostFrame {
  change: WhatIfChange;
  /** Where the two runs start to differ (the diff's window starts here). */
  from: number;
  /** The ghost's frame: views, traffic, horizon (its events stay in the worker). */
  frame: Frame;
  /** Per replica: the live run (a) beside the ghost (b) over [from, now]. */
  diff: ResyncDiffRow[];
}

export interface FromWorker {
  v: typeof PROTOCOL_VERSION;
  id: number;
  res: Response;
  /** While a ghost run is open: its state after this request; `null`: it was closed. */
  ghost?: GhostFrame | null;
}
