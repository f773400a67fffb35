// The order a conformance run goes in: timing-sensitive cases alone, then the rest `jobs` at a
// time, then an alone re-run of every case whose real side failed (see runAll).
import { type CaseResult, failedOnRealSide, failureLine } from './suite.ts';

/**
 * `exclusive`: runs alone, before the others (timing.ts). `run(alone)`: alone = no other cluster
 * is running (the exclusive phase and the re-run phase).
 */
export type Task = {
  label: string;
  weight: number;
  exclusive?: boolean;
  run: (alone: boolean) => Promise<CaseResult>;
};

function harnessFailure(label: string, e: unknown): CaseResult {
  return {
    kind: 'scenario',
    name: label,
    outcomes: '',
    checks: [{ name: 'harness', ok: false, note: String(e) }],
    ms: 0,
  };
}

/**
 * Runs the exclusive tasks one by one, then the others `jobs` at a time, heaviest first; then
 * re-runs alone, one by one, every case that failed a real-side check. A busy machine (other
 * clusters, other processes) can delay a real run's timers so that an effect lands in another
 * step; a difference that is real repeats on an idle machine, so only the alone re-run's result
 * counts — and the report says which cases passed only then (`firstRun`).
 */
export async function runAll(
  tasks: Task[],
  jobs: number,
  log: (line: string) => void,
): Promise<CaseResult[]> {
  const alone = tasks.filter((t) => t.exclusive);
  const queue = tasks.filter((t) => !t.exclusive).sort((a, b) => b.weight - a.weight);
  const results = new Map<Task, CaseResult>();
  let done = 0;
  const runOne = async (t: Task, solo: boolean, tag: string) => {
    let r: CaseResult;
    try {
      r = await t.run(solo);
    } catch (e) {
      r = harnessFailure(t.label, e);
    }
    const bad = r.checks.filter((c) => !c.ok).map((c) => c.name);
    log(
      `${tag} ${r.name.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${bad.length ? `FAIL: ${bad.join(', ')}` : 'ok'}`,
    );
    return r;
  };
  const worker = async (from: Task[], solo: boolean) => {
    for (let t = from.shift(); t; t = from.shift()) {
      const n = ++done;
      results.set(t, await runOne(t, solo, `[${String(n).padStart(3)}/${tasks.length}]`));
    }
  };
  await worker(alone, true);
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, () => worker(queue, false)));
  const again = tasks.filter((t) => failedOnRealSide(results.get(t)!));
  if (again.length) log(`re-running ${again.length} failed case(s) alone`);
  for (const t of again) {
    const first = results.get(t)!;
    // A timing-sensitive case (exclusive) already ran alone: on a machine whose cores are saturated
    // by other work its timers can still be late, so it gets one more alone try than the others.
    let r = first;
    for (let k = 0; k < (t.exclusive ? 2 : 1) && failedOnRealSide(r); k++)
      r = await runOne(t, true, '[alone  ]');
    r.firstRun = failureLine(first);
    results.set(t, r);
  }
  return tasks.map((t) => results.get(t)!);
}
