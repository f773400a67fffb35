// What a replica answers while its data is not the master's: during a full sync (stale data,
// -MASTERDOWN, -LOADING) and for keys whose TTL passed before the master's DEL arrived. Replies as
// redis-cli got them from redis-server 7.0.15 (scenarios pb_reads_during_full_sync, pc_expired_key_on_replica).
import { describe, expect, it } from 'vitest';
import type { Reply } from '../core/resp.ts';
import { call, drainEvents, newClient, runStep, setupScenario } from '../index.ts';
import type { Node } from '../server/world.ts';

function cluster(nodes: Record<string, { config?: Record<string, string>; replicaof?: string }>) {
  const run = setupScenario({ name: 't', nodes, steps: [] }, 1);
  const exec = (node: Node, ...argv: string[]): Reply => {
    const r = call(run.w, node, newClient(run.w, node), argv);
    if (!('reply' in r)) throw new Error('blocked');
    return r.reply;
  };
  return { run, exec, node: (n: string) => run.w.nodes.get(n)! };
}

const MASTERDOWN = {
  t: 'error',
  v: "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
};
const LOADING = { t: 'error', v: 'LOADING Redis is loading the dataset in memory' };

describe('a replica during a full sync', () => {
  const start = () => {
    const c = cluster({
      A: { config: { 'rdb-key-save-delay': '2000' } },
      B: { config: { 'key-load-delay': '5000' } },
    });
    runStep(c.run, { op: 'write', node: 'A', cmd: ['SET', 'seed:{i}', 's{i}'], repeat: 1000 });
    runStep(c.run, { op: 'write', node: 'B', cmd: ['SET', 'k', 'old'] });
    runStep(c.run, { op: 'replicaof', node: 'B', master: 'A' });
    return c;
  };

  it('serves its old data, or -MASTERDOWN for commands not flagged stale', () => {
    const { exec, node } = start();
    const b = node('B');
    expect(exec(b, 'GET', 'k')).toEqual({ t: 'bulk', v: 'old' });
    exec(b, 'CONFIG', 'SET', 'replica-serve-stale-data', 'no');
    for (const argv of [['GET', 'k'], ['DBSIZE'], ['PING']]) expect(exec(b, ...argv)).toEqual(MASTERDOWN);
    expect(exec(b, 'ECHO', 'hi')).toEqual({ t: 'bulk', v: 'hi' });
    expect(exec(b, 'ROLE')).toMatchObject({ t: 'array' });
  });

  it('answers -LOADING while the RDB loads (INFO says loading:1), MASTERDOWN first', () => {
    const { run, exec, node } = start();
    const b = node('B');
    runStep(run, { op: 'wait', node: 'B', section: 'persistence', until: { loading: 1 }, timeoutMs: 15000 });
    for (const argv of [['GET', 'k'], ['DBSIZE'], ['REPLICAOF', 'NO', 'ONE']])
      expect(exec(b, ...argv)).toEqual(LOADING);
    expect(exec(b, 'ECHO', 'hi')).toEqual({ t: 'bulk', v: 'hi' });
    const role = exec(b, 'ROLE') as { v: { v: unknown }[] };
    expect(role.v[3].v).toBe('sync');
    exec(b, 'CONFIG', 'SET', 'replica-serve-stale-data', 'no');
    expect(exec(b, 'GET', 'k')).toEqual(MASTERDOWN);
    exec(b, 'CONFIG', 'SET', 'replica-serve-stale-data', 'yes');
    runStep(run, { op: 'wait-sync', timeoutMs: 30000 });
    expect(exec(b, 'GET', 'k')).toEqual({ t: 'bulk', v: null });
    expect(exec(b, 'DBSIZE')).toEqual({ t: 'int', v: 1000 });
  });
});

describe('a key whose TTL passed, read on a replica before the DEL', () => {
  it('reads as missing, still counted; the event tells the lab', () => {
    const { run, exec, node } = cluster({ A: {}, B: { replicaof: 'A' } });
    runStep(run, { op: 'write', node: 'A', cmd: ['SET', 'session', 'abc', 'PX', '4000'] });
    runStep(run, { op: 'wait-sync' });
    runStep(run, { op: 'stop', node: 'A' });
    runStep(run, { op: 'sleep', ms: 4500 });
    const b = node('B');
    run.w.emitEvents = true;
    drainEvents(run.w);
    expect(exec(b, 'GET', 'session')).toEqual({ t: 'bulk', v: null });
    expect(drainEvents(run.w).filter((e) => e.type === 'replica.expired-read')).toMatchObject([
      { node: 'B', keys: ['session'] },
    ]);
    expect(exec(b, 'DBSIZE')).toEqual({ t: 'int', v: 1 });
    runStep(run, { op: 'cont', node: 'A' });
    runStep(run, { op: 'wait-sync' });
    expect(exec(b, 'DBSIZE')).toEqual({ t: 'int', v: 0 });
  });
});
