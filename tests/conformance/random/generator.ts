// Random differential sequences. A seed gives a plan (topology, configuration, 3–8 actions);
// `materialize` turns a plan into a scenario that is reproducible on real Redis, by tracking what
// the cluster looks like after each action and:
// - dropping an action that makes no sense there (a heal without a cut, a write to a frozen
//   node, a re-point into its own subtree…), so any subset of a plan is still a valid plan
//   (that is what shrinking relies on);
// - settling with `wait-sync` (over the nodes that can be in sync) before actions whose effect
//   depends on every replica having applied everything: cuts, kills, freezes, restarts,
//   promotions, re-points, backlog resizes, big writes (otherwise a lagging replica's offset
//   would decide between CONTINUE and FULLRESYNC, SHUTDOWN would add a GETACK, or a replica in
//   the middle of a full sync would pin backlog blocks, from run to run);
// - keeping writes small while a replica is frozen (a frozen replica pins backlog blocks the
//   kernel did not accept for it, so trimming would depend on socket buffer sizes);
// - never leaving a replica retrying against a master that cannot serve it (-NOMASTERLINK):
//   its retry timer would decide in which step it succeeds;
// - ending with every frozen node continued, every cut healed (top down) and a final wait-sync.
import type { Scenario, ScenarioNode, Step } from '../../../src/engine/scenario/types.ts';
import { Prng } from './prng.ts';

export type WriteKind = 'small' | 'big' | 'db' | 'types' | 'counter' | 'expire' | 'multi' | 'del';

export type Action =
  | { k: 'write'; node: string; kind: WriteKind; n: number; size: number; db: number }
  | { k: 'cut'; node: string }
  | { k: 'heal'; node: string }
  | { k: 'kill'; node: string }
  | { k: 'freeze'; node: string }
  | { k: 'thaw'; node: string }
  | { k: 'restart'; node: string; save: boolean; deleteRdb: boolean; asMaster: boolean }
  | { k: 'promote'; node: string }
  | { k: 'repoint'; node: string; master: string }
  | { k: 'backlog'; node: string; size: number }
  | { k: 'sync' };

export interface Plan {
  seed: number;
  topology: string;
  nodes: Record<string, ScenarioNode>;
  config: Record<string, string>;
  actions: Action[];
}

interface NodeModel {
  master: string | null;
  frozen: boolean;
  cut: boolean;
}

class Model {
  readonly n: Record<string, NodeModel>;
  constructor(nodes: Record<string, ScenarioNode>) {
    this.n = Object.fromEntries(
      Object.entries(nodes).map(([k, v]) => [k, { master: v.replicaof ?? null, frozen: false, cut: false }]),
    );
  }
  names(): string[] {
    return Object.keys(this.n);
  }
  /** Replicating and able to stay in sync: its link and every link above it up, nobody frozen. */
  linked(x: string): boolean {
    const m = this.n[x];
    if (m.frozen) return false;
    if (m.master === null) return true;
    return !m.cut && this.linked(m.master);
  }
  isReplica(x: string): boolean {
    return this.n[x].master !== null;
  }
  subtree(x: string): Set<string> {
    const out = new Set([x]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [k, v] of Object.entries(this.n))
        if (v.master && out.has(v.master) && !out.has(k)) {
          out.add(k);
          grew = true;
        }
    }
    return out;
  }
  anyFrozen(): boolean {
    return Object.values(this.n).some((m) => m.frozen);
  }
  /** The nodes a wait-sync can wait for: not frozen, and every replica among them linked. */
  syncable(): string[] {
    return this.names().filter((x) => this.linked(x));
  }
}

const TOPOLOGIES: Record<string, Record<string, ScenarioNode>> = {
  pair: { A: {}, B: { replicaof: 'A' } },
  star: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' } },
  chain: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'B' } },
  wide: { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' }, D: { replicaof: 'B' } },
};

