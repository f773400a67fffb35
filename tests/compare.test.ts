// tests/conformance/compare.ts must agree with the reference comparison (compare-traces.js, kept
// byte-identical in tests/conformance/reference/): same divergences, worded the same, same count
// of compared fields, on identical, mutated and unrelated trace pairs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../src/engine/scenario/types.ts';
import { compareTraces, formatDivergence } from './conformance/compare.ts';

const require = createRequire(import.meta.url);
const REF_TOOL = join(import.meta.dirname, 'conformance/reference/compare-traces.cjs');
const reference = require(REF_TOOL) as {
  compare: (a: Trace, b: Trace) => { diffs: string[]; compared: number };
};
const SCENARIOS = join(import.meta.dirname, '../scenarios');

const load = (name: string): Trace => JSON.parse(readFileSync(join(SCENARIOS, `${name}.trace.json`), 'utf8'));
const clone = <T>(x: T): T => structuredClone(x);

function agree(a: Trace, b: Trace): number {
  const mine = compareTraces(a, b);
  const ref = reference.compare(a, b);
  expect(mine.diffs.map(formatDivergence)).toEqual(ref.diffs);
  expect(mine.compared).toBe(ref.compared);
  return mine.diffs.length;
}

const NAMES = [
  'a_initial_attach',
  'b_short_drop_partial',
  'f_failover_promote_partial',
  'h_chained_full_resync',
  'k_offsets_bytes',
];

describe('compare.ts agrees with compare-traces.js', () => {
  it('is the same file as the shared reference tool (when the shared folder is present)', () => {
    // shared/ sits beside the clone (on CI too); the copy must stay byte-identical to it.
    const shared = join(import.meta.dirname, '../../shared/tools/compare-traces.js');
    if (!existsSync(shared)) return;
    expect(readFileSync(REF_TOOL, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it.each(NAMES)('%s against itself: 0 divergences', (name) => {
    const t = load(name);
    expect(agree(t, clone(t))).toBe(0);
  });

  it('renaming replication ids and ports consistently changes nothing', () => {
    const t = load('f_failover_promote_partial');
    const ids = new Map<string, string>();
    const text = JSON.stringify(t).replace(/\b[0-9a-f]{40}\b/g, (id) => {
      if (/^0+$/.test(id)) return id;
      if (!ids.has(id)) ids.set(id, (ids.size + 1).toString(16).padStart(40, 'a'));
      return ids.get(id)!;
    });
    expect(agree(t, JSON.parse(text))).toBe(0);
  });

  it('mutations: the same divergences, worded the same', () => {
    const t = load('b_short_drop_partial');
    const m = clone(t);
    const repl = (i: number, n: string) => m.steps[i].snapshot[n].replication as Record<string, unknown>;
    repl(2, 'A').master_repl_offset = 999; // a master at an unsettled step
    repl(2, 'B').slave_repl_offset = 1; // a replica at an unsettled step: not compared
    repl(3, 'B').master_link_status = 'down'; // a replica after wait-sync
    (repl(3, 'A').slave0 as { state: string }).state = 'wait_bgsave';
    m.steps[8].snapshot.C.data = { x: { type: 'string', value: 'y' } };
    m.steps[8].snapshot.C.dbsize = 1;
    m.steps[5].snapshot.B.state = 'down';
    m.outcome.events = m.outcome.events.filter((e) => e.result !== 'CONTINUE');
    const n = agree(t, m);
    expect(n).toBe(6);
    const op = clone(t);
    op.steps[4].op = 'sleep';
    expect(agree(t, op)).toBeGreaterThan(0);
  });

  it('a missing step and a long value', () => {
    const t = load('k_offsets_bytes');
    const m = clone(t);
    m.steps.pop();
    expect(agree(t, m)).toBeGreaterThan(0);
    expect(agree(m, t)).toBeGreaterThan(0);
  });

  it('unrelated traces: many divergences, all the same', () => {
    expect(agree(load('b_short_drop_partial'), load('c_backlog_overflow_full'))).toBeGreaterThan(10);
    expect(
      agree(load('d_replica_restart_save_partial'), load('e_replica_restart_nosave_full')),
    ).toBeGreaterThan(0);
    expect(agree(load('a_initial_attach'), load('l_disk_sync_shared_bgsave'))).toBeGreaterThan(10);
  });
});
