// Starting the draw worker in the hosted build: its own script file (a chunk of its own, not part
// of the first load). The single-file build swaps this module for spawn-draw.inline.ts (vite.config.ts).
export function spawnDrawWorker(): Worker {
  return new Worker(new URL('./draw.worker.ts', import.meta.url), { type: 'module' });
}
