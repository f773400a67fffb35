// DEBUG SLEEP: a busy process. Real redis-server 7.0.15 (probe r18): A with repl-timeout 1, its
// replica B runs DEBUG SLEEP 3 — A drops B as timed out, B wakes, finds its link closed and comes
// back with +CONTINUE in that step; DEBUG SLEEP 0.5 on A changes nothing.
import { describe, expect, it } from 'vitest';
import { runCommand, runScenario, startedLab } from '../index.ts';

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

  it('answers as 7.0.15 does: OK inside EXEC (the node busy after), the SLEEP arity error, refused when disabled', () => {
    const lab = startedLab(1, {
      nodes: [{ name: 'A', replicaof: null }],
      config: { 'enable-debug-command': 'local' },
    });
    const a = lab.w.nodes.get('A')!;
    for (const argv of [['MULTI'], ['DEBUG', 'SLEEP', '0.3'], ['SET', 'x', '1']]) runCommand(lab, a, argv);
    const t0 = lab.w.now;
    expect(runCommand(lab, a, ['EXEC'])).toEqual({
      reply: {
        t: 'array',
        v: [
          { t: 'simple', v: 'OK' },
          { t: 'simple', v: 'OK' },
        ],
      },
    });
    expect(a.busyUntil).toBe(t0 + 300_000);
    expect(runCommand(lab, a, ['DEBUG', 'SLEEP'])).toEqual({
      reply: {
        t: 'error',
        v: "ERR unknown subcommand or wrong number of arguments for 'SLEEP'. Try DEBUG HELP.",
      },
    });
    expect(runCommand(lab, a, ['DEBUG', 'SLEEP', '-1'])).toEqual({ reply: { t: 'simple', v: 'OK' } });
    const off = startedLab(1, {
      nodes: [{ name: 'A', replicaof: null }],
      config: { 'enable-debug-command': 'no' },
    });
    const r = runCommand(off, off.w.nodes.get('A')!, ['DEBUG', 'SLEEP', '1']);
    expect(r).toMatchObject({
      reply: { t: 'error', v: expect.stringMatching(/^ERR DEBUG command not allowed\./) },
    });
  });
});
