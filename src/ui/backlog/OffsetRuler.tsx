// Check ④ as a picture: a number line zoomed on the backlog window [first_byte, master_repl_offset+1]
// with the requested offset P pinned — inside the green window means the bytes are still there.
import { num } from '../format.ts';
import { useT } from '../hooks.ts';

export function OffsetRuler(props: { first: number; last: number; p: number; active: boolean }) {
  const t = useT();
  const { first, last, p } = props;
  const lo = Math.min(first, p);
  const hi = Math.max(last, p, lo + 1);
  const pad = (hi - lo) * 0.08 + 1;
  const x = (v: number) => `${(((v - lo + pad) / (hi - lo + 2 * pad)) * 100).toFixed(2)}%`;
  const inside = props.active && p >= first && p <= last;
  return (
    <div
      className="ruler"
      role="img"
      aria-label={t(inside ? 'ruler.in' : 'ruler.out', { p: num(p), first: num(first), last: num(last) })}
    >
      <div className="ruler-line" />
      {props.active && (
        <div className="ruler-window" style={{ left: x(first), width: `calc(${x(last)} - ${x(first)})` }}>
          <span className="ruler-lo mono">{num(first)}</span>
          <span className="ruler-hi mono">{num(last)}</span>
        </div>
      )}
      <div className={`ruler-p ${inside ? 'in' : 'out'}`} style={{ left: x(p) }}>
        <span className="mono">P = {num(p)}</span>
      </div>
    </div>
  );
}
