import { describe, expect, it } from 'vitest';
import { scrubTo } from './scrub.ts';

describe("the time bar's arrow keys", () => {
  it('move 100 ms, 1 s with Shift, within the known run', () => {
    expect(scrubTo('ArrowLeft', false, 569_000, 2_000_000)).toBe(469_000);
    expect(scrubTo('ArrowUp', true, 569_000, 2_000_000)).toBe(1_569_000);
    expect(scrubTo('ArrowLeft', true, 569_000, 2_000_000)).toBe(0);
    expect(scrubTo('ArrowRight', true, 1_500_000, 2_000_000)).toBe(2_000_000);
  });

  it("leave every other key to the browser's slider", () => {
    for (const k of ['PageUp', 'PageDown', 'Home', 'End', 'Tab', ' '])
      expect(scrubTo(k, false, 5, 10)).toBeNull();
  });
});
