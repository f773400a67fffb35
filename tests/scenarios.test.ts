// Every scenario in scenarios/ that has a recorded real-Redis trace runs in the engine and is
// compared with it by the rules of scenarios.md: 0 divergences.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, type Trace } from '../src/engine/index.ts';
import { compareWithDigests, formatComparison, portsOf } from './conformance/compare.ts';
import type { Expectation } from './conformance/real/conditions.ts';
import { scenarioFiles } from './conformance/scenario-files.ts';

/** The lab's scenarios and the conformance probes that have a recorded trace. */
const cases = scenarioFiles()
  .map(({ name, file }) => ({ name, file, trace: file.replace(/\.json$/, '.trace.json') }))
  .filter((c) => existsSync(c.trace));

/**
 * A step's `expect` also checks what the comparison rules leave out (a slaveN line's `ip=`, ROLE's
 * entries): each one real Redis met must hold in the engine too. The engine has no DEBUG DIGEST,
 * so `NODE.digest` paths are left to the real runs.
 */
function missedExpectations(ref: Trace, got: Trace): string[] {
  const of = (s: Trace['steps'][number]) => (s.expectations ?? []) as Expectation[];
  const met = new Set(
    ref.steps.flatMap((s) =>
      of(s)
        .filter((e) => e.pass)
        .map((e) => `${s.i} ${e.path}`),
    ),
  );
  return got.steps.flatMap((s) =>
    of(s)
      .filter((e) => !e.pass && met.has(`${s.i} ${e.path}`) && e.path.split('.')[1] !== 'digest')
      .map(
        (e) =>
          `step ${s.i}: ${e.path} expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.actual)}`,
      ),
  );
}

describe('engine vs recorded real Redis 7.0.15 traces', () => {
  it('has the public scenarios and the probes', () => {
    expect(cases.filter((c) => c.file.includes('/scenarios/')).length).toBeGreaterThanOrEqual(14);
    expect(cases.filter((c) => c.file.includes('/probes/')).length).toBeGreaterThanOrEqual(29);
  });
  for (const { name, file, trace } of cases) {
    it(`${name}: 0 divergences`, () => {
      const scenario = JSON.parse(readFileSync(file, 'utf8'));
      const ref = JSON.parse(readFileSync(trace, 'utf8')) as Trace;
      const got = runScenario(scenario, { seed: 1 });
      // The spec's rules, and DEBUG DIGEST: every db and TTL flag equal where `data` is compared.
      const c = compareWithDigests(ref, got);
      if (c.diffs.length) console.error(formatComparison(name, c));
      expect(c.diffs.length).toBe(0);
      expect(c.compared).toBeGreaterThan(100);
      expect(missedExpectations(ref, got)).toEqual([]);
      expect(got.ok).toBe(true);
      // What a `cmd` step's commands answered (a read during a sync: a value, -MASTERDOWN, -LOADING)
      // is part of the story too: the same replies, ports read as node names.
      expect(cmdReplies(got)).toEqual(cmdReplies(ref));
    });
  }
});

/** The replies of every `cmd` step, with each node's port (or proxy port) replaced by its name. */
function cmdReplies(trace: Trace): string[] {
  const ports = Object.entries(portsOf(trace)).sort(([a], [b]) => b.length - a.length);
  return trace.steps
    .filter((s) => s.op === 'cmd')
    .map((s) => {
      let text = JSON.stringify((s.result as { replies?: unknown })?.replies ?? null);
      for (const [port, name] of ports) text = text.replace(new RegExp(`\\b${port}\\b`, 'g'), `<${name}>`);
      return `${s.i}: ${text}`;
    });
}
