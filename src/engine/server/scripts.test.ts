// EVALSHA and the script cache (SCRIPT LOAD / EXISTS / FLUSH) on a master with a replica. Replies
// as redis-server 7.0.15 gives them (checked by hand with redis-cli). Since 7.0 a script's effects
// are replicated, never the script: the replica applies the writes but cannot run the script.
import { describe, expect, it } from 'vitest';
import type { Argv, Reply } from '../core/resp.ts';
import { call, newClient, runStep, setupScenario } from '../index.ts';

const BODY = "return redis.call('set', KEYS[1], ARGV[1])";
const SHA = '55b22c0d0cedf3866879ce7c854970626dcef0c3'; // sha1 of BODY, as SCRIPT LOAD answered

function cluster() {
  const run = setupScenario({ name: 't', nodes: { A: {}, B: { replicaof: 'A' } }, steps: [] }, 7);
  runStep(run, { op: 'wait-sync' });
  const clients = new Map<string, ReturnType<typeof newClient>>();
  const exec = (n: string, ...argv: Argv): Reply => {
    const node = run.w.nodes.get(n)!;
    if (!clients.has(n)) clients.set(n, newClient(run.w, node));
    const r = call(run.w, node, clients.get(n)!, argv);
    if (!('reply' in r)) throw new Error('blocked');
    return r.reply;
  };
  return { run, exec };
}

const bulk = (v: string): Reply => ({ t: 'bulk', v });
const error = (v: string): Reply => ({ t: 'error', v });
const ints = (...v: number[]): Reply => ({ t: 'array', v: v.map((x) => ({ t: 'int', v: x })) });
const NOSCRIPT = error('NOSCRIPT No matching script. Please use EVAL.');

describe('EVALSHA and SCRIPT', () => {
  it('SCRIPT LOAD caches on this node only; EVALSHA replicates its effects, not the script', () => {
    const { run, exec } = cluster();
    expect(exec('A', 'SCRIPT', 'LOAD', BODY)).toEqual(bulk(SHA));
    expect(exec('A', 'EVALSHA', SHA.toUpperCase(), '1', 'k', 'v')).toEqual({ t: 'simple', v: 'OK' });
    runStep(run, { op: 'wait-sync' });
    expect(exec('B', 'GET', 'k')).toEqual(bulk('v')); // the SET arrived
    expect(exec('B', 'SCRIPT', 'EXISTS', SHA)).toEqual(ints(0)); // the script did not
    expect(exec('B', 'EVALSHA', SHA, '0')).toEqual(NOSCRIPT);
    expect(exec('A', 'SCRIPT', 'EXISTS', SHA.toUpperCase(), 'f'.repeat(40))).toEqual(ints(1, 0));
  });

  it('EVAL caches its script too; FLUSH empties the cache; a restart starts empty', () => {
    const { run, exec } = cluster();
    expect(exec('A', 'EVAL', 'return 1', '0')).toEqual({ t: 'int', v: 1 });
    expect(exec('A', 'SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db')).toEqual(ints(1));
    expect(exec('A', 'SCRIPT', 'FLUSH', 'ASYNC')).toEqual({ t: 'simple', v: 'OK' });
    expect(exec('A', 'EVALSHA', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', '0')).toEqual(NOSCRIPT);
    exec('B', 'SCRIPT', 'LOAD', BODY);
    runStep(run, { op: 'restart', node: 'B', save: false });
    runStep(run, { op: 'wait-sync' });
    expect(exec('B', 'SCRIPT', 'EXISTS', SHA)).toEqual(ints(0));
  });

  it('answers bad input as 7.0.15: a short sha before numkeys, numkeys before the cache', () => {
    const { exec } = cluster();
    expect(exec('A', 'EVALSHA', 'abc', 'x')).toEqual(NOSCRIPT);
    expect(exec('A', 'EVALSHA', 'f'.repeat(40), '-1')).toEqual(error("ERR Number of keys can't be negative"));
    expect(exec('A', 'EVALSHA', 'f'.repeat(40), '0')).toEqual(NOSCRIPT);
    const flushErr = error('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
    expect(exec('A', 'SCRIPT', 'FLUSH', 'bad')).toEqual(flushErr);
    expect(exec('A', 'SCRIPT', 'FLUSH', 'sync', 'extra')).toEqual(flushErr);
    expect(exec('A', 'SCRIPT', 'KILL')).toEqual(error('NOTBUSY No scripts in execution right now.'));
    expect(exec('A', 'SCRIPT', 'DEBUG', 'yes')).toMatchObject({
      t: 'error',
      v: expect.stringContaining("'SCRIPT DEBUG'"),
    });
  });

  it('a replica cut off with replica-serve-stale-data no: SCRIPT LOAD is served (stale), SCRIPT EXISTS is not', () => {
    const { run, exec } = cluster();
    exec('B', 'CONFIG', 'SET', 'replica-serve-stale-data', 'no');
    runStep(run, { op: 'shutdown', node: 'A' });
    runStep(run, { op: 'sleep', ms: 200 });
    expect(exec('B', 'SCRIPT', 'LOAD', BODY)).toEqual(bulk(SHA));
    expect(exec('B', 'SCRIPT', 'EXISTS', SHA)).toMatchObject({
      t: 'error',
      v: expect.stringMatching(/^MASTERDOWN/),
    });
  });
});
