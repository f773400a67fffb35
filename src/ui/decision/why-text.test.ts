// Every why card has its words in both languages, in exactly one place: the decision panel's own
// table (why-text.ts, its lazy chunk) or the main catalogs (cards the console or the cluster show too).
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { WHY_CARDS } from './why.ts';
import { panelCard, WHY_TEXT } from './why-text.ts';

describe('why cards', () => {
  it.each(WHY_CARDS)('%s: a title and a text in zh and en, in one place', (card) => {
    const inCatalog = `why.${card}.title` in en;
    expect(panelCard(card)).toBe(!inCatalog);
    for (const part of ['title', 'text'] as const) {
      const words = panelCard(card)
        ? [WHY_TEXT[`${card}.${part}`].zh, WHY_TEXT[`${card}.${part}`].en]
        : [zh[`why.${card}.${part}` as keyof typeof zh], en[`why.${card}.${part}` as keyof typeof en]];
      for (const w of words) expect(w.trim()).not.toBe('');
    }
  });

  it('the console and the cluster find theirs in the catalogs (the first load)', () => {
    for (const card of [
      'readsDuringSync',
      'expiredOnReplica',
      'ackedLost',
      'waitNotConsistency',
      'notModelled',
    ])
      expect(panelCard(card)).toBe(false);
  });
});
