// Starting the simulation worker in the single-file build: its code is a string inside the page,
// started from a blob: URL (Vite's `?worker&inline`), since a file:// page has no worker file to load.
import SimWorker from '../worker/sim.worker.ts?worker&inline';
import type { Port } from './transport.ts';

export function spawnWorker(): Port {
  return new SimWorker() as unknown as Port;
}
