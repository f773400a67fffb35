// `npm run conformance`: real redis-server 7.0.15 is the judge. Every scenarios/*.json runs on
// real Redis and in the engine (src/engine/index.ts runScenario); then random differential
// sequences do the same. Several clusters run side by side, each on its own loopback port range.
// Exit 1 on any divergence or failed run.
//
//   --summary FILE   write { passed, failed, … } as JSON (scripts/test.mjs reads it)
//   --random N       random sequences (default 200)
//   --seed S         base seed of the random sequences (default 1); sequence k uses seed f(S, k)
//   --replay SEED    run just the random sequence with that exact (per-sequence) seed
//   --only A,B       only these scenarios (names; `random` = the random sequences)
//   --file F         run a scenario file (e.g. out/conformance/failing-<seed>.json)
//   --jobs K         clusters at a time (default 8)
//   --check-real     also run each random sequence twice on real Redis and compare the two runs
//   --real-only      leave the engine out (harness self-check, with --check-real)
//   --budget SECS    no shrinking is started after this many seconds (default 480)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { EngineClient } from './engine/client.ts';
import { sequenceSeed } from './random/prng.ts';
import { cleanupAll } from './real/cleanup.ts';
import { reapStaleSlots } from './real/slots.ts';
import { failureDetails, passedFailed, summaryTable } from './report.ts';
import { type CaseResult, randomCase, type SuiteContext, scenarioCase } from './suite.ts';

const ROOT = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--only')?.split(',');
const file = opt('--file');
const replay = opt('--replay');
const jobs = Number(opt('--jobs') ?? 8);
const seed = Number(opt('--seed') ?? 1);
const randomN = Number(opt('--random') ?? (only && !only.includes('random') ? 0 : 200));
const budgetS = Number(opt('--budget') ?? 480);
const summaryFile = opt('--summary');
const t0 = Date.now();

const outDir = join(ROOT, 'out/conformance');
mkdirSync(outDir, { recursive: true });

/** `exclusive`: runs alone, before the others (see timingSensitive). */
type Task = { label: string; weight: number; exclusive?: boolean; run: () => Promise<CaseResult> };

/**
 * With periodic PINGs in the stream (repl-ping-replica-period below the base 3600 s), offsets
 * grow with wall-clock time, so how many PINGs a step sees depends on how fast the harness runs
 * relative to each node's 1 Hz timers: such a scenario runs alone, on an otherwise idle machine,
 * as its reference trace was recorded.
 */
function timingSensitive(file: string): boolean {
  const s: Scenario = JSON.parse(readFileSync(file, 'utf8'));
  const configs = [s.config ?? {}, ...Object.values(s.nodes).map((n) => n.config ?? {})];
  return configs.some(
    (c) => c['repl-ping-replica-period'] !== undefined && Number(c['repl-ping-replica-period']) < 3600,
  );
}

function scenarioFiles(): string[] {
  const dir = join(ROOT, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
    .filter((f) => !only || only.includes(f.replace(/\.json$/, '')))
    .map((f) => join(dir, f));
}

/** Runs the exclusive tasks one by one, then the others `jobs` at a time, heaviest first. */
async function runAll(tasks: Task[]): Promise<CaseResult[]> {
  const alone = tasks.filter((t) => t.exclusive);
  const queue = tasks.filter((t) => !t.exclusive).sort((a, b) => b.weight - a.weight);
  const results: CaseResult[] = [];
  let done = 0;
  const worker = async (from: Task[]) => {
    for (let t = from.shift(); t; t = from.shift()) {
      let r: CaseResult;
      try {
        r = await t.run();
      } catch (e) {
        r = {
          kind: 'scenario',
          name: t.label,
          outcomes: '',
          checks: [{ name: 'harness', ok: false, note: String(e) }],
          ms: 0,
        };
      }
      results.push(r);
      done++;
      const bad = r.checks.filter((c) => !c.ok).map((c) => c.name);
      console.log(
        `[${String(done).padStart(3)}/${tasks.length}] ${r.name.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${bad.length ? `FAIL: ${bad.join(', ')}` : 'ok'}`,
      );
    }
  };
  await worker(alone);
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, () => worker(queue)));
  return results;
}

