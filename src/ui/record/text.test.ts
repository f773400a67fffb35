// The record words: every entry in zh and en with the same {placeholders}, and every lab input in
// words in both languages with nothing left unfilled.
import { describe, expect, it } from 'vitest';
import type { LabInput } from '../../engine/index.ts';
import { INPUT_TEXT, inputWords } from '../console/describe.ts';
import { RECORD_TEXT } from './text.ts';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const INPUTS: LabInput[] = [
  { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] },
  { type: 'write', node: 'A', count: 5 },
  { type: 'traffic', node: 'A', perSecond: 50 },
  { type: 'traffic', node: 'A', perSecond: 0 },
  { type: 'cut', replica: 'B' },
  { type: 'cut', replica: 'B', method: 'sigstop-kill' },
  { type: 'heal', replica: 'B' },
  { type: 'freeze', node: 'B' },
  { type: 'unfreeze', node: 'B' },
  { type: 'shutdown', node: 'B', save: true },
  { type: 'start', node: 'B' },
  { type: 'restart', node: 'B', save: false, downMs: 500 },
  { type: 'delete-rdb', node: 'B' },
  { type: 'add-replica', of: 'A' },
  { type: 'remove-node', node: 'C' },
];

describe('record words', () => {
  for (const [name, table] of Object.entries({ RECORD_TEXT, INPUT_TEXT }))
    it(`${name}: zh and en for every key, same placeholders`, () => {
      const bad = Object.entries(table as Record<string, { zh: string; en: string }>).filter(
        ([, t]) => !t.zh.trim() || !t.en.trim() || holes(t.zh).join() !== holes(t.en).join(),
      );
      expect(bad.map(([k]) => k)).toEqual([]);
    });

  it('every lab input in words, in both languages, every placeholder filled', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const i of INPUTS) expect(inputWords(i, lang)).toMatch(/^[^{}]+$/);
    expect(inputWords({ type: 'cut', replica: 'B' }, 'en')).toBe('link of B cut (partition)');
    expect(inputWords({ type: 'write', node: 'A', count: 5 }, 'zh')).toBe('在 A 上写入 5 个键');
  });
});
