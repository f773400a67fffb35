// The ghost run on the page (issue 11), loaded on demand with the first "what if…": its state (a
// small store of its own: the views at the shared time, the diff), opening and closing it, acting
// in it, the backlog probe, and its part of the share link. The worker keeps it in lockstep
// (worker/runs.ts); its frames arrive in the answers' envelopes through the controller's sink.
import { create } from 'zustand';
import {
  forkRecord,
  type LabInput,
  type NodeView,
  type ProbeAnswer,
  type ProbeAsk,
  type ResyncDiffRow,
  type RunRecord,
  type TimedInput,
  type WhatIfChange,
} from '../engine/index.ts';
import type { GhostFrame } from '../protocol.ts';
import { onFrame } from './frames.ts';
import { ctl } from './instance.ts';
import type { GhostLink } from './run-codec.ts';
import { applyFrame, errorWords, notify, useLab } from './store.ts';
import { encodeRun } from './url.ts';

export interface GhostState {
  change: WhatIfChange;
  /** The fork moment (virtual µs) and where the runs start to differ. */
  at: number;
  from: number;
  /** The ghost's time: the live run's. */
  t: number;
  views: NodeView[];
  traffic: Record<string, number>;
  diff: ResyncDiffRow[];
}

export const useGhost = create<{ ghost: GhostState | null }>(() => ({ ghost: null }));

let forkAt = 0;

/**
 * Least wall ms between two renders of the ghost while it plays: the live run's worker answers come
 * ~20 times a second, the side-by-side tables need not follow each one. The last frame always lands.
 */
const GHOST_RENDER_MS = 150;
let latest: GhostFrame | null = null;
let lastRender = -GHOST_RENDER_MS;
let timer: ReturnType<typeof setTimeout> | null = null;

function fold(g: GhostFrame | null): void {
  if (!g) {
    // Closed, or a new run was loaded (a scenario, a lesson chapter): the panel goes too.
    if (timer !== null) clearTimeout(timer);
    [timer, latest] = [null, null];
    useGhost.setState({ ghost: null });
    useLab.setState({ whatIf: false });
    return;
  }
  latest = g;
  schedule();
}

/** A render soon (at most one per GHOST_RENDER_MS), after the live run's frame of the same answer. */
function schedule(): void {
  timer ??= setTimeout(render, Math.max(0, lastRender + GHOST_RENDER_MS - performance.now()));
}

// The panel shows this run's nodes beside the ghost's, read when it renders: render again once the
// live run's frame (which the page folds after the ghost's part of the same answer) is in.
onFrame(() => {
  if (latest) schedule();
}, []);

function render(): void {
  timer = null;
  lastRender = performance.now();
  const g = latest;
  if (!g) return;
  const f = g.frame;
  if (!useLab.getState().whatIf) useLab.setState({ whatIf: true });
  useGhost.setState((s) => ({
    ghost: {
      change: g.change,
      at: s.ghost?.at ?? forkAt,
      from: g.from,
      t: f.to,
      views: f.views ?? [], // the ghost's frames always carry views (worker/runs.ts)
      traffic: f.traffic,
      diff: g.diff,
    },
  }));
}

/**
 * Fork the live run at `at` (default: now) with `change` and show it beside it. `inputs`: a shared
 * ghost's own inputs. Returns null, or the Redis-style reason it could not (also shown as a notice).
 */
export async function openWhatIf(
  change: WhatIfChange,
  at = useLab.getState().t,
  inputs?: TimedInput[],
  /** Also say a refusal in a notice (the what-if form shows it beside its button instead). */
  toast = true,
): Promise<string | null> {
  forkAt = at;
  const c = ctl();
  c.ghostSink = fold;
  c.ghostShare = ghostHashPart;
  useGhost.setState({ ghost: null });
  const r = await ctl().request({ type: 'what-if', change, at, ...(inputs ? { inputs } : {}) });
  // A refused fork leaves the live run as it was (the notice had said the default lab opened).
  if (r.type === 'input-error') {
    if (toast) notify('error', 'notice.whatIfError', { message: r.message }, 0);
    return r.message;
  }
  useLab.setState((s) => ({ notices: s.notices.filter((n) => n.key !== 'notice.whatIfError') }));
  if (r.type === 'frame') applyFrame(r.frame);
  return null;
}

export async function closeWhatIf(): Promise<void> {
  const r = await ctl().request({ type: 'what-if-close' });
  if (r.type === 'frame') applyFrame(r.frame);
}

/** An input in the ghost run only (at the shared time). Returns null or the refusal. */
export async function actGhost(input: LabInput): Promise<string | null> {
  const r = await ctl().request({ type: 'ghost', req: { type: 'input', input } });
  return r.type === 'input-error' ? r.message : null;
}

/** The backlog probe (a headless engine run); a newer ask replaces one still waiting. */
export async function probe(ask: ProbeAsk): Promise<ProbeAnswer | { error: string }> {
  const r = await ctl().request({ type: 'probe', ask });
  if (r.type === 'probe') return r.answer;
  return { error: r.type === 'input-error' ? r.message : 'ERR the simulation stopped' };
}

const same = (a: TimedInput, b: TimedInput) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The ghost's part of a share link: the fork (moment and change), and — only when the ghost was
 * acted on — how many of the fork's inputs it kept and what it has instead (a few bytes usually).
 */
export function ghostLink(
  main: RunRecord,
  ghost: RunRecord,
  g: Pick<GhostState, 'at' | 'change'>,
): GhostLink {
  const base = forkRecord(main, g.at, g.change).record.inputs;
  let keep = 0;
  while (keep < base.length && keep < ghost.inputs.length && same(base[keep], ghost.inputs[keep])) keep++;
  const link: GhostLink = { at: g.at, change: g.change };
  if (keep < base.length || keep < ghost.inputs.length)
    Object.assign(link, { keep, tail: ghost.inputs.slice(keep) });
  return link;
}

/** The ghost's inputs from its link part over the live run's record. */
export function ghostInputs(main: RunRecord, link: GhostLink): TimedInput[] | undefined {
  if (link.tail === undefined) return undefined;
  const base = forkRecord(main, link.at, link.change).record.inputs;
  return [...base.slice(0, link.keep ?? base.length), ...link.tail];
}

/** `&ghost=…` for the share link while a ghost is open, else ''. */
export async function ghostHashPart(main: RunRecord): Promise<string> {
  const g = useGhost.getState().ghost;
  if (!g) return '';
  const r = await ctl().request({ type: 'ghost', req: { type: 'export' } });
  if (r.type !== 'run') return '';
  return `&ghost=${await encodeRun(ghostLink(main, r.record, g))}`;
}

/** Open a shared link's ghost over the run just opened from the same link. */
export async function openSharedGhost(text: string, main: RunRecord): Promise<void> {
  try {
    const { decodeGhost } = await import('./run-codec.ts');
    const link = await decodeGhost(text);
    await openWhatIf(link.change, link.at, ghostInputs(main, link));
  } catch (e) {
    notify('error', 'notice.badRunKept', { message: errorWords(e) }, 0);
  }
}
