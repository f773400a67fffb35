// Keyboard shortcuts. Ignored while typing in a field; every shortcut is also a button on screen.
// Node actions apply to the selected node (or the selected link's replica); writes default to
// the first master.
import type { LabInput } from '../engine/index.ts';
import { ctl } from '../store/instance.ts';
import { notify, setLang, useLab } from '../store/store.ts';
import { INSIGHT_TABS } from './Insights.tsx';
import { act, command } from './side/NodeActions.tsx';
import { nudgeSpeed } from './timeline/speed.ts';

export const SHORTCUTS = [
  { keys: 'Space', id: 'play' },
  { keys: '← / →', id: 'step' },
  { keys: 'N', id: 'milestone' },
  { keys: 'Home', id: 'start' },
  { keys: '[ / ]', id: 'speed' },
  { keys: '1 … 7', id: 'select' },
  { keys: 'W', id: 'write' },
  { keys: 'B', id: 'burst' },
  { keys: 'T', id: 'traffic' },
  { keys: 'X', id: 'cut' },
  { keys: 'F', id: 'freeze' },
  { keys: 'R / Shift+R', id: 'restart' },
  { keys: 'P', id: 'promote' },
  { keys: 'A', id: 'add' },
  { keys: 'C', id: 'console' },
  { keys: 'V', id: 'tab' },
  { keys: 'I', id: 'insights' },
  { keys: 'L', id: 'lang' },
  { keys: '?', id: 'help' },
  { keys: 'Esc', id: 'escape' },
] as const;

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

function typing(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function onKeyDown(e: KeyboardEvent): void {
  if (e.altKey || typing(e.target)) return;
  if (e.ctrlKey || e.metaKey) {
    // Ctrl+Z / Cmd+Z: undo the last action, the run comes back as it was (store/undo.ts, on demand).
    if (e.key === 'z' && useLab.getState().undoable) {
      e.preventDefault();
      void import('../store/undo.ts').then((m) => m.undo());
    }
    return;
  }
  // An open dialog owns the keyboard (Esc closes it, not the selection behind it).
  if (document.querySelector('dialog[open]')) return;
  const s = useLab.getState();
  if (s.phase !== 'ready' && e.key !== '?') return;
  const k = e.key;
  const v = (name: string) => s.views[name];
  let handled = true;
  if (k === ' ' && !(e.target instanceof HTMLButtonElement)) ctl().togglePlay();
  else if (k === 'ArrowRight' && !inTabs(e.target)) void ctl().stepForward();
  else if (k === 'ArrowLeft' && !inTabs(e.target)) void ctl().stepBack();
  else if (k === 'n' || k === 'N') void ctl().nextMilestone();
  else if (k === 'Home') void ctl().seek(0);
  else if (k === '[' || k === ']') ctl().setSpeed(nudgeSpeed(s.speed, k === ']' ? 1 : -1));
  else if (/^[1-7]$/.test(k)) {
    const name = s.order[Number(k) - 1];
    if (name) useLab.setState({ selected: { kind: 'node', name } });
  } else if (k === 'w' || k === 'b') {
    const name = target() ?? firstMaster();
    if (name) void act({ type: 'write', node: name, count: k === 'w' ? 1 : 100 });
  } else if (k === 't') {
    const name = target() ?? firstMaster();
    if (name) void act({ type: 'traffic', node: name, perSecond: s.traffic[name] ? 0 : 50 });
  } else if (k === 'x')
    onNode((n) => (v(n)?.master ? { type: v(n).linkCut ? 'heal' : 'cut', replica: n } : null));
  else if (k === 'f') onNode((n) => ({ type: v(n)?.run === 'stopped' ? 'unfreeze' : 'freeze', node: n }));
  else if (k === 'r' || k === 'R')
    onNode((n) => ({ type: 'restart', node: n, save: k === 'r', downMs: 500 }));
  else if (k === 'p') onNode((n) => command(n, 'REPLICAOF', 'NO', 'ONE'));
  else if (k === 'a') onNode((n) => ({ type: 'add-replica', of: n }));
  else if (k === 'c') {
    const name = target() ?? firstMaster();
    if (name) {
      useLab.setState({ selected: { kind: 'node', name }, nodeTab: 'console' });
      requestAnimationFrame(() => document.getElementById(`console-${name}`)?.focus());
    }
  } else if (k === 'v') {
    const i = INSIGHT_TABS.indexOf(s.insight);
    useLab.setState({ insight: INSIGHT_TABS[(i + 1) % INSIGHT_TABS.length] });
  } else if (k === 'i') useLab.setState({ insightsOpen: !s.insightsOpen });
  else if (k === 'l' || k === 'L') void setLang(s.lang === 'zh' ? 'en' : 'zh');
  else if (k === '?') useLab.setState({ helpOpen: true });
  else if (k === 'Escape') useLab.setState({ selected: null });
  else handled = false;
  if (handled) e.preventDefault();
}

function inTabs(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.getAttribute('role') === 'tab' || el.tagName === 'INPUT');
}
