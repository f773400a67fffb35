// Every scenario in scenarios/ that has a recorded real-Redis trace runs in the engine and is
// compared with it by the rules of scenarios.md: 0 divergences.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario, type Trace } from '../src/engine/index.ts';
import { compareTraces, formatComparison } from './conformance/compare.ts';

const DIR = join(import.meta.dirname, '../scenarios');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
  .map((f) => f.slice(0, -5))
  .filter((n) => existsSync(join(DIR, `${n}.trace.json`)));

describe('engine vs recorded real Redis 7.0.15 traces', () => {
  it('has the public scenarios', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
  });
  for (const name of names) {
    it(`${name}: 0 divergences`, () => {
      const scenario = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
      const ref = JSON.parse(readFileSync(join(DIR, `${name}.trace.json`), 'utf8')) as Trace;
      const got = runScenario(scenario, { seed: 1 });
      const c = compareTraces(ref, got);
      if (c.diffs.length) console.error(formatComparison(name, c));
      expect(c.diffs.length).toBe(0);
      expect(c.compared).toBeGreaterThan(100);
    });
  }
});
