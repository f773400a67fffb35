// Real redis-server 7.0.15 plays psync2 only: a scenario of an older protocol era (its "era" field,
// src/engine/replication/era.ts) is modelled from the Redis source and checked by tests/eras.test.ts,
// never by a real run. The runners skip it and say so.
import type { Scenario } from '../../src/engine/scenario/types.ts';

/** Why real Redis 7.0 cannot play `s`, or null when it can. */
export function realSkipReason(s: Pick<Scenario, 'era'>): string | null {
  if (s.era === undefined || s.era === 'psync2') return null;
  return `era ${s.era} is modelled from the Redis source; real 7.0.15 cannot play it (tests/eras.test.ts checks it)`;
}
