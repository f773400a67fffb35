// A cut link must not leave work behind: bytes sent after the cut are dropped when they would have
// arrived, and a connection both ends closed leaves the World. Before this, 30 cut/heal cycles of a
// class left 600 deliveries due at ∞ and 180 dead connections in every timeline checkpoint.
import { describe, expect, it } from 'vitest';
import { advance, createTimeline, DEFAULT_SETUP, drainEvents, input } from '../index.ts';

const SEC = 1_000_000;

describe('cut links leave nothing behind', () => {
  it('after 12 cut/heal cycles under traffic the queue and the connection table stay small', () => {
    const tl = createTimeline(3, DEFAULT_SETUP);
    advance(tl, SEC);
    input(tl, { type: 'traffic', node: 'A', perSecond: 200 });
    const sizes: { queue: number; conns: number }[] = [];
    for (let cycle = 0; cycle < 12; cycle++) {
      const t0 = tl.lab.w.now;
      advance(tl, t0 + 2 * SEC);
      input(tl, { type: 'cut', replica: 'B' });
      advance(tl, t0 + 5 * SEC);
      input(tl, { type: 'heal', replica: 'B' });
      advance(tl, t0 + 10 * SEC);
      drainEvents(tl.lab.w);
      sizes.push({ queue: tl.lab.w.queue.size, conns: tl.lab.w.conns.size });
    }
    const w = tl.lab.w;
    // Two replica links (+ nothing left of the 12 cut ones), and the queue does not grow per cycle.
    expect(w.conns.size).toBeLessThanOrEqual(4);
    expect(sizes[11].queue).toBeLessThanOrEqual(sizes[2].queue + 10); // was +20 per cycle
    expect(w.nodes.get('B')!.link?.state).toBe('REPL_STATE_CONNECTED');
  });
});