export function generate(seed: number): Plan {
  const r = new Prng(seed);
  const topology = r.weighted([
    [3, 'pair'],
    [4, 'star'],
    [3, 'chain'],
    [1, 'wide'],
  ] as const);
  const nodes = structuredClone(TOPOLOGIES[topology]);
  const config: Record<string, string> = {};
  if (r.chance(0.45)) config['repl-backlog-size'] = '16384';
  if (r.chance(0.25)) config['repl-diskless-sync'] = 'no';
  const model = new Model(nodes);
  const actions: Action[] = [];
  const count = r.int(3, 8);
  for (let tries = 0; actions.length < count && tries < 100; tries++) {
    const a = propose(r, model);
    if (a && apply(model, a)) actions.push(a);
  }
  return { seed, topology, nodes, config, actions };
}

function propose(r: Prng, m: Model): Action | null {
  const names = m.names();
  const live = names.filter((x) => !m.n[x].frozen);
  const kind = r.weighted([
    [10, 'write'],
    [3, 'cut'],
    [3, 'heal'],
    [1, 'kill'],
    [1.5, 'freeze'],
    [1.5, 'thaw'],
    [3, 'restart'],
    [2, 'promote'],
    [2.5, 'repoint'],
    [1, 'backlog'],
    [0.5, 'sync'],
  ] as const);
  switch (kind) {
    case 'write': {
      const masters = live.filter((x) => !m.isReplica(x));
      const node = r.chance(0.05) ? r.pick(live) : r.pick(masters.length ? masters : live);
      const wk = r.weighted([
        [5, 'small'],
        [m.anyFrozen() ? 0 : 3, 'big'],
        [1.5, 'db'],
        [1.5, 'types'],
        [1, 'counter'],
        [1, 'expire'],
        [1, 'multi'],
        [0.5, 'del'],
      ] as const);
      const n = wk === 'big' ? r.int(3, 45) : r.int(1, m.anyFrozen() ? 4 : 12);
      return { k: 'write', node, kind: wk, n, size: r.int(200, 2000), db: r.int(1, 3) };
    }
    case 'cut':
    case 'kill':
    case 'freeze':
    case 'promote':
      return { k: kind, node: r.pick(names.filter((x) => m.isReplica(x)).concat(['A'])) };
    case 'heal':
      return { k: 'heal', node: r.pick(names) };
    case 'thaw':
      return { k: 'thaw', node: r.pick(names) };
    case 'restart': {
      const save = r.chance(0.5);
      return {
        k: 'restart',
        node: r.pick(names),
        save,
        deleteRdb: !save && r.chance(0.4),
        asMaster: r.chance(0.15),
      };
    }
    case 'repoint':
      return { k: 'repoint', node: r.pick(names), master: r.pick(names) };
    case 'backlog':
      return { k: 'backlog', node: r.pick(names), size: r.pick([16384, 32768, 1048576]) };
    case 'sync':
      return { k: 'sync' };
  }
}

/** Whether `a` makes sense in the model's state; if so, the model moves on. */
function apply(m: Model, a: Action): boolean {
  if (a.k === 'sync') return true;
  const x = m.n[a.node];
  if (!x) return false;
  switch (a.k) {
    case 'write':
      return !x.frozen && (!m.anyFrozen() || (a.kind !== 'big' && a.n <= 4));
    case 'cut':
    case 'kill':
      if (!x.master || !m.linked(a.node)) return false;
      if (a.k === 'cut') x.cut = true;
      return true;
    case 'heal': {
      // its master must be able to serve it (not itself cut off above)
      if (!x.cut || x.frozen || !x.master || !m.linked(x.master)) return false;
      x.cut = false;
      return true;
    }
    case 'freeze':
      if (!x.master || !m.linked(a.node)) return false;
      x.frozen = true;
      return true;
    case 'thaw':
      if (!x.frozen) return false;
      x.frozen = false;
      return true;
    case 'restart': {
      if (!m.linked(a.node)) return false;
      if (a.asMaster && !x.master) return false;
      if (a.asMaster) x.master = null;
      return true;
    }
    case 'promote':
      if (!x.master || !m.linked(a.node)) return false;
      x.master = null;
      return true;
    case 'repoint': {
      const y = m.n[a.master];
      if (!y || a.master === a.node || x.frozen || x.cut || x.master === a.master) return false;
      if (m.subtree(a.node).has(a.master) || !m.linked(a.master)) return false;
      x.master = a.master;
      return true;
    }
    case 'backlog':
      return !x.frozen;
  }
}

