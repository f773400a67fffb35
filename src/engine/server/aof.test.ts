// appendonly yes: a start reads only the AOF, which has no replication info. Real redis-server
// 7.0.15 (probes r16, r16b): a master started with appendonly yes and restarted (NOSAVE, then SAVE)
// keeps its data but starts a new history at offset 0, so its replica full-syncs both times; a
// replica with appendonly yes restarted with SAVE sends PSYNC ? -1 (FULLRESYNC@173); a master that
// only CONFIG SET appendonly yes restarts from its RDB as usual (+CONTINUE).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

const outcomes = (t: ReturnType<typeof runScenario>) =>
  t.outcome.events
    .filter((e) => e.replica && e.result !== 'ERROR')
    .map((e) => `s${e.step}:${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`);

describe('appendonly yes', () => {
  it('a master restarted from its AOF keeps the data, not the history', () => {
    const t = runScenario({
      name: 'aof_master',
      nodes: { A: { config: { appendonly: 'yes' } }, B: { replicaof: 'A' } },
      steps: [
        { op: 'wait-sync' },
        { op: 'write', node: 'A', cmd: ['SET', 'k:{i}', 'v{i}'], repeat: 5 },
        { op: 'wait-sync' },
        { op: 'restart', node: 'A', save: false },
        { op: 'wait-sync' },
        { op: 'restart', node: 'A', save: true },
        { op: 'wait-sync' },
      ],
    });
    expect(outcomes(t)).toEqual(['s0:B=FULLRESYNC@0', 's4:B=FULLRESYNC@0', 's6:B=FULLRESYNC@0']);
    const a = t.steps[7].snapshot.A;
    expect(a.dbsize).toBe(5);
    expect(a.replication?.second_repl_offset).toBe(-1);
    expect(t.steps[7].snapshot.B.dbsize).toBe(5);
  });

  it('a replica restarted from its AOF asks PSYNC ? -1; CONFIG SET appendonly does not change the next start', () => {
    const t = runScenario({
      name: 'aof_replica',
      nodes: { A: {}, B: { replicaof: 'A', config: { appendonly: 'yes' } } },
      steps: [
        { op: 'wait-sync' },
        { op: 'write', node: 'A', cmd: ['SET', 'k:{i}', 'v{i}'], repeat: 5 },
        { op: 'wait-sync' },
        { op: 'restart', node: 'B', save: true },
        { op: 'wait-sync' },
        { op: 'config', node: 'A', key: 'appendonly', value: 'yes' },
        { op: 'write', node: 'A', cmd: ['SET', 'j', '1'] },
        { op: 'wait-sync' },
        { op: 'restart', node: 'A', save: true },
        { op: 'wait-sync' },
      ],
    });
    expect(outcomes(t)).toEqual(['s0:B=FULLRESYNC@0', 's4:B=FULLRESYNC@173', 's9:B=CONTINUE']);
  });
});
