// The zustand store: discrete state for React (narrow selectors), plus the history (a mutable
// fold, read through revision counters so only the views of a list that changed re-render).
// Per-frame motion does not go through React: the message layer subscribes to `t` transiently.
import { type UseBoundStore, useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Era, LabInput, LocalText, NodeView, RunRecord } from '../engine/index.ts';
import { type Lang, loadLang, type MsgKey, translate, type Vars } from '../i18n/index.ts';
import { narrateStep } from '../i18n/narrate.ts';
import type { Frame, Milestone, MilestoneHit } from '../protocol.ts';
import { emitFrame } from './frames.ts';
import { applyEvents, emptyHistory, type History, noneTouched, type Touched, truncate } from './history.ts';

export type Selection = { kind: 'node'; name: string } | { kind: 'link'; replica: string } | null;
export type InsightTab = 'decision' | 'backlog' | 'offsets' | 'fullsync' | 'handshake';
export type NodeTab = 'actions' | 'console' | 'info' | 'data' | 'log';

export interface Notice {
  id: number;
  kind: 'info' | 'warn' | 'error';
  /** Translated when shown, so switching the language re-words open notices. */
  key: MsgKey;
  vars?: Vars;
}

export interface Fault {
  message: string;
  stack: string;
  seed: number;
  at: number;
  /** A link that reopens the run up to the fault. */
  repro: string;
}

export interface Revs {
  messages: number;
  decisions: number;
  phases: number;
  states: number;
  logs: number;
  consoles: number;
  actions: number;
  samples: number;
}

export interface LabState {
  phase: 'booting' | 'ready' | 'fault';
  seed: number;
  scenario: string | null;
  description: string | null;
  stepTimes: number[];
  /** When the scenario's last step is done (µs; 0: no scenario): played past it, the scenario is complete. */
  endAt: number;
  /** The run's protocol era (psync2 = Redis 7.0): older eras show runid, no replid2, no backlog in SYNC. */
  era: Era;
  /** The open scenario's steps as in its file (the guide tells them in words). */
  scenarioSteps: Record<string, unknown>[];
  /** Scenario names available from the static folder. */
  catalog: string[];
  /** Virtual time shown (µs): the worker's time after the last frame. */
  t: number;
  /** Furthest time reached since the last fork (the scrubber's end). */
  maxT: number;
  horizon: number;
  views: Record<string, NodeView>;
  order: string[];
  traffic: Record<string, number>;
  hist: History;
  rev: Revs;
  dropped: number;
  playing: boolean;
  /** Virtual seconds per wall second. */
  speed: number;
  lang: Lang;
  selected: Selection;
  insight: InsightTab;
  nodeTab: NodeTab;
  /** Switch the insight tab when a PSYNC or full sync happens. */
  follow: boolean;
  /** The teaching panels under the cluster are open (closed: the cluster gets the height). */
  insightsOpen: boolean;
  blocks: boolean;
  helpOpen: boolean;
  /** The message whose RESP bytes are shown. */
  resp: number | null;
  notices: Notice[];
  fault: Fault | null;
  lastMilestone: { kind: Milestone; node: string; at: number } | null;
  /** The user acted since the run was opened (a share link then carries the run, not just its name). */
  acted: boolean;
  /** When the run left its scenario's story (steps after it will not happen); null: it did not. */
  leftAt: number | null;
  /** How many actions Ctrl+Z can undo. */
  undoable: number;
  /**
   * The last action that set a future aside (the notice with Undo): its time, how many recorded actions
   * it set aside, the undo depth that puts them back, whether it left the scenario, and whether it was
   * in the past (before the furthest time played) or at the end, before actions recorded for later.
   */
  fork: {
    at: number;
    dropped: number;
    /** The first recorded actions set aside, for the notice to name (protocol `aside`). */
    aside: LabInput[];
    depth: number;
    left: boolean;
    past: boolean;
  } | null;
  /** An opened scenario file's own title and zh/en description (not in the catalog). */
  scenarioMeta: { title?: LocalText; text?: LocalText } | null;
  /** A shared link's run, while the panel listing its actions is open. */
  linkRun: RunRecord | null;
  /** The scenario-file dialog (save what I did as a scenario, open a file) is open. */
  fileDialog: boolean;
  /** Presenter mode (?present=1): large type, one panel, clicker keys (ui/present, loaded on demand). */
  present: boolean;
  /** Presenter mode's black screen (B or . on a clicker); any key or click ends it. */
  blank: boolean;
  /** The what-if panel is open (ui/whatif, loaded on demand): its form, or the ghost run beside this one. */
  whatIf: boolean;
}

