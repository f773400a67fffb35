// Sorted-set algebra (t_zset.c zunionInterDiffGenericCommand): ZUNIONSTORE ZINTERSTORE ZDIFFSTORE,
// ZUNION ZINTER ZDIFF and ZINTERCARD; and ZRANGESTORE, stored the same way. Inputs are zsets or sets (a set member scores 1).
//   Order of checks: numkeys (not an integer; < 1 → `at least 1 input key is needed for
//   'zunionstore' command`; more than the arguments left → syntax error), then every key
//   (lookupKeyRead; another type: WRONGTYPE), then the options: WEIGHTS w… (`weight value is not a
//   float`) and AGGREGATE SUM|MIN|MAX (not for ZDIFF*), WITHSCORES (ZUNION/ZINTER/ZDIFF), LIMIT n
//   (ZINTERCARD: `LIMIT can't be negative`, 0 = no limit).
//   A score is weight × score, NaN → 0 (inf × 0); SUM adds, NaN → 0 again (inf + -inf).
//   …STORE replaces the destination (TTL dropped) or, when the result is empty, deletes it;
//   propagated as typed when it wrote or deleted (observed on 7.0.15: `ZINTERSTORE out 2 z1 nokey`
//   +57 bytes when out existed, +0 when it did not). The stored zset is a listpack when it fits,
//   which writes -0 as 0: ZUNIONSTORE neg 1 zz WEIGHTS -1 → ZSCORE "0", ZUNION … WITHSCORES "-0".
import { arr, bulk, err, int, type Reply } from '../core/resp.ts';
import { type Call, fail, type Handler } from './call.ts';
import { formatDouble17g } from './decimal.ts';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from './errors.ts';
import { parseDouble, parseInt64, toSafeNumber } from './numbers.ts';
import { setMembers } from './sets.ts';
import type { Value, ZsetValue } from './values.ts';
import { parseRangeOptions, zrangeSelect, zsetEntries, zsetListpackFits } from './zsets.ts';

type ZsetOp = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** One input: its [member, score] entries (none for a missing key) and its weight. */
interface Source {
  entries: [string, number][];
  scores: ReadonlyMap<string, number>;
  weight: number;
}

function sourceOf(v: Value | undefined): Source {
  if (v === undefined) return { entries: [], scores: new Map(), weight: 1 };
  if (typeof v !== 'string' && v.type === 'zset')
    return { entries: zsetEntries(v), scores: v.scores, weight: 1 };
  if (typeof v !== 'string' && v.type === 'set') {
    const entries = setMembers(v).map((m): [string, number] => [m, 1]);
    return { entries, scores: new Map(entries), weight: 1 };
  }
  fail(WRONGTYPE);
}

interface ZsetOpArgs {
  sources: Source[];
  aggregate: Aggregate;
  withScores: boolean;
  limit: number;
}

/**
 * numkeys at `numkeysIndex`, the keys after it, then the options (see the header). `store`:
 * a …STORE form (no WITHSCORES); `card`: ZINTERCARD (only LIMIT).
 */
function parseZsetOp(c: Call, numkeysIndex: number, op: ZsetOp, store: boolean, card: boolean): ZsetOpArgs {
  const argv = c.argv;
  const n = parseInt64(argv[numkeysIndex]) ?? fail(NOT_INTEGER);
  if (n < 1n) fail(err(`ERR at least 1 input key is needed for '${c.name}' command`));
  if (n > BigInt(argv.length - numkeysIndex - 1)) fail(SYNTAX);
  let j = numkeysIndex + 1;
  const sources = argv.slice(j, j + Number(n)).map((k) => sourceOf(c.read(k)));
  const o: ZsetOpArgs = { sources, aggregate: 'sum', withScores: false, limit: 0 };
  const scored = op !== 'diff' && !card;
  for (j += sources.length; j < argv.length; j++) {
    const w = argv[j].toLowerCase();
    const left = argv.length - j;
    if (scored && w === 'weights' && left >= sources.length + 1) {
      for (const s of sources)
        s.weight = parseDouble(argv[++j]) ?? fail(err('ERR weight value is not a float'));
    } else if (scored && w === 'aggregate' && left >= 2) {
      const a = argv[++j].toLowerCase();
      if (a !== 'sum' && a !== 'min' && a !== 'max') fail(SYNTAX);
      o.aggregate = a;
    } else if (!store && !card && w === 'withscores') o.withScores = true;
    else if (card && w === 'limit' && left >= 2) {
      const limit = parseInt64(argv[++j]);
      if (limit === null || limit < 0n) fail(err("ERR LIMIT can't be negative"));
      o.limit = toSafeNumber(limit);
    } else fail(SYNTAX);
  }
  return o;
}

