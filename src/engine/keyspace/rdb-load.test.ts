// A loaded RDB gets rdbLoadObject's encodings back (rdb-load.ts). Checked on redis-server 7.0.15:
// `SADD s 30 10 20 x`, `SREM s x` leaves a hashtable on the master (SMEMBERS 30 20 10 there); its
// replica, after a full sync, has an intset and answers SMEMBERS 10 20 30.
import { describe, expect, it } from 'vitest';
import type { Argv, Reply } from '../core/resp.ts';
import { call, newClient, runStep, setupScenario } from '../index.ts';
import { Keyspace } from './keyspace.ts';
import { loadedEncoding } from './rdb-load.ts';
import type { Aggregate } from './values.ts';

function twoNodes() {
  const run = setupScenario({ name: 't', nodes: { A: {}, B: {} }, steps: [] }, 3);
  const exec = (n: string, ...argv: Argv): Reply => {
    const node = run.w.nodes.get(n)!;
    const r = call(run.w, node, newClient(run.w, node), argv);
    if (!('reply' in r)) throw new Error('blocked');
    return r.reply;
  };
  return { run, exec };
}

const agg = (ks: Keyspace, key: string) => ks.dbs[0].data.get(key) as Aggregate & { enc: string };

describe('encodings after an RDB load', () => {
  it('a set of integers that held a string is an intset again on the replica (sorted SMEMBERS)', () => {
    const { run, exec } = twoNodes();
    exec('A', 'SADD', 's', '30', '10', '20', 'x');
    exec('A', 'SREM', 's', 'x');
    runStep(run, { op: 'replicaof', node: 'B', master: 'A' });
    runStep(run, { op: 'wait-sync' });
    const members = (r: Reply) =>
      r.t === 'array' && r.v ? r.v.map((x) => (x.t === 'bulk' ? x.v : '?')) : [];
    expect(agg(run.w.nodes.get('A')!.keyspace, 's').enc).toBe('hashtable');
    expect(agg(run.w.nodes.get('B')!.keyspace, 's').enc).toBe('intset');
    expect(members(exec('B', 'SMEMBERS', 's'))).toEqual(['10', '20', '30']);
  });

  it('hashes and zsets that shrank are listpacks again; the saved file keeps its own', () => {
    const ks = new Keyspace();
    const ctx = { nowMs: 0 } as Parameters<Keyspace['exec']>[2];
    const fields = Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`]).flat();
    ks.exec(0, ['HSET', 'h', ...fields], ctx);
    for (let i = 10; i < 600; i++) ks.exec(0, ['HDEL', 'h', `f${i}`], ctx);
    ks.exec(0, ['ZADD', 'z', '1', 'm'.repeat(70), '2', 'b'], ctx);
    ks.exec(0, ['ZREM', 'z', 'm'.repeat(70)], ctx);
    ks.exec(0, ['HSET', 'big', 'f', 'v'.repeat(70)], ctx);
    expect([agg(ks, 'h').enc, agg(ks, 'z').enc, agg(ks, 'big').enc]).toEqual([
      'hashtable',
      'skiplist',
      'hashtable',
    ]);
    const loaded = ks.loaded();
    expect([agg(loaded, 'h').enc, agg(loaded, 'z').enc, agg(loaded, 'big').enc]).toEqual([
      'listpack',
      'listpack',
      'hashtable',
    ]);
    expect(agg(ks, 'h').enc).toBe('hashtable'); // copy-on-write: the file's value is untouched
    // A small hash saves bigger as a listpack blob than as 10 length-prefixed pairs: on 7.0.15 the
    // replica's dump.rdb (h listpack, s intset) was 303 bytes against its master's 269.
    expect(loaded.rdbSize(null)).toBeGreaterThan(ks.rdbSize(null));
    expect(loadedEncoding({ type: 'list', owner: {}, items: ['a'] })).toBeNull();
  });
});
