// Starting the simulation worker in the hosted build: its own script file next to the page.
// The single-file build swaps this module for spawn-worker.inline.ts (vite.config.ts).
import type { Port } from './transport.ts';

export function spawnWorker(): Port {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as Port;
}
