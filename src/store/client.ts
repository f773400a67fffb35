// The controller: owns the worker (through Transport) and the animation-frame loop.
// The UI owns the pace: each frame, when nothing is in flight, it asks the worker to advance to
// t + wallDelta × speed (wallDelta capped, so a hidden tab does not leap). The worker's answer
// sets `t`, and everything on screen is drawn from `t`.
import type { EventPattern, LabInput, RunRecord } from '../engine/index.ts';
import type { GhostFrame, LoadSource, Request, Response } from '../protocol.ts';
import { displayTime, glideLag, MAX_WALL_STEP, nextDisplayTime, setDisplayTime } from './clock.ts';
import { kindsRead } from './frames.ts';
import { FOLDED, previousTime } from './history.ts';
import { applyFrame, notify, notifyMilestone, resetRun, useLab, viewMs } from './store.ts';
import { type Port, Transport } from './transport.ts';
import { buildSearch, encodeRun } from './url.ts';

/**
 * Least wall time between two advances (ms): the display clock glides in between. At 60 Hz an
 * advance goes every third frame, ~20 answers a second (45, not 50: a 49.9 ms gap still counts).
 * Each answer costs the page two messages (the advance, the draw worker's scene) and a fold, ~0.8 ms;
 * at ~30 a second (30 ms) the UI stress scene's main thread was ~1 point busier (paired A/B).
 */
const WORKER_FRAME_MS = 45;
/** How far `step` may look ahead for the next event / milestone (virtual µs). */
const STEP_LIMIT = 10_000_000;
const MILESTONE_LIMIT = 120_000_000;

/** `reply`: what a command input answered (redis-cli text), for buttons that send commands. */
export type ActResult = { ok: true; forked: boolean; reply: string | null } | { ok: false; message: string };

export class Controller {
  /**
   * The ghost run's hooks, set by store/what-if.ts before it opens one: where its frames go, and
   * its part of a share link. Set through the controller, so that module imports no first-load code
   * of its own (a module shared with a lazy chunk is split out of the first load).
   */
  ghostSink: ((g: GhostFrame | null) => void) | null = null;
  ghostShare: ((main: RunRecord) => Promise<string>) | null = null;

  private transport: Transport;
  private raf = 0;
  private lastWall: number | null = null;
  private lastTick: number | null = null;
  /** An advance is on its way or its answer waits for the next animation frame. */
  private advancing = false;
  private arrived: Response | null = null;
  private afterFrameQueued = false;
  private lastSource: { source: LoadSource; seed: number } | null = null;
  /**
   * The run as of the last load or action, kept on the page: if the worker dies (no answer, or it
   * crashed outside a request) the fault's reproduction link is built from this copy.
   */
  private record: RunRecord | null = null;
  /** While set, advances end at the first event matching it (a lesson step's wait). */
  private stopAt: EventPattern | null = null;
  /**
   * Wall time the last play advance asked for node views. React shows them at most every viewMs(speed)
   * while playing, so the advances between ask for none (views are half of a frame's bytes: ~11 of
   * 23 kB in the UI stress scene, 30 frames a second). `bare`: the views shown are older than the
   * last frame; a pause asks for fresh ones.
   */
  private viewsAt = Number.NEGATIVE_INFINITY;
  private bare = false;

  constructor(
    private readonly portFactory: () => Port,
    private readonly frames: {
      request: (cb: () => void) => number;
      cancel: (id: number) => void;
      now: () => number;
    } = {
      request: (cb) => requestAnimationFrame(cb),
      cancel: (id) => cancelAnimationFrame(id),
      now: () => performance.now(),
    },
  ) {
    this.transport = this.newTransport();
  }

  private newTransport(): Transport {
    const t = new Transport(this.portFactory(), (message) =>
      this.fault({
        message,
        stack: '',
        seed: useLab.getState().seed,
        at: useLab.getState().t,
        record: this.record,
      }),
    );
    t.onGhost = (g) => this.ghostSink?.(g);
    return t;
  }

