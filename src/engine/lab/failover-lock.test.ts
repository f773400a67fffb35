// A FAILOVER whose PINGs keep crossing the target's ACKs (server/lifecycle.ts FAILOVER_TICK_LATE_US).
// Pinned regression: in the default lab (seed 1, 40 ms latency, repl-ping-replica-period 10), a
// `FAILOVER TO B` typed at t = 2.24 s used to wait forever — A pinged at x.030 s each second, the
// PING reached B at x.070, just after B's ACK had left at x.065, so every ACK was one PING short.
// Real 7.0.15 locks the same way behind a slow link, and gets out because its crons drift apart.
import { describe, expect, it } from 'vitest';
import { MS, SEC } from '../server/emit.ts';
import { advance, createTimeline, input } from './timeline.ts';

/** `SET k v` then `FAILOVER TO 127.0.0.1 7102` on A at `atMs` in the default lab, seed 1. */
function failoverAt(atMs: number) {
  const tl = createTimeline(1);
  advance(tl, atMs * MS);
  input(tl, { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] });
  input(tl, { type: 'command', node: 'A', argv: ['FAILOVER', 'TO', '127.0.0.1', '7102'] });
  const node = (n: string) => tl.lab.w.nodes.get(n)!;
  return { tl, a: node('A'), b: node('B'), start: tl.lab.w.now };
}

describe('FAILOVER while its PINGs cross the target’s ACKs', () => {
  it('waits while each ACK is one PING short, then completes once the crons drift apart', () => {
    const { tl, a, b, start } = failoverAt(2240);
    advance(tl, start + 10 * SEC);
    // Still locked 10 s on: B has the whole stream, but its last ACK predates the last PING.
    expect(a.failover?.state).toBe('waiting-for-sync');
    expect(b.masterReplOffset).toBe(a.masterReplOffset);
    expect(a.slaves.find((s) => s.listeningPort === 7102)?.ackOff).toBe(a.masterReplOffset - 14);
    let doneAt = -1;
    for (let t = start + 10 * SEC; t <= start + 45 * SEC && doneAt < 0; t += 100 * MS) {
      advance(tl, t);
      if (b.link === null) doneAt = t - start;
    }
    // 0.2 ms a tick moves the PING out of the 80 ms window within 40 s (here 36 s).
    expect(doneAt).toBeGreaterThan(10 * SEC);
    expect(doneAt).toBeLessThanOrEqual(40 * SEC);
    advance(tl, tl.lab.w.now + 2 * SEC);
    expect(a.link?.master).toBe('B');
    expect(b.stats.sync_partial_ok).toBe(1); // accepted through replid2: no full sync
    expect(b.stats.sync_full).toBe(0);
  });

  it('out of the window, completes at B’s next ACK as before', () => {
    const { tl, b, start } = failoverAt(2000);
    advance(tl, start + 1300 * MS);
    expect(b.link).toBeNull();
  });
});
