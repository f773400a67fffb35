// Set commands over several sets (t_set.c): SINTER SUNION SDIFF and their …STORE forms, SMOVE,
// SMISMEMBER.
//   Every key is looked up and type-checked before anything is computed (`SDIFF nokey str` →
//   WRONGTYPE); a missing key is an empty set.
//   …STORE replaces the destination (its TTL goes, as setKey drops it) with the result, built as
//   Redis builds it: an intset while every member is an integer (≤ 512), else a hashtable. An
//   empty result deletes the destination instead. Propagated as typed when the destination was
//   written or deleted: `SINTERSTORE d a nokey` with no d changes nothing and propagates nothing.
//   SMOVE propagates as typed when the member moved (it leaves its source, emptied sets go).
import { arr, bulk, int, type Reply } from '../core/resp.ts';
import type { Call, Handler } from './call.ts';
import { newSet, setAdd, setMembers } from './sets.ts';
import type { SetValue } from './values.ts';

type SetOp = 'inter' | 'union' | 'diff';

/** The members of op over these sets (undefined = a missing key), in the order Redis adds them. */
function combine(op: SetOp, sets: (SetValue | undefined)[]): string[] {
  if (op === 'inter') {
    if (sets.some((s) => s === undefined)) return [];
    // sinterGenericCommand walks the smallest set (a stable sort here) and tests the others.
    const bySize = (sets as SetValue[]).slice().sort((a, b) => a.members.size - b.members.size);
    return setMembers(bySize[0]).filter((m) => bySize.every((s) => s.members.has(m)));
  }
  if (op === 'union') {
    const out = new Set<string>();
    for (const s of sets) if (s) for (const m of setMembers(s)) out.add(m);
    return [...out];
  }
  const [first, ...rest] = sets;
  if (!first) return [];
  return setMembers(first).filter((m) => !rest.some((s) => s?.members.has(m)));
}

/** The result as a set value, encoded as building it member by member would leave it. */
function resultSet(owner: object, members: string[]): SetValue {
  const s = newSet(owner, members[0] ?? '');
  for (const m of members) setAdd(s, m);
  return s;
}

function algebra(op: SetOp, store: boolean): Handler {
  return (c) => {
    const keys = c.argv.slice(store ? 2 : 1);
    const sets = keys.map((k) => (store ? c.writeAs(k, 'set') : c.readAs(k, 'set')));
    const members = combine(op, sets);
    if (!store) {
      // SINTER replies as it walks the smallest set; SUNION/SDIFF walk the result set they built
      // (an intset's members come out sorted).
      const order = op === 'inter' ? members : setMembers(resultSet(c.db.owner, members));
      return arr(order.map((m): Reply => bulk(m)));
    }
    return storeResult(c, c.argv[1], members);
  };
}

function storeResult(c: Call, dst: string, members: string[]): Reply {
  c.storeOrDelete(dst, members.length === 0 ? null : resultSet(c.db.owner, members));
  return int(members.length);
}

/** smoveCommand: source missing → 0 before any type check; source = destination → is it a member. */
const smove: Handler = (c) => {
  const [, src, dst, member] = c.argv;
  const found = c.write(src);
  c.write(dst);
  if (found === undefined) return int(0);
  const from = c.writeAs(src, 'set')!;
  const to = c.writeAs(dst, 'set');
  if (src === dst) return int(from.members.has(member) ? 1 : 0);
  if (!from.members.has(member)) return int(0);
  const source = c.mutable(src, from);
  source.members.delete(member);
  c.deleteIfEmpty(src, source.members.size);
  let target: SetValue;
  if (to) target = c.mutable(dst, to);
  else {
    target = newSet(c.db.owner, member);
    c.add(dst, target);
  }
  setAdd(target, member);
  c.propagateAsIs();
  return int(1);
};

const smismember: Handler = (c) => {
  const s = c.readAs(c.argv[1], 'set');
  return arr(c.argv.slice(2).map((m) => int(s?.members.has(m) ? 1 : 0)));
};

export const SET_ALGEBRA_COMMANDS: Record<string, Handler> = {
  sinter: algebra('inter', false),
  sunion: algebra('union', false),
  sdiff: algebra('diff', false),
  sinterstore: algebra('inter', true),
  sunionstore: algebra('union', true),
  sdiffstore: algebra('diff', true),
  smove,
  smismember,
};