  /** A request as it is (features loaded on demand speak through this: store/what-if.ts, undo.ts, record/). */
  request(req: Request): Promise<Response> {
    return this.transport.send(req);
  }

  /** Ask the worker for the run record (after a load or an action) and keep it. */
  async keepRecord(): Promise<void> {
    const r = await this.transport.send({ type: 'export' });
    if (r.type === 'run') this.record = r.record;
  }

  start(): void {
    // The worker details only what is on screen: the selected node (or link) and its master.
    useLab.subscribe((s, p) => {
      if (s.selected !== p.selected || (this.bare && p.playing && !s.playing)) void this.refocus();
    });
    const tick = () => {
      this.raf = this.frames.request(tick);
      this.tick();
    };
    this.raf = this.frames.request(tick);
  }

  stop(): void {
    this.frames.cancel(this.raf);
    this.transport.terminate();
  }

  /**
   * One animation frame: move the display clock (the drawers redraw), nothing else. The rest —
   * folding a frame the worker sent, asking for the next one — runs in a task queued from here,
   * which the browser runs once this frame is painted: that work gets a whole frame interval and
   * the animation callbacks stay on the vsync beat.
   */
  tick(): void {
    const s = useLab.getState();
    const wall = this.frames.now();
    const sinceTick = this.lastTick === null ? 0 : Math.min(wall - this.lastTick, MAX_WALL_STEP);
    this.lastTick = wall;
    const playing = s.phase === 'ready' && s.playing;
    setDisplayTime(nextDisplayTime(displayTime(), s.t, sinceTick, s.speed, playing, glideLag(s.speed)));
    // A task only when there is something to do: an answer to fold, or the next advance is due
    // (not on every frame between two answers: ~60 empty timer tasks a second otherwise).
    const due =
      playing && !this.advancing && (this.lastWall === null || wall - this.lastWall >= WORKER_FRAME_MS);
    if (!this.afterFrameQueued && (this.arrived || due)) {
      this.afterFrameQueued = true;
      setTimeout(() => {
        this.afterFrameQueued = false;
        this.afterFrame();
      }, 0);
    }
    if (!playing) this.lastWall = null;
  }

  /** After a painted frame: fold what the worker sent, then ask for the next advance when due. */
  private afterFrame(): void {
    if (this.arrived) {
      const r = this.arrived;
      this.arrived = null;
      this.advancing = false;
      this.handle(r);
      // Paused while this bare frame was on its way: the views shown must be those at t.
      if (this.bare && !useLab.getState().playing) void this.refocus();
    }
    const s = useLab.getState();
    if (s.phase !== 'ready' || !s.playing || this.advancing || !this.transport.idle) return;
    const wall = this.frames.now();
    if (this.lastWall === null) {
      this.lastWall = wall;
      return;
    }
    if (wall - this.lastWall < WORKER_FRAME_MS) return;
    const dt = Math.min(wall - this.lastWall, MAX_WALL_STEP);
    this.lastWall = wall;
    const to = s.t + Math.max(1, Math.round(dt * 1000 * s.speed));
    this.advancing = true;
    // A frame every ~viewMs carries views (the one React will show); one that may stop never skips them.
    const views = this.stopAt !== null || wall - this.viewsAt >= viewMs(s.speed) - WORKER_FRAME_MS / 2;
    if (views) this.viewsAt = wall;
    const stop = this.stopAt ? { stop: this.stopAt } : {};
    // Only the event kinds the page reads now (the store's fold and the frame listeners').
    const keep = kindsRead(FOLDED);
    void this.transport
      .send({ type: 'advance', to, ...stop, ...(views ? {} : { views: false }), ...(keep ? { keep } : {}) })
      .then((r) => {
        this.arrived = r;
      });
  }

  private async refocus(): Promise<void> {
    const s = useLab.getState();
    const name =
      s.selected?.kind === 'node' ? s.selected.name : s.selected?.kind === 'link' ? s.selected.replica : null;
    const nodes = name ? [name, s.views[name]?.master ?? ''].filter(Boolean) : [];
    this.handle(await this.transport.send({ type: 'focus', nodes }));
  }

