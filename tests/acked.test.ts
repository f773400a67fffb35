// "Acknowledged but lost": the writes a master answered +OK to and later threw away in a full sync
// from a promoted replica that never had them (scenario pd_acked_writes_lost_failover).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/engine/index.ts';
import { drainEvents, runStep, setupScenario } from '../src/engine/index.ts';

const pd = JSON.parse(
  readFileSync(join(import.meta.dirname, '../scenarios/pd_acked_writes_lost_failover.json'), 'utf8'),
) as Scenario;

describe('acknowledged but lost', () => {
  it('counts the two writes A acknowledged past C’s second_repl_offset, once', () => {
    const run = setupScenario(pd, 1);
    run.w.emitEvents = true;
    const lost: unknown[] = [];
    for (const step of pd.steps) {
      runStep(run, step);
      for (const e of drainEvents(run.w)) if (e.type === 'writes.lost') lost.push(e);
    }
    expect(lost).toMatchObject([{ node: 'A', master: 'C', count: 2, kept: 113 }]);
    const a = run.w.nodes.get('A')!;
    expect(a.lostAcked).toBe(2);
    expect(run.w.nodes.get('B')!.lostAcked).toBe(0); // B never acknowledged them to a client
  });

  it.each(['sync', 'psync1'] as const)('in the %s era the same two writes are lost', (era) => {
    const run = setupScenario({ ...pd, era }, 1);
    run.w.emitEvents = true;
    let count = 0;
    for (const step of pd.steps) {
      runStep(run, step);
      for (const e of drainEvents(run.w)) if (e.type === 'writes.lost' && e.node === 'A') count += e.count;
    }
    expect(count).toBe(2);
  });

  it('a partial resync or a full sync that keeps our history loses nothing', () => {
    const run = setupScenario({ name: 't', nodes: { A: {}, B: { replicaof: 'A' } }, steps: [] }, 1);
    runStep(run, { op: 'write', node: 'A', cmd: ['SET', 'k:{i}', 'v'], repeat: 3 });
    runStep(run, { op: 'wait-sync' });
    runStep(run, { op: 'replicaof', node: 'B', master: null });
    runStep(run, { op: 'replicaof', node: 'A', master: 'B' });
    runStep(run, { op: 'wait-sync' });
    expect(run.w.nodes.get('A')!.lostAcked).toBe(0);
  });
});
