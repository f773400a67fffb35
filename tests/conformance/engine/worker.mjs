// Worker-thread entry: a worker does not inherit tsx's loader, so register it, then load the
// TypeScript side. The engine runs here, off the main thread, so its CPU time never delays the
// real-Redis runs' timers and polls.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
