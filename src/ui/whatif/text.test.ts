// The what-if words: zh and en for every key, with the same {placeholders}.
import { describe, expect, it } from 'vitest';
import { WHATIF_TEXT } from './text.ts';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('what-if words', () => {
  it('zh and en for every key, same placeholders', () => {
    const bad = Object.entries(WHATIF_TEXT).filter(
      ([, t]) => !t.zh.trim() || !t.en.trim() || holes(t.zh).join() !== holes(t.en).join(),
    );
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});
