// The one keymap of the page, as data: which key does what in the free lab, in the lesson and in
// presenter mode. Pure (no store, no DOM globals): `keyAction` decides, keyboard.ts carries it out.
// Rules that came from a teacher with a clicker:
//  - Space is play/pause wherever the focus is (a clicked button must not take it as a click);
//  - a clicker's keys (PageDown / PageUp, → / ←) step even when a clicked tab or slider has focus;
//    only a tab or slider reached with the keyboard keeps its own arrow keys (WAI-ARIA tabs);
//  - presenter mode turns the single-letter actions off (B is the clicker's "blank" key);
//  - a clicker has no hands for the lab: in presenter mode its "next" in a lesson also does what the
//    step waits for (show me / skip to it, a prediction revealed for the class to answer aloud).

export type KeyAction =
  | 'play'
  | 'step'
  | 'stepBack'
  | 'milestone'
  | 'milestoneBack'
  | 'start'
  | 'slower'
  | 'faster'
  | 'select'
  | 'write'
  | 'burst'
  | 'traffic'
  | 'cut'
  | 'freeze'
  | 'restart'
  | 'promote'
  | 'add'
  | 'console'
  | 'tab'
  | 'insights'
  | 'lang'
  | 'help'
  | 'deselect'
  | 'lessonNext'
  | 'lessonAdvance'
  | 'lessonBack'
  | 'lessonLeave'
  | 'blank'
  | 'unblank'
  | 'leavePresent';

/**
 * Where the focus is: a text field (every key is text), a tab or slider the user reached with the
 * keyboard (its arrow keys are its own), a button / checkbox / clicked tab or slider ("control"),
 * or anything else.
 */
export type FocusKind = 'text' | 'widget' | 'control' | 'other';

export interface KeyContext {
  focus: FocusKind;
  /** Ctrl, Meta or Alt held: the browser's and the system's shortcuts, not ours. */
  modifier: boolean;
  dialog: boolean;
  ready: boolean;
  lesson: boolean;
  present: boolean;
  blank: boolean;
}

type When = (c: KeyContext) => boolean;

interface Binding {
  keys: readonly string[];
  action: KeyAction;
  when?: When;
}

const present: When = (c) => c.present;
const free: When = (c) => !c.present;
/** Arrow keys navigate unless a keyboard-reached tab or slider has them; a clicker's always do. */
const arrows: When = (c) => c.present || c.focus !== 'widget';
const lesson: When = (c) => c.lesson && arrows(c);

/** First match wins. Letters are case-sensitive where Shift means something (R / Shift+R). */
export const KEYMAP: readonly Binding[] = [
  { keys: [' '], action: 'play' },
  // The lesson, while open, owns the stepping keys (next / back step), in presenter mode too.
  { keys: ['ArrowRight', 'PageDown'], action: 'lessonAdvance', when: (c) => c.present && lesson(c) },
  { keys: ['ArrowRight', 'PageDown'], action: 'lessonNext', when: lesson },
  { keys: ['Enter'], action: 'lessonNext', when: (c) => c.lesson && c.focus === 'other' },
  { keys: ['ArrowLeft', 'PageUp'], action: 'lessonBack', when: lesson },
  { keys: ['ArrowRight', 'PageDown'], action: 'milestone', when: present },
  { keys: ['ArrowLeft', 'PageUp'], action: 'milestoneBack', when: present },
  { keys: ['b', 'B', '.'], action: 'blank', when: present },
  { keys: ['Escape'], action: 'leavePresent', when: present },
  { keys: ['Escape'], action: 'lessonLeave', when: (c) => c.lesson },
  { keys: ['ArrowRight'], action: 'step', when: arrows },
  { keys: ['ArrowLeft'], action: 'stepBack', when: arrows },
  { keys: ['n', 'N'], action: 'milestone' },
  { keys: ['Home'], action: 'start', when: arrows },
  { keys: ['['], action: 'slower' },
  { keys: [']'], action: 'faster' },
  { keys: ['1', '2', '3', '4', '5', '6', '7'], action: 'select' },
  // Single-letter actions on the cluster: off in presenter mode.
  { keys: ['w'], action: 'write', when: free },
  { keys: ['b'], action: 'burst', when: free },
  { keys: ['t'], action: 'traffic', when: free },
  { keys: ['x'], action: 'cut', when: free },
  { keys: ['f'], action: 'freeze', when: free },
  { keys: ['r', 'R'], action: 'restart', when: free },
  { keys: ['p'], action: 'promote', when: free },
  { keys: ['a'], action: 'add', when: free },
  { keys: ['c'], action: 'console', when: free },
  { keys: ['v'], action: 'tab' },
  { keys: ['i'], action: 'insights' },
  { keys: ['l', 'L'], action: 'lang' },
  { keys: ['?'], action: 'help' },
  { keys: ['Escape'], action: 'deselect' },
];

/** What `key` does here, or null (the key goes on to the browser and the focused element). */
export function keyAction(key: string, c: KeyContext): KeyAction | null {
  // A blank screen comes back at any key, and that key does nothing else.
  if (c.blank) return 'unblank';
  if (c.modifier || c.focus === 'text' || c.dialog) return null;
  if (!c.ready && key !== '?') return null;
  for (const b of KEYMAP) if (b.keys.includes(key) && (!b.when || b.when(c))) return b.action;
  return null;
}

/** Keys whose default a focused element also has (scrolling, a slider's or tab list's moves). */
export function isNavigation(key: string): boolean {
  return key.startsWith('Arrow') || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === ' ';
}

const NOT_TEXT = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file']);

/** The focus kind of an element; `byPointer`: it was focused by a click or tap, not the keyboard. */
export function focusKind(el: unknown, byPointer: boolean): FocusKind {
  if (!el || typeof el !== 'object' || !('tagName' in el)) return 'other';
  const e = el as {
    tagName: string;
    isContentEditable?: boolean;
    type?: string;
    getAttribute(n: string): string | null;
  };
  if (e.isContentEditable || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT') return 'text';
  // A range input, or a custom slider (the backlog sentence's draggable numbers: role=slider).
  const slider = (e.tagName === 'INPUT' && e.type === 'range') || e.getAttribute('role') === 'slider';
  if (e.tagName === 'INPUT' && !NOT_TEXT.has(e.type ?? 'text')) return 'text';
  if (slider || e.getAttribute('role') === 'tab') return byPointer ? 'control' : 'widget';
  if (e.tagName === 'BUTTON' || e.tagName === 'INPUT' || e.tagName === 'SUMMARY') return 'control';
  return 'other';
}

/** The help dialog's list (keys as shown, `key.ID` is the description). */
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
  { keys: 'PgDn / PgUp · B', id: 'present' },
  { keys: '?', id: 'help' },
  { keys: 'Esc', id: 'escape' },
] as const;
