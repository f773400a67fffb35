// Checkpoints are exact: for random lab runs and random seek targets, going back (restoring the
// nearest checkpoint and replaying from it) and then playing on gives the same state and the same
// events, seq numbers included, as a straight run. A failure prints its seed:
//   CHECKPOINT_SEED=<seed> [CHECKPOINT_THINNED=1] npx vitest run tests/checkpoints.test.ts
import { describe, expect, it } from 'vitest';
import { nextInt, seedRng } from '../src/engine/core/random.ts';
import {
  advance,
  createTimeline,
  DEFAULT_SETUP,
  drainEvents,
  input,
  type LabInput,
  seek,
  type TimedInput,
  type Timeline,
} from '../src/engine/index.ts';
import { CHECKPOINT_EVERY_US, COPY_BYTES_PER_SPACING, noCheckpoints } from '../src/engine/lab/checkpoints.ts';

const SEC = 1_000_000;
const RUN_US = 40 * SEC;

/** A random run: traffic on A, bursts, cuts and heals, freezes, a restart, a promotion and back. */
function randomInputs(seed: number): TimedInput[] {
  const rng = seedRng(seed);
  const pick = <T>(xs: T[]): T => xs[nextInt(rng, xs.length)];
  const ins: TimedInput[] = [
    { at: 0, input: { type: 'traffic', node: 'A', perSecond: 20 + nextInt(rng, 200) } },
  ];
  for (let t = SEC + nextInt(rng, SEC); t < RUN_US - 2 * SEC; t += 300_000 + nextInt(rng, 2 * SEC)) {
    const r = pick(['B', 'C']);
    const input: LabInput = pick<LabInput>([
      { type: 'cut', replica: r },
      { type: 'heal', replica: r },
      { type: 'freeze', node: r },
      { type: 'unfreeze', node: r },
      { type: 'write', node: 'A', count: 1 + nextInt(rng, 50) },
      { type: 'restart', node: r, save: nextInt(rng, 2) === 0, downMs: nextInt(rng, 3000) },
      { type: 'command', node: 'A', argv: ['SET', `k${nextInt(rng, 9)}`, 'x'.repeat(nextInt(rng, 3000))] },
      { type: 'command', node: r, argv: ['REPLICAOF', 'NO', 'ONE'] },
      { type: 'command', node: r, argv: ['REPLICAOF', '127.0.0.1', '7101'] },
      { type: 'command', node: 'A', argv: ['CONFIG', 'SET', 'repl-backlog-size', pick(['16384', '1mb'])] },
    ]);
    ins.push({ at: t, input });
  }
  return ins;
}

/** What a run is at this moment, as comparable text. */
function state(tl: Timeline): string {
  const w = tl.lab.w;
  const nodes = [...w.nodes.values()].map((n) => ({
    name: n.name,
    state: n.state,
    replid: n.replid,
    replid2: n.replid2,
    second: n.secondReplOffset,
    offset: n.masterReplOffset,
    link: n.link?.state ?? null,
    reploff: n.master?.reploff ?? null,
    backlog: n.backlog ? [n.backlog.offset, n.backlog.histlen] : null,
    slaves: n.slaves.map((s) => [s.peer, s.replstate, s.ackOff]),
    stats: n.stats,
    data: [0, 1, 2].map((db) => n.keyspace.dump(db)),
    log: n.log.length,
  }));
  return JSON.stringify({ now: w.now, seq: w.seq, queue: w.queue.size, cursor: tl.cursor, nodes });
}

/** Advance to `to` in frames of ~100 ms (as the page does), collecting the events. */
function play(tl: Timeline, to: number): unknown[] {
  const events: unknown[] = [];
  for (let t = tl.lab.w.now; t < to; ) {
    t = Math.min(to, t + 100_000);
    advance(tl, t);
    events.push(...drainEvents(tl.lab.w));
  }
  return events;
}

/**
 * `thinned`: keep at most 8 checkpoints, the newest 3 as taken, so the older ones of the 40-s run
 * are thinned as a 30-minute run's are (~20 taken, 12 dropped).
 */
function checkSeed(seed: number, thinned: boolean): void {
  const inputs = randomInputs(seed);
  const base = createTimeline(seed, DEFAULT_SETUP).record.inputs;
  const all = [...base, ...inputs].sort((a, b) => a.at - b.at);
  const rng = seedRng(seed ^ 0x5eed);
  const long = createTimeline(seed, DEFAULT_SETUP, all);
  if (thinned) long.checkpoints = noCheckpoints(8, 3);
  play(long, RUN_US);
  const cps = long.checkpoints.list;
  if (thinned) {
    expect(cps.length).toBe(8);
    // The newest 3 as taken (a restart input lets time pass inside it: a gap may be longer).
    for (let i = cps.length - 3; i < cps.length; i++)
      expect(cps[i].at - cps[i - 1].at).toBeGreaterThanOrEqual(CHECKPOINT_EVERY_US);
    expect(cps[cps.length - 1].at).toBeGreaterThan(RUN_US - 2 * CHECKPOINT_EVERY_US);
  }
  // At least one every few seconds (a restart input lets time pass inside it, so some are later).
  else expect(cps.length).toBeGreaterThanOrEqual(RUN_US / CHECKPOINT_EVERY_US / 4);
  for (let k = 0; k < 4; k++) {
    const target = nextInt(rng, RUN_US - 3 * SEC);
    seek(long, target);
    const straight = createTimeline(seed, DEFAULT_SETUP, all);
    play(straight, target);
    drainEvents(straight.lab.w);
    expect(state(long), `seed ${seed}: state after seek(${target})`).toBe(state(straight));
    const a = play(long, target + 2 * SEC);
    const b = play(straight, target + 2 * SEC);

    expect(JSON.stringify(a), `seed ${seed}: events after seek(${target})`).toBe(JSON.stringify(b));
    expect(state(long)).toBe(state(straight));
  }
}

