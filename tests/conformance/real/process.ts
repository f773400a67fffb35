// One redis-server process: started with all configuration on the command line (so it survives
// restarts in the same dir), tracked by PID for cleanup, stopped only through its own PID.
import { type ChildProcess, spawn } from 'node:child_process';
import { trackPid, untrackPid } from './cleanup.ts';
import { isErrorReply, RespClient } from './resp.ts';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  stderr: string;
}

/** `--name value` pairs; a value with spaces becomes several arguments, as in a config file. */
export function configArgs(config: Record<string, string>): string[] {
  const args: string[] = [];
  for (const [k, v] of Object.entries(config)) {
    args.push(`--${k}`);
    if (v === '') args.push('');
    else args.push(...v.split(/\s+/));
  }
  return args;
}

export class RedisProcess {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  exit: ExitInfo | null = null;
  private stderr = '';

  private constructor(
    child: ChildProcess,
    readonly port: number,
  ) {
    this.pid = child.pid!;
    trackPid(this.pid);
    child.stderr?.on('data', (d) => {
      if (this.stderr.length < 4000) this.stderr += d.toString();
    });
    child.stdout?.resume();
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        untrackPid(this.pid);
        this.exit = { code, signal, stderr: this.stderr.trim() };
        resolve(this.exit);
      });
    });
  }

  static start(opts: { port: number; dir: string; args: string[] }): RedisProcess {
    const child = spawn(REDIS_SERVER, ['--port', String(opts.port), ...opts.args], {
      cwd: opts.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.on('error', () => {}); // reported below (no pid) or through the exit
    if (!child.pid)
      throw new Error(`cannot start ${REDIS_SERVER} (is it installed? scripts/ensure.mjs ensureRedis)`);
    return new RedisProcess(child, opts.port);
  }

  get running(): boolean {
    return this.exit === null;
  }

  signal(sig: NodeJS.Signals): void {
    if (this.running) process.kill(this.pid, sig);
  }

  /** Polls PING until PONG (not -LOADING); throws if the process exits or `timeoutMs` passes. */
  async waitReady(password: string | undefined, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`redis-server on ${this.port} exited: ${JSON.stringify(this.exit)}`);
      try {
        const c = await RespClient.connect(this.port, { password, timeoutMs: 2000 });
        const r = await c.call('PING').finally(() => c.close());
        if (r === 'PONG') return;
        last = isErrorReply(r) ? r.error : String(r);
      } catch (e) {
        last = (e as Error).message;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`redis-server on ${this.port} not ready after ${timeoutMs} ms: ${last}`);
  }

  /** SIGKILL (works on a stopped process too) and wait for the exit. */
  async kill(): Promise<void> {
    if (this.running) process.kill(this.pid, 'SIGKILL');
    await this.exited;
  }
}
