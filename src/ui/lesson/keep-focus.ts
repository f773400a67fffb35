// The keyboard's place in the lesson panel. A button that goes away once pressed (an answer, Show me,
// Skip to it) takes the focus with it: the browser puts it on <body>, a screen reader loses its
// place and Tab starts again at the top of the page. While the focus was last in the panel, it
// moves to Next once Next can be pressed (during a reveal, as soon as the decision lands).
import { type RefObject, useEffect, useRef } from 'react';

export function useKeepFocus(panel: RefObject<HTMLElement | null>): void {
  const inside = useRef(false);
  useEffect(() => {
    const where = (e: Event) => {
      inside.current = e.target instanceof Node && (panel.current?.contains(e.target) ?? false);
    };
    document.addEventListener('focusin', where);
    document.addEventListener('pointerdown', where);
    return () => {
      document.removeEventListener('focusin', where);
      document.removeEventListener('pointerdown', where);
    };
  }, [panel]);
  // After every render of the panel: a removed button leaves the focus on <body> (or nowhere).
  useEffect(() => {
    const active = document.activeElement;
    if (!inside.current || (active && active !== document.body)) return;
    panel.current?.querySelector<HTMLButtonElement>('.lesson-nav .primary:enabled')?.focus();
  });
}