async function main(): Promise<number> {
  const reaped = reapStaleSlots();
  if (reaped) console.log(`cleaned ${reaped} port slot(s) left by a run that was killed`);
  const engine = new EngineClient(args.includes('--real-only'));
  const why = await engine.availability();
  console.log(`engine: ${why ? `NOT AVAILABLE (${why.split('\n')[0]})` : 'src/engine/index.ts runScenario'}`);
  const ctx: SuiteContext = {
    engine,
    outDir,
    shrinkDeadline: t0 + budgetS * 1000,
    shrinksLeft: 8,
    checkReal: args.includes('--check-real'),
    realOnly: args.includes('--real-only'),
    log: (l) => console.log(l),
  };
  const tasks: Task[] = [];
  if (file) tasks.push({ label: file, weight: 1, run: () => scenarioCase(ctx, file, false) });
  else if (replay)
    tasks.push({ label: `random-${replay}`, weight: 1, run: () => randomCase(ctx, Number(replay)) });
  else {
    for (const f of scenarioFiles())
      tasks.push({ label: f, weight: 1e6, exclusive: timingSensitive(f), run: () => scenarioCase(ctx, f) });
    for (let k = 0; k < randomN; k++) {
      const s = sequenceSeed(seed, k);
      tasks.push({ label: `random-${s}`, weight: randomN - k, run: () => randomCase(ctx, s) });
    }
  }
  console.log(
    `running ${tasks.length} cases, ${jobs} clusters at a time${randomN ? `, random seed ${seed}` : ''}`,
  );
  const results = await runAll(tasks);
  await engine.close();

  const order = (c: CaseResult) =>
    c.kind === 'scenario' ? `0${c.name}` : `1${String(c.seed).padStart(10, '0')}`;
  results.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  const { passed, failed } = passedFailed(results);
  const divergences = results.reduce(
    (a, c) => a + c.checks.reduce((b, k) => b + (k.diffs?.length ?? 0), 0),
    0,
  );
  const secs = (Date.now() - t0) / 1000;
  console.log(`\n${summaryTable(results)}`);
  const details = failureDetails(results);
  if (details) console.log(`\n${details}`);
  const nScen = results.filter((c) => c.kind === 'scenario').length;
  const nRand = results.length - nScen;
  console.log(
    `\nconformance: ${passed} passed, ${failed} failed — ${nScen} scenarios, ${nRand} random sequences (${replay ? `replay of seed ${replay}` : `seed ${seed}`}), ${divergences} divergences, ${secs.toFixed(0)} s`,
  );
  if (summaryFile)
    writeFileSync(
      summaryFile,
      `${JSON.stringify(
        {
          passed,
          failed,
          divergences,
          scenarios: nScen,
          randomSequences: nRand,
          seed,
          jobs,
          seconds: Math.round(secs),
          engine: why ? `not available: ${why.split('\n')[0]}` : 'available',
          cases: results.map((c) => ({
            name: c.name,
            kind: c.kind,
            seed: c.seed,
            outcomes: c.outcomes,
            seconds: +(c.ms / 1000).toFixed(1),
            failingFile: c.failingFile,
            checks: c.checks.map((k) => ({
              name: k.name,
              ok: k.ok,
              compared: k.compared,
              divergences: k.diffs?.length,
              note: k.note,
              first: k.diffs?.slice(0, 5),
            })),
          })),
        },
        null,
        1,
      )}\n`,
    );
  return failed ? 1 : 0;
}

main()
  .then((code) => {
    cleanupAll();
    process.exit(code);
  })
  .catch((e) => {
    console.error(e);
    cleanupAll();
    process.exit(1);
  });
