import { describe, expect, it } from 'vitest';
import { toChange } from './change.ts';

describe('the what-if form sends the node it shows', () => {
  it('a draft made at t = 0 (no replica then, A named) forks the outage of the first replica listed now', () => {
    // QA walk 5: the list showed B, Fork sent A and the page said "ERR no cut of A's link".
    const d = { kind: 'outage', era: 'psync1', who: 'A', value: '30' } as const;
    expect(toChange(d, ['B', 'C'])).toEqual({ kind: 'outage', replica: 'B', seconds: 30 });
  });

  it('keeps a choice the list still offers', () => {
    const d = { kind: 'write-rate', era: 'psync1', who: 'C', value: '200' } as const;
    expect(toChange(d, ['A', 'B', 'C'])).toEqual({ kind: 'write-rate', node: 'C', perSecond: 200 });
    expect(toChange({ ...d, kind: 'outage' }, [])).toEqual({ kind: 'outage', replica: 'C', seconds: 200 });
  });
});
