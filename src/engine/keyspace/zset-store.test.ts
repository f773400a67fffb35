// ZUNIONSTORE ZINTERSTORE ZDIFFSTORE ZRANGESTORE, ZUNION ZINTER ZDIFF ZINTERCARD: replies, errors and
// what is propagated. Every expectation was observed on a real 7.0.15 (master + replica: the
// replica's MONITOR and the master's master_repl_offset delta for each command).
import { describe, expect, it } from 'vitest';
import { type Argv, arr, bulk, err, int, type Reply, respSize } from '../core/resp.ts';
import { Keyspace } from './keyspace.ts';

const ctx = { nowMs: 1764000000000, random: () => 0, fromMaster: false };
const run = (ks: Keyspace, line: string | Argv) =>
  ks.exec(0, typeof line === 'string' ? line.split(' ') : line, ctx)!;
const bulks = (...v: string[]): Reply => arr(v.map((x) => bulk(x)));
const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
const SYNTAX = err('ERR syntax error');

function sample(): Keyspace {
  const ks = new Keyspace();
  run(ks, 'ZADD z1 1 a 2 b 3 c');
  run(ks, 'ZADD z2 10 b 20 c 30 d');
  run(ks, 'SADD s1 a d x');
  return ks;
}

describe('ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE', () => {
  it('store the result, propagated as typed', () => {
    const ks = sample();
    const u = run(ks, 'ZUNIONSTORE out 2 z1 z2');
    expect(u.reply).toEqual(int(4));
    expect(u.propagate).toEqual([['ZUNIONSTORE', 'out', '2', 'z1', 'z2']]);
    expect(respSize(u.propagate[0])).toBe(54);
    expect(run(ks, 'ZRANGE out 0 -1 WITHSCORES').reply).toEqual(
      bulks('a', '1', 'b', '12', 'c', '23', 'd', '30'),
    );
    const i = run(ks, 'ZINTERSTORE out 2 z1 z2 WEIGHTS 2 3 AGGREGATE MAX');
    expect(i.reply).toEqual(int(2));
    expect(respSize(i.propagate[0])).toBe(106);
    expect(run(ks, 'ZRANGE out 0 -1 WITHSCORES').reply).toEqual(bulks('b', '30', 'c', '60'));
    run(ks, 'ZINTERSTORE out 2 z1 z2 aggregate min');
    expect(run(ks, 'ZRANGE out 0 -1 WITHSCORES').reply).toEqual(bulks('b', '2', 'c', '3'));
    expect(run(ks, 'ZDIFFSTORE out 2 z1 z2').reply).toEqual(int(1));
    expect(run(ks, 'ZRANGE out 0 -1 WITHSCORES').reply).toEqual(bulks('a', '1'));
    // a set's members score 1
    expect(run(ks, 'ZUNIONSTORE out 3 z1 z2 s1 WEIGHTS 1 1 0.5').reply).toEqual(int(5));
    expect(run(ks, 'ZRANGE out 0 -1 WITHSCORES').reply).toEqual(
      bulks('x', '0.5', 'a', '1.5', 'b', '12', 'c', '23', 'd', '30.5'),
    );
    const lower = run(ks, 'zunionstore lower 1 z2');
    expect(lower.propagate).toEqual([['zunionstore', 'lower', '1', 'z2']]);
  });

  it('an empty result deletes the destination: propagated only when there was one', () => {
    const ks = sample();
    run(ks, 'ZUNIONSTORE out 1 z1');
    const del = run(ks, 'ZINTERSTORE out 2 z1 nokey');
    expect(del.reply).toEqual(int(0));
    expect(respSize(del.propagate[0])).toBe(57);
    expect(run(ks, 'EXISTS out').reply).toEqual(int(0));
    expect(run(ks, 'ZINTERSTORE out 2 z1 nokey').propagate).toEqual([]);
    expect(run(ks, 'ZDIFFSTORE out 1 nokey').propagate).toEqual([]);
  });

  it('drops the TTL, may write over a source, and scores as Redis does', () => {
    const ks = sample();
    run(ks, 'SET t v EX 100');
    expect(run(ks, 'ZUNIONSTORE t 1 z1').reply).toEqual(int(3));
    expect(run(ks, 'TTL t').reply).toEqual(int(-1));
    run(ks, 'ZUNIONSTORE z1 2 z1 z2');
    expect(run(ks, 'ZRANGE z1 0 -1 WITHSCORES').reply).toEqual(
      bulks('a', '1', 'b', '12', 'c', '23', 'd', '30'),
    );
    run(ks, 'ZADD z3 1 a 2 b 3 c');
    run(ks, 'ZINTERSTORE self 2 z3 z3');
    expect(run(ks, 'ZRANGE self 0 -1 WITHSCORES').reply).toEqual(bulks('a', '2', 'b', '4', 'c', '6'));
    run(ks, 'ZADD f 0.1 a');
    run(ks, 'ZUNIONSTORE f3 3 f f f');
    expect(run(ks, 'ZSCORE f3 a').reply).toEqual(bulk('0.30000000000000004'));
    // -0 is stored as 0 (a listpack), replied as -0 by ZUNION; NaN (inf − inf, inf × 0) becomes 0
    run(ks, 'ZADD zz 0 a');
    run(ks, 'ZUNIONSTORE neg 1 zz WEIGHTS -1');
    expect(run(ks, 'ZSCORE neg a').reply).toEqual(bulk('0'));
    expect(run(ks, 'ZUNION 1 zz WEIGHTS -1 WITHSCORES').reply).toEqual(bulks('a', '-0'));
    run(ks, 'ZADD inf inf a');
    run(ks, 'ZUNIONSTORE nan 2 inf inf WEIGHTS 1 -1');
    expect(run(ks, 'ZSCORE nan a').reply).toEqual(bulk('0'));
    run(ks, 'ZUNIONSTORE nan2 1 inf WEIGHTS 0');
    expect(run(ks, 'ZSCORE nan2 a').reply).toEqual(bulk('0'));
  });

  it('checks numkeys, then the keys, then the options, in Redis words', () => {
    const ks = sample();
    run(ks, 'SET str v');
    const e = (line: string) => run(ks, line).reply;
    expect(e('ZUNIONSTORE out 0 z1')).toEqual(
      err("ERR at least 1 input key is needed for 'zunionstore' command"),
    );
    expect(e('ZUNIONSTORE out -1 z1')).toEqual(
      err("ERR at least 1 input key is needed for 'zunionstore' command"),
    );
    expect(e('ZUNIONSTORE out x z1')).toEqual(err('ERR value is not an integer or out of range'));
    expect(e('ZUNIONSTORE out 3 z1 z2')).toEqual(SYNTAX);
    expect(e('ZUNIONSTORE out 2 z1 z2 WEIGHTS 1')).toEqual(SYNTAX);
    expect(e('ZUNIONSTORE out 2 z1 z2 WEIGHTS 1 x')).toEqual(err('ERR weight value is not a float'));
    expect(e('ZUNIONSTORE out 2 z1 z2 AGGREGATE avg')).toEqual(SYNTAX);
    expect(e('ZUNIONSTORE out 2 z1 z2 WITHSCORES')).toEqual(SYNTAX);
    expect(e('ZDIFFSTORE out 2 z1 z2 WEIGHTS 1 2')).toEqual(SYNTAX);
    expect(e('ZDIFFSTORE out 2 z1 z2 AGGREGATE MIN')).toEqual(SYNTAX);
    expect(e('ZUNIONSTORE out 2 z1 str WEIGHTS x y')).toEqual(WRONGTYPE);
    expect(e('ZINTERSTORE out 2 str nokey')).toEqual(WRONGTYPE);
  });
});

