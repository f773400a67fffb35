// A number in a sentence that the student drags (pointer or touch, sideways) or steps with the
// keyboard (role=slider: ←/→ and ↓/↑ one step, PageUp/PageDown ten, Home/End the ends). The value
// is an index into `steps`, so a log-like scale (16 KB … 4 MB) drags as evenly as a linear one.
import { useRef } from 'react';

/** Pixels of sideways drag per step. */
const PX_PER_STEP = 10;

export function Draggable(props: {
  steps: readonly number[];
  index: number;
  onChange: (index: number) => void;
  label: string;
  format: (v: number) => string;
  help: string;
}) {
  const { steps, index, onChange, label, format } = props;
  const drag = useRef<{ x: number; i: number } | null>(null);
  const clamp = (i: number) => Math.max(0, Math.min(steps.length - 1, i));
  const set = (i: number) => {
    const c = clamp(i);
    if (c !== index) onChange(c);
  };
  return (
    <span
      role="slider"
      tabIndex={0}
      className="drag-num mono"
      aria-label={label}
      aria-valuemin={steps[0]}
      aria-valuemax={steps[steps.length - 1]}
      aria-valuenow={steps[index]}
      aria-valuetext={format(steps[index])}
      title={props.help}
      onKeyDown={(e) => {
        const d: Record<string, number> = {
          ArrowRight: 1,
          ArrowUp: 1,
          ArrowLeft: -1,
          ArrowDown: -1,
          PageUp: 10,
          PageDown: -10,
        };
        if (e.key in d) set(index + d[e.key]);
        else if (e.key === 'Home') set(0);
        else if (e.key === 'End') set(steps.length - 1);
        else return;
        e.preventDefault();
        e.stopPropagation(); // the page's own keys (← → step time) stay out of it
      }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, i: index };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) set(d.i + Math.round((e.clientX - d.x) / PX_PER_STEP));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
    >
      {format(steps[index])}
    </span>
  );
}
