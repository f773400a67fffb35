// EVAL: the supported script shapes, effects replication, Redis's script error texts, and the
// honest refusal of everything else. Texts marked "real" were printed by redis-server 7.0.15.
import { describe, expect, it } from 'vitest';
import type { Argv } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';
import { sha1Hex } from './sha1.ts';
import type { ExecContext } from './types.ts';

const ctx: ExecContext = { nowMs: 1764000000000, random: () => 0, fromMaster: false };
const evalIn = (ks: Keyspace, script: string, ...rest: string[]) =>
  ks.exec(0, ['EVAL', script, ...rest], ctx)!;

describe('EVAL', () => {
  it('runs calls separated by blanks, semicolons and newlines, with comments', () => {
    const ks = new Keyspace();
    const script =
      "-- set two keys\nredis.call('set', KEYS[1], ARGV[1]);redis.call(\"SET\", 'k2', \"b\") --[[ long\ncomment ]]\nreturn redis.call('get', KEYS[1])";
    expect(evalIn(ks, script, '1', 'k1', 'a')).toEqual({
      reply: { t: 'bulk', v: 'a' },
      propagate: [
        ['set', 'k1', 'a'],
        ['SET', 'k2', 'b'],
      ],
      changed: ['k1', 'k2'],
    });
  });

  it('converts return values as Redis does', () => {
    const ks = new Keyspace();
    const cases: [string, unknown][] = [
      ['return 1.9', { t: 'int', v: 1 }],
      ['return -1.9', { t: 'int', v: -1 }],
      ['return 1e20', { t: 'int', v: -(2 ** 63) }], // real: -9223372036854775808
      ["return 'str'", { t: 'bulk', v: 'str' }],
      ['return [[long]]', { t: 'bulk', v: 'long' }],
      ['return true', { t: 'int', v: 1 }],
      ['return false', { t: 'bulk', v: null }],
      ['return nil', { t: 'bulk', v: null }],
      ['return', { t: 'bulk', v: null }],
      ['', { t: 'bulk', v: null }],
      [
        "return {1,'a',{2}}",
        {
          t: 'array',
          v: [
            { t: 'int', v: 1 },
            { t: 'bulk', v: 'a' },
            { t: 'array', v: [{ t: 'int', v: 2 }] },
          ],
        },
      ],
      ['return {1,nil,2}', { t: 'array', v: [{ t: 'int', v: 1 }] }],
      ["return {err='My Error'}", { t: 'error', v: 'My Error' }],
      ["return {ok='fine'}", { t: 'simple', v: 'fine' }],
      ["return redis.call('set','x','y')", { t: 'simple', v: 'OK' }],
      ["return redis.call('ping')", { t: 'simple', v: 'PONG' }],
      ["return redis.call('lpop','nolist',2)", { t: 'bulk', v: null }], // a null array becomes nil
      ["redis.call('set','y',0.1) return redis.call('get','y')", { t: 'bulk', v: '0.10000000000000001' }], // real
    ];
    for (const [script, reply] of cases) expect(evalIn(ks, script, '0').reply, script).toEqual(reply);
  });

  it('stops at a failing redis.call with the script suffix; earlier effects stay', () => {
    const ks = new Keyspace();
    ks.exec(0, ['RPUSH', 'l', 'a'], ctx);
    const script = "redis.call('set','x','2')\nredis.call('incr', KEYS[1])\nreturn 1";
    expect(evalIn(ks, script, '1', 'l')).toMatchObject({
      reply: {
        t: 'error',
        v: 'WRONGTYPE Operation against a key holding the wrong kind of value script: 8981b037fee10e89338ff4286d7d92c2dbba2a1b, on @user_script:2.', // real
      },
      propagate: [['set', 'x', '2']],
    });
    expect(ks.exec(0, ['GET', 'x'], ctx)!.reply).toEqual({ t: 'bulk', v: '2' });
  });

  it('redis.pcall hands the error back to the script', () => {
    const ks = new Keyspace();
    ks.exec(0, ['RPUSH', 'l', 'a'], ctx);
    expect(evalIn(ks, "return redis.pcall('incr', KEYS[1])", '1', 'l').reply).toEqual({
      t: 'error',
      v: 'WRONGTYPE Operation against a key holding the wrong kind of value',
    });
    expect(
      evalIn(ks, "redis.pcall('incr', KEYS[1]) redis.call('set','pc','1') return 2", '1', 'l'),
    ).toMatchObject({
      reply: { t: 'int', v: 2 },
      propagate: [['set', 'pc', '1']],
    });
  });

  it("uses Redis's texts for script-level call errors", () => {
    const ks = new Keyspace();
    const errOf = (script: string, ...args: string[]) => {
      const r = evalIn(ks, script, ...args).reply;
      return r.t === 'error' ? r.v.replace(/ script: [0-9a-f]{40}, on @user_script:\d+\.$/, '') : r;
    };
    expect(errOf("return redis.call('nosuch')", '0')).toBe('ERR Unknown Redis command called from script');
    expect(errOf("return redis.call('set','x')", '0')).toBe(
      'ERR Wrong number of args calling Redis command from script',
    );
    expect(errOf("return redis.call('multi')", '0')).toBe(
      'ERR This Redis command is not allowed from script',
    );
    expect(errOf("return redis.call('eval','return 1','0')", '0')).toBe(
      'ERR This Redis command is not allowed from script',
    );
    expect(errOf("return redis.call('get', KEYS[2])", '1', 'l')).toBe(
      'ERR Lua redis lib command arguments must be strings or integers',
    );
    expect(errOf('return redis.call()', '0')).toBe(
      'ERR Please specify at least one argument for this redis lib call',
    );
    expect(errOf("return redis.call('set','k','v','EX','0')", '0')).toBe(
      "ERR invalid expire time in 'set' command",
    );
    const script = "\n\nredis.call('set','x')";
    expect(evalIn(ks, script, '0').reply).toEqual({
      t: 'error',
      v: `ERR Wrong number of args calling Redis command from script script: ${sha1Hex(script)}, on @user_script:3.`,
    });
  });

  it('checks numkeys first, with Redis texts', () => {
    const ks = new Keyspace();
    expect(evalIn(ks, 'return 1', '2', 'a').reply.v).toBe(
      "ERR Number of keys can't be greater than number of args",
    );
    expect(evalIn(ks, 'return 1', '-1').reply.v).toBe("ERR Number of keys can't be negative");
    expect(evalIn(ks, 'return 1', 'abc').reply.v).toBe('ERR value is not an integer or out of range');
  });

  it('refuses anything outside the supported subset before running any of it', () => {
    const ks = new Keyspace();
    for (const script of [
      "local v = redis.call('get','a') return v",
      "redis.call('set','a','1') if true then return 1 end",
      "return redis.call('get','a') .. 'x'",
      'return 1 + 1',
      "redis.call('set','a','1') return 1 redis.call('set','b','2')",
    ]) {
      const r = evalIn(ks, script, '0');
      expect(r.reply.t, script).toBe('error');
      expect(String(r.reply.v)).toMatch(
        /^ERR PSYNC Lab supports only scripts made of redis\.call\(\)\/redis\.pcall\(\) statements and a final return \(user_script:\d+: unsupported near '.*'\)$/,
      );
      expect(r.propagate).toEqual([]);
    }
    expect(ks.keyCount()).toBe(0);
  });

  it('server commands other than SELECT/PING/ECHO are refused by name', () => {
    const ks = new Keyspace();
    const r = evalIn(ks, "return redis.call('info')", '0').reply;
    expect(r.v).toMatch(
      /^ERR PSYNC Lab scripts can call data commands, SELECT, PING and ECHO only, not 'info' script: /,
    );
  });

  // Probe p19/p23 (real 7.0.15): a script's SELECT moves its later calls to that db; each write
  // is propagated in its own db (the server adds the SELECTs); SELECT's errors are Redis's.
  it("SELECT in a script: later calls in that db, each entry's db kept for the stream", () => {
    const ks = new Keyspace();
    const r = ks.exec(
      2,
      ['EVAL', "redis.call('set','d','1') redis.call('select',4) redis.call('set','e','2') return 1", '0'],
      ctx,
    )!;
    expect(r.propagate).toEqual([
      ['set', 'd', '1'],
      ['set', 'e', '2'],
    ]);
    expect(r.dbs).toEqual([2, 4]);
    expect([ks.dbs[2].data.get('d'), ks.dbs[4].data.get('e')]).toEqual(['1', '2']);
    const errors = ['x', '16', '3000000000'].map(
      (db) => evalIn(ks, `return redis.pcall('select','${db}')`, '0').reply,
    );
    expect(errors).toEqual([
      { t: 'error', v: 'ERR value is not an integer or out of range' },
      { t: 'error', v: 'ERR DB index is out of range' },
      { t: 'error', v: 'ERR value is out of range, value must between -2147483648 and 2147483647' },
    ]);
  });

  it('write calls fail with ctx.scriptWriteDenied (a read-only replica), reads still run', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'a', '1'], ctx);
    const ro: ExecContext = {
      ...ctx,
      replica: true,
      scriptWriteDenied: "READONLY You can't write against a read only replica.",
    };
    const run = (script: string) => ks.exec(0, ['EVAL', script, '0'] as Argv, ro)!;
    expect(run("return redis.call('get','a')").reply).toEqual({ t: 'bulk', v: '1' });
    expect(run("return redis.call('set','a','2')")).toMatchObject({
      reply: {
        t: 'error',
        v: expect.stringMatching(/^READONLY You can't write against a read only replica\. script: /),
      },
      propagate: [],
    });
  });

  it('lazily expired keys touched by a script are deleted in order with its effects', () => {
    const ks = new Keyspace();
    ks.exec(0, ['SET', 'k16', '5', 'PX', '100'], ctx);
    const later: ExecContext = { ...ctx, nowMs: ctx.nowMs + 200 };
    const r = ks.exec(
      0,
      ['EVAL', "redis.call('get',KEYS[1]) return redis.call('set',KEYS[1],'x')", '1', 'k16'],
      later,
    )!;
    expect(r.propagate).toEqual([
      ['DEL', 'k16'],
      ['set', 'k16', 'x'],
    ]); // real
  });
});
