// The cases of a conformance run and their checks. A case runs on real Redis (its own port slot)
// and in the engine; each comparison is one check (a passed or failed test for `npm test`).
//   scenario file: real vs recorded reference, engine vs real, engine vs reference;
//   random sequence: real run completed, engine vs real (and, on a divergence in the alone
//   phase: the real run is repeated to tell an engine bug from a non-reproducible real run, then
//   the sequence is shrunk and written to out/conformance/failing-<seed>.json).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Scenario, Trace } from '../../src/engine/scenario/types.ts';
import {
  type Comparison,
  compareTraces,
  compareWithDigests,
  type Divergence,
  formatDiffTable,
} from './compare.ts';
import type { EngineClient } from './engine/client.ts';
import { type Action, generate, materialize, type Plan } from './random/generator.ts';
import { shrink } from './random/shrink.ts';
import { runReal } from './real/runner.ts';
import { acquireSlot, type Slot } from './real/slots.ts';

export interface Check {
  name: string;
  ok: boolean;
  compared?: number;
  diffs?: Divergence[];
  note?: string;
}

export interface CaseResult {
  kind: 'scenario' | 'random';
  name: string;
  seed?: number;
  /** The real run's outcome line (s<step>:<replica>=…). */
  outcomes: string;
  checks: Check[];
  ms: number;
  /** Written for a divergent random sequence. */
  failingFile?: string;
  /**
   * Set when this is the result of the alone re-run of a case whose first (concurrent) run failed
   * a real-side check: what the first run reported, in one line (see main.ts, "re-run alone").
   */
  firstRun?: string;
}

/** Checks that depend on a real run (wall-clock timing can sway them); the others are deterministic. */
const REAL_SIDE = new Set(['real run', 'real vs reference', 'engine vs real', 'real vs real', 'harness']);

/** A failed check a busy machine could have caused: worth one re-run alone before it counts. */
export function failedOnRealSide(r: CaseResult): boolean {
  return r.checks.some((c) => !c.ok && REAL_SIDE.has(c.name));
}

/** The failed checks of a case in one line, e.g. "real vs reference: 1 divergence (s5 A master_repl_offset 126/140)". */
export function failureLine(r: CaseResult): string {
  return r.checks
    .filter((c) => !c.ok)
    .map((c) => {
      const d = c.diffs?.[0];
      const first = d ? ` (s${d.step ?? '-'} ${d.node ?? ''} ${d.field} ${d.ref}→${d.cand})` : '';
      const what = c.diffs
        ? `${c.diffs.length} divergence${c.diffs.length === 1 ? '' : 's'}${first}`
        : (c.note ?? 'failed');
      return `${c.name}: ${what}`;
    })
    .join('; ');
}

export interface SuiteContext {
  engine: EngineClient;
  outDir: string;
  /** Epoch ms after which no more shrinking is started. */
  shrinkDeadline: number;
  /** How many more divergent sequences may be shrunk (the rest are written as they are). */
  shrinksLeft: number;
  /** Run every random sequence twice on real Redis and compare the runs (harness self-check). */
  checkReal: boolean;
  /** The engine is left out: only the real-side checks count. */
  realOnly: boolean;
  /**
   * No other cluster is running (the alone phase): the engine and the real run go one after the
   * other, and a divergent random sequence is investigated (re-run, shrunk). In the concurrent
   * phase a divergence is only reported: main.ts re-runs the case alone before it counts.
   */
  alone?: boolean;
  log: (line: string) => void;
}

/** A comparison check; the engine's (`engine vs …`) also compares DEBUG DIGEST (compareWithDigests). */
function versus(name: string, ref: Trace, cand: Trace): Check {
  const c: Comparison = name.startsWith('engine') ? compareWithDigests(ref, cand) : compareTraces(ref, cand);
  return { name, ok: c.diffs.length === 0, compared: c.compared, diffs: c.diffs };
}

function realCheck(problems: string[]): Check {
  return { name: 'real run', ok: problems.length === 0, note: problems.slice(0, 3).join('; ') || undefined };
}

