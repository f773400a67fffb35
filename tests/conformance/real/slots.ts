// Port slots: each concurrent real run owns one slot, i.e. one loopback port range for its nodes
// (7101+1000k, 7102+1000k, …) and one for its proxies (7201+1000k, …). Slot 0 gives the ports of
// the recorded traces. A slot is held through a lock file in the temp dir naming the owner PID and
// the redis-server PIDs it started, so that another conformance run on the same machine picks
// another slot, and a run that died (SIGKILL) leaves nothing behind: the next owner kills the
// leftover processes by PID (after checking they are redis-server processes on that slot's ports).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { killPid, onCleanup } from './cleanup.ts';

const LOCK_DIR = join(os.tmpdir(), 'psync-conformance-slots');
export const MAX_SLOTS = 24;
const NODE_PORTS = 12;
const PROXY_PORTS = 24;

export interface Slot {
  index: number;
  /** Node i (0-based, declaration order) listens on nodeBase + 1 + i. */
  nodeBase: number;
  /** The k-th proxy created in a run listens on proxyBase + 1 + k. */
  proxyBase: number;
  addPid(pid: number): void;
  removePid(pid: number): void;
  addDir(dir: string): void;
  removeDir(dir: string): void;
  release(): void;
}

interface LockContent {
  owner: number;
  pids: number[];
  /** Temp dirs of the owner's clusters on this slot. */
  dirs?: string[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A live redis-server on one of this slot's node ports (its title reads `redis-server 127.0.0.1:<port>`). */
function isOurRedis(pid: number, nodeBase: number): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    if (!cmd.includes('redis-server')) return false;
    const m = /127\.0\.0\.1:(\d+)/.exec(cmd) ?? /--port (\d+)/.exec(cmd);
    const port = Number(m?.[1]);
    return port > nodeBase && port <= nodeBase + NODE_PORTS;
  } catch {
    return false;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: '127.0.0.1', port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

async function portsFree(nodeBase: number): Promise<boolean> {
  const ports: number[] = [];
  for (let i = 1; i <= NODE_PORTS; i++) ports.push(nodeBase + i);
  for (let i = 1; i <= PROXY_PORTS; i++) ports.push(nodeBase + 100 + i);
  for (const p of ports) if (!(await portFree(p))) return false;
  return true;
}

/** What a run that died without cleaning up left on a slot: its processes (by PID) and dirs. */
function reapLeftovers(old: LockContent, nodeBase: number): void {
  for (const pid of old.pids ?? []) if (isOurRedis(pid, nodeBase)) killPid(pid);
  for (const d of old.dirs ?? []) if (/psync-real-/.test(d)) rmSync(d, { recursive: true, force: true });
}

/** Cleans every slot whose owner is gone (call once at start). */
export function reapStaleSlots(): number {
  let n = 0;
  for (let index = 0; index < MAX_SLOTS; index++) {
    const file = join(LOCK_DIR, `slot-${index}.json`);
    let old: LockContent;
    try {
      old = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (old.owner === process.pid || alive(old.owner)) continue;
    reapLeftovers(old, 7100 + 1000 * index);
    rmSync(file, { force: true });
    n++;
  }
  return n;
}

/** Takes the lock file of slot `index` if free or stale; null when another live run holds it. */
function tryLock(index: number, nodeBase: number): string | null {
  mkdirSync(LOCK_DIR, { recursive: true });
  const file = join(LOCK_DIR, `slot-${index}.json`);
  const mine: LockContent = { owner: process.pid, pids: [] };
  try {
    writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
    return file;
  } catch {
    // exists: stale?
  }
  let old: LockContent;
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // being written by someone else right now
  }
  if (old.owner === process.pid || alive(old.owner)) return null;
  reapLeftovers(old, nodeBase);
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(mine));
  renameSync(tmp, file);
  const now: LockContent = JSON.parse(readFileSync(file, 'utf8'));
  return now.owner === process.pid ? file : null;
}

/** The lowest free slot at or after `from`. */
export async function acquireSlot(from = 0): Promise<Slot> {
  for (let n = 0; n < MAX_SLOTS; n++) {
    const index = (from + n) % MAX_SLOTS;
    const nodeBase = 7100 + 1000 * index;
    const file = tryLock(index, nodeBase);
    if (!file) continue;
    if (!(await portsFree(nodeBase))) {
      rmSync(file, { force: true });
      continue;
    }
    const content: LockContent = { owner: process.pid, pids: [], dirs: [] };
    const save = () => writeFileSync(file, JSON.stringify(content));
    const unhook = onCleanup(() => rmSync(file, { force: true }));
    return {
      index,
      nodeBase,
      proxyBase: nodeBase + 100,
      addPid(pid) {
        content.pids.push(pid);
        save();
      },
      removePid(pid) {
        content.pids = content.pids.filter((p) => p !== pid);
        save();
      },
      addDir(dir) {
        content.dirs = [...(content.dirs ?? []), dir];
        save();
      },
      removeDir(dir) {
        content.dirs = (content.dirs ?? []).filter((d) => d !== dir);
        save();
      },
      release() {
        unhook();
        rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`no free port slot (all ${MAX_SLOTS} in use or busy)`);
}
