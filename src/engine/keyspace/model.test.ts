// Property tests: the keyspace against a naive model of the string, list, set and hash commands,
// and "bad input never corrupts state" over arbitrary argv for every data command.
// A failing run prints its seed (fast-check); pin a regression with { seed, path }.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Argv, type Reply, respSize } from '../core/resp.ts';
import { COMMAND_TABLE } from './commands.ts';
import { KEYSPACE_COMMANDS, Keyspace } from './keyspace.ts';
import type { ExecContext } from './types.ts';

type MValue =
  | { t: 'string'; v: string }
  | { t: 'list'; v: string[] }
  | { t: 'set'; v: Set<string> }
  | { t: 'hash'; v: Map<string, string> };

const WRONG: Reply = { t: 'error', v: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
const NOTINT: Reply = { t: 'error', v: 'ERR value is not an integer or out of range' };
const int = (v: number): Reply => ({ t: 'int', v });
const bulk = (v: string | null): Reply => ({ t: 'bulk', v });
const arr = (v: string[]): Reply => ({ t: 'array', v: v.map(bulk) });
const OK: Reply = { t: 'simple', v: 'OK' };

/** The obvious implementation: one Map, no encodings, no TTLs. Returns [reply, changed?]. */
class Model {
  m = new Map<string, MValue>();

  private get<T extends MValue['t']>(k: string, t: T): Extract<MValue, { t: T }> | undefined | 'wrong' {
    const v = this.m.get(k);
    if (!v) return undefined;
    return v.t === t ? (v as Extract<MValue, { t: T }>) : 'wrong';
  }

  run(a: Argv): [Reply, boolean] {
    const [cmd, k] = a;
    switch (cmd) {
      case 'SET':
        this.m.set(k, { t: 'string', v: a[2] });
        return [OK, true];
      case 'GET': {
        const v = this.get(k, 'string');
        return [v === 'wrong' ? WRONG : bulk(v?.v ?? null), false];
      }
      case 'APPEND': {
        const v = this.get(k, 'string');
        if (v === 'wrong') return [WRONG, false];
        const s = (v?.v ?? '') + a[2];
        this.m.set(k, { t: 'string', v: s });
        return [int(new TextEncoder().encode(s).length), true];
      }
      case 'INCR': {
        const v = this.get(k, 'string');
        if (v === 'wrong') return [WRONG, false];
        const text = v?.v ?? '0';
        if (!/^(0|-?[1-9][0-9]{0,14})$/.test(text)) return [NOTINT, false];
        const n = Number(text) + 1;
        this.m.set(k, { t: 'string', v: String(n) });
        return [int(n), true];
      }
      case 'DEL': {
        const had = this.m.delete(k);
        return [int(had ? 1 : 0), had];
      }
      case 'EXISTS':
        return [int(this.m.has(k) ? 1 : 0), false];
      case 'TYPE':
        return [{ t: 'simple', v: this.m.get(k)?.t ?? 'none' }, false];
      case 'LPUSH':
      case 'RPUSH': {
        const v = this.get(k, 'list');
        if (v === 'wrong') return [WRONG, false];
        const list = v?.v ?? [];
        if (cmd === 'LPUSH') list.unshift(a[2]);
        else list.push(a[2]);
        this.m.set(k, { t: 'list', v: list });
        return [int(list.length), true];
      }
      case 'LPOP':
      case 'RPOP': {
        const v = this.get(k, 'list');
        if (v === 'wrong') return [WRONG, false];
        if (!v) return [bulk(null), false];
        const x = cmd === 'LPOP' ? v.v.shift()! : v.v.pop()!;
        if (v.v.length === 0) this.m.delete(k);
        return [bulk(x), true];
      }
      case 'LRANGE': {
        const v = this.get(k, 'list');
        if (v === 'wrong') return [WRONG, false];
        return [arr(v?.v ?? []), false];
      }
      case 'SADD': {
        const v = this.get(k, 'set');
        if (v === 'wrong') return [WRONG, false];
        const s = v?.v ?? new Set<string>();
        const added = !s.has(a[2]);
        s.add(a[2]);
        this.m.set(k, { t: 'set', v: s });
        return [int(added ? 1 : 0), added];
      }
      case 'SREM': {
        const v = this.get(k, 'set');
        if (v === 'wrong') return [WRONG, false];
        const removed = v?.v.delete(a[2]) ?? false;
        if (v && v.v.size === 0) this.m.delete(k);
        return [int(removed ? 1 : 0), removed];
      }
      case 'SCARD': {
        const v = this.get(k, 'set');
        return [v === 'wrong' ? WRONG : int(v?.v.size ?? 0), false];
      }
      case 'HSET': {
        const v = this.get(k, 'hash');
        if (v === 'wrong') return [WRONG, false];
        const h = v?.v ?? new Map<string, string>();
        const created = !h.has(a[2]);
        h.set(a[2], a[3]);
        this.m.set(k, { t: 'hash', v: h });
        return [int(created ? 1 : 0), true];
      }
      case 'HDEL': {
        const v = this.get(k, 'hash');
        if (v === 'wrong') return [WRONG, false];
        const removed = v?.v.delete(a[2]) ?? false;
        if (v && v.v.size === 0) this.m.delete(k);
        return [int(removed ? 1 : 0), removed];
      }
      case 'HGETALL': {
        const v = this.get(k, 'hash');
        if (v === 'wrong') return [WRONG, false];
        return [arr(v ? [...v.v].flat() : []), false];
      }
    }
    throw new Error(`model lacks ${cmd}`);
  }

  /** The trace `data` format. */
  dump(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of [...this.m.keys()].sort()) {
      const v = this.m.get(k)!;
      const value =
        v.t === 'string' || v.t === 'list'
          ? v.v
          : v.t === 'set'
            ? [...v.v].sort()
            : Object.fromEntries([...v.v].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
      out[k] = { type: v.t, value };
    }
    return out;
  }
}

const key = fc.constantFrom('a', 'b', 'c');
const val = fc.oneof(fc.constantFrom('1', '-7', '10', 'x', '', 'é'), fc.string({ maxLength: 4 }));
const field = fc.constantFrom('f', 'g', 'h');
const modelCommand: fc.Arbitrary<Argv> = fc.oneof(
  fc.tuple(fc.constantFrom('SET', 'APPEND'), key, val).map((t) => [...t]),
  fc
    .tuple(fc.constantFrom('GET', 'INCR', 'DEL', 'EXISTS', 'TYPE', 'LPOP', 'RPOP', 'SCARD', 'HGETALL'), key)
    .map((t) => [...t]),
  fc.tuple(fc.constantFrom('LPUSH', 'RPUSH', 'SADD', 'SREM'), key, val).map((t) => [...t]),
  key.map((k) => ['LRANGE', k, '0', '-1']),
  fc.tuple(key, field, val).map(([k, f, v]) => ['HSET', k, f, v]),
  fc.tuple(key, field).map(([k, f]) => ['HDEL', k, f]),
);

const ctx: ExecContext = { nowMs: 1764000000000, random: () => 0.25, fromMaster: false };

describe('against a naive model', () => {
  it('replies, data and propagation agree for strings, lists, sets and hashes', () => {
    fc.assert(
      fc.property(fc.array(modelCommand, { maxLength: 60 }), (cmds) => {
        const ks = new Keyspace();
        const model = new Model();
        for (const argv of cmds) {
          const res = ks.exec(0, argv, ctx)!;
          const [reply, changed] = model.run(argv);
          expect(res.reply, JSON.stringify(argv)).toEqual(reply);
          // A write that changed something propagates exactly what was typed; nothing else does.
          expect(res.propagate, JSON.stringify(argv)).toEqual(changed ? [argv] : []);
          expect(ks.dump(0)).toEqual(model.dump());
        }
      }),
      { numRuns: 300 },
    );
  });
});

// Arguments that exercise parsers: numbers of every kind, option words, bad floats, empty.
const word = fc.constantFrom(
  'a',
  'b',
  'k',
  'f',
  'x',
  '',
  '0',
  '1',
  '-1',
  '2',
  '10',
  '1.5',
  '-0',
  '01',
  ' 1',
  'abc',
  'inf',
  '-inf',
  'nan',
  '9223372036854775807',
  '-9223372036854775808',
  '1e400',
  'EX',
  'PX',
  'EXAT',
  'PXAT',
  'NX',
  'XX',
  'GT',
  'LT',
  'CH',
  'INCR',
  'GET',
  'KEEPTTL',
  'PERSIST',
  'BYSCORE',
  'BYLEX',
  'REV',
  'LIMIT',
  'WITHSCORES',
  '(1',
  '[a',
  '-',
  '+',
  '*',
);
/** Any data command with about the right number of arguments (so most calls reach the parsers). */
const anyCommand: fc.Arbitrary<Argv> = fc
  .constantFrom(...[...KEYSPACE_COMMANDS].filter((n) => n !== 'flushall' && n !== 'flushdb'))
  .chain((name) => {
    const arity = COMMAND_TABLE.get(name)!.arity;
    const min = Math.abs(arity) - 1;
    return fc
      .array(word, { minLength: min, maxLength: arity > 0 ? min : min + 4 })
      .map((args) => [name.toUpperCase(), ...args]);
  });
const setup = fc.array(
  fc.oneof(
    modelCommand,
    fc.tuple(key, fc.constantFrom('1', '2.5', '-inf'), val).map(([k, sc, m]) => ['ZADD', k, sc, m]),
    key.map((k) => ['EXPIRE', k, '100']),
  ),
  { maxLength: 12 },
);

describe('bad input never corrupts state', () => {
  it('an error reply leaves data, TTLs and the stream untouched; exec never throws', () => {
    fc.assert(
      fc.property(setup, fc.array(anyCommand, { minLength: 1, maxLength: 30 }), (pre, cmds) => {
        const ks = new Keyspace();
        for (const argv of pre) ks.exec(0, argv, ctx);
        for (const argv of cmds) {
          const before = JSON.stringify(ks.dump(0, ctx.nowMs));
          const ttlsBefore = JSON.stringify([...ks.dbs[0].expires].filter(([, when]) => when >= ctx.nowMs));
          const res = ks.exec(0, argv, ctx)!;
          if (res.reply.t !== 'error') continue;
          expect(JSON.stringify(ks.dump(0, ctx.nowMs)), JSON.stringify(argv)).toBe(before);
          expect(JSON.stringify([...ks.dbs[0].expires].filter(([, when]) => when >= ctx.nowMs))).toBe(
            ttlsBefore,
          );
          // Only lazily expired keys (a past EXAT from an earlier command) may be deleted on the way.
          expect(
            res.propagate.every((p) => p[0] === 'DEL' && p.length === 2),
            JSON.stringify(argv),
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every propagated entry is a well-formed command of the table', () => {
    fc.assert(
      fc.property(setup, fc.array(anyCommand, { maxLength: 30 }), (pre, cmds) => {
        const ks = new Keyspace();
        for (const argv of [...pre, ...cmds]) {
          for (const p of ks.exec(0, argv, ctx)!.propagate) {
            expect(KEYSPACE_COMMANDS.has(p[0].toLowerCase()) || p[0] === 'SELECT').toBe(true);
            expect(respSize(p)).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