describe('ZUNION / ZINTER / ZDIFF / ZINTERCARD', () => {
  it('reply by score then member, and count', () => {
    const ks = sample();
    const e = (line: string) => run(ks, line).reply;
    expect(e('ZUNION 2 z1 z2 WITHSCORES')).toEqual(bulks('a', '1', 'b', '12', 'c', '23', 'd', '30'));
    expect(e('ZUNION 2 z1 z2')).toEqual(bulks('a', 'b', 'c', 'd'));
    expect(e('ZINTER 2 z1 z2 WITHSCORES')).toEqual(bulks('b', '12', 'c', '23'));
    expect(e('ZINTER 2 z1 nokey')).toEqual(arr([]));
    expect(e('ZDIFF 2 z1 z2 WITHSCORES')).toEqual(bulks('a', '1'));
    expect(e('ZDIFF 1 s1')).toEqual(bulks('a', 'd', 'x'));
    expect(e('ZUNION 0 z1')).toEqual(err("ERR at least 1 input key is needed for 'zunion' command"));
    expect(e('ZINTERCARD 2 z1 z2')).toEqual(int(2));
    expect(e('ZINTERCARD 2 z1 z2 LIMIT 1')).toEqual(int(1));
    expect(e('ZINTERCARD 2 z1 z2 LIMIT 0')).toEqual(int(2));
    expect(e('ZINTERCARD 2 z1 s1')).toEqual(int(1));
    expect(e('ZINTERCARD 2 z1 z2 LIMIT -1')).toEqual(err("ERR LIMIT can't be negative"));
    expect(e('ZINTERCARD 2 z1 z2 LIMIT x')).toEqual(err("ERR LIMIT can't be negative"));
    expect(e('ZINTERCARD 0 z1')).toEqual(err("ERR at least 1 input key is needed for 'zintercard' command"));
    expect(e('ZINTERCARD 3 z1 z2')).toEqual(SYNTAX);
    expect(e('ZINTERCARD 2 z1 z2 WEIGHTS 1 2')).toEqual(SYNTAX);
    expect(run(ks, 'ZUNION 2 z1 z2').propagate).toEqual([]);
  });
});

