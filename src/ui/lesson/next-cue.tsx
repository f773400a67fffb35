// On a phone (one column) or a zoomed page, the lesson's Next may lie above the screen while the
// student works in the console below it: a step the student finished there would look like nothing
// happened. While the step is done and Next is out of sight, a chip at the foot of the screen says
// so; tapping it brings Next into view and gives it the focus. Beside the panel (a wide screen)
// Next stays in sight, so the chip never shows. Nor in presenter mode: the clicker goes on by itself,
// and the chip sat over the caption's key line when the side column had scrolled Next away.
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useLab } from '../../store/store.ts';

const NEXT = '.lesson-nav .primary';

export function NextCue({
  panel,
  done,
  label,
}: {
  panel: RefObject<HTMLElement | null>;
  done: boolean;
  label: string;
}) {
  const [away, setAway] = useState(false);
  const present = useLab((s) => s.present);
  const watched = useRef<Element | null>(null);
  const io = useRef<IntersectionObserver | null>(null);
  // After each render: the panel's Next may be a new element (the panel shows "loading" first).
  useEffect(() => {
    const next = panel.current?.querySelector(NEXT) ?? null;
    if (next === watched.current) return;
    io.current?.disconnect();
    watched.current = next;
    if (!next || typeof IntersectionObserver === 'undefined') return;
    io.current = new IntersectionObserver(([e]) => setAway(!e.isIntersecting));
    io.current.observe(next);
  });
  useEffect(() => () => io.current?.disconnect(), []);
  if (!done || !away || present) return null;
  const bring = () => {
    const next = panel.current?.querySelector<HTMLButtonElement>(NEXT);
    next?.scrollIntoView({ block: 'center' });
    next?.focus({ preventScroll: true });
  };
  return (
    <button type="button" className="lesson-next-cue primary" onClick={bring}>
      {label}
    </button>
  );
}
