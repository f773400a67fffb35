// DEBUG SLEEP: a busy process. Real redis-server 7.0.15 (probe r18): A with repl-timeout 1, its
// replica B runs DEBUG SLEEP 3 — A drops B as timed out, B wakes, finds its link closed and comes
// back with +CONTINUE in that step; DEBUG SLEEP 0.5 on A changes nothing.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index.ts';

describe('DEBUG SLEEP', () => {
  it('a replica asleep past its master repl-timeout is dropped and continues (as on 7.0.15)', () => {
    const t = runScenario({
      name: 'debug_sleep',
      nodes: { A: { config: { 'repl-timeout': '1' } }, B: { replicaof: 'A' }, C: { replicaof: 'A' } },
      steps: [
        { op: 'wait-sync' },
        { op: 'write', node: 'A', cmd: ['SET', 'k:{i}', 'v{i}'], repeat: 3 },
        { op: 'wait-sync' },
        { op: 'cmd', node: 'B', cmds: [['DEBUG', 'SLEEP', '3']] },
        { op: 'wait-sync' },
        {
          op: 'cmd',
          node: 'A',
          cmds: [
            ['DEBUG', 'SLEEP', '0.5'],
            ['DEBUG', 'SLEEP', 'abc'],
            ['DEBUG', 'DIGEST'],
          ],
        },
        { op: 'wait-sync' },
      ],
    });
    const events = t.outcome.events
      .filter((e) => e.step > 0 && e.replica)
      .map((e) => `s${e.step}:${e.replica}=${e.result}`);
    expect(events).toEqual(['s4:B=CONTINUE']);
    expect(t.steps[4].result).toEqual({ replies: ['OK'] });
    const replies = (t.steps[6].result as { replies: unknown[] }).replies;
    expect(replies.slice(0, 2)).toEqual(['OK', 'OK']);
    expect(replies[2]).toMatchObject({ error: expect.stringMatching(/^ERR DEBUG is not available/) });
    expect(t.steps[4].snapshot.A.log?.join('\n')).toMatch(
      /Disconnecting timedout replica \(streaming sync\): 127\.0\.0\.1:7102/,
    );
  });
});
