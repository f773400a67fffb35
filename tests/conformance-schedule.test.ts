// The conformance schedule (tests/conformance/schedule.ts): a case whose real side failed in the
// concurrent phase is re-run alone, only the re-run counts, and the report says so. Fake tasks
// stand in for real runs; `alone` is what the schedule passed them.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/engine/scenario/types.ts';
import { rerunReport } from './conformance/report.ts';
import { runAll, type Task } from './conformance/schedule.ts';
import type { CaseResult, Check } from './conformance/suite.ts';
import { timingSensitive } from './conformance/timing.ts';

const result = (name: string, checks: Check[]): CaseResult => ({
  kind: 'scenario',
  name,
  outcomes: '',
  checks,
  ms: 0,
});
const pingDiff = {
  step: 5,
  op: 'wait-sync',
  node: 'A',
  field: 'master_repl_offset',
  ref: '140',
  cand: '126',
};

/** A task that reports one check, failing in the phases listed in `failsWhen`. */
function task(
  name: string,
  check: string,
  failsWhen: ('busy' | 'alone')[],
  calls: boolean[],
  exclusive = false,
): Task {
  return {
    label: name,
    weight: 1,
    exclusive,
    run: async (alone) => {
      calls.push(alone);
      const bad = failsWhen.includes(alone ? 'alone' : 'busy');
      return result(name, [{ name: check, ok: !bad, diffs: bad ? [pingDiff] : [] }]);
    },
  };
}

describe('conformance schedule', () => {
  it('re-runs a real-side failure alone; a pass alone counts, and the report says it passed only then', async () => {
    const calls: boolean[] = [];
    const out = await runAll(
      [task('p_ping_period_chain', 'real vs reference', ['busy'], calls)],
      2,
      () => {},
    );
    expect(calls).toEqual([false, true]);
    expect(out[0].checks.every((c) => c.ok)).toBe(true);
    expect(out[0].firstRun).toBe('real vs reference: 1 divergence (s5 A master_repl_offset 140→126)');
    expect(rerunReport(out)).toBe(
      '↻ passed only on its alone re-run: p_ping_period_chain — first run: real vs reference: 1 divergence (s5 A master_repl_offset 140→126)',
    );
  });

  it('a difference that repeats alone fails', async () => {
    const calls: boolean[] = [];
    const out = await runAll([task('x', 'engine vs real', ['busy', 'alone'], calls)], 2, () => {});
    expect(calls).toEqual([false, true]);
    expect(out[0].checks[0].ok).toBe(false);
    expect(rerunReport(out)).toMatch(/^✗ failed again alone: x — first run: engine vs real/);
  });

  it('a timing-sensitive (exclusive) case gets two alone re-runs; the others one', async () => {
    const calls: boolean[] = [];
    let n = 0;
    const flaky: Task = {
      label: 'p',
      weight: 1,
      exclusive: true,
      run: async () => {
        calls.push(true);
        n++;
        return result('p', [{ name: 'real vs reference', ok: n === 3, diffs: n === 3 ? [] : [pingDiff] }]);
      },
    };
    const out = await runAll([flaky], 2, () => {});
    expect(calls).toEqual([true, true, true]);
    expect(out[0].checks[0].ok).toBe(true);
    expect(out[0].firstRun).toMatch(/^real vs reference: 1 divergence/);
  });

  it('an engine-only failure is deterministic: no re-run', async () => {
    const calls: boolean[] = [];
    const out = await runAll([task('y', 'engine vs reference', ['busy', 'alone'], calls)], 2, () => {});
    expect(calls).toEqual([false]);
    expect(out[0].firstRun).toBeUndefined();
  });

  it('exclusive cases run alone first; results keep the task order', async () => {
    const calls: boolean[] = [];
    const order: string[] = [];
    const t = (name: string, exclusive: boolean): Task => ({
      label: name,
      weight: 1,
      exclusive,
      run: async (alone) => {
        calls.push(alone);
        order.push(name);
        return result(name, [{ name: 'real run', ok: true }]);
      },
    });
    const out = await runAll([t('a', false), t('b', true), t('c', false)], 2, () => {});
    expect(order[0]).toBe('b');
    expect(calls[0]).toBe(true);
    expect(out.map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('timing-sensitive scenarios', () => {
  const base = (config: Record<string, string>, steps: Scenario['steps'] = []): Scenario =>
    ({ name: 'x', description: '', config, nodes: { A: {} }, steps }) as Scenario;
  it('wall-clock keys in the config or a config step make a scenario run alone', () => {
    expect(timingSensitive(base({ 'repl-ping-replica-period': '1' }))).toBe(true);
    expect(timingSensitive(base({ 'repl-ping-replica-period': '3600' }))).toBe(false);
    expect(timingSensitive(base({ 'repl-timeout': '5' }))).toBe(true);
    expect(timingSensitive(base({ 'repl-backlog-ttl': '2' }))).toBe(true);
    expect(timingSensitive(base({ 'repl-backlog-size': '16384' }))).toBe(false);
    expect(
      timingSensitive(base({}, [{ op: 'config', node: 'A', key: 'min-replicas-max-lag', value: '1' }])),
    ).toBe(true);
  });
});
