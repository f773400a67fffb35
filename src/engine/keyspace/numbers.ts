// Redis's strict number parsers (util.c string2ll, strtod-based getDoubleFromObject) and its
// integer range. Anything these reject gets `ERR value is not an integer or out of range` or
// `ERR value is not a valid float` from the caller.

export const INT64_MAX = (1n << 63n) - 1n;
export const INT64_MIN = -(1n << 63n);

/**
 * string2ll: an optional '-', then digits with no leading zero (only "0" itself), no '+', no
 * spaces, within int64. "-0", "01", "+1", " 1", "1.0", "" are all rejected (checked on 7.0.15).
 */
export function parseInt64(s: string): bigint | null {
  if (s.length === 0 || s.length > 20) return null;
  if (s === '0') return 0n;
  if (!/^-?[1-9][0-9]*$/.test(s)) return null;
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? null : v;
}

/** A parsed int64 as a JS number for indexes and counts (clamped to ±2^53: no list is that long). */
export function toSafeNumber(v: bigint): number {
  const lim = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(v > lim ? lim : v < -lim ? -lim : v);
}

/**
 * The int64 as a RESP integer reply value. Reply.int carries a JS number, so magnitudes beyond
 * 2^53 lose their last digits in the reply (the stored string stays exact).
 */
export function intReplyValue(v: bigint): number {
  return Number(v);
}

// strtod's grammar (glibc), which Redis accepts when the whole string is consumed and it does
// not start with a space: decimal, hexadecimal (with an optional binary exponent), inf/infinity.
const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?[0-9]+))?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

export type FloatLiteral =
  | { kind: 'inf'; neg: boolean }
  | { kind: 'decimal'; neg: boolean; digits: bigint; exp10: number }
  | { kind: 'hex'; neg: boolean; mant: bigint; exp2: number };

/** Tokenize a strtod literal (null when strtod would not consume it all, or for NaN). */
export function parseFloatLiteral(s: string): FloatLiteral | null {
  const inf = INFINITY.exec(s);
  if (inf) return { kind: 'inf', neg: inf[1] === '-' };
  const hex = HEX.exec(s);
  if (hex) {
    if (hex[2] === '' && hex[3] === '') return null;
    const mant = BigInt(`0x${hex[2] || '0'}${hex[3]}`);
    const exp2 = Number(hex[4] ?? 0) - 4 * hex[3].length;
    return { kind: 'hex', neg: hex[1] === '-', mant, exp2 };
  }
  if (!DECIMAL.test(s)) return null;
  const neg = s[0] === '-';
  const body = s.replace(/^[+-]/, '');
  const [mantissa, expText] = body.split(/[eE]/);
  const [whole, frac = ''] = mantissa.split('.');
  const digits = BigInt(`${whole}${frac}` || '0');
  const exp = Number(expText ?? 0);
  return {
    kind: 'decimal',
    neg,
    digits,
    exp10: (Number.isFinite(exp) ? exp : 1e9 * Math.sign(exp)) - frac.length,
  };
}

/**
 * getDoubleFromObject: strtod with Redis's extra rules. Overflow (1e400) and underflow to zero
 * (1e-400) set ERANGE and are rejected; NaN is rejected; "inf", "-inf", "Infinity" are accepted.
 */
export function parseDouble(s: string): number | null {
  const lit = parseFloatLiteral(s);
  if (!lit) return null;
  if (lit.kind === 'inf') return lit.neg ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let v: number;
  let zero: boolean;
  if (lit.kind === 'decimal') {
    v = Number(s);
    zero = lit.digits === 0n;
  } else {
    zero = lit.mant === 0n;
    v = Number(lit.mant) * 2 ** lit.exp2;
    if (lit.neg) v = -v;
  }
  if (!Number.isFinite(v)) return null;
  if (v === 0 && !zero) return null;
  return v;
}
