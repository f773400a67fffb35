// Seeded randomness. The engine never calls Math.random: every random choice (replids, EOF
// marks, SPOP members, run ids) comes from one seed, so a seed + an input log replay a run exactly.
// sfc32 (Small Fast Counter): 128 bits of state, passes PractRand, trivially serialisable.

export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Expand a 32-bit seed into a state (splitmix32), then discard 12 outputs to decorrelate. */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    return (z ^ (z >>> 15)) >>> 0;
  };
  const st = { a: next(), b: next(), c: next(), d: next() };
  for (let i = 0; i < 12; i++) nextU32(st);
  return st;
}

/** Next 32-bit unsigned integer; advances the state in place. */
export function nextU32(st: RngState): number {
  const t = (((st.a + st.b) >>> 0) + st.d) >>> 0;
  st.d = (st.d + 1) >>> 0;
  st.a = st.b ^ (st.b >>> 9);
  st.b = (st.c + (st.c << 3)) >>> 0;
  st.c = ((st.c << 21) | (st.c >>> 11)) >>> 0;
  st.c = (st.c + t) >>> 0;
  return t;
}

/** Uniform in [0, 1). */
export function nextFloat(st: RngState): number {
  return nextU32(st) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(st: RngState, n: number): number {
  return Math.floor(nextFloat(st) * n);
}

const HEX = '0123456789abcdef';

/** 40 lowercase hex chars, like getRandomHexChars(CONFIG_RUN_ID_SIZE): a replid, a run id, an EOF mark. */
export function randomHex40(st: RngState): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += HEX[nextU32(st) & 15];
  return s;
}

/** A child stream derived from a parent state and a label: subsystems draw without disturbing each other. */
export function forkRng(st: RngState, label: string): RngState {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619) >>> 0;
  return seedRng((nextU32(st) ^ h) >>> 0);
}
