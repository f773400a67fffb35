// DEBUG SLEEP: a busy process. Real redis-server 7.0.15 (probe r18): A with repl-timeout 1, its
// replica B runs DEBUG SLEEP 3 — A drops B as timed out, B wakes, finds its link closed and comes
// back with +CONTINUE in that step; DEBUG SLEEP 0.5 on A changes nothing.
import { describe, expect, it } from 'vitest';
import { runCommand, runScenario, runUntil, startedLab } from '../index.ts';

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
            ['DEBUG', 'OBJECT', 'k:0'],
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

  it('holds what other clients send while it sleeps, and runs it when it wakes (one thread: nothing is read)', () => {
    const lab = startedLab(1, {
      nodes: [{ name: 'A', replicaof: null }],
      config: { 'enable-debug-command': 'local' },
    });
    const a = lab.w.nodes.get('A')!;
    const t0 = lab.w.now;
    const sleep = runCommand(lab, a, ['DEBUG', 'SLEEP', '1']);
    // Another connection (db 3's writer): its SET waits unread, the data stays as it was.
    const set = runCommand(lab, a, ['SET', 'k', 'v'], 3);
    expect(set).toMatchObject({ pending: { reply: null, waiting: expect.stringContaining('DEBUG SLEEP') } });
    expect(a.keyspace.dbsize(3)).toBe(0);
    runUntil(lab.w, t0 + 1_000_000);
    expect(sleep).toMatchObject({ pending: { reply: { t: 'simple', v: 'OK' } } });
    expect(set).toMatchObject({ pending: { reply: { t: 'simple', v: 'OK' } } });
    expect(a.keyspace.dbsize(3)).toBe(1);
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
    // The node sleeps after the EXEC: the next command waits unread and runs when it wakes.
    const held = runCommand(lab, a, ['GET', 'x']);
    expect(held).toMatchObject({ pending: { reply: null } });
    runUntil(lab.w, t0 + 299_999);
    expect(held).toMatchObject({ pending: { reply: null } });
    runUntil(lab.w, t0 + 300_000);
    expect(held).toMatchObject({ pending: { reply: { t: 'bulk', v: '1' } } });
    expect(runCommand(lab, a, ['DEBUG', 'sleep'])).toEqual({
      reply: {
        t: 'error',
        v: "ERR unknown subcommand or wrong number of arguments for 'sleep'. Try DEBUG HELP.",
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

// Real redis-server 7.0.15 (enable-debug-command yes), after FLUSHALL: RPUSH l a b c 12, SADD si 3 1 2
// (an intset), SADD sh x y z 1, HSET h f1 v1 f2 2, ZADD z 1 a 2.5 b 0.1 c -3 d, SET t v EX 1000,
// SET 键 值, SET n 12345, and in db 3 SET other 1. Then DEBUG DIGEST and DEBUG DIGEST-VALUE l si sh h
// z t missing 键 n answered these.
describe('DEBUG DIGEST', () => {
  const REAL = {
    dataset: 'ca91bd14e27f7ef1e837e3750d2e6b93188543e2',
    values: [
      'a24a7e75f2eab8280e65e2a0f98fa78367b3f439',
      '2a462a3f51a1db89738ebbeef0c47ce1bbc85246',
      '3ab38e562ef7db57cfd00e879848f5de7838e48f',
      'fc076e867f7dbf566ea58172a151d82d78b8f845',
      'd4287ebecafb1f9e158000f51094c47274bf1f55',
      '311b17018163335616e089f6b951c82c477335ac',
      '0000000000000000000000000000000000000000',
      '3ccc0c6ab7fb12c0abe139c2e2af2540351ef2d7',
      'e1cf90774e995ae03de66e8109dc5cb9d9c2dc83',
    ],
    other: 'b4fc66738120fba0b5aa500ab5c2bf89cea1c5da',
  };

  it('gives the digests real Redis gives, the same on a replica that caught up', () => {
    const lab = startedLab(1, {
      nodes: [
        { name: 'A', replicaof: null },
        { name: 'B', replicaof: 'A' },
      ],
    });
    const [a, b] = [lab.w.nodes.get('A')!, lab.w.nodes.get('B')!];
    const writes = [
      ['RPUSH', 'l', 'a', 'b', 'c', '12'],
      ['SADD', 'si', '3', '1', '2'],
      ['SADD', 'sh', 'x', 'y', 'z', '1'],
      ['HSET', 'h', 'f1', 'v1', 'f2', '2'],
      ['ZADD', 'z', '1', 'a', '2.5', 'b', '0.1', 'c', '-3', 'd'],
      ['SET', 't', 'v', 'EX', '1000'],
      ['SET', '键', '值'],
      ['SET', 'n', '12345'],
    ];
    for (const argv of writes) runCommand(lab, a, argv);
    runCommand(lab, a, ['SET', 'other', '1'], 3);
    const digestOf = (n: typeof a) => runCommand(lab, n, ['DEBUG', 'DIGEST']);
    expect(digestOf(a)).toEqual({ reply: { t: 'simple', v: REAL.dataset } });
    const keys = ['l', 'si', 'sh', 'h', 'z', 't', 'missing', '键', 'n'];
    expect(runCommand(lab, a, ['DEBUG', 'DIGEST-VALUE', ...keys])).toEqual({
      reply: { t: 'array', v: REAL.values.map((v) => ({ t: 'simple', v })) },
    });
    expect(runCommand(lab, a, ['DEBUG', 'DIGEST-VALUE', 'other'], 3)).toEqual({
      reply: { t: 'array', v: [{ t: 'simple', v: REAL.other }] },
    });
    // B has not been sent the writes yet; once it has, its dataset is A's.
    expect(digestOf(b)).not.toEqual(digestOf(a));
    runUntil(lab.w, lab.w.now + 100_000);
    expect(digestOf(b)).toEqual(digestOf(a));
    expect(runCommand(lab, a, ['DEBUG', 'DIGEST', 'x'])).toEqual({
      reply: {
        t: 'error',
        v: "ERR unknown subcommand or wrong number of arguments for 'DIGEST'. Try DEBUG HELP.",
      },
    });
  });
});
