// `npm run conformance`: real redis-server 7.0.15 is the judge. Every scenarios/*.json runs on
// real Redis and in the engine (src/engine/index.ts runScenario); then random differential
// sequences do the same. Several clusters run side by side, each on its own loopback port range;
// scenarios whose real run depends on wall-clock time (timing.ts) run alone first. A case whose
// real side fails (a divergence, a failed run) is re-run alone at the end, and only a failure
// that repeats counts: the report lists the cases that passed only on their alone re-run.
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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { EngineClient } from './engine/client.ts';
import { realSkipReason } from './era-skip.ts';
import { sequenceSeed } from './random/prng.ts';
import { cleanupAll } from './real/cleanup.ts';
import { reapStaleSlots } from './real/slots.ts';
import { failureDetails, passedFailed, rerunReport, summaryTable } from './report.ts';
import { scenarioFiles } from './scenario-files.ts';
import { runAll, type Task } from './schedule.ts';
import { type CaseResult, randomCase, type SuiteContext, scenarioCase } from './suite.ts';
import { timingSensitive } from './timing.ts';

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

/** The scenario files to run (scenario-files.ts: the lab's and the probes). */
function selectedScenarios(): string[] {
  return scenarioFiles()
    .filter(({ name }) => !only || only.includes(name))
    .map(({ file }) => file);
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
  let skipped = 0;
  // One context per phase: shrinking (alone only) counts down on the alone one.
  const aloneCtx: SuiteContext = { ...ctx, alone: true };
  const at = (alone: boolean) => (alone ? aloneCtx : ctx);
  const fileSkip = file ? realSkipReason(JSON.parse(readFileSync(file, 'utf8')) as Scenario) : null;
  if (file && fileSkip) console.log(`skipped ${file}: ${fileSkip}`);
  else if (file)
    tasks.push({ label: file, weight: 1, exclusive: true, run: (a) => scenarioCase(at(a), file, false) });
  else if (replay)
    tasks.push({
      label: `random-${replay}`,
      weight: 1,
      exclusive: true,
      run: (a) => randomCase(at(a), Number(replay)),
    });
  else {
    for (const f of selectedScenarios()) {
      const scenario = JSON.parse(readFileSync(f, 'utf8')) as Scenario;
      const skip = realSkipReason(scenario);
      if (skip) {
        console.log(`skipped ${scenario.name}: ${skip}`);
        skipped++;
        continue;
      }
      const exclusive = timingSensitive(scenario);
      tasks.push({ label: f, weight: 1e6, exclusive, run: (a) => scenarioCase(at(a), f) });
    }
    for (let k = 0; k < randomN; k++) {
      const s = sequenceSeed(seed, k);
      tasks.push({ label: `random-${s}`, weight: randomN - k, run: (a) => randomCase(at(a), s) });
    }
  }
  console.log(
    `running ${tasks.length} cases, ${jobs} clusters at a time${randomN ? `, random seed ${seed}` : ''}`,
  );
  const results = await runAll(tasks, jobs, (l) => console.log(l));
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
  const reruns = rerunReport(results);
  if (reruns) console.log(`\n${reruns}`);
  const rerunCount = results.filter((c) => c.firstRun !== undefined).length;
  const nScen = results.filter((c) => c.kind === 'scenario').length;
  const nRand = results.length - nScen;
  console.log(
    `\nconformance: ${passed} passed, ${failed} failed — ${nScen} scenarios, ${nRand} random sequences (${replay ? `replay of seed ${replay}` : `seed ${seed}`}), ${divergences} divergences, ${rerunCount} re-run alone, ${skipped} skipped (older eras), ${secs.toFixed(0)} s`,
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
          rerunAlone: rerunCount,
          engine: why ? `not available: ${why.split('\n')[0]}` : 'available',
          cases: results.map((c) => ({
            name: c.name,
            kind: c.kind,
            seed: c.seed,
            outcomes: c.outcomes,
            seconds: +(c.ms / 1000).toFixed(1),
            failingFile: c.failingFile,
            firstRun: c.firstRun,
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
