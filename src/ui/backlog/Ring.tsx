// The ring: repl-backlog-size to scale, the window of history, the write head, replicas' ACK
// positions, and the last PSYNC's requested offset pinned (green inside the window = CONTINUE,
// red outside = FULLRESYNC).
import type { BacklogView } from '../../engine/index.ts';
import { nodeColor } from '../cluster/lineage.ts';
import { useTable } from '../hooks.ts';
import { arcPath, boundary, polar, ringModel } from './geometry.ts';
import { BACKLOG_TEXT } from './text.ts';

const S = 236;
const C = S / 2;
const R = 78;
const R_OUT = 100;

export function Ring(props: {
  backlog: BacklogView;
  pin: number | null;
  acks: { name: string; offset: number }[];
}) {
  const bx = useTable(BACKLOG_TEXT);
  const m = ringModel(props.backlog, props.pin);
  const [hx, hy] = polar(C, C, R + 16, m.head);
  const [hx0, hy0] = polar(C, C, R - 16, m.head);
  return (
    <svg
      className="ring"
      viewBox={`0 0 ${S} ${S}`}
      role="img"
      aria-label={bx('ringAria', { size: m.size, laps: m.laps })}
    >
      <circle cx={C} cy={C} r={R} className="ring-track" />
      {m.active && <path d={arcPath(C, C, R, m.from, m.sweep)} className="ring-window" />}
      {m.extra > 0 && (
        <>
          <circle cx={C} cy={C} r={R_OUT} className="ring-outer-track" />
          <path d={arcPath(C, C, R_OUT, m.extraFrom, m.extraSweep)} className="ring-extra" />
        </>
      )}
      {[0, 0.25, 0.5, 0.75].map((f) => {
        const [x0, y0] = polar(C, C, R - 11, f * Math.PI * 2);
        const [x1, y1] = polar(C, C, R - 5, f * Math.PI * 2);
        return <line key={f} x1={x0} y1={y0} x2={x1} y2={y1} className="ring-tick" />;
      })}
      {props.acks.map((a) => {
        const ang = boundary(a.offset, m.size);
        const [x, y] = polar(C, C, R - 22, ang);
        return (
          <g key={a.name}>
            <circle cx={x} cy={y} r={7} fill={nodeColor(a.name)} />
            <text x={x} y={y + 3.5} className="ring-ack">
              {a.name}
            </text>
          </g>
        );
      })}
      {m.active && <line x1={hx0} y1={hy0} x2={hx} y2={hy} className="ring-head" />}
      {m.pin && <PinMark pin={m.pin} />}
      <text x={C} y={C - 4} className="ring-center mono">
        {m.active ? `${Math.round((Math.min(props.backlog.histlen, m.size) / m.size) * 100)}%` : 'off'}
      </text>
      <text x={C} y={C + 14} className="ring-center-sub">
        {bx('laps', { n: m.laps })}
      </text>
    </svg>
  );
}

function PinMark({ pin }: { pin: NonNullable<ReturnType<typeof ringModel>['pin']> }) {
  const r = pin.track === 'ring' ? R : pin.track === 'outer' ? R_OUT : R_OUT + 12;
  const [x, y] = polar(C, C, r, pin.angle);
  const [lx, ly] = polar(C, C, r + 16, pin.angle);
  return (
    <g className={`ring-pin ${pin.inside ? 'in' : 'out'}`}>
      <circle cx={x} cy={y} r={6} />
      <text x={lx} y={ly + 4}>
        P
      </text>
    </g>
  );
}