const zeroRevs = (): Revs => ({
  messages: 0,
  decisions: 0,
  phases: 0,
  states: 0,
  logs: 0,
  consoles: 0,
  actions: 0,
  samples: 0,
});

export const DEFAULT_SPEED = 0.1;

export const initialState = (lang: Lang = 'en'): LabState => ({
  phase: 'booting',
  seed: 1,
  scenario: null,
  description: null,
  stepTimes: [],
  scenarioSteps: [],
  endAt: 0,
  era: 'psync2',
  catalog: [],
  t: 0,
  maxT: 0,
  horizon: 0,
  views: {},
  order: [],
  traffic: {},
  hist: emptyHistory(),
  rev: zeroRevs(),
  dropped: 0,
  playing: true,
  speed: DEFAULT_SPEED,
  lang,
  selected: null,
  insight: 'handshake',
  nodeTab: 'actions',
  follow: true,
  insightsOpen: true,
  blocks: false,
  helpOpen: false,
  resp: null,
  notices: [],
  fault: null,
  lastMilestone: null,
  acted: false,
  leftAt: null,
  undoable: 0,
  fork: null,
  scenarioMeta: null,
  linkRun: null,
  fileDialog: false,
  present: false,
  blank: false,
  whatIf: false,
});

const api = createStore<LabState>(() => initialState());

/**
 * Least wall time between two React passes for frames folded while playing in which only numbers
 * moved (ms), at a speed. Below 1× a student follows single messages — a dot lands, the replica's
 * offset moves — so numbers show within 100 ms. From 1× on they change on every pass, many writes
 * at a time: read at 5 a second they are as legible as at 10 (a counter's last digits blur either
 * way), and each pass costs a render, a layout and a repaint of every card and table cell whose
 * number moved — in the UI stress scene (1×), 200 ms instead of 100 took ~3 points off the main
 * thread (bench/ui-ab.ts, paired). A discrete frame (protocol.ts Frame.discrete: a link state, a
 * PSYNC answer, a log line), an action, a pause, a seek, a frame folded while paused reach React at
 * once (and flush a held pass), so a change of state shows the moment it happens and what is shown
 * after it is exact. The message layer and other imperative subscribers hear every change.
 */
export function viewMs(speed: number): number {
  return speed >= 1 ? 200 : 100;
}
/** Set while applyFrame folds a frame of a run that plays. */
let pacing = false;
let lastView = 0;
let held: ReturnType<typeof setTimeout> | null = null;
type Listener = (state: LabState, prev: LabState) => void;
const viewers = new Set<Listener>();
/** The state React was last told of (the `prev` of the next pass). */
let shown = api.getState();

function showNow(): void {
  if (held !== null) clearTimeout(held);
  held = null;
  lastView = performance.now();
  const prev = shown;
  shown = api.getState();
  for (const f of viewers) f(shown, prev);
}

api.subscribe(() => {
  if (!pacing) showNow();
  else held ??= setTimeout(showNow, Math.max(0, lastView + viewMs(api.getState().speed) - performance.now()));
});

/** The store as React sees it: the same state, heard through the paced subscription above. */
const view: Pick<StoreApi<LabState>, 'getState' | 'getInitialState' | 'subscribe'> = {
  getState: api.getState,
  getInitialState: api.getInitialState,
  subscribe: (f) => {
    viewers.add(f);
    return () => viewers.delete(f);
  },
};

export const useLab = Object.assign(
  <U>(selector: (s: LabState) => U) => useStore(view, selector),
  api,
) as UseBoundStore<StoreApi<LabState>>;

function bump(rev: Revs, t: Touched): Revs {
  const r = { ...rev };
  for (const k of Object.keys(t) as (keyof Touched)[]) if (t[k]) r[k]++;
  return r;
}

/** Which insight tab a frame should bring forward when `follow` is on, if any. */
export function followTab(frame: Frame): LabState['insight'] | null {
  let tab: LabState['insight'] | null = null;
  for (const e of frame.events) {
    if (e.type === 'psync.decided') tab = 'decision';
    else if (e.type === 'rdb.phase' && e.phase === 'bgsave-start' && tab === null) tab = 'fullsync';
  }
  return tab;
}

/** Views by name, the node order and the selection after new views (a selection that is gone is dropped). */
function withViews(s: LabState, list: NodeView[]): Pick<LabState, 'views' | 'order' | 'selected'> {
  const views: Record<string, NodeView> = {};
  for (const v of list) views[v.name] = v;
  const order = list.map((v) => v.name);
  const sameOrder = order.length === s.order.length && order.every((n, i) => n === s.order[i]);
  let selected = s.selected;
  if (selected?.kind === 'node' && !views[selected.name]) selected = null;
  if (selected?.kind === 'link' && !views[selected.replica]?.master) selected = null;
  return { views, order: sameOrder ? s.order : order, selected };
}

