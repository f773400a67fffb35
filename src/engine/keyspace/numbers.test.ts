// Number parsing and printing, byte helpers, glob and SHA-1: the leaves the commands rely on.
// Expected values come from real 7.0.15 replies (zset scores, INCRBYFLOAT) or from glibc/printf.
import { describe, expect, it } from 'vitest';
import { compareBytes, truncateUtf8, utf8Encode } from './bytes.ts';
import { formatDouble17g } from './decimal.ts';
import { globMatcher } from './glob.ts';
import { listpackBytes } from './listpack.ts';
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from './long-double.ts';
import { parseDouble, parseInt64 } from './numbers.ts';
import { sha1Hex } from './sha1.ts';

describe('parseInt64 (string2ll)', () => {
  it('accepts canonical int64 text only', () => {
    expect(parseInt64('0')).toBe(0n);
    expect(parseInt64('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseInt64('9223372036854775807')).toBe(2n ** 63n - 1n);
    for (const bad of ['', '-0', '01', '+1', ' 1', '1 ', '1.0', '9223372036854775808', '-', 'abc', '00']) {
      expect(parseInt64(bad), bad).toBeNull();
    }
  });
});

describe('parseDouble (strtod as ZADD uses it)', () => {
  it('accepts what glibc strtod consumes whole, except NaN and ERANGE', () => {
    expect(parseDouble('1.5')).toBe(1.5);
    expect(parseDouble('+5')).toBe(5);
    expect(parseDouble('5.')).toBe(5);
    expect(parseDouble('.5')).toBe(0.5);
    expect(parseDouble('0x10')).toBe(16);
    expect(parseDouble('-0x1p-2')).toBe(-0.25);
    expect(parseDouble('inf')).toBe(Infinity);
    expect(parseDouble('-Infinity')).toBe(-Infinity);
    expect(Object.is(parseDouble('-0'), -0)).toBe(true);
    for (const bad of ['', ' 5', '5 ', 'nan', '1e400', '1e-400', 'abc', '1e', '0x', '1,5']) {
      expect(parseDouble(bad), bad).toBeNull();
    }
  });
});

describe('formatDouble17g (addReplyDouble in 7.0)', () => {
  it('prints %.17g like glibc', () => {
    const cases: [number, string][] = [
      [1.1, '1.1000000000000001'],
      [0.1, '0.10000000000000001'],
      [0.3, '0.29999999999999999'],
      [1e20, '1e+20'],
      [1e-7, '9.9999999999999995e-08'],
      [Number('123456789012345678'), '1.2345678901234568e+17'],
      [2.5, '2.5'],
      [100, '100'],
      [-0, '-0'],
      [0, '0'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [-1e-320, '-9.9998886718268301e-321'],
      [1e16, '10000000000000000'],
      [1e17, '1e+17'],
      [0.0001, '0.0001'],
      [0.00001, '1.0000000000000001e-05'],
    ];
    for (const [d, s] of cases) expect(formatDouble17g(d), String(d)).toBe(s);
  });
});

describe('long double (INCRBYFLOAT)', () => {
  const add = (a: string, b: string) => {
    const x = parseLongDouble(a);
    const y = parseLongDouble(b);
    if (!x || !y || x === 'inf' || y === 'inf') throw new Error('bad input');
    const s = addLongDouble(x, y);
    if (!s || s === 'inf') throw new Error('overflow');
    return formatLongDoubleHuman(s);
  };

  it('adds with a 64-bit significand and prints %.17Lf without trailing zeros', () => {
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(add('10.5', '0.1')).toBe('10.6');
    expect(add('12345678901234567890', '1')).toBe('12345678901234567891');
    expect(add('12345678901234567891', '0.5')).toBe('12345678901234567892');
    expect(add('123456.789', '1000000.001')).toBe('1123456.78999999999996362');
    expect(add('0.3333333333333333333333', '0')).toBe('0.33333333333333333');
    expect(add('1', '1e-20')).toBe('1');
    expect(add('0', '-1e-20')).toBe('0');
    expect(add('1e30', '1')).toBe('1000000000000000000024696061952');
    expect(add('17', '0x1p-2')).toBe('17.25');
  });

  it('rejects what string2ld rejects and flags infinities', () => {
    for (const bad of ['', 'abc', ' 1', '1 ', 'nan', '1e5000', '1e-5000', 'x'.repeat(6000)]) {
      expect(parseLongDouble(bad), bad.slice(0, 10)).toBeNull();
    }
    expect(parseLongDouble('inf')).toBe('inf');
    expect(parseLongDouble('1e4000')).not.toBeNull();
  });
});

describe('bytes', () => {
  it('encodes UTF-8 and compares in byte order', () => {
    expect([...utf8Encode('é😀')]).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
    expect(compareBytes('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect(compareBytes('a', 'ab')).toBeLessThan(0);
    expect(compareBytes('b', 'ab')).toBeGreaterThan(0);
    expect(truncateUtf8('é'.repeat(100), 128)).toBe('é'.repeat(64));
    expect(truncateUtf8('ab😀', 5)).toBe('ab');
  });

  it('builds listpacks byte for byte', () => {
    expect([...listpackBytes(['a', '1'])]).toEqual([12, 0, 0, 0, 2, 0, 0x81, 0x61, 2, 1, 1, 0xff]);
  });
});

describe('glob (KEYS)', () => {
  const matches = (p: string, k: string) => globMatcher(p)(k);
  it('follows stringmatchlen', () => {
    expect(matches('h?llo', 'hello')).toBe(true);
    expect(matches('h*llo', 'hllo')).toBe(true);
    expect(matches('h[ae]llo', 'hallo')).toBe(true);
    expect(matches('h[^e]llo', 'hello')).toBe(false);
    expect(matches('h[b-a]llo', 'hallo')).toBe(true);
    expect(matches('h\\*llo', 'h*llo')).toBe(true);
    expect(matches('h\\*llo', 'hello')).toBe(false);
    expect(matches('h[e', 'he')).toBe(true);
    expect(matches('h[e', 'hello')).toBe(false);
    expect(matches('*', '')).toBe(true);
    expect(matches('a*', '')).toBe(false);
    expect(matches('?', 'é')).toBe(false); // one byte, and é is two
    expect(matches('??', 'é')).toBe(true);
  });
});

describe('sha1Hex', () => {
  it('matches FIPS test vectors and the sha Redis printed for a script', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex("redis.call('set','x','1') return redis.call('incr', KEYS[1])")).toBe(
      'd587f11a97f468cf12e0535d5b95e23ab6bc9c3a',
    );
  });
});
