// Time-travel figures on long lab runs (issue 9): the timeline API the worker uses, on the lab's
// default setup (A master, B and C replicas, LAB_NET), driven like a class would drive it.
//   timeline.seek_back_1s_30min_ms     — at the end of a 30-minute run (200 writes/s on A, B cut
//                                        and healed every minute), seek back one second (median of 9)
//   timeline.seek_random_30min_p95_ms  — the same run, 50 seeks to random times, p95
//   timeline.memory_30min_mb           — heap and array buffers held by a timeline after 30 minutes at 500 writes/s
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { nextInt, seedRng } from '../src/engine/core/random.ts';
import {
  advance,
  createTimeline,
  DEFAULT_SETUP,
  drainEvents,
  input,
  seek,
  type Timeline,
} from '../src/engine/index.ts';
import type { Figure } from './engine.ts';

const SEC = 1_000_000;
const MIN = 60 * SEC;

/** A class's long run: traffic on A, B cut for 5 s every simulated minute; frames of 100 ms. */
function longRun(minutes: number, perSecond: number): Timeline {
  const tl = createTimeline(1, DEFAULT_SETUP);
  advance(tl, SEC);
  input(tl, { type: 'traffic', node: 'A', perSecond });
  for (let t = tl.lab.w.now; t < minutes * MIN; ) {
    t = Math.min(minutes * MIN, t + 100_000);
    advance(tl, t);
    drainEvents(tl.lab.w);
    const inMinute = t % MIN;
    if (inMinute === 30 * SEC) input(tl, { type: 'cut', replica: 'B' });
    if (inMinute === 35 * SEC) input(tl, { type: 'heal', replica: 'B' });
  }
  return tl;
}

function timeSeek(tl: Timeline, to: number): number {
  const t0 = performance.now();
  seek(tl, to);
  return performance.now() - t0;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const round1 = (x: number) => Math.round(x * 10) / 10;

export function runTimelineBench(): Figure[] {
  const tl = longRun(30, 200);
  const end = tl.lab.w.now;
  const back: number[] = [];
  for (let k = 0; k < 9; k++) {
    back.push(timeSeek(tl, end - SEC));
    seek(tl, end); // forward again (quiet), for the next try
  }
  const rng = seedRng(7);
  const random: number[] = [];
  for (let k = 0; k < 50; k++) random.push(timeSeek(tl, nextInt(rng, end)));
  return [
    { name: 'timeline.seek_back_1s_30min_ms', value: round1(pct(back, 0.5)), unit: 'ms' },
    { name: 'timeline.seek_random_30min_p95_ms', value: round1(pct(random, 0.95)), unit: 'ms' },
    { name: 'timeline.checkpoints_30min', value: tl.checkpoints.list.length, unit: 'checkpoints' },
    {
      name: 'timeline.memory_30min_mb',
      value: round1(
        heldMb(
          () => longRun(30, 500),
          () => longRun(2, 500),
        ),
      ),
      unit: 'MB',
    },
  ];
}

/** JS heap plus ArrayBuffer contents (checkpoints are packed into typed arrays, outside the heap). */
function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Memory held by what `make` returns: heap (and array buffers) after GC with it alive, minus after it is dropped. A short
 * warm-up run first, so the engine's compiled code and inline caches are in both figures (they
 * once moved this one by ±8 MB), and GC twice so that nothing merely unreachable is counted.
 */
function heldMb(make: () => unknown, warmUp: () => unknown): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  warmUp();
  gc();
  gc();
  const before = heldBytes();
  let kept: unknown = make();
  gc();
  gc();
  const during = heldBytes();
  kept = null;
  void kept;
  return Math.max(0, during - before) / 1e6;
}