describe('ZRANGESTORE', () => {
  it('stores a ZRANGE range, propagated as typed; an empty one deletes the destination', () => {
    const ks = new Keyspace();
    run(ks, 'ZADD z 1 a 2 b 3 c 4 d 5 e');
    const r = run(ks, 'ZRANGESTORE dst z 0 1');
    expect(r.reply).toEqual(int(2));
    expect(r.propagate).toEqual([['ZRANGESTORE', 'dst', 'z', '0', '1']]);
    expect(respSize(r.propagate[0])).toBe(52);
    expect(run(ks, 'ZRANGESTORE dst z (1 4 BYSCORE LIMIT 1 2').reply).toEqual(int(2));
    expect(run(ks, 'ZRANGE dst 0 -1 WITHSCORES').reply).toEqual(bulks('c', '3', 'd', '4'));
    expect(run(ks, 'ZRANGESTORE dst z 4 1 BYSCORE REV').reply).toEqual(int(4));
    expect(run(ks, 'ZRANGESTORE dst z [b [d BYLEX').reply).toEqual(int(3));
    expect(run(ks, 'ZRANGE dst 0 -1').reply).toEqual(bulks('b', 'c', 'd'));
    const rev = run(ks, 'zrangestore dst z -2 -1 rev');
    expect(rev.reply).toEqual(int(2));
    expect(respSize(rev.propagate[0])).toBe(63);
    expect(run(ks, 'ZRANGE dst 0 -1 WITHSCORES').reply).toEqual(bulks('a', '1', 'b', '2'));
    const empty = run(ks, 'ZRANGESTORE dst z 10 20');
    expect(empty.reply).toEqual(int(0));
    expect(respSize(empty.propagate[0])).toBe(54);
    expect(run(ks, 'EXISTS dst').reply).toEqual(int(0));
    expect(run(ks, 'ZRANGESTORE dst z 10 20').propagate).toEqual([]);
    expect(run(ks, 'ZRANGESTORE dst nokey 0 -1').propagate).toEqual([]);
    run(ks, 'SET t v EX 100');
    run(ks, 'ZRANGESTORE t z 0 0');
    expect(run(ks, 'TTL t').reply).toEqual(int(-1));
  });

  it("checks ZRANGE's options (no WITHSCORES) and the range before the key", () => {
    const ks = new Keyspace();
    run(ks, 'ZADD z 1 a 2 b');
    run(ks, 'SET str v');
    run(ks, 'SADD s a');
    const e = (line: string) => run(ks, line).reply;
    expect(e('ZRANGESTORE dst z 0 -1 WITHSCORES')).toEqual(SYNTAX);
    expect(e('ZRANGESTORE dst z 0 -1 LIMIT 0 1')).toEqual(
      err('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX'),
    );
    expect(e('ZRANGESTORE dst z x 1')).toEqual(err('ERR value is not an integer or out of range'));
    expect(e('ZRANGESTORE dst z a b BYSCORE')).toEqual(err('ERR min or max is not a float'));
    expect(e('ZRANGESTORE dst str 0 1')).toEqual(WRONGTYPE);
    expect(e('ZRANGESTORE dst s 0 1')).toEqual(WRONGTYPE);
    expect(e('ZRANGESTORE dst str x 1')).toEqual(err('ERR value is not an integer or out of range'));
  });
});