async function withSlot<T>(fn: (slot: Slot) => Promise<T>): Promise<T> {
  const slot = await acquireSlot();
  try {
    return await fn(slot);
  } finally {
    slot.release();
  }
}

function save(file: string, data: unknown): void {
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
}

export async function scenarioCase(
  ctx: SuiteContext,
  file: string,
  requireReference = true,
): Promise<CaseResult> {
  const t0 = Date.now();
  const scenario: Scenario = JSON.parse(readFileSync(file, 'utf8'));
  const refFile = file.replace(/\.json$/, '.trace.json');
  const ref: Trace | null = existsSync(refFile) ? JSON.parse(readFileSync(refFile, 'utf8')) : null;
  const [real, eng] = await both(
    ctx,
    () => withSlot((slot) => runReal(scenario, { slot })),
    () => ctx.engine.run(scenario),
  );
  save(`${ctx.outDir}/${scenario.name}.real.trace.json`, real.trace);
  const checks: Check[] = [realCheck(real.problems)];
  if (ref) checks.push(versus('real vs reference', ref, real.trace));
  else if (requireReference) checks.push({ name: 'real vs reference', ok: false, note: 'no recorded trace' });
  if ('error' in eng) {
    if (!ctx.realOnly) checks.push({ name: 'engine', ok: false, note: eng.error.split('\n')[0] });
  } else {
    save(`${ctx.outDir}/${scenario.name}.engine.trace.json`, eng.trace);
    checks.push(versus('engine vs real', real.trace, eng.trace));
    if (ref) checks.push(versus('engine vs reference', ref, eng.trace));
  }
  return {
    kind: 'scenario',
    name: scenario.name,
    outcomes: real.trace.outcome.line ?? '',
    checks,
    ms: Date.now() - t0,
  };
}

/** The real run and the engine run: side by side, or (alone) the engine first, then real Redis on an idle machine. */
async function both<R, E>(ctx: SuiteContext, real: () => Promise<R>, eng: () => Promise<E>): Promise<[R, E]> {
  if (!ctx.alone) return Promise.all([real(), eng()]);
  const e = await eng();
  return [await real(), e];
}

/** One run of a sequence on both sides: the real trace, the engine's, and how they compare. */
async function runBoth(ctx: SuiteContext, scenario: Scenario, seed: number) {
  const [real, eng] = await both(
    ctx,
    () => withSlot((slot) => runReal(scenario, { slot })),
    () => ctx.engine.run(scenario, seed),
  );
  const cmp = 'trace' in eng ? compareWithDigests(real.trace, eng.trace) : null;
  return { real, eng, cmp };
}

export async function randomCase(ctx: SuiteContext, seed: number): Promise<CaseResult> {
  const t0 = Date.now();
  const plan = generate(seed);
  const scenario = materialize(plan);
  const { real, eng, cmp } = await runBoth(ctx, scenario, seed);
  const result: CaseResult = {
    kind: 'random',
    name: scenario.name,
    seed,
    outcomes: real.trace.outcome.line ?? '',
    checks: [realCheck(real.problems)],
    ms: 0,
  };
  if (ctx.checkReal) {
    const again = await withSlot((slot) => runReal(scenario, { slot }));
    const check = versus('real vs real', real.trace, again.trace);
    result.checks.push(check);
    if (!check.ok) saveUnreproducible(ctx, scenario, real.trace, again.trace);
  }
  if (!cmp) {
    if (!ctx.realOnly)
      result.checks.push({ name: 'engine', ok: false, note: 'error' in eng ? eng.error.split('\n')[0] : '' });
  } else {
    const check: Check = {
      name: 'engine vs real',
      ok: cmp.diffs.length === 0,
      compared: cmp.compared,
      diffs: cmp.diffs,
    };
    result.checks.push(check);
    if (!check.ok && real.problems.length === 0 && ctx.alone)
      await investigate(ctx, plan, scenario, real.trace, (eng as { trace: Trace }).trace, result, check);
  }
  result.ms = Date.now() - t0;
  return result;
}

