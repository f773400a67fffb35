// Scenario-file fuzz: every scenario in scenarios/, mutated (a field removed, or set to a wrong
// type, a huge or negative number, an injection string, null, an array), goes through
// validateScenario and then the worker's Session as the page loads it. Each is refused with an
// `ERR scenario …` message naming the place, or loads; nothing else may throw. Seeded.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, ScenarioError, validateScenario } from '../src/engine/index.ts';
import { Session } from '../src/worker/session.ts';
import { Prng } from './conformance/random/prng.ts';

const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'));
const VALUES: unknown[] = [
  null,
  [],
  {},
  -1,
  0,
  1e12,
  2 ** 53,
  Number.NaN,
  1.5,
  '',
  'Z',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '(a+)+$',
  ['SET'],
  true,
];

/** Paths to every field (objects and arrays), so any of them can be mutated. */
function paths(x: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length ? [at] : [];
  if (Array.isArray(x)) for (const [i, y] of x.entries()) out.push(...paths(y, [...at, i]));
  else if (x && typeof x === 'object')
    for (const [k, y] of Object.entries(x)) out.push(...paths(y, [...at, k]));
  return out;
}

function mutate(x: unknown, path: (string | number)[], r: Prng): void {
  let cur = x as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (r.chance(0.25) && !Array.isArray(cur)) delete cur[key];
  else cur[key] = structuredClone(r.pick(VALUES));
}

describe('scenario-file fuzz', () => {
  it('mutated scenarios: refused with ERR scenario …, or loaded; never another exception', () => {
    const r = new Prng(11);
    let refused = 0;
    let loaded = 0;
    for (let k = 0; k < 400; k++) {
      const file = FILES[k % FILES.length];
      const json = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
      for (let j = 0; j < r.int(1, 2); j++) mutate(json, r.pick(paths(json)), r);
      const what = `${file} #${k}`;
      try {
        validateScenario(json);
      } catch (e) {
        expect(e, what).toBeInstanceOf(ScenarioError);
        expect((e as Error).message, what).toMatch(/^ERR scenario \S/);
        refused++;
        continue;
      }
      // Valid after mutation: the page loads it (a step that cannot apply is a load error, not a throw).
      if (k % 4 !== 0) continue; // loading is the slow part: a quarter of them is plenty
      const res = new Session().handle({
        type: 'load',
        seed: 1,
        source: { kind: 'scenario', name: 'x', json },
      });
      expect(['ready', 'load-error'], what).toContain(res.type);
      loaded++;
    }
    expect(refused).toBeGreaterThan(150);
    expect(loaded).toBeGreaterThan(5);
  });

  it('names the bad place', () => {
    const s = JSON.parse(readFileSync('scenarios/c_backlog_overflow_full.json', 'utf8'));
    s.config['repl-backlog-size'] = 'huge';
    expect(() => validateScenario(s)).toThrow(
      "ERR scenario field 'config'.repl-backlog-size: argument must be a memory value",
    );
    const t = JSON.parse(readFileSync('scenarios/a_initial_attach.json', 'utf8'));
    t.steps[1] = { op: 'write', node: 'A', cmd: ['SET', 'k', '{val}'], repeat: 100000, valueSize: 1e6 };
    expect(() => validateScenario(t)).toThrow(
      /steps\[1\] \(write\): field 'repeat': repeat × valueSize is 100000000000 bytes/,
    );
  });
});

describe('a step the state of the run refuses', () => {
  it('start of a node that runs: the step says so (as the real runner does), the run goes on', () => {
    const t = runScenario({
      name: 'start_running',
      nodes: { A: {}, B: { replicaof: 'A' } },
      steps: [
        { op: 'wait-sync' },
        { op: 'start', node: 'B' },
        { op: 'write', node: 'A', cmd: ['SET', 'k', 'v'] },
      ],
    });
    expect(t.steps[2].result).toEqual({ error: 'ERR node B is already running' });
    expect(t.steps[3].snapshot.A.dbsize).toBe(1);
    expect(t.steps[3].snapshot.B.state).toBe('running');
  });
});
