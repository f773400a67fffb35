// Where scenario files live. `scenarios/` holds the ones the lab offers (each with its story, title
// and lesson group in src/i18n); `tests/conformance/probes/` holds probes of corners run only by
// conformance and by tests/scenarios.test.ts (not stories for a student's picker). Both are
// recorded on real Redis 7.0.15 (`record.ts`), each trace beside its scenario as `<name>.trace.json`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
export const SCENARIO_DIRS = [join(ROOT, 'scenarios'), join(ROOT, 'tests/conformance/probes')];

/** Every scenario file (traces left out), by name, in directory then name order. */
export function scenarioFiles(): { name: string; file: string }[] {
  return SCENARIO_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
      .sort()
      .map((f) => ({ name: f.slice(0, -5), file: join(dir, f) })),
  );
}
