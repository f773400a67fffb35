// LMPOP and ZMPOP (7.0): replies, errors and the rewrite Redis propagates. Every expectation was
// checked on a real 7.0.15 (redis-cli; the stream read through a proxy, probe qa_data_cmds_7_0).
import { describe, expect, it } from 'vitest';
import { type Argv, arr, bulk, err } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';

const ctx = { nowMs: 1764000000000, random: () => 0, fromMaster: false };
const run = (ks: Keyspace, argv: Argv) => ks.exec(0, argv, ctx)!;

describe('LMPOP', () => {
  it('pops up to COUNT from the first non-empty list and propagates LPOP/RPOP key <popped>', () => {
    const ks = new Keyspace();
    run(ks, ['RPUSH', 'l', 'a', 'b', 'c']);
    const r = run(ks, ['LMPOP', '2', 'nosuch', 'l', 'LEFT', 'COUNT', '2']);
    expect(r.reply).toEqual(arr([bulk('l'), arr([bulk('a'), bulk('b')])]));
    expect(r.propagate).toEqual([['LPOP', 'l', '2']]);
    const r2 = run(ks, ['lmpop', '1', 'l', 'right', 'count', '5']);
    expect(r2.reply).toEqual(arr([bulk('l'), arr([bulk('c')])]));
    expect(r2.propagate).toEqual([['RPOP', 'l', '1']]);
    expect(ks.dbs[0].data.has('l')).toBe(false);
    const r3 = run(ks, ['LMPOP', '1', 'l', 'LEFT']);
    expect(r3.reply).toEqual(arr(null));
    expect(r3.propagate).toEqual([]);
  });

  it('checks numkeys, where and COUNT before the keys, in Redis words', () => {
    const ks = new Keyspace();
    run(ks, ['SET', 's', 'v']);
    const e = (argv: Argv) => run(ks, argv).reply;
    expect(e(['LMPOP', '0', 'l', 'LEFT'])).toEqual(err('ERR numkeys should be greater than 0'));
    expect(e(['LMPOP', 'x', 'l', 'LEFT'])).toEqual(err('ERR numkeys should be greater than 0'));
    expect(e(['LMPOP', '2', 'l', 'LEFT'])).toEqual(err('ERR syntax error'));
    expect(e(['LMPOP', '1', 'l', 'MIDDLE'])).toEqual(err('ERR syntax error'));
    expect(e(['LMPOP', '1', 'l', 'LEFT', 'COUNT', '0'])).toEqual(err('ERR count should be greater than 0'));
    expect(e(['LMPOP', '1', 'l', 'LEFT', 'COUNT', '1', 'COUNT', '2'])).toEqual(err('ERR syntax error'));
    expect(e(['LMPOP', '2', 'nosuch', 's', 'LEFT'])).toEqual(
      err('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
  });
});

describe('ZMPOP', () => {
  it('pops [member, score] pairs from the first existing key and propagates ZPOPMIN/ZPOPMAX', () => {
    const ks = new Keyspace();
    run(ks, ['ZADD', 'z', '1', 'a', '2.5', 'b', '3', 'c']);
    const r = run(ks, ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '2']);
    expect(r.reply).toEqual(
      arr([bulk('z'), arr([arr([bulk('a'), bulk('1')]), arr([bulk('b'), bulk('2.5')])])]),
    );
    expect(r.propagate).toEqual([['ZPOPMIN', 'z', '2']]);
    const r2 = run(ks, ['ZMPOP', '1', 'z', 'max', 'COUNT', '10']);
    expect(r2.propagate).toEqual([['ZPOPMAX', 'z', '1']]);
    expect(run(ks, ['ZMPOP', '1', 'z', 'MIN']).reply).toEqual(arr(null));
    expect(run(ks, ['ZMPOP', '1', 'z', 'LEFT']).reply).toEqual(err('ERR syntax error'));
  });
});