  async load(source: LoadSource, seed: number): Promise<boolean> {
    const err = await this.open(source, seed);
    if (err !== null) notify('error', 'notice.loadError', { message: err }, 0);
    return err === null;
  }

  /** Open `source`: null when it opened, else why not (the run on screen is then unchanged). */
  async open(source: LoadSource, seed: number): Promise<string | null> {
    const r = await this.transport.send({ type: 'load', seed, source });
    if (r.type === 'load-error') return r.message;
    this.lastSource = { source, seed };
    this.handle(r);
    void this.refocus();
    if (r.type !== 'ready') return 'ERR the simulation stopped';
    void this.keepRecord();
    return null;
  }

  /** The run as of the last load or action (what a reload restores). */
  get keptRecord(): RunRecord | null {
    return this.record;
  }

  /** Open the same thing again (after a fault); a dead worker is replaced by a new one. */
  async reload(): Promise<void> {
    const src = this.lastSource ?? { source: { kind: 'default' as const }, seed: 1 };
    this.revive();
    await this.load(src.source, src.seed);
  }

  /** Open a shared run (a #run= link pasted into the address bar of an open lab, or a reproduction link). */
  async openRun(
    record: RunRecord,
    more: { stepTimes?: number[]; leftAt?: number | null } = {},
  ): Promise<boolean> {
    this.revive();
    const ok = await this.load({ kind: 'run', record, ...more }, record.seed);
    if (ok) useLab.setState({ playing: false });
    return ok;
  }

  /** After a fault: a new worker if the old one is dead, and the fault screen closed. */
  private revive(): void {
    if (this.transport.dead) this.transport = this.newTransport();
    if (useLab.getState().phase === 'fault') useLab.setState({ fault: null, phase: 'booting' });
  }

  setPlaying(playing: boolean): void {
    useLab.setState({ playing });
  }

  togglePlay(): void {
    this.setPlaying(!useLab.getState().playing);
  }

  setSpeed(speed: number): void {
    useLab.setState({ speed: Math.min(100, Math.max(0.001, speed)) });
  }

  async seek(to: number): Promise<void> {
    this.handle(await this.transport.send({ type: 'seek', to: Math.max(0, Math.round(to)) }));
  }

  /** Stop playing at the first event matching `p` (null: play freely). */
  setStop(p: EventPattern | null): void {
    this.stopAt = p;
  }

  /** Jump ahead to the first event matching `p`, at most `limitUs` later ("skip to it"). */
  /**
   * Run to the first event matching `p` (at most `limitUs` on). `still` is asked once the play
   * frames in flight are folded: an event they brought may already be what was wanted, and then
   * running on would overshoot to the next match.
   */
  async runUntil(p: EventPattern, limitUs: number, still?: () => boolean): Promise<void> {
    this.setPlaying(false);
    await this.settled();
    if (still && !still()) return;
    const to = useLab.getState().t + limitUs;
    this.handle(await this.transport.send({ type: 'advance', to, stop: p }));
  }

  /** Resolves once no advance is on its way (so a jump's frame is folded after the play frames). */
  async settled(): Promise<void> {
    while (this.advancing) await new Promise((r) => setTimeout(r, 5));
  }

  async stepForward(): Promise<void> {
    this.setPlaying(false);
    this.handle(await this.transport.send({ type: 'step', until: 'event', limitUs: STEP_LIMIT }));
  }

  async stepBack(): Promise<void> {
    this.setPlaying(false);
    const s = useLab.getState();
    await this.seek(previousTime(s.hist, s.t));
  }

