// The compressed length LZF (liblzf 3.6 as configured in Redis: HLOG 16, VERY_FAST, no ULTRA_FAST)
// produces for a buffer, or 0 when it would not fit in `outLimit` bytes, which is how Redis's RDB
// writer decides between a compressed and a plain string (rdbSaveLzfStringObject: only strings
// longer than 20 bytes, and only when LZF saves at least 4 bytes, outLimit = len - 4).
// Only lengths are computed: the output bytes are never needed for an RDB size.
//   lzfCompressedLength(100 × 'x', 96) = 8: one literal byte, then back-references.

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

// The hash table of positions, shared by all calls. Redis leaves it uninitialised (stack memory);
// here a slot is valid only when stamped with the current call's generation, so nothing is cleared.
const slots = new Int32Array(HSIZE);
const stamps = new Uint32Array(HSIZE);
let generation = 0;

const hashIndex = (h: number) => ((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);

/**
 * How far the match at ref/ip runs, as liblzf counts it (len starts at 2 for the 3 bytes already
 * compared): 16 unrolled steps without the maxlen check when maxlen > 16, then a checked loop.
 */
function matchEnd(input: Uint8Array, ref: number, ip: number, maxlen: number): number {
  let len = 2;
  if (maxlen > 16) {
    for (let k = 0; k < 16; k++) {
      len++;
      if (input[ref + len] !== input[ip + len]) return len;
    }
  }
  do len++;
  while (len < maxlen && input[ref + len] === input[ip + len]);
  return len;
}

export function lzfCompressedLength(input: Uint8Array, outLimit: number): number {
  const inEnd = input.length;
  if (inEnd === 0 || outLimit === 0) return 0;
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamps.fill(0);
    generation = 1;
  }
  const get = (i: number) => (i < inEnd ? input[i] : 0);
  const remember = (h: number, pos: number) => {
    const idx = hashIndex(h);
    slots[idx] = pos;
    stamps[idx] = generation;
  };
  let ip = 0;
  let op = 1; // the first literal run's length byte
  let lit = 0;
  let hval = (get(0) << 8) | get(1);
  /** Copy one input byte into the current literal run; a full run (32) gets closed. */
  const literal = () => {
    lit++;
    op++;
    ip++;
    if (lit === MAX_LIT) {
      lit = 0;
      op++; // the next run's length byte
    }
  };
  while (ip < inEnd - 2) {
    hval = (hval << 8) | input[ip + 2];
    const idx = hashIndex(hval);
    const ref = stamps[idx] === generation ? slots[idx] : -1;
    slots[idx] = ip;
    stamps[idx] = generation;
    const off = ip - ref - 1;
    if (
      ref > 0 &&
      off < MAX_OFF &&
      ip + 4 < inEnd &&
      input[ref] === input[ip] &&
      input[ref + 1] === input[ip + 1] &&
      input[ref + 2] === input[ip + 2]
    ) {
      const maxlen = Math.min(inEnd - ip - 2, MAX_REF);
      if (lit === 0) op--; // no literal run to close
      if (op + 3 + 1 >= outLimit) return 0;
      const len = matchEnd(input, ref, ip, maxlen) - 2; // octets - 1
      ip++;
      op += len < 7 ? 2 : 3; // back-reference
      lit = 0;
      op++; // next literal run's length byte
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      ip -= 2;
      hval = (input[ip] << 8) | input[ip + 1];
      hval = (hval << 8) | input[ip + 2];
      remember(hval, ip);
      ip++;
      hval = (hval << 8) | input[ip + 2];
      remember(hval, ip);
      ip++;
    } else {
      if (op >= outLimit) return 0;
      literal();
    }
  }
  if (op + 3 > outLimit) return 0;
  while (ip < inEnd) literal();
  if (lit === 0) op--;
  return op;
}
