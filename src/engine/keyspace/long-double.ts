// INCRBYFLOAT's arithmetic: x86-64 `long double` (64-bit significand, 15-bit exponent), emulated
// exactly with BigInt, and Redis's "%.17Lf then strip trailing zeros" output (util.c ld2string,
// LD_STR_HUMAN). JS doubles would print 0.1 + 0.2 as 0.30000000000000004; Redis prints "0.3":
//   0.1L + 0.2L = 0.3000000000000000000108… → "%.17Lf" "0.30000000000000000" → "0.3".
// Other checked results (7.0.15): 10.5 + 0.1 → "10.6"; 12345678901234567890 + 1 →
// "12345678901234567891" (exact: < 2^64); that + 0.5 → "12345678901234567892" (tie to even);
// 123456.789 + 1000000.001 → "1123456.78999999999996362"; 1e4000 is a valid long double.
import { formatFixed } from './decimal.ts';
import { parseFloatLiteral } from './numbers.ts';

const BITS = 64;
/** Largest exponent of the leading bit (LDBL_MAX < 2^16384) and the subnormal floor (2^-16445). */
const MAX_LEAD = 16383;
const MIN_NORMAL_LEAD = -16382;
const MIN_LEAD = -16445;

/** ±m × 2^e; m = 0n is zero. */
export interface LongDouble {
  neg: boolean;
  m: bigint;
  e: number;
}

export type LdResult = LongDouble | 'inf' | null;

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** num/den (both > 0) rounded to `bits` significant bits, half to even: m × 2^e. */
function roundRatio(num: bigint, den: bigint, bits: number): { m: bigint; e: number } {
  // q = floor(num × 2^k / den) with at least bits+2 bits; the rest of the quotient is the sticky bit.
  const k = bits + 2 - (bitLength(num) - bitLength(den));
  const n = k >= 0 ? num << BigInt(k) : num;
  const d = k >= 0 ? den : den << BigInt(-k);
  const q = n / d;
  const sticky = n % d !== 0n;
  const extra = bitLength(q) - bits;
  let m = q >> BigInt(extra);
  const low = q & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  if (low > half || (low === half && (sticky || (m & 1n) === 1n))) m += 1n;
  let e = extra - k;
  if (bitLength(m) > bits) {
    m >>= 1n;
    e += 1;
  }
  return { m, e };
}

/** Round an exact positive ratio to a long double: 'inf' on overflow, zero below the subnormals. */
function toLongDouble(neg: boolean, num: bigint, den: bigint): LdResult {
  if (num === 0n) return { neg, m: 0n, e: 0 };
  let { m, e } = roundRatio(num, den, BITS);
  let lead = e + BITS - 1;
  if (lead < MIN_NORMAL_LEAD) {
    // Subnormal: fewer significant bits are left.
    const bits = BITS - (MIN_NORMAL_LEAD - lead);
    if (bits < 1) return lead < MIN_LEAD - 1 ? null : { neg, m: 1n, e: MIN_LEAD };
    ({ m, e } = roundRatio(num, den, bits));
    lead = e + bitLength(m) - 1;
  }
  if (lead > MAX_LEAD) return 'inf';
  return { neg, m, e };
}

/**
 * string2ld: strtold over the whole string (no leading space, at most 5119 chars); ERANGE results
 * (overflow to ±HUGE_VALL, underflow to 0) and NaN are rejected (null). "inf" parses as 'inf'.
 */
export function parseLongDouble(s: string): LdResult {
  if (s.length === 0 || s.length >= 5 * 1024) return null;
  const lit = parseFloatLiteral(s);
  if (!lit) return null;
  if (lit.kind === 'inf') return 'inf';
  let r: LdResult;
  if (lit.kind === 'hex') {
    if (lit.mant === 0n) return { neg: lit.neg, m: 0n, e: 0 };
    r =
      lit.exp2 >= 0
        ? toLongDouble(lit.neg, lit.mant << BigInt(lit.exp2), 1n)
        : toLongDouble(lit.neg, lit.mant, 1n << BigInt(-lit.exp2));
  } else {
    if (lit.digits === 0n) return { neg: lit.neg, m: 0n, e: 0 };
    // Cheap range checks before building huge powers of ten: LDBL_MAX ≈ 1.19e4932, min ≈ 3.6e-4951.
    const magnitude = lit.exp10 + lit.digits.toString().length;
    if (magnitude > 4940) return null;
    if (magnitude < -4960) return null;
    r =
      lit.exp10 >= 0
        ? toLongDouble(lit.neg, lit.digits * 10n ** BigInt(lit.exp10), 1n)
        : toLongDouble(lit.neg, lit.digits, 10n ** BigInt(-lit.exp10));
  }
  // strtold overflowing to HUGE_VALL or underflowing to 0 sets ERANGE: Redis rejects both.
  return r === 'inf' ? null : r;
}

/** a + b rounded to long double ('inf' on overflow). */
export function addLongDouble(a: LongDouble, b: LongDouble): LdResult {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const av = a.m << BigInt(a.e - e);
  const bv = b.m << BigInt(b.e - e);
  const sum = (a.neg ? -av : av) + (b.neg ? -bv : bv);
  if (sum === 0n) return { neg: false, m: 0n, e: 0 };
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  return e >= 0 ? toLongDouble(neg, mag << BigInt(e), 1n) : toLongDouble(neg, mag, 1n << BigInt(-e));
}

/** ld2string(LD_STR_HUMAN): "%.17Lf", trailing zeros and a bare '.' removed, "-0" → "0". */
export function formatLongDoubleHuman(v: LongDouble): string {
  let s = formatFixed(v.m, v.e, 17).replace(/0+$/, '').replace(/\.$/, '');
  if (v.neg) s = `-${s}`;
  return s === '-0' ? '0' : s;
}
