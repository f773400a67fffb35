// The engine, as the suite sees it: `runScenario(scenario, { seed })` from src/engine/index.ts,
// run in a worker thread (see worker.mjs). If the engine cannot be loaded, every run answers
// { error: 'engine not available: …' } and the suite reports those as failures.
import { Worker } from 'node:worker_threads';
import type { Scenario, Trace } from '../../../src/engine/scenario/types.ts';

export type EngineResult = { trace: Trace; ms: number } | { error: string; ms: number };

const RUN_TIMEOUT_MS = 120_000;

export class EngineClient {
  private worker: Worker | null = null;
  private ready: Promise<string | null> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: { trace?: Trace; error?: string }) => void>();

  /** `disabled`: every run answers "engine left out" (real-only runs). */
  constructor(private readonly disabled = false) {}

  /** null when the engine loaded, else why not. */
  availability(): Promise<string | null> {
    if (!this.ready) this.ready = this.disabled ? Promise.resolve('left out (--real-only)') : this.spawn();
    return this.ready;
  }

  async run(scenario: Scenario, seed = 1): Promise<EngineResult> {
    const t0 = Date.now();
    const why = await this.availability();
    if (why) return { error: `engine not available: ${why}`, ms: 0 };
    const id = this.nextId++;
    const r = await new Promise<{ trace?: Trace; error?: string }>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ error: `engine timeout after ${RUN_TIMEOUT_MS} ms` });
        this.restart();
      }, RUN_TIMEOUT_MS);
      this.pending.set(id, (x) => {
        clearTimeout(timer);
        resolve(x);
      });
      this.worker!.postMessage({ id, scenario, seed });
    });
    const ms = Date.now() - t0;
    return r.trace ? { trace: r.trace, ms } : { error: r.error ?? 'no trace', ms };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): Promise<string | null> {
    return new Promise((resolve) => {
      const w = new Worker(new URL('./worker.mjs', import.meta.url));
      this.worker = w;
      w.unref();
      w.on('message', (m: { ready?: boolean; error?: string; id?: number; trace?: Trace }) => {
        if (m.id === undefined) return resolve(m.ready ? null : (m.error ?? 'unknown'));
        this.pending.get(m.id)?.(m);
        this.pending.delete(m.id);
      });
      w.on('error', (e) => {
        resolve(e.message);
        for (const p of this.pending.values()) p({ error: `engine worker crashed: ${e.message}` });
        this.pending.clear();
      });
    });
  }

  private restart(): void {
    const old = this.worker;
    this.ready = null;
    this.worker = null;
    void old?.terminate();
    for (const p of this.pending.values()) p({ error: 'engine worker restarted' });
    this.pending.clear();
  }
}