/**
 * zunionInterAggregate: SUM (a NaN sum, inf + -inf, is 0), MIN or MAX as C's ternaries pick: a tie
 * keeps the target (MIN of 0 and -0 stays 0 where Math.min gives -0).
 */
function aggregate(how: Aggregate, target: number, value: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.min differs on -0 and NaN
  if (how === 'min') return value < target ? value : target;
  // biome-ignore lint/complexity/useMathMinMax: Math.max differs on -0 and NaN
  if (how === 'max') return value > target ? value : target;
  const sum = target + value;
  return Number.isNaN(sum) ? 0 : sum;
}

const weighted = (s: Source, score: number) => {
  const v = s.weight * score;
  return Number.isNaN(v) ? 0 : v;
};

/**
 * The result's member → score. UNION and INTER take the inputs smallest first (qsort by
 * cardinality, here stable), so SUM adds in that order; INTER walks the smallest one. DIFF keeps
 * the first input's members found in no other input, with their own scores (no weights).
 */
function combine(op: ZsetOp, o: ZsetOpArgs, stopAt = 0): Map<string, number> {
  const out = new Map<string, number>();
  if (op === 'diff') {
    const [first, ...rest] = o.sources;
    for (const [m, s] of first.entries) if (!rest.some((r) => r.scores.has(m))) out.set(m, s);
    return out;
  }
  const sources = o.sources.slice().sort((a, b) => a.entries.length - b.entries.length);
  if (op === 'union') {
    for (const src of sources)
      for (const [m, s] of src.entries) {
        const cur = out.get(m);
        out.set(m, cur === undefined ? weighted(src, s) : aggregate(o.aggregate, cur, weighted(src, s)));
      }
    return out;
  }
  const [smallest, ...others] = sources;
  for (const [m, s] of smallest.entries) {
    let score = weighted(smallest, s);
    if (!others.every((src) => src.scores.has(m))) continue;
    for (const src of others) score = aggregate(o.aggregate, score, src.weight * src.scores.get(m)!);
    out.set(m, score);
    if (stopAt > 0 && out.size >= stopAt) break;
  }
  return out;
}

/** The stored zset: a listpack when it fits (its text scores write -0 as 0), else a skiplist. */
function storedZset(owner: object, scores: Map<string, number>): ZsetValue {
  const listpack = zsetListpackFits(scores);
  if (listpack) for (const [m, s] of scores) if (Object.is(s, -0)) scores.set(m, 0);
  return { type: 'zset', owner, scores, enc: listpack ? 'listpack' : 'skiplist', sorted: null };
}

/** Store `scores` at dst (or delete dst when empty) and reply the count. */
function storeZset(c: Call, dst: string, scores: Map<string, number>): Reply {
  c.storeOrDelete(dst, scores.size === 0 ? null : storedZset(c.db.owner, scores));
  return int(scores.size);
}

/** ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE dst numkeys key … [options]. */
function zsetOpStore(op: ZsetOp): Handler {
  return (c) => storeZset(c, c.argv[1], combine(op, parseZsetOp(c, 2, op, true, false)));
}

/** ZUNION / ZINTER / ZDIFF numkeys key … [options] [WITHSCORES]: members by score, then bytes. */
function zsetOpReply(op: ZsetOp): Handler {
  return (c) => {
    const o = parseZsetOp(c, 1, op, false, false);
    // built as a skiplist, never stored: a -0 stays -0
    const z: ZsetValue = {
      type: 'zset',
      owner: c.db.owner,
      scores: combine(op, o),
      enc: 'skiplist',
      sorted: null,
    };
    const out: Reply[] = [];
    for (const [m, s] of zsetEntries(z)) {
      out.push(bulk(m));
      if (o.withScores) out.push(bulk(formatDouble17g(s)));
    }
    return arr(out);
  };
}

/** ZINTERCARD numkeys key … [LIMIT n]: how many members all inputs share, counting stops at n. */
const zintercard: Handler = (c) => {
  const o = parseZsetOp(c, 1, 'inter', false, true);
  return int(combine('inter', o, o.limit).size);
};

/**
 * ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count] (zrangeGenericCommand with
 * a store handler): ZRANGE's checks (no WITHSCORES), then the range stored at dst; a missing src
 * or an empty range deletes dst.
 */
const zrangestore: Handler = (c) => {
  const range = zrangeSelect(c, parseRangeOptions(c, undefined, true), 2) ?? [];
  return storeZset(c, c.argv[1], new Map(range));
};

export const ZSET_STORE_COMMANDS: Record<string, Handler> = {
  zunionstore: zsetOpStore('union'),
  zinterstore: zsetOpStore('inter'),
  zdiffstore: zsetOpStore('diff'),
  zunion: zsetOpReply('union'),
  zinter: zsetOpReply('inter'),
  zdiff: zsetOpReply('diff'),
  zintercard,
  zrangestore,
};
