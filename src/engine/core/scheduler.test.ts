import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextU32, randomHex40, seedRng } from './random.ts';
import { Scheduler } from './scheduler.ts';

describe('Scheduler', () => {
  it('pops by (at, seq): time order, ties in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new Scheduler<number>();
        for (const [i, t] of times.entries()) q.push(t, i);
        const out: [number, number][] = [];
        for (let d = q.pop(); d; d = q.pop()) out.push([d.at, d.item]);
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });
});

describe('seeded PRNG', () => {
  it('one seed, one sequence; replids are 40 hex chars', () => {
    const a = seedRng(5);
    const b = seedRng(5);
    expect(Array.from({ length: 5 }, () => nextU32(a))).toEqual(Array.from({ length: 5 }, () => nextU32(b)));
    expect(randomHex40(seedRng(1))).toMatch(/^[0-9a-f]{40}$/);
    expect(randomHex40(seedRng(1))).not.toBe(randomHex40(seedRng(2)));
  });
});
