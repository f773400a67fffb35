// The lab's disk model (NetConfig.diskBytesPerUs): in the lab a full sync's flush and load take
// time proportional to the bytes, so its stages unfold at 1× and the replica's card shows the
// dataset emptied and then refilled. On LOOPBACK (the scenario traces) the flush, rename and load
// stay at one instant, as before.
import { describe, expect, it } from 'vitest';
import { advanceLab, applyInput, drainEvents, LAB_NET, LOOPBACK, nodeViews, startedLab } from '../index.ts';
import type { NetConfig } from '../server/world.ts';

const SEC = 1_000_000;

/** B (200 keys of its own) re-pointed at A (1500 keys): a full sync, phases by time. */
function fullSync(net: NetConfig) {
  const lab = startedLab(1, {
    nodes: [
      { name: 'A', replicaof: null },
      { name: 'B', replicaof: null },
    ],
    net,
  });
  applyInput(lab, { type: 'write', node: 'B', count: 200 });
  applyInput(lab, { type: 'write', node: 'A', count: 1500 });
  advanceLab(lab, lab.w.now + SEC);
  drainEvents(lab.w);
  applyInput(lab, { type: 'command', node: 'B', argv: ['REPLICAOF', '127.0.0.1', '7101'] });
  const at: Record<string, number> = {};
  let keysAtLoad = -1;
  let keysMidLoad = -1;
  for (let t = lab.w.now; t < lab.w.now + 10 * SEC && at.loaded === undefined; ) {
    t += 5000;
    advanceLab(lab, t);
    for (const e of drainEvents(lab.w)) if (e.type === 'rdb.phase' && e.node === 'B') at[e.phase] ??= e.at;
    const b = nodeViews(lab.w).find((v) => v.name === 'B')!;
    if (at.load !== undefined && keysAtLoad < 0) keysAtLoad = b.dbsize;
    if (b.loading !== null && b.loading > 0.4 && b.loading < 0.6) keysMidLoad = b.dbsize;
  }
  const rdb = lab.w.nodes.get('B')!.disk?.bytes ?? 0;
  return { at, keysAtLoad, keysMidLoad, rdb };
}

describe('the lab disk model', () => {
  it('spreads flush, load and the master client over time in the lab (LAB_NET)', () => {
    const { at, keysAtLoad, keysMidLoad, rdb } = fullSync(LAB_NET);
    expect(rdb).toBeGreaterThan(30_000);
    expect(at.load - at.flush).toBeGreaterThan(50_000); // 200 keys' RDB flushed at 0.05 B/µs: ≥ 50 ms
    const load = at.loaded - at.load;
    expect(load).toBeGreaterThanOrEqual(Math.ceil(rdb / (LAB_NET.diskBytesPerUs ?? 1)));
    expect(at['master-client']).toBe(at.loaded);
    expect(keysAtLoad).toBeLessThan(100); // emptied, then refilled as the load goes
    expect(keysMidLoad).toBeGreaterThan(500);
    expect(keysMidLoad).toBeLessThan(1000);
  });

  it('keeps flush, rename and load at one instant on LOOPBACK (scenario traces do not move)', () => {
    const { at } = fullSync(LOOPBACK);
    expect(at.rename).toBe(at.flush);
    expect(at.load).toBe(at.flush);
    expect(at.loaded - at.load).toBeLessThan(2000); // 200 µs + 1 µs per key
  });
});
