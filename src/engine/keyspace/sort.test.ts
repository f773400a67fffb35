// SORT and SORT_RO: replies, errors and what is propagated. Every expectation was observed on a
// real 7.0.15 (master + replica: the replica's MONITOR and the master's master_repl_offset delta).
import { describe, expect, it } from 'vitest';
import { arr, bulk, err, int, NIL, type Reply, respSize } from '../core/resp.ts';
import { LAB_SORT_TIES } from './errors.ts';
import { Keyspace } from './keyspace.ts';

const ctx = { nowMs: 1764000000000, random: () => 0, fromMaster: false };
const run = (ks: Keyspace, line: string | string[]) =>
  ks.exec(0, typeof line === 'string' ? line.split(' ') : line, ctx)!;
const bulks = (...v: (string | null)[]): Reply => arr(v.map((x) => (x === null ? NIL : bulk(x))));
const NOT_DOUBLE = err("ERR One or more scores can't be converted into double");

function sample(): Keyspace {
  const ks = new Keyspace();
  run(ks, 'RPUSH l 3 1 2 10 1.5');
  run(ks, 'RPUSH words B a c A');
  run(ks, 'MSET w_3 30 w_1 10 w_2 20 w_10 5 o_1 one o_3 three');
  run(ks, 'HSET h_1 f x');
  run(ks, 'HSET h_2 f y');
  return ks;
}