  /** To the next milestone; none within MILESTONE_LIMIT (a story told, a quiet lab) is said, not silent. */
  async nextMilestone(): Promise<void> {
    this.setPlaying(false);
    const r = await this.transport.send({ type: 'step', until: 'milestone', limitUs: MILESTONE_LIMIT });
    this.handle(r);
    if (r.type === 'frame' && !r.milestone)
      notify(
        'info',
        'notice.noMilestone',
        { s: MILESTONE_LIMIT / 1e6, t: (r.frame.to / 1e6).toFixed(3) },
        6000,
      );
  }

  /**
   * A user action at the current time. Acting in the past forks the future: the notice says so
   * and offers Undo (the worker keeps what was set aside).
   */
  async act(input: LabInput): Promise<ActResult> {
    const before = useLab.getState();
    const r = await this.transport.send({ type: 'input', input });
    if (r.type === 'input-error') return { ok: false, message: r.message };
    if (r.type !== 'input') {
      this.handle(r);
      return { ok: false, message: 'ERR the simulation stopped' };
    }
    // In the past (before the furthest time played), or at the end with recorded actions still ahead.
    const past = before.t < before.maxT;
    const forked = r.result === 'forked' || past;
    applyFrame(r.frame);
    void this.keepRecord();
    useLab.setState({ acted: true, leftAt: r.leftAt, undoable: r.undo });
    if (forked)
      useLab.setState({
        maxT: r.frame.to,
        fork: {
          at: r.frame.to,
          dropped: r.dropped,
          aside: r.aside,
          depth: r.undo - 1,
          left: r.leftAt !== before.leftAt,
          past,
        },
      });
    const line = r.frame.events.find((e) => e.type === 'console');
    return { ok: true, forked, reply: line?.type === 'console' ? line.reply : null };
  }

  async exportRun(): Promise<RunRecord | null> {
    const r = await this.transport.send({ type: 'export' });
    return r.type === 'run' ? r.record : null;
  }

  /** Test hook: make the worker throw. */
  async crash(): Promise<void> {
    this.handle(await this.transport.send({ type: 'debug-throw' }));
  }

  /** Test hook: the worker dies without a word; the watchdog (shortened to `watchdogMs`) notices. */
  die(watchdogMs: number): void {
    this.transport.watchdogMs = watchdogMs;
    void this.transport.send({ type: 'debug-die' });
  }

  handle(r: Response): void {
    if ('frame' in r) this.bare = !r.frame.views;
    switch (r.type) {
      case 'ready':
        resetRun();
        useLab.setState({
          phase: 'ready',
          seed: r.seed,
          scenario: r.scenario,
          description: r.description,
          stepTimes: r.stepTimes,
          endAt: r.endAt,
          era: r.era,
          selected: null,
        });
        applyFrame(r.frame, { ready: true });
        return;
      case 'frame':
        applyFrame(r.frame);
        if (r.milestone) {
          useLab.setState({ lastMilestone: { ...r.milestone, at: r.frame.to } });
          // Presenter mode shows it as its caption.
          if (!useLab.getState().present) notifyMilestone(r.milestone);
        }
        return;
      case 'reset':
        applyFrame(r.frame, { reset: true });
        return;
      case 'input':
        applyFrame(r.frame);
        return;
      case 'input-error':
      case 'load-error':
        notify('error', 'notice.loadError', { message: r.message }, 0);
        return;
      case 'run':
      case 'scenario-file':
      case 'probe':
        return;
      case 'fault':
        this.fault(r);
        return;
    }
  }

  private fault(f: {
    message: string;
    stack: string;
    seed: number;
    at: number;
    record: RunRecord | null;
  }): void {
    const s = useLab.getState();
    const base = `${location.origin}${location.pathname}${buildSearch({ scenario: s.scenario, seed: f.seed, lang: s.lang })}`;
    useLab.setState({
      phase: 'fault',
      playing: false,
      fault: { message: f.message, stack: f.stack, seed: f.seed, at: f.at, repro: base },
    });
    if (f.record)
      void encodeRun(f.record).then((run) => {
        const cur = useLab.getState().fault;
        if (cur) useLab.setState({ fault: { ...cur, repro: `${base}#run=${run}` } });
      });
  }
}
