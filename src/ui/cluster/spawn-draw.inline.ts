// Starting the draw worker in the single-file build: its code is a string inside the page, started
// from a blob: URL (Vite's `?worker&inline`), as the simulation worker is (store/spawn-worker.inline.ts).
import DrawWorker from './draw.worker.ts?worker&inline';

export function spawnDrawWorker(): Worker {
  return new DrawWorker();
}
