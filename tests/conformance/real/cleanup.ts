// Everything the harness starts is registered here by PID (processes) or path (temp dirs), so it
// is stopped and removed on a normal exit, on SIGINT/SIGTERM/SIGHUP and on an uncaught error.
// Processes are killed by their own PID only (SIGKILL also ends a SIGSTOPped process).
import { rmSync } from 'node:fs';

const pids = new Set<number>();
const dirs = new Set<string>();
const hooks = new Set<() => void>();
let installed = false;

export function trackPid(pid: number): void {
  install();
  pids.add(pid);
}
export function untrackPid(pid: number): void {
  pids.delete(pid);
}
export function trackDir(dir: string): void {
  install();
  dirs.add(dir);
}
export function untrackDir(dir: string): void {
  dirs.delete(dir);
}
/** A synchronous hook run at cleanup (e.g. releasing a port-slot lock file). */
export function onCleanup(fn: () => void): () => void {
  install();
  hooks.add(fn);
  return () => hooks.delete(fn);
}

export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills every tracked process, removes every tracked dir, runs the hooks. Idempotent. */
export function cleanupAll(): void {
  for (const pid of pids) killPid(pid);
  pids.clear();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
  for (const h of hooks) {
    try {
      h();
    } catch {
      // best effort
    }
  }
  hooks.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupAll);
  const onSignal = (sig: NodeJS.Signals, code: number) => () => {
    console.error(`\n[conformance] ${sig}: stopping ${pids.size} redis-server process(es)`);
    cleanupAll();
    process.exit(code);
  };
  process.on('SIGINT', onSignal('SIGINT', 130));
  process.on('SIGTERM', onSignal('SIGTERM', 143));
  process.on('SIGHUP', onSignal('SIGHUP', 129));
  process.on('uncaughtException', (e) => {
    console.error('[conformance] uncaught exception:', e);
    cleanupAll();
    process.exit(1);
  });
  process.on('unhandledRejection', (e) => {
    console.error('[conformance] unhandled rejection:', e);
    cleanupAll();
    process.exit(1);
  });
}
