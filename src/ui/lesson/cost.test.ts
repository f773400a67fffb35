// The cost meter over a real run: B's first attach is a full sync, its short drop a partial one
// that moves fewer bytes and ends sooner.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEvents, emptyHistory } from '../../store/history.ts';
import { Session } from '../../worker/session.ts';
import { costRows } from './cost.ts';

describe('cost meter', () => {
  it('a short drop costs less than the first full sync, for the same replica', () => {
    const name = 'b_short_drop_partial';
    const json = JSON.parse(
      readFileSync(new URL(`../../../scenarios/${name}.json`, import.meta.url), 'utf8'),
    );
    const s = new Session();
    const h = emptyHistory();
    const r = s.handle({ type: 'load', seed: 1, source: { kind: 'scenario', name, json } });
    if (r.type === 'ready') applyEvents(h, r.frame.events);
    for (let t = 1; t <= 30; t++) {
      const f = s.handle({ type: 'advance', to: t * 1_000_000 });
      if (f.type === 'frame') applyEvents(h, f.frame.events);
    }
    const b = costRows(h).filter((c) => c.replica === 'B');
    const full = b.find((c) => c.kind === 'full');
    const partial = b.find((c) => c.kind === 'partial');
    expect(full && partial).toBeTruthy();
    expect(partial!.bytes).toBeGreaterThan(0);
    expect(partial!.bytes).toBeLessThan(full!.bytes);
    expect(partial!.us).not.toBeNull();
    expect(partial!.us!).toBeLessThan(full!.us!);
  });
});