describe('timeline checkpoints', () => {
  const pinned = process.env.CHECKPOINT_SEED;
  const seeds = pinned ? [Number(pinned)] : Array.from({ length: 12 }, (_, i) => 1000 + i * 7919);
  for (const [i, seed] of seeds.entries())
    it(`seed ${seed}: a seek back equals a straight run, state and events${i % 2 ? ' (thinned)' : ''}`, () => {
      try {
        checkSeed(seed, i % 2 === 1 || !!process.env.CHECKPOINT_THINNED);
      } catch (e) {
        const thin = i % 2 ? 'CHECKPOINT_THINNED=1 ' : '';
        console.error(`CHECKPOINT_SEED=${seed} ${thin}npx vitest run tests/checkpoints.test.ts`);
        throw e;
      }
    });

  const kept = (tl: Timeline) =>
    tl.checkpoints.list.reduce((n, c) => n + c.lab.bytes.length + c.lab.text.length, 0);
  for (const [label, limits] of [
    ['', () => noCheckpoints()],
    [' (thinned)', () => noCheckpoints(4, 2)],
    [' (bytes bounded)', () => noCheckpoints(500, 16, 8_000)], // ~2.4 kB copies: 3 kept
  ] as const)
    it(`acting in the past drops the later checkpoints, and the new future replays exactly${label}`, () => {
      const tl = createTimeline(5, DEFAULT_SETUP);
      tl.checkpoints = limits();
      input(tl, { type: 'traffic', node: 'A', perSecond: 100 });
      play(tl, 20 * SEC);
      const cps = tl.checkpoints;
      expect(cps.bytes).toBe(kept(tl));
      expect(cps.bytes <= cps.maxBytes || cps.list.length === 1).toBe(true);
      if (label === ' (bytes bounded)') expect(cps.list.length).toBeLessThan(5);
      const before = cps.list.length;
      seek(tl, 7 * SEC);
      input(tl, { type: 'cut', replica: 'B' });
      expect(tl.checkpoints.list.length).toBeLessThan(before);
      expect(tl.checkpoints.bytes).toBe(kept(tl));
      expect(tl.checkpoints.list.every((c) => c.at <= 7 * SEC)).toBe(true);
      play(tl, 15 * SEC);
      const end = state(tl);
      seek(tl, 8 * SEC);
      play(tl, 15 * SEC);
      expect(state(tl)).toBe(end);
      const fresh = createTimeline(5, DEFAULT_SETUP, tl.record.inputs);
      play(fresh, 15 * SEC);
      expect(state(fresh)).toBe(end);
    });

  it('a big copy spaces the next checkpoint further, in proportion, and a seek back stays exact', () => {
    const tl = createTimeline(7, DEFAULT_SETUP);
    play(tl, 3 * SEC);
    input(tl, { type: 'write', node: 'A', count: 20_000 });
    play(tl, 40 * SEC);
    const cps = tl.checkpoints.list;
    const last = cps[cps.length - 1];
    const size = last.lab.bytes.length + last.lab.text.length;
    expect(size).toBeGreaterThan(2 * COPY_BYTES_PER_SPACING);
    const every = Math.round((size / COPY_BYTES_PER_SPACING) * CHECKPOINT_EVERY_US);
    expect(tl.checkpoints.every).toBe(every);
    expect(last.at - cps[cps.length - 2].at).toBeGreaterThan(2 * CHECKPOINT_EVERY_US);
    const end = state(tl);
    seek(tl, 20 * SEC);
    play(tl, 40 * SEC);
    expect(state(tl)).toBe(end);
  });

  it('a refused input in the past keeps the recorded future', () => {
    const tl = createTimeline(6, DEFAULT_SETUP);
    play(tl, 2 * SEC);
    input(tl, { type: 'write', node: 'A', count: 3 });
    play(tl, 6 * SEC);
    const n = tl.record.inputs.length;
    seek(tl, 1 * SEC);
    expect(() => input(tl, { type: 'cut', replica: 'Z' })).toThrow(/no such node/);
    expect(tl.record.inputs.length).toBe(n);
  });
});
