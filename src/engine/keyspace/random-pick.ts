// Random choices of SPOP, SRANDMEMBER and HRANDFIELD, drawn from the call's seeded ctx.random
// (never the global PRNG), so two runs of one seed pick the same members.
import type { Call } from './call.ts';

/** A uniform index in [0, n). */
export function randomIndex(c: Call, n: number): number {
  return Math.min(n - 1, Math.floor(c.ctx.random() * n));
}

/**
 * `count` distinct entries of `pool` drawn at random (partial Fisher–Yates): `pool` is shuffled
 * in place, so pass a fresh array.
 */
export function drawFrom<T>(c: Call, pool: T[], count: number): T[] {
  for (let i = 0; i < count; i++) {
    const j = i + randomIndex(c, pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}