/**
 * Fold one frame in. `reset` first forgets history after the frame's start; `ready` marks the first
 * frame of a new run (for the frame listeners).
 */
export function applyFrame(frame: Frame, opts: { reset?: boolean; ready?: boolean } = {}): void {
  const s0 = useLab.getState();
  pacing = s0.playing && s0.phase === 'ready' && !opts.reset && !opts.ready && !frame.discrete;
  useLab.setState((s) => {
    let touched = noneTouched();
    if (opts.reset) touched = truncate(s.hist, frame.to);
    touched = applyEvents(s.hist, frame.events, frame.samples, touched, frame.times);
    const tab = s.follow ? followTab(frame) : null;
    return {
      t: frame.to,
      maxT: opts.reset ? s.maxT : Math.max(s.maxT, frame.to),
      horizon: frame.horizon,
      // A play frame may come without views: those of the last frame that had them stay.
      ...(frame.views && withViews(s, frame.views)),
      traffic: sameRecord(frame.traffic, s.traffic) ? s.traffic : frame.traffic,
      rev: bump(s.rev, touched),
      dropped: s.dropped + frame.dropped,
      insight: tab ?? s.insight,
    };
  });
  pacing = false;
  if (!opts.reset) noticeDrops(frame);
  emitFrame(frame, opts.ready ? 'ready' : opts.reset ? 'reset' : 'frame');
}

/** A full sync drops the replica's own replicas (point 14): said the moment it happens. */
function noticeDrops(frame: Frame): void {
  for (const e of frame.events)
    if (e.type === 'rdb.phase' && e.phase === 'drop-replicas')
      notify('warn', 'notice.dropReplicas', { node: e.node, replicas: e.detail ?? '' }, 6000);
}

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

let noticeId = 1;

/** Show a notice. One of the same `key` prefix group (e.g. every milestone) replaces the previous. */
export function notify(kind: Notice['kind'], key: MsgKey, vars?: Vars, ms = 8000): void {
  const id = noticeId++;
  const group = key.split('.')[0];
  useLab.setState((s) => ({
    notices: [
      ...s.notices.filter((n) => group !== 'milestone' || !n.key.startsWith('milestone.')).slice(-2),
      { id, kind, key, vars },
    ],
  }));
  if (ms > 0) setTimeout(() => dismiss(id), ms);
}

/** An error's message in the page's language: a RunError (run-codec.ts) carries its Chinese. */
export function errorWords(e: unknown): string {
  const zh = (e as { zh?: unknown } | null)?.zh;
  if (useLab.getState().lang === 'zh' && typeof zh === 'string') return zh;
  return e instanceof Error ? e.message : String(e);
}

/** A milestone told in words: "B asks A for byte 326", "Step 4: B's link to its master is cut". */
export function notifyMilestone(m: MilestoneHit): void {
  const s = useLab.getState();
  const { key, vars } = milestoneWords(m, s.lang, s.scenarioSteps);
  notify('info', key, vars, m.kind === 'step' ? 6000 : 5000);
}

/** The catalog entry and values that tell a milestone (the notice, the presenter's caption). */
export function milestoneWords(
  m: MilestoneHit,
  lang: Lang,
  steps: readonly Record<string, unknown>[],
): { key: MsgKey; vars: Vars } {
  const vars: Vars = { node: m.node, ...m.vars };
  if (m.kind === 'step') {
    const what = narrateStep(steps[Number(m.node) - 1] ?? {}, (k, v) => translate(lang, k, v), lang);
    return { key: 'milestone.step', vars: { n: m.node, what } };
  }
  if (m.kind === 'handshake' && vars.offset === -1) return { key: 'milestone.handshakeFull', vars };
  return { key: `milestone.${m.kind}`, vars };
}

export function dismiss(id: number): void {
  useLab.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/** A fresh history for a new run (load). */
export function resetRun(): void {
  useLab.setState({
    hist: emptyHistory(),
    rev: zeroRevs(),
    t: 0,
    maxT: 0,
    dropped: 0,
    lastMilestone: null,
    acted: false,
    leftAt: null,
    undoable: 0,
    fork: null,
  });
}

/** Switch the language once its catalog is loaded (so no frame shows raw keys). */
export async function setLang(lang: Lang): Promise<void> {
  await loadLang(lang);
  useLab.setState({ lang });
}
