// ZREMRANGEBYRANK / ZREMRANGEBYSCORE / ZREMRANGEBYLEX: replies, errors (the range is checked before
// the key) and propagation. Every expectation was checked with redis-cli on a real 7.0.15.
import { describe, expect, it } from 'vitest';
import { type Argv, err, int } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';

const ctx = { nowMs: 1764000000000, random: () => 0, fromMaster: false };
const run = (ks: Keyspace, argv: Argv) => ks.exec(0, argv, ctx)!;

describe('ZREMRANGEBY*', () => {
  it('removes the range, replies the count, propagates as typed only when something went', () => {
    const ks = new Keyspace();
    run(ks, ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e']);
    const r = run(ks, ['ZREMRANGEBYRANK', 'z', '0', '0']);
    expect(r.reply).toEqual(int(1));
    expect(r.propagate).toEqual([['ZREMRANGEBYRANK', 'z', '0', '0']]);
    const none = run(ks, ['ZREMRANGEBYRANK', 'z', '5', '10']);
    expect(none.reply).toEqual(int(0));
    expect(none.propagate).toEqual([]);
    expect(run(ks, ['ZREMRANGEBYSCORE', 'z', '(2', '3']).reply).toEqual(int(1));
    const all = run(ks, ['zremrangebylex', 'z', '-', '+']);
    expect(all.reply).toEqual(int(3));
    expect(all.propagate).toEqual([['zremrangebylex', 'z', '-', '+']]);
    expect(ks.dbs[0].data.has('z')).toBe(false);
    expect(run(ks, ['ZREMRANGEBYRANK', 'nosuch', '0', '-1']).reply).toEqual(int(0));
  });

  it('checks the range before the key, in Redis words', () => {
    const ks = new Keyspace();
    run(ks, ['ZADD', 'z', '1', 'a']);
    run(ks, ['SET', 's', 'v']);
    const e = (argv: Argv) => run(ks, argv).reply;
    expect(e(['ZREMRANGEBYRANK', 'z', 'x', '1'])).toEqual(err('ERR value is not an integer or out of range'));
    expect(e(['ZREMRANGEBYSCORE', 'nosuch', 'abc', '3'])).toEqual(err('ERR min or max is not a float'));
    expect(e(['ZREMRANGEBYLEX', 'z', 'a', 'b'])).toEqual(err('ERR min or max not valid string range item'));
    expect(e(['ZREMRANGEBYRANK', 's', '0', '1'])).toEqual(
      err('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
  });
});