/** Whether the action needs every replica settled first (see the header). */
function needsSettle(a: Action): boolean {
  // big writes too: a replica still in a full sync pins the backlog blocks they fill until its
  // transfer ends, so the master's backlog figures would depend on how long the transfer took
  if (a.k === 'write') return a.kind === 'big';
  return ['cut', 'kill', 'freeze', 'restart', 'promote', 'repoint', 'backlog'].includes(a.k);
}

function writeStep(a: Extract<Action, { k: 'write' }>, tag: string): Step {
  const base = { op: 'write' as const, node: a.node };
  switch (a.kind) {
    case 'small':
      return { ...base, cmd: ['SET', `${tag}:{i}`, 'v{i}'], repeat: a.n };
    case 'big':
      return { ...base, cmd: ['SET', `${tag}:big:{i}`, '{val}'], valueSize: a.size, repeat: a.n };
    case 'db':
      return { ...base, cmd: ['SET', `${tag}:db:{i}`, 'v{i}'], repeat: Math.min(a.n, 5), db: a.db };
    case 'types':
      return { ...base, cmds: a.n % 2 === 1 ? moreTypes(tag) : baseTypes(tag), repeat: Math.min(a.n, 6) };
    case 'counter':
      return {
        ...base,
        cmds: [
          ['INCR', `${tag}:n`],
          ['INCRBYFLOAT', `${tag}:f`, '1.5'],
        ],
        repeat: Math.min(a.n, 6),
      };
    case 'expire':
      return {
        ...base,
        cmds: [
          ['SET', `${tag}:ttl:{i}`, 'v', 'EX', '100000'],
          ['EXPIRE', `${tag}:ttl:{i}`, '200000'],
        ],
        repeat: Math.min(a.n, 4),
      };
    case 'multi':
      return {
        ...base,
        cmds: [['MULTI'], ['SET', `${tag}:tx:{i}`, 'a'], ['INCR', `${tag}:txn`], ['EXEC']],
        repeat: Math.min(a.n, 4),
      };
    case 'del':
      return { ...base, cmd: ['DEL', `${tag}:{i}`, 'w0:1', 'w1:1'], repeat: Math.min(a.n, 3) };
  }
}

function baseTypes(tag: string): string[][] {
  return [
    ['RPUSH', `${tag}:list`, 'a{i}', 'b{i}'],
    ['SADD', `${tag}:set`, 'm{i}'],
    ['HSET', `${tag}:hash`, 'f{i}', 'v{i}'],
    ['ZADD', `${tag}:zset`, '{i}', 'z{i}'],
  ];
}

/**
 * A 'types' write with an odd count uses the list-edit, hash, set-algebra, sorted-set, range,
 * bitmap and SORT commands instead: picked from the count already drawn, so every seed's plan
 * (the random sequence) stays what it was and only the commands of half of these writes change.
 */
