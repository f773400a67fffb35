// SIGSTOP / SIGCONT: what a frozen replica was sent waits in its socket and is applied in order.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

describe('a frozen replica (SIGSTOP) resumes in order', () => {
  it('applies the stream in order even when a message is due at the very instant of SIGCONT', () => {
    // Random differential seed 1348002118 (shrunk): the second write's stream message to C was
    // due exactly when C was continued; it ran before the parked first one (C ended at 69 of 92).
    const t = runScenario(
      {
        name: 'sigcont-order',
        proxyLinks: true,
        nodes: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' } },
        steps: [
          { op: 'wait-sync' },
          { op: 'stop', node: 'C' },
          {
            op: 'write',
            node: 'A',
            cmds: [
              ['INCR', 'w1:n'],
              ['INCRBYFLOAT', 'w1:f', '1.5'],
            ],
          },
          { op: 'cont', node: 'C' },
          { op: 'wait-sync' },
        ],
      },
      { seed: 1 },
    );
    const last = t.steps[t.steps.length - 1];
    expect(last.result).toMatchObject({ ok: true });
    const { A, C } = last.snapshot;
    expect(C.replication?.master_repl_offset).toBe(92);
    expect(A.replication?.master_repl_offset).toBe(92);
    expect(C.data).toEqual(A.data);
  });
});
