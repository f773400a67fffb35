// The keymap as a table of decisions: what each key does in the free lab, the lesson and presenter
// mode, wherever the focus is. keyboard.ts only carries these out.
import { describe, expect, it } from 'vitest';
import { type FocusKind, focusKind, KEYMAP, type KeyAction, type KeyContext, keyAction } from './keymap.ts';

const base: KeyContext = {
  focus: 'other',
  modifier: false,
  dialog: false,
  ready: true,
  lesson: false,
  present: false,
  blank: false,
};
const at = (over: Partial<KeyContext>) => ({ ...base, ...over });
const FOCUS: FocusKind[] = ['other', 'control', 'widget'];

describe('keyAction', () => {
  it('Space is play/pause wherever the focus is (a clicked button, a tab), except in a text field', () => {
    for (const focus of FOCUS)
      for (const present of [false, true])
        for (const lesson of [false, true])
          expect(keyAction(' ', at({ focus, present, lesson }))).toBe('play');
    expect(keyAction(' ', at({ focus: 'text' }))).toBeNull();
  });

  it('presenter mode: the clicker keys step milestones, B / . blank, Esc leaves, single-letter actions are off', () => {
    const p = (key: string, focus: FocusKind = 'other') => keyAction(key, at({ present: true, focus }));
    for (const focus of FOCUS) {
      expect(p('PageDown', focus)).toBe('milestone');
      expect(p('ArrowRight', focus)).toBe('milestone');
      expect(p('PageUp', focus)).toBe('milestoneBack');
      expect(p('ArrowLeft', focus)).toBe('milestoneBack');
    }
    expect(p('b')).toBe('blank');
    expect(p('B')).toBe('blank');
    expect(p('.')).toBe('blank');
    expect(p('Escape')).toBe('leavePresent');
    for (const k of ['w', 't', 'x', 'f', 'r', 'R', 'p', 'a', 'c']) expect(p(k), k).toBeNull();
    // Looking around stays: next milestone, select a node, language, help.
    expect(p('n')).toBe('milestone');
    expect(p('2')).toBe('select');
    expect(p('l')).toBe('lang');
    expect(p('?')).toBe('help');
  });

  it('the free lab keeps its action letters; PageDown / PageUp scroll the page', () => {
    const f = (key: string) => keyAction(key, base);
    expect(f('w')).toBe('write');
    expect(f('b')).toBe('burst');
    expect(f('x')).toBe('cut');
    expect(f('R')).toBe('restart');
    expect(f('.')).toBeNull();
    expect(f('PageDown')).toBeNull();
    expect(f('Escape')).toBe('deselect');
  });

  it('arrow keys step with a clicked tab or slider focused; reached by keyboard they keep their own', () => {
    expect(keyAction('ArrowRight', at({ focus: 'control' }))).toBe('step');
    expect(keyAction('ArrowLeft', at({ focus: 'control' }))).toBe('stepBack');
    expect(keyAction('ArrowRight', at({ focus: 'widget' }))).toBeNull();
    expect(keyAction('Home', at({ focus: 'widget' }))).toBeNull();
    expect(keyAction('Home', at({ focus: 'control' }))).toBe('start');
  });

  it('the lesson owns next / back / Esc; Enter is "next" only away from buttons', () => {
    const l = (key: string, over: Partial<KeyContext> = {}) => keyAction(key, at({ lesson: true, ...over }));
    expect(l('ArrowRight')).toBe('lessonNext');
    expect(l('PageDown')).toBe('lessonNext');
    expect(l('ArrowLeft')).toBe('lessonBack');
    expect(l('PageUp')).toBe('lessonBack');
    expect(l('Enter')).toBe('lessonNext');
    expect(l('Enter', { focus: 'control' })).toBeNull();
    expect(l('Escape')).toBe('lessonLeave');
    // In presenter mode the clicker drives the lesson (its next also does what the step waits for);
    // Esc leaves presenter mode first.
    expect(l('PageDown', { present: true, focus: 'widget' })).toBe('lessonAdvance');
    expect(l('ArrowRight', { present: true })).toBe('lessonAdvance');
    expect(l('PageUp', { present: true })).toBe('lessonBack');
    expect(l('Escape', { present: true })).toBe('leavePresent');
    expect(l('b', { present: true })).toBe('blank');
  });

  it('a blank screen comes back at any key, and that key does nothing else', () => {
    for (const key of ['PageDown', ' ', 'w', 'Escape', 'a'])
      expect(keyAction(key, at({ present: true, blank: true, focus: 'text', modifier: true }))).toBe(
        'unblank',
      );
  });

  it('text fields, dialogs and modifier keys keep their keys; before the lab is ready only ? works', () => {
    expect(keyAction('w', at({ focus: 'text' }))).toBeNull();
    expect(keyAction('w', at({ dialog: true }))).toBeNull();
    expect(keyAction('r', at({ modifier: true }))).toBeNull();
    expect(keyAction(' ', at({ ready: false }))).toBeNull();
    expect(keyAction('?', at({ ready: false }))).toBe('help');
  });

  it('every action but unblank has a key', () => {
    const all: Record<Exclude<KeyAction, 'unblank'>, true> = {
      play: true,
      step: true,
      stepBack: true,
      milestone: true,
      milestoneBack: true,
      start: true,
      slower: true,
      faster: true,
      select: true,
      write: true,
      burst: true,
      traffic: true,
      cut: true,
      freeze: true,
      restart: true,
      promote: true,
      add: true,
      console: true,
      tab: true,
      insights: true,
      lang: true,
      help: true,
      deselect: true,
      lessonNext: true,
      lessonAdvance: true,
      lessonBack: true,
      lessonLeave: true,
      blank: true,
      leavePresent: true,
    };
    expect(new Set(KEYMAP.map((b) => b.action))).toEqual(new Set(Object.keys(all)));
  });
});

describe('focusKind', () => {
  const el = (tagName: string, attrs: Record<string, string> = {}, type?: string) => ({
    tagName,
    type,
    isContentEditable: attrs.contenteditable === 'true',
    getAttribute: (n: string) => attrs[n] ?? null,
  });
  it('text fields, controls, and tabs / sliders by how they got the focus', () => {
    expect(focusKind(el('INPUT', {}, 'text'), false)).toBe('text');
    expect(focusKind(el('INPUT', {}, 'number'), true)).toBe('text');
    expect(focusKind(el('TEXTAREA'), true)).toBe('text');
    expect(focusKind(el('SELECT'), true)).toBe('text');
    expect(focusKind(el('DIV', { contenteditable: 'true' }), true)).toBe('text');
    expect(focusKind(el('BUTTON'), false)).toBe('control');
    expect(focusKind(el('INPUT', {}, 'checkbox'), false)).toBe('control');
    expect(focusKind(el('BUTTON', { role: 'tab' }), true)).toBe('control');
    expect(focusKind(el('BUTTON', { role: 'tab' }), false)).toBe('widget');
    expect(focusKind(el('INPUT', {}, 'range'), true)).toBe('control');
    expect(focusKind(el('INPUT', {}, 'range'), false)).toBe('widget');
    // A custom slider (the backlog sentence's draggable numbers) keeps its arrows as a range does.
    expect(focusKind(el('SPAN', { role: 'slider' }), false)).toBe('widget');
    expect(focusKind(el('BODY'), false)).toBe('other');
    expect(focusKind(null, false)).toBe('other');
  });
});