describe('SORT', () => {
  it('sorts numerically or ALPHA (bytes), with LIMIT and DESC; nothing propagated', () => {
    const ks = sample();
    const e = (line: string) => run(ks, line).reply;
    expect(e('SORT l')).toEqual(bulks('1', '1.5', '2', '3', '10'));
    expect(e('SORT l DESC')).toEqual(bulks('10', '3', '2', '1.5', '1'));
    expect(e('SORT l ALPHA')).toEqual(bulks('1', '1.5', '10', '2', '3'));
    expect(e('SORT l LIMIT 1 2')).toEqual(bulks('1.5', '2'));
    expect(e('SORT l LIMIT -5 2')).toEqual(bulks('1', '1.5'));
    expect(e('SORT l LIMIT 1 -1')).toEqual(bulks('1.5', '2', '3', '10'));
    expect(e('SORT l LIMIT 1 0')).toEqual(arr([]));
    expect(e('SORT l ASC DESC ALPHA ASC')).toEqual(bulks('1', '1.5', '10', '2', '3'));
    expect(e('SORT words ALPHA')).toEqual(bulks('A', 'B', 'a', 'c'));
    expect(e('SORT words')).toEqual(NOT_DOUBLE);
    expect(run(ks, 'SORT l').propagate).toEqual([]);
    // strtod's view: blanks skipped, "" is 0, hex and inf taken
    run(ks, ['RPUSH', 'sp', ' 2', '', '0x10', 'inf', '-inf', '1e3']);
    expect(e('SORT sp')).toEqual(bulks('-inf', '', ' 2', '0x10', '1e3', 'inf'));
    run(ks, 'RPUSH e1 1e400');
    expect(e('SORT e1')).toEqual(NOT_DOUBLE);
  });

  it('BY and GET patterns: keys, hash fields, # and missing values', () => {
    const ks = sample();
    const e = (line: string) => run(ks, line).reply;
    expect(e('SORT l BY w_*')).toEqual(bulks('1.5', '10', '1', '2', '3'));
    expect(e('SORT l BY w_* GET o_* GET # GET nosuch_*')).toEqual(
      bulks(null, '1.5', null, null, '10', null, 'one', '1', null, null, '2', null, 'three', '3', null),
    );
    expect(e('SORT l BY w_* LIMIT 0 2')).toEqual(bulks('1.5', '10'));
    expect(e('SORT l BY h_*->f ALPHA GET h_*->f GET # DESC')).toEqual(
      bulks('y', '2', 'x', '1', null, '3', null, '10', null, '1.5'),
    );
    expect(e('SORT l GET h_*->')).toEqual(bulks(null, null, null, null, null));
    expect(e('SORT l GET nostar')).toEqual(bulks(null, null, null, null, null));
    expect(e('SORT l GET #')).toEqual(bulks('1', '1.5', '2', '3', '10'));
  });

  it('BY without * keeps a list or zset order (DESC reversed); a set is sorted ALPHA for STORE and scripts', () => {
    const ks = sample();
    const e = (line: string) => run(ks, line).reply;
    expect(e('SORT l BY nosort')).toEqual(bulks('3', '1', '2', '10', '1.5'));
    expect(e('SORT l BY nosort DESC')).toEqual(bulks('1.5', '10', '2', '1', '3'));
    expect(e('SORT l BY nosort LIMIT 1 2')).toEqual(bulks('1', '2'));
    expect(e('SORT l BY nosort DESC LIMIT 1 2')).toEqual(bulks('10', '2'));
    expect(e('SORT words BY nosort ALPHA')).toEqual(bulks('B', 'a', 'c', 'A'));
    run(ks, 'ZADD z 3 a 1 b 2 c');
    expect(e('SORT z ALPHA')).toEqual(bulks('a', 'b', 'c'));
    expect(e('SORT z BY nosort')).toEqual(bulks('b', 'c', 'a'));
    expect(e('SORT z BY nosort DESC LIMIT 0 2')).toEqual(bulks('a', 'c'));
    expect(e('SORT z')).toEqual(NOT_DOUBLE);
    run(ks, 'SADD s 5 3 9');
    expect(e('SORT s')).toEqual(bulks('3', '5', '9'));
    expect(e('SORT s BY nosort STORE dst')).toEqual(int(3));
    expect(e('LRANGE dst 0 -1')).toEqual(bulks('3', '5', '9'));
    run(ks, 'SADD s2 x y zz w');
    expect(run(ks, ['EVAL', "return redis.call('sort', KEYS[1], 'by', 'nosort')", '1', 's2']).reply).toEqual(
      bulks('w', 'x', 'y', 'zz'),
    );
  });

  it('ties under BY … ALPHA keep a list order; for a set (hash order) the lab refuses', () => {
    const ks = new Keyspace();
    run(ks, 'RPUSH tl a b c d');
    run(ks, 'MSET k_a 1 k_b 1 k_c 0');
    const e = (line: string) => run(ks, line).reply;
    expect(e('SORT tl BY k_* ALPHA')).toEqual(bulks('d', 'c', 'a', 'b'));
    expect(e('SORT tl BY k_* ALPHA DESC')).toEqual(bulks('a', 'b', 'c', 'd'));
    expect(e('SORT tl BY k_* ALPHA LIMIT 0 2')).toEqual(bulks('d', 'c')); // the tie is outside
    expect(e('SORT tl BY k_*')).toEqual(bulks('c', 'd', 'a', 'b'));
    expect(e('SORT tl BY k_* LIMIT 1 2 DESC')).toEqual(bulks('a', 'd'));
    run(ks, 'SADD s2 x y zz w');
    expect(e('SORT s2 BY k_*')).toEqual(bulks('w', 'x', 'y', 'zz'));
    expect(e('SORT s2 ALPHA')).toEqual(bulks('w', 'x', 'y', 'zz'));
    // 7.0.15 answered zz y x w: its hash table's order
    expect(e('SORT s2 BY k_* ALPHA')).toEqual(LAB_SORT_TIES);
  });

  it('STORE writes a list (TTL dropped) or deletes dst, propagated as typed', () => {
    const ks = sample();
    const r = run(ks, 'SORT l STORE dst');
    expect(r.reply).toEqual(int(5));
    expect(r.propagate).toEqual([['SORT', 'l', 'STORE', 'dst']]);
    expect(respSize(r.propagate[0])).toBe(41);
    expect(run(ks, 'LRANGE dst 0 -1').reply).toEqual(bulks('1', '1.5', '2', '3', '10'));
    expect(respSize(run(ks, 'SORT l DESC LIMIT 0 2 STORE dst').propagate[0])).toBe(76);
    expect(run(ks, 'LRANGE dst 0 -1').reply).toEqual(bulks('10', '3'));
    run(ks, 'SORT words ALPHA DESC STORE dst');
    expect(run(ks, 'LRANGE dst 0 -1').reply).toEqual(bulks('c', 'a', 'B', 'A'));
    run(ks, 'SORT l BY w_* GET o_* STORE dst');
    expect(run(ks, 'LRANGE dst 0 -1').reply).toEqual(bulks('', '', 'one', '', 'three'));
    const del = run(ks, 'SORT nokey STORE dst');
    expect(del.reply).toEqual(int(0));
    expect(respSize(del.propagate[0])).toBe(45);
    expect(run(ks, 'EXISTS dst').reply).toEqual(int(0));
    expect(run(ks, 'SORT nokey STORE dst').propagate).toEqual([]);
    run(ks, 'SET t v EX 100');
    expect(run(ks, 'SORT l STORE t').reply).toEqual(int(5));
    expect(run(ks, 'TTL t').reply).toEqual(int(-1));
    const lower = run(ks, 'sort l limit 0 1 store dst');
    expect(lower.propagate).toEqual([['sort', 'l', 'limit', '0', '1', 'store', 'dst']]);
    expect(respSize(lower.propagate[0])).toBe(66);
    run(ks, 'RPUSH bad 1 x');
    const bad = run(ks, 'SORT bad STORE dst');
    expect(bad.reply).toEqual(NOT_DOUBLE);
    expect(bad.propagate).toEqual([]);
  });

  it('checks the options, then the key; SORT_RO has no STORE', () => {
    const ks = sample();
    run(ks, 'SET str v');
    const e = (line: string) => run(ks, line).reply;
    const SYNTAX = err('ERR syntax error');
    expect(e('SORT l LIMIT 1')).toEqual(SYNTAX);
    expect(e('SORT l FOO')).toEqual(SYNTAX);
    expect(e('SORT l STORE')).toEqual(SYNTAX);
    expect(e('SORT l LIMIT x 1')).toEqual(err('ERR value is not an integer or out of range'));
    expect(e('SORT str')).toEqual(err('WRONGTYPE Operation against a key holding the wrong kind of value'));
    expect(e('SORT str FOO')).toEqual(SYNTAX);
    expect(e('SORT_RO l DESC')).toEqual(bulks('10', '3', '2', '1.5', '1'));
    expect(e('SORT_RO l STORE dst')).toEqual(SYNTAX);
    expect(e('SORT_RO str')).toEqual(
      err('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
  });
});
