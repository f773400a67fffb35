// Exact binary → decimal conversion for printf-style formatting. A binary float is m × 2^e with
// integer m, so its decimal expansion is finite: m × 5^-e / 10^-e when e < 0. Rounding that exact
// expansion reproduces glibc's printf digit for digit (round-half-even on exact ties), which JS's
// toPrecision does not promise (it rounds ties up).
//   %.17g of 0.1 (m = 3602879701896397, e = -55) → "0.10000000000000001"

/** value = int / 10^scale, exactly. */
interface Scaled {
  int: bigint;
  scale: number;
}

const pow10Cache = new Map<number, bigint>();
function pow10(n: number): bigint {
  let p = pow10Cache.get(n);
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n <= 64) pow10Cache.set(n, p);
  }
  return p;
}

/** m × 2^e (m ≥ 0) as int / 10^scale. */
export function exactDecimal(m: bigint, e: number): Scaled {
  if (e >= 0) return { int: m << BigInt(e), scale: 0 };
  return { int: m * 5n ** BigInt(-e), scale: -e };
}

/** Round to `scale` decimals, half to even. */
function rescale(v: Scaled, scale: number): bigint {
  if (scale >= v.scale) return v.int * pow10(scale - v.scale);
  const d = pow10(v.scale - scale);
  const q = v.int / d;
  const r = v.int % d;
  const twice = r * 2n;
  return twice > d || (twice === d && (q & 1n) === 1n) ? q + 1n : q;
}

/** `%.{prec}f` of m × 2^e (sign handled by the caller): "12.50000". */
export function formatFixed(m: bigint, e: number, prec: number): string {
  const digits = rescale(exactDecimal(m, e), prec).toString();
  if (prec === 0) return digits;
  const padded = digits.padStart(prec + 1, '0');
  return `${padded.slice(0, -prec)}.${padded.slice(-prec)}`;
}

/** `%.{prec}g` of m × 2^e (m ≥ 0), trailing zeros removed as %g does: "1.1000000000000001", "1e+20". */
export function formatGeneral(m: bigint, e: number, prec: number): string {
  if (m === 0n) return '0';
  const v = exactDecimal(m, e);
  // Decimal exponent of the leading digit, then of the value rounded to prec significant digits.
  let x = v.int.toString().length - 1 - v.scale;
  let r = rescale(v, prec - 1 - x);
  if (r >= pow10(prec)) {
    x += 1;
    r /= 10n;
  }
  const digits = r.toString();
  if (x < -4 || x >= prec) {
    const frac = digits.slice(1).replace(/0+$/, '');
    const exp = `${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
    return `${digits[0]}${frac ? `.${frac}` : ''}e${exp}`;
  }
  const decimals = prec - 1 - x;
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const frac = padded.slice(padded.length - decimals).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** A finite double as (negative, m, e) with value = ±m × 2^e. */
export function decomposeDouble(d: number): { neg: boolean; m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  if (biased === 0) return { neg, m: frac, e: -1074 };
  return { neg, m: frac | (1n << 52n), e: biased - 1075 };
}

/**
 * `%.17g` of a double, as Redis 7.0 prints scores (addReplyDouble) and Lua numbers passed to
 * redis.call: 1.1 → "1.1000000000000001", 0.3 → "0.29999999999999999", 1e20 → "1e+20",
 * 5 → "5", -0 → "-0", Infinity → "inf".
 */
export function formatDouble17g(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Number.POSITIVE_INFINITY) return 'inf';
  if (d === Number.NEGATIVE_INFINITY) return '-inf';
  const { neg, m, e } = decomposeDouble(d);
  return (neg ? '-' : '') + formatGeneral(m, e, 17);
}
