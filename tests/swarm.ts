// Seeded swarm (the run; tests/swarm.test.ts drives it): random writes, cuts, heals, freezes, restarts, promotions, re-points and config
// changes on small clusters; invariants after every step; after healing everything, every replica
// must converge to its master (same replid, offset and data). A failure prints its seed:
//   SWARM_SEED=<seed> npx vitest run tests/swarm.test.ts   replays one run.
import { call, createWorld, LOOPBACK, newClient, runUntil, runUntilCondition } from '../src/engine/index.ts';
import { checkInvariants } from '../src/engine/invariants.ts';
import { BASE_CONFIG } from '../src/engine/lab.ts';
import { createNode, freeze, kill, startNode, unfreeze } from '../src/engine/lifecycle.ts';
import { cutConn } from '../src/engine/net.ts';
import { nextInt, seedRng } from '../src/engine/random.ts';
import type { World } from '../src/engine/world.ts';

const STEPS = 24;
const MS = 1000;

function chainLeadsTo(w: World, from: string, target: string): boolean {
  let cur: string | undefined = from;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur === target) return true;
    cur = w.nodes.get(cur)?.link?.master;
  }
  return false;
}

export function swarmRun(seed: number): { ops: string[]; violations: string[] } {
  const rng = seedRng(seed);
  const pick = <T>(xs: T[]): T => xs[nextInt(rng, xs.length)];
  const w = createWorld(seed, { net: LOOPBACK });
  const count = 2 + nextInt(rng, 3);
  const names = ['A', 'B', 'C', 'D'].slice(0, count);
  const backlog = pick(['16384', '32768', '1048576']);
  const cfg = { ...BASE_CONFIG, 'repl-backlog-size': backlog, 'repl-timeout': pick(['3', '60']) };
  for (const [i, n] of names.entries()) createNode(w, n, 7101 + i, new Map(Object.entries(cfg)));
  for (const [i, n] of names.entries())
    startNode(w, w.nodes.get(n)!, i === 0 ? null : pick(names.slice(0, i)));
  const ops: string[] = [];
  const violations: string[] = [];
  const check = () => {
    for (const v of checkInvariants(w)) violations.push(`after [${ops.join('; ')}]: ${v}`);
  };
  let k = 0;
  for (let step = 0; step < STEPS && violations.length === 0; step++) {
    const n = w.nodes.get(pick(names))!;
    const r = nextInt(rng, 100);
    if (r < 40) {
      if (n.state === 'running' && !n.link) {
        const c = newClient(w, n, nextInt(rng, 3));
        const times = 1 + nextInt(rng, 40);
        const size = pick([1, 10, 100, 1000, 5000]);
        for (let i = 0; i < times; i++)
          call(w, n, c, ['SET', `k${nextInt(rng, 50)}`, `${k++}`.padEnd(size, 'x')]);
        ops.push(`write ${n.name} ${times}x${size}`);
      }
    } else if (r < 50) {
      w.cuts.add(n.name);
      if (n.link?.conn != null) {
        const conn = w.conns.get(n.link.conn);
        if (conn) cutConn(w, conn);
      }
      ops.push(`cut ${n.name}`);
    } else if (r < 60) {
      w.cuts.delete(n.name);
      ops.push(`heal ${n.name}`);
    } else if (r < 65) {
      if (n.state === 'running') freeze(w, n);
      else if (n.state === 'stopped') unfreeze(w, n);
      ops.push(`freeze/unfreeze ${n.name}`);
    } else if (r < 73) {
      const save = nextInt(rng, 2) === 0;
      if (n.state === 'stopped') unfreeze(w, n);
      if (n.state === 'running') call(w, n, newClient(w, n), ['SHUTDOWN', save ? 'SAVE' : 'NOSAVE', 'NOW']);
      if (n.state !== 'down') kill(w, n);
      if (nextInt(rng, 3) === 0) n.disk = null;
      runUntil(w, w.now + nextInt(rng, 3000) * MS);
      startNode(w, n, n.link?.master ?? null);
      ops.push(`restart ${n.name} ${save ? 'save' : 'nosave'}`);
    } else if (r < 80) {
      if (n.state === 'running' && n.link) call(w, n, newClient(w, n), ['REPLICAOF', 'NO', 'ONE']);
      ops.push(`promote ${n.name}`);
    } else if (r < 88) {
      const m = w.nodes.get(pick(names))!;
      if (n.state === 'running' && m !== n && !chainLeadsTo(w, m.name, n.name)) {
        call(w, n, newClient(w, n), ['REPLICAOF', '127.0.0.1', String(m.port)]);
        ops.push(`${n.name} replicaof ${m.name}`);
      }
    } else if (r < 94) {
      if (n.state === 'running')
        call(w, n, newClient(w, n), [
          'CONFIG',
          'SET',
          'repl-backlog-size',
          pick(['16384', '20000', '100000', '1mb']),
        ]);
      ops.push(`config ${n.name} backlog`);
    } else {
      if (n.state === 'running')
        call(w, n, newClient(w, n), ['CONFIG', 'SET', 'repl-backlog-ttl', pick(['0', '1', '3600'])]);
      ops.push(`config ${n.name} ttl`);
    }
    check();
    runUntil(w, w.now + nextInt(rng, 2500) * MS);
    check();
  }
  if (violations.length) return { ops, violations };
  // Heal everything and let it settle: every replica converges to its master.
  w.cuts.clear();
  for (const n of w.nodes.values()) {
    if (n.state === 'stopped') unfreeze(w, n);
    if (n.state === 'down') startNode(w, n, null);
  }
  const converged = () =>
    [...w.nodes.values()].every((n) => {
      if (!n.link) return true;
      const m = w.nodes.get(n.link.master)!;
      if (m.state !== 'running' || (m.link && m.link.state !== 'REPL_STATE_CONNECTED')) return false;
      return (
        n.link.state === 'REPL_STATE_CONNECTED' &&
        n.replid === m.replid &&
        n.masterReplOffset === m.masterReplOffset &&
        JSON.stringify(n.keyspace.dump(0)) === JSON.stringify(m.keyspace.dump(0))
      );
    });
  let ok = runUntilCondition(w, converged, w.now + 120_000 * MS);
  check();
  if (ok) {
    // Then one cluster again: everybody replicates A, A takes writes, everybody must hold them.
    const a = w.nodes.get('A')!;
    if (a.link) call(w, a, newClient(w, a), ['REPLICAOF', 'NO', 'ONE']);
    for (const n of w.nodes.values())
      if (n !== a) call(w, n, newClient(w, n), ['REPLICAOF', '127.0.0.1', String(a.port)]);
    const c = newClient(w, a);
    for (let i = 0; i < 5; i++) call(w, a, c, ['SET', `final:${i}`, `${seed}`]);
    ok = runUntilCondition(
      w,
      () => converged() && [...w.nodes.values()].every((n) => n.keyspace.dbsize(0) === a.keyspace.dbsize(0)),
      w.now + 120_000 * MS,
    );
    check();
  }
  if (!ok) {
    const state = [...w.nodes.values()].map(
      (n) =>
        `${n.name}:${n.link ? `slave of ${n.link.master} ${n.link.state}` : 'master'} off=${n.masterReplOffset}`,
    );
    violations.push(`no convergence after healing [${ops.join('; ')}]: ${state.join(', ')}`);
  }
  return { ops, violations };
}
