// The backlog drawn as a ring of repl-backlog-size bytes (to scale). Byte n sits at
// ((n - 1) mod size) of the way round, clockwise from 12 o'clock; the write head is the boundary
// after master_repl_offset. Worked numbers: size 16384, first byte 1, master_repl_offset 20000:
// the head has wrapped once (laps 1) and sits at 3616/16384 of the circle; 3616 bytes of history
// lie beyond one lap (7.0 keeps whole blocks, so histlen may exceed the size): `extra` = 3616.
import type { BacklogView } from '../../engine/index.ts';

const TAU = Math.PI * 2;

/** Angle of the boundary after byte n (n = 0: the very top). */
export function boundary(n: number, size: number): number {
  return ((((n % size) + size) % size) / size) * TAU;
}

export interface Pin {
  p: number;
  /** first_byte ≤ P ≤ master_repl_offset + 1 */
  inside: boolean;
  angle: number;
  /** Where to draw it: on the ring (last lap), on the outer track (older history), or gone. */
  track: 'ring' | 'outer' | 'gone' | 'ahead';
}

export interface RingModel {
  size: number;
  active: boolean;
  head: number;
  /** The last lap of history: from `from` clockwise for `sweep` radians (≤ one turn). */
  from: number;
  sweep: number;
  /** History older than one lap, in bytes, drawn on the outer track from `extraFrom`. */
  extra: number;
  extraFrom: number;
  extraSweep: number;
  laps: number;
  pin: Pin | null;
}

export function ringModel(b: BacklogView, pinP: number | null): RingModel {
  const size = Math.max(1, b.size);
  const mro = b.masterReplOffset;
  const first = b.firstByteOffset;
  const hist = b.active ? b.histlen : 0;
  const onRing = Math.min(hist, size);
  const extra = Math.max(0, hist - size);
  let pin: Pin | null = null;
  if (pinP !== null) {
    const inside = b.active && pinP >= first && pinP <= mro + 1;
    const track = pinP > mro + 1 ? 'ahead' : !inside ? 'gone' : pinP > mro - size ? 'ring' : 'outer';
    pin = { p: pinP, inside, angle: boundary(pinP - 1, size), track };
  }
  return {
    size,
    active: b.active,
    head: boundary(mro, size),
    from: boundary(mro - onRing, size),
    sweep: (onRing / size) * TAU,
    extra,
    extraFrom: boundary(first - 1, size),
    extraSweep: (extra / size) * TAU,
    laps: Math.floor(mro / size),
    pin,
  };
}

/** A point at angle a (0 = top, clockwise) on a circle. */
export function polar(cx: number, cy: number, r: number, a: number): [number, number] {
  return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
}

/** SVG path of a clockwise arc; a sweep of a full turn or more draws the whole circle. */
export function arcPath(cx: number, cy: number, r: number, from: number, sweep: number): string {
  if (sweep <= 0) return '';
  if (sweep >= TAU - 1e-6) {
    const [x0, y0] = polar(cx, cy, r, 0);
    const [x1, y1] = polar(cx, cy, r, Math.PI);
    return `M${x0} ${y0}A${r} ${r} 0 1 1 ${x1} ${y1}A${r} ${r} 0 1 1 ${x0} ${y0}`;
  }
  const [x0, y0] = polar(cx, cy, r, from);
  const [x1, y1] = polar(cx, cy, r, from + sweep);
  return `M${x0.toFixed(2)} ${y0.toFixed(2)}A${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}