function moreTypes(tag: string): string[][] {
  return [
    ['RPUSH', `${tag}:list`, 'a{i}', 'b{i}', 'c{i}'],
    ['LMOVE', `${tag}:list`, `${tag}:list2`, 'LEFT', 'RIGHT'],
    ['LINSERT', `${tag}:list`, 'BEFORE', 'c{i}', 'x{i}'],
    ['LTRIM', `${tag}:list2`, '-4', '-1'],
    ['HINCRBYFLOAT', `${tag}:hash`, 'f', '0.25'],
    ['HSETNX', `${tag}:hash`, 'g{i}', 'v{i}'],
    ['SADD', `${tag}:set`, 'm{i}', '{i}'],
    ['SUNIONSTORE', `${tag}:set2`, `${tag}:set`, `${tag}:set2`],
    ['ZINCRBY', `${tag}:zset`, '1.5', 'z{i}'],
    ['ZADD', `${tag}:zset`, '0', 'low{i}'],
    ['ZPOPMIN', `${tag}:zset`],
    ['SETRANGE', `${tag}:str`, '{i}', 'x{i}'],
    ['COPY', `${tag}:str`, `${tag}:str2`, 'REPLACE'],
    ['SETBIT', `${tag}:bits`, '{i}3', '1'],
    ['BITFIELD', `${tag}:bits`, 'OVERFLOW', 'SAT', 'INCRBY', 'u4', '#{i}', '7', 'SET', 'i8', '0', '-{i}'],
    ['BITOP', 'XOR', `${tag}:bits2`, `${tag}:bits`, `${tag}:str`],
    ['ZUNIONSTORE', `${tag}:zset2`, '2', `${tag}:zset`, `${tag}:set`, 'WEIGHTS', '2', '0.5'],
    ['ZINTERSTORE', `${tag}:zset3`, '2', `${tag}:zset`, `${tag}:zset2`, 'AGGREGATE', 'MAX'],
    ['ZRANGESTORE', `${tag}:zset4`, `${tag}:zset2`, '0', '{i}'],
    ['SORT', `${tag}:list`, 'ALPHA', 'DESC', 'LIMIT', '0', '{i}', 'STORE', `${tag}:sorted`],
  ];
}

/** The plan (or the given subset of its actions) as a scenario. */
export function materialize(plan: Plan, actions: Action[] = plan.actions): Scenario {
  const m = new Model(plan.nodes);
  const steps: Step[] = [{ op: 'wait-sync' }];
  let dirty = false;
  actions.forEach((a, idx) => {
    // settle against the state before the action
    const syncable = m.syncable();
    const anyReplica = syncable.some((x) => m.isReplica(x));
    if (!apply(m, structuredClone(a))) return;
    if (dirty && (a.k === 'sync' || needsSettle(a))) {
      if (anyReplica) steps.push({ op: 'wait-sync', nodes: syncable });
      dirty = false;
    }
    switch (a.k) {
      case 'write':
        steps.push(writeStep(a, `w${idx}`));
        break;
      case 'cut':
        steps.push({ op: 'disconnect-link', replica: a.node });
        break;
      case 'kill':
        steps.push({ op: 'disconnect-link', replica: a.node, method: 'client-kill' });
        break;
      case 'heal':
        steps.push({ op: 'reconnect-link', replica: a.node });
        break;
      case 'freeze':
        steps.push({ op: 'stop', node: a.node });
        break;
      case 'thaw':
        steps.push({ op: 'cont', node: a.node });
        break;
      case 'restart':
        steps.push({
          op: 'restart',
          node: a.node,
          save: a.save,
          ...(a.deleteRdb ? { deleteRdb: true } : {}),
          ...(a.asMaster ? { asReplicaOf: null } : {}),
        });
        break;
      case 'promote':
        steps.push({ op: 'replicaof', node: a.node, master: null });
        break;
      case 'repoint':
        steps.push({ op: 'replicaof', node: a.node, master: a.master });
        break;
      case 'backlog':
        steps.push({ op: 'config', node: a.node, key: 'repl-backlog-size', value: String(a.size) });
        break;
      case 'sync':
        return;
    }
    if (!['cut', 'backlog', 'freeze'].includes(a.k)) dirty = true;
  });
  // clean up: continue frozen nodes, heal cuts top down, wait for everything
  for (const x of m.names())
    if (m.n[x].frozen) {
      steps.push({ op: 'cont', node: x });
      m.n[x].frozen = false;
    }
  for (let again = true; again; ) {
    again = false;
    for (const x of m.names()) {
      const v = m.n[x];
      if (v.cut && v.master && m.linked(v.master)) {
        steps.push({ op: 'reconnect-link', replica: x });
        v.cut = false;
        again = true;
      }
    }
  }
  steps.push({ op: 'wait-sync' });
  return {
    name: `random-${plan.seed}`,
    description: `Random differential sequence (seed ${plan.seed}, topology ${plan.topology}, ${actions.length} actions).`,
    proxyLinks: true,
    config: plan.config,
    nodes: plan.nodes,
    steps,
  };
}