function saveUnreproducible(ctx: SuiteContext, scenario: Scenario, a: Trace, b: Trace): void {
  const base = `${ctx.outDir}/unreproducible-${scenario.name.replace(/^random-/, '')}`;
  save(`${base}.json`, scenario);
  save(`${base}.run1.trace.json`, a);
  save(`${base}.run2.trace.json`, b);
}

/** A divergent sequence: is the real run reproducible? Then shrink it and write it out. */
async function investigate(
  ctx: SuiteContext,
  plan: Plan,
  scenario: Scenario,
  realTrace: Trace,
  engineTrace: Trace,
  result: CaseResult,
  check: Check,
): Promise<void> {
  const seed = plan.seed;
  ctx.log(`divergence: random sequence seed ${seed} (${check.diffs!.length} divergences)`);
  const again = await withSlot((slot) => runReal(scenario, { slot }));
  const rr = compareWithDigests(realTrace, again.trace);
  if (rr.diffs.length && compareWithDigests(again.trace, engineTrace).diffs.length === 0) {
    // Real Redis itself answered two ways (a timer landed in another step: on a saturated
    // machine even a run alone can be late) and the engine gave one of them: the difference did
    // not repeat, so it is no divergence. Kept visible: the note, and the unreproducible files.
    const first = check.diffs![0];
    check.ok = true;
    check.note = `real Redis differed between two runs here (first: s${first.step ?? '-'} ${first.node ?? ''} ${first.field}); the engine matches the second`;
    check.diffs = [];
    result.checks.push({
      name: 'real vs real',
      ok: true,
      compared: rr.compared,
      note: 'not reproducible on this machine (timing): see unreproducible-*',
    });
    saveUnreproducible(ctx, scenario, realTrace, again.trace);
    return;
  }
  if (rr.diffs.length) {
    result.checks.push({
      name: 'real vs real',
      ok: false,
      compared: rr.compared,
      diffs: rr.diffs,
      note: 'the real run is not reproducible: a harness/generator bug, not an engine divergence',
    });
    saveUnreproducible(ctx, scenario, realTrace, again.trace);
    return;
  }
  let best: {
    actions: Action[];
    scenario: Scenario;
    real: Trace;
    engine: Trace;
    diffs: Divergence[];
  } | null = null;
  if (Date.now() < ctx.shrinkDeadline && ctx.shrinksLeft > 0) {
    ctx.shrinksLeft--;
    const fails = async (actions: Action[]) => {
      const s = materialize(plan, actions);
      const r = await runBoth(ctx, s, seed);
      if (!r.cmp || r.cmp.diffs.length === 0 || r.real.problems.length) return false;
      if (!best || actions.length < best.actions.length)
        best = {
          actions,
          scenario: s,
          real: r.real.trace,
          engine: (r.eng as { trace: Trace }).trace,
          diffs: r.cmp.diffs,
        };
      return true;
    };
    const s = await shrink(plan.actions, fails, { maxTrials: 14, deadline: ctx.shrinkDeadline });
    ctx.log(`shrunk seed ${seed}: ${plan.actions.length} → ${s.items.length} actions in ${s.trials} trials`);
  }
  const final = best ?? { scenario, real: realTrace, diffs: check.diffs! };
  const name = `failing-${seed}`;
  const file = `${ctx.outDir}/${name}.json`;
  save(file, {
    ...final.scenario,
    name,
    description: `${final.scenario.description} Diverges from real Redis 7.0.15: rerun with npm run conformance -- --replay ${seed}, or run this file with --file.`,
  });
  save(`${ctx.outDir}/${name}.real.trace.json`, final.real);
  if ('engine' in final) save(`${ctx.outDir}/${name}.engine.trace.json`, final.engine);
  result.failingFile = file;
  ctx.log(
    `seed ${seed}: shortest diverging sequence written to ${file}\n${formatDiffTable(final.diffs, 'real', 'engine', 12)}`,
  );
}
