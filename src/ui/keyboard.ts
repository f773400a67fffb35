// The keyboard: keymap.ts decides what a key means; this carries it out. One listener on the window
// in the capture phase, so it hears a key before a focused button, tab or slider does (Space stays
// play/pause after a click; a clicker's arrow keys step with a clicked tab focused). Every shortcut
// is also a button on screen. Node actions apply to the selected node (or the selected link's
// replica); writes default to the first master.
import type { LabInput } from '../engine/index.ts';
import { setPresent } from '../store/boot.ts';
import { ctl } from '../store/instance.ts';
import { useLessonNav } from '../store/lesson-nav.ts';
import { notify, setLang, useLab } from '../store/store.ts';
import { INSIGHT_TABS } from './Insights.tsx';
import { focusKind, isNavigation, type KeyAction, keyAction } from './keymap.ts';
import { act, command } from './side/NodeActions.tsx';
import { nudgeSpeed } from './timeline/speed.ts';

function target(): string | null {
  const s = useLab.getState().selected;
  if (s?.kind === 'node') return s.name;
  if (s?.kind === 'link') return s.replica;
  return null;
}

function firstMaster(): string | null {
  const s = useLab.getState();
  return s.order.find((n) => s.views[n]?.role === 'master' && s.views[n]?.run === 'running') ?? null;
}

function onNode(make: (name: string) => LabInput | null): void {
  const name = target();
  if (!name) {
    notify('info', 'notice.selectFirst');
    return;
  }
  const input = make(name);
  if (input) void act(input);
}

const lessonRuntime = () => import('../store/lesson/runtime.ts');

/** What each action does; `key` is the key pressed (a digit, or r / R). */
const RUN: Record<KeyAction, (key: string) => void> = {
  play: () => ctl().togglePlay(),
  step: () => void ctl().stepForward(),
  stepBack: () => void ctl().stepBack(),
  milestone: () => void ctl().nextMilestone(),
  milestoneBack: () => void import('./present/milestones.ts').then((m) => m.previousMilestone()),
  start: () => void ctl().seek(0),
  slower: () => ctl().setSpeed(nudgeSpeed(useLab.getState().speed, -1)),
  faster: () => ctl().setSpeed(nudgeSpeed(useLab.getState().speed, 1)),
  select: (k) => {
    const name = useLab.getState().order[Number(k) - 1];
    if (name) useLab.setState({ selected: { kind: 'node', name } });
  },
  write: () => writes(1),
  burst: () => writes(100),
  traffic: () => {
    const name = target() ?? firstMaster();
    const on = useLab.getState().traffic[name ?? ''];
    if (name) void act({ type: 'traffic', node: name, perSecond: on ? 0 : 50 });
  },
  cut: () => onNode((n) => (view(n)?.master ? { type: view(n).linkCut ? 'heal' : 'cut', replica: n } : null)),
  freeze: () => onNode((n) => ({ type: view(n)?.run === 'stopped' ? 'unfreeze' : 'freeze', node: n })),
  restart: (k) => onNode((n) => ({ type: 'restart', node: n, save: k === 'r', downMs: 500 })),
  promote: () => onNode((n) => command(n, 'REPLICAOF', 'NO', 'ONE')),
  add: () => onNode((n) => ({ type: 'add-replica', of: n })),
  console: () => {
    const name = target() ?? firstMaster();
    if (!name) return;
    useLab.setState({ selected: { kind: 'node', name }, nodeTab: 'console' });
    requestAnimationFrame(() => document.getElementById(`console-${name}`)?.focus());
  },
  tab: () => {
    const i = INSIGHT_TABS.indexOf(useLab.getState().insight);
    useLab.setState({ insight: INSIGHT_TABS[(i + 1) % INSIGHT_TABS.length] });
  },
  insights: () => useLab.setState((s) => ({ insightsOpen: !s.insightsOpen })),
  lang: () => void setLang(useLab.getState().lang === 'zh' ? 'en' : 'zh'),
  help: () => useLab.setState({ helpOpen: true }),
  deselect: () => useLab.setState({ selected: null }),
  lessonNext: () => void lessonRuntime().then((m) => m.next()),
  lessonAdvance: () => void lessonRuntime().then((m) => m.advance()),
  lessonBack: () => void lessonRuntime().then((m) => m.back()),
  lessonLeave: () => void lessonRuntime().then((m) => m.leave()),
  blank: () => useLab.setState({ blank: true }),
  unblank: () => useLab.setState({ blank: false }),
  leavePresent: () => setPresent(false),
};

const view = (name: string) => useLab.getState().views[name];

function writes(count: number): void {
  const name = target() ?? firstMaster();
  if (name) void act({ type: 'write', node: name, count });
}

/** What the last click or tap landed on (null after Tab): a focused element that contains it was clicked. */
let pointed: EventTarget | null = null;

export function onKeyDown(e: KeyboardEvent): void {
  if (e.key === 'Tab') pointed = null;
  // Focused by a click or tap, not by Tab or a script: then its arrow keys are the clicker's.
  const t = e.target;
  const byPointer = pointed !== null && t instanceof Node && pointed instanceof Node && t.contains(pointed);
  const s = useLab.getState();
  // Ctrl+Z / Cmd+Z: undo the last action, the run comes back as it was (store/undo.ts, on demand).
  if ((e.ctrlKey || e.metaKey) && e.key === 'z' && s.undoable && focusKind(e.target, byPointer) !== 'text') {
    e.preventDefault();
    void import('../store/undo.ts').then((m) => m.undo());
    return;
  }
  const action = keyAction(e.key, {
    focus: focusKind(e.target, byPointer),
    modifier: e.ctrlKey || e.metaKey || e.altKey,
    dialog: document.querySelector('dialog[open]') !== null,
    ready: s.phase === 'ready',
    lesson: useLessonNav.getState().open,
    present: s.present,
    blank: s.blank,
  });
  if (!action) return;
  e.preventDefault();
  // A focused slider or tab list must not move too; Esc and the rest still reach other listeners.
  if (isNavigation(e.key) || action === 'unblank') e.stopPropagation();
  RUN[action](e.key);
}

function onPointerDown(e: PointerEvent): void {
  pointed = e.target;
}

/** Listen for keys (and where the focus came from) until the returned function is called. */
export function installKeyboard(): () => void {
  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('pointerdown', onPointerDown, { capture: true });
  return () => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    window.removeEventListener('pointerdown', onPointerDown, { capture: true });
  };
}
