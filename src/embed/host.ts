// The embed glue (loaded on demand when ?embed=1): the window's `message` listener, the events
// posted to the parent, the widget's height, and the `EmbedLab` the dispatcher drives — made of the
// page's own controller and store, so a host's call takes the same path as a click.
//
// Security rule (docs/embedding.md): messages are read only when they come from the parent window
// and their origin is exactly the `&parent=` origin; events go to that origin only. Without a valid
// `&parent=`, nothing is read and nothing is sent.
import { openScenario } from '../store/boot.ts';
import type { Controller } from '../store/client.ts';
import { onFrame } from '../store/frames.ts';
import { scenarioFile } from '../store/scenario-files.ts';
import { useLab } from '../store/store.ts';
import { parseUrl, SCENARIO_NAME } from '../store/url.ts';
import { type MilestoneAt, milestones } from '../worker/milestone.ts';
import { answer, type EmbedLab } from './dispatch.ts';
import { API_VERSION, METHODS } from './messages.ts';
import { type EmbedState, frameEvents, type OutEvent } from './outbound.ts';
import { type EmbedParams, fromParent } from './params.ts';
import { watchProgress } from './progress.ts';
import { useEmbed } from './view.ts';

/** Most "next milestone" steps a seek to a milestone not yet seen may take. */
const SEEK_MILESTONES = 40;

export function stateOf(): EmbedState {
  const s = useLab.getState();
  return {
    scenario: s.scenario,
    chapter: useEmbed.getState().chapter,
    seed: s.seed,
    t: s.t,
    playing: s.playing,
    stepTimes: s.stepTimes,
    horizon: s.horizon,
    endAt: s.endAt,
  };
}

/** Milestones reached in this run so far (forgotten after the time gone back to). */
let reached: MilestoneAt[] = [];

function labOf(ctrl: Controller): EmbedLab {
  const pause = () => ctrl.setPlaying(false);
  return {
    async load(what) {
      if ('chapter' in what) return openChapter(what.chapter);
      if (!SCENARIO_NAME.test(what.scenario) || (await scenarioFile(what.scenario)) === null)
        throw new Error(`ERR unknown scenario '${what.scenario}'`);
      useEmbed.setState({ locked: true, chapter: null });
      await closeLesson();
      if (!(await openScenario(ctrl, what.scenario, what.seed ?? useLab.getState().seed)))
        throw new Error(`ERR could not open scenario '${what.scenario}'`);
    },
    play(speed) {
      if (speed !== undefined) ctrl.setSpeed(speed);
      ctrl.setPlaying(true);
    },
    pause,
    async seekTime(t) {
      pause();
      await ctrl.seek(t);
    },
    async seekStep(n) {
      const at = useLab.getState().stepTimes[n - 1];
      if (at === undefined)
        throw new Error(`ERR no step ${n}: this run has ${useLab.getState().stepTimes.length} steps`);
      pause();
      await ctrl.seek(at);
    },
    async seekMilestone(kind, node) {
      pause();
      const hit = (m: MilestoneAt) => m.kind === kind && (node === undefined || m.node === node);
      const seen = reached.find(hit);
      if (seen) return ctrl.seek(seen.at);
      const from = useLab.getState().t;
      for (let i = 0; i < SEEK_MILESTONES; i++) {
        const before = useLab.getState().t;
        await ctrl.nextMilestone();
        if (reached.some((m) => hit(m) && m.at > from)) return;
        if (useLab.getState().t === before) break;
      }
      await ctrl.seek(from);
      throw new Error(`ERR no '${kind}' milestone${node ? ` of ${node}` : ''} ahead in this run`);
    },
    async step(until) {
      await (until === 'event' ? ctrl.stepForward() : ctrl.nextMilestone());
    },
    async input(input) {
      const r = await ctrl.act(input);
      if (!r.ok) throw new Error(r.message);
      return { forked: r.forked, reply: r.reply };
    },
    state: stateOf,
  };
}

async function openChapter(chapter: number): Promise<void> {
  const { loadData, openLesson } = await import('../store/lesson/runtime.ts');
  const lesson = await loadData();
  if (!lesson) throw new Error('ERR the lesson could not be loaded');
  if (chapter > lesson.chapters.length)
    throw new Error(`ERR no chapter ${chapter}: lesson ${lesson.lesson} has ${lesson.chapters.length}`);
  useEmbed.setState({ locked: true, chapter });
  await openLesson(chapter - 1, 0);
}

async function closeLesson(): Promise<void> {
  if (useEmbed.getState().chapter === null) return;
  const { leave } = await import('../store/lesson/runtime.ts');
  leave();
}

/** Start the API (listener, events, height) and open what the URL asks. */
export async function startEmbed(ctrl: Controller, params: EmbedParams): Promise<void> {
  useEmbed.setState({ params, locked: params.scenario !== null || params.chapter !== null, chapter: null });
  const target = params.parent;
  const post = (e: OutEvent) => {
    if (target !== null && window.parent !== window)
      window.parent.postMessage({ psyncLab: API_VERSION, ...e }, target);
  };
  onFrame((frame, kind) => {
    if (kind === 'ready') reached = [];
    if (kind === 'reset') reached = reached.filter((m) => m.at <= frame.to);
    else reached.push(...milestones(frame.events));
    for (const e of frameEvents(frame, useLab.getState().stepTimes, kind === 'reset')) post(e);
  });
  watchProgress(post);
  const reportHeight = watchHeight(post);
  // A fault: the host hears it with the reproduction link (again once the link carries the run).
  useLab.subscribe((s, p) => {
    const f = s.fault;
    if (f && (p.fault === null || p.fault.repro !== f.repro))
      post({ event: 'fault', message: `ERR ${f.message}`, seed: f.seed, at: f.at, repro: f.repro });
  });

  const lab = labOf(ctrl);
  let queue: Promise<unknown> = openFirst(ctrl, params);
  // One call at a time, in the order received, after the first run is open.
  window.addEventListener('message', (ev) => {
    if (!fromParent(ev, target, window.parent)) return;
    queue = queue.then(() => answer(ev.data, lab).then(post));
  });
  await queue;
  post({
    event: 'ready',
    version: API_VERSION,
    methods: METHODS,
    controls: params.controls,
    state: stateOf(),
  });
  reportHeight();
}

async function openFirst(ctrl: Controller, params: EmbedParams): Promise<void> {
  if (params.chapter !== null) {
    try {
      await openChapter(params.chapter);
      return;
    } catch (e) {
      useEmbed.setState({ params: { ...params, problems: [...params.problems, (e as Error).message] } });
    }
  }
  await openScenario(ctrl, params.scenario, parseUrl(location.search, '').seed);
}

/**
 * Post the widget's height (CSS px) whenever it changes, so the host can size the iframe. Returns the
 * report itself: a browser does not run ResizeObserver in an iframe scrolled out of view (it stops
 * rendering it), so the height is also reported with `ready`, measured directly.
 */
function watchHeight(post: (e: OutEvent) => void): () => void {
  let last = -1;
  const report = () => {
    const h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h !== last) post({ event: 'height', height: (last = h) });
  };
  new ResizeObserver(report).observe(document.body);
  return report;
}
