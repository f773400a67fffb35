// Protocol eras: which Redis generation's replication rules a run follows (issue 11).
//   sync   — Redis ≤ 2.6: every (re)connection is SYNC and a full transfer; no replid, no backlog.
//   psync1 — Redis 2.8–3.2: PSYNC <runid> <offset>; partial only with a cached master of the same run id.
//   psync2 — Redis 4.0+ (7.0 here): replid/replid2, replication info kept in the RDB. The default.
// A run's era is fixed when the World is created (LabSetup.era, a scenario's "era", the run record's setup).

export const ERAS = ['sync', 'psync1', 'psync2'] as const;
export type Era = (typeof ERAS)[number];
export const DEFAULT_ERA: Era = 'psync2';

export function isEra(x: unknown): x is Era {
  return typeof x === 'string' && (ERAS as readonly string[]).includes(x);
}
