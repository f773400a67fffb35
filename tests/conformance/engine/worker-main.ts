// The engine side of the conformance suite, inside a worker thread. Protocol:
//   → { id, scenario, seed }      ← { id, trace } | { id, error }
//   ← first message: { ready: true } or { ready: false, error } when the engine cannot be loaded.
import { parentPort } from 'node:worker_threads';
import type { Scenario, Trace } from '../../../src/engine/scenario/types.ts';

type RunScenario = (s: Scenario, opts?: { seed?: number }) => Trace | Promise<Trace>;

const port = parentPort!;
let run: RunScenario | null = null;
try {
  const mod = (await import('../../../src/engine/index.ts')) as { runScenario?: RunScenario };
  if (typeof mod.runScenario !== 'function') throw new Error('src/engine/index.ts has no runScenario export');
  run = mod.runScenario;
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: (e as Error).message ?? String(e) });
}

port.on('message', async (m: { id: number; scenario: Scenario; seed: number }) => {
  if (!run) return port.postMessage({ id: m.id, error: 'engine not available' });
  try {
    const trace = await run(m.scenario, { seed: m.seed });
    port.postMessage({ id: m.id, trace });
  } catch (e) {
    port.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
