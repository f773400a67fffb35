// The live processes of one real run: nodes (process, dir, log, clients, the harness's view of
// whom each replicates from) and the link proxies. Ports come from the run's slot; dirs from a
// fresh temp dir. Knows nothing about steps: ops.ts drives it.
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { BASE_CONFIG } from '../../../src/engine/lab/lab.ts';
import type { Scenario } from '../../../src/engine/scenario/types.ts';
import { trackDir, untrackDir } from './cleanup.ts';
import { type InfoSection, parseInfoSection } from './info.ts';
import { LogTail } from './logs.ts';
import { configArgs, RedisProcess } from './process.ts';
import { LinkProxy, type ProxyTrace } from './proxy.ts';
import { isErrorReply, RespClient } from './resp.ts';
import type { Slot } from './slots.ts';

/** The base configuration of every node (spec: scenarios.md), before scenario and node config. */

export type NodeState = 'running' | 'stopped' | 'down';

/**
 * Where node dirs go: $CONFORMANCE_TMPDIR, else /dev/shm (tmpfs) when writable, else the OS temp
 * dir. On tmpfs a replica writes and fsyncs its received RDB in microseconds, as on a fast disk:
 * how long a replica takes to load decides whether its first ACK reaches the master before the
 * master has noticed the transfer child exit (then the stream starts only with the next periodic
 * ACK, a second later, as in the recorded traces), and a slow virtual disk makes that a coin toss.
 */
function nodeDirBase(): string {
  if (process.env.CONFORMANCE_TMPDIR) return process.env.CONFORMANCE_TMPDIR;
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export interface NodeRt {
  name: string;
  index: number;
  port: number;
  dir: string;
  /** The configuration it starts with (command line): survives restarts. */
  config: Record<string, string>;
  /** The configuration in effect: `config` plus CONFIG SETs since the last start. */
  runtime: Record<string, string>;
  proc: RedisProcess | null;
  state: NodeState;
  /** Whom the node replicates from, as the harness configured it (null = master). */
  master: string | null;
  /** requirepass as last configured (harness clients AUTH with it). */
  password?: string;
  log: LogTail;
  /** Log lines already shown in a snapshot. */
  snapCursor: number;
  /** Bumped at every start: INFO stats restart from zero with a new process. */
  incarnation: number;
  /** Replica whose link was cut by sigstop-kill (frozen until reconnect-link). */
  frozenCut: boolean;
  control: RespClient | null;
  writers: Map<number, RespClient>;
}

export class Cluster {
  readonly nodes = new Map<string, NodeRt>();
  readonly order: string[];
  readonly root: string;
  private readonly proxies = new Map<string, LinkProxy>();
  private readonly proxyByPair = new Map<string, LinkProxy>();

  constructor(
    readonly scenario: Scenario,
    readonly slot: Slot,
    /** Milliseconds since the run started (trace `atMs`). */
    readonly clock: () => number,
  ) {
    this.root = mkdtempSync(join(nodeDirBase(), `psync-real-${slot.index}-`));
    trackDir(this.root);
    slot.addDir(this.root);
    this.order = Object.keys(scenario.nodes);
    this.order.forEach((name, index) => {
      const dir = join(this.root, name);
      mkdirSync(dir);
      const spec = scenario.nodes[name];
      const config = { ...BASE_CONFIG, ...(scenario.config ?? {}), ...(spec.config ?? {}) };
      this.nodes.set(name, {
        name,
        index,
        port: slot.nodeBase + 1 + index,
        dir,
        config,
        runtime: { ...config },
        proc: null,
        state: 'down',
        master: spec.replicaof ?? null,
        password: config.requirepass || undefined,
        log: new LogTail(join(dir, 'redis.log')),
        snapCursor: 0,
        incarnation: 0,
        frozenCut: false,
        control: null,
        writers: new Map(),
      });
    });
  }

  node(name: string): NodeRt {
    const n = this.nodes.get(name);
    if (!n) throw new Error(`unknown node ${name}`);
    return n;
  }

  /**
   * How `name` appears in its master's slaveN lines and log lines: replica-announce-ip /
   * replica-announce-port as configured (the master learns them at the next handshake), else
   * 127.0.0.1 and its own port. `isListed` also accepts the own port, so a listing from before a
   * CONFIG SET of the announced port still counts.
   */
  announced(name: string): { ip: string; port: number; isListed: (s: { port: number }) => boolean } {
    const n = this.node(name);
    const port = Number(n.runtime['replica-announce-port'] || 0) || n.port;
    const ip = n.runtime['replica-announce-ip'] || '127.0.0.1';
    return { ip, port, isListed: (s) => s.port === port || s.port === n.port };
  }

  nameOfPort(port: number): string | undefined {
    for (const n of this.nodes.values()) if (n.port === port) return n.name;
    for (const p of this.proxies.values()) if (p.listenPort === port) return p.master;
    return undefined;
  }

  proxied(replica: string): boolean {
    return Boolean(this.scenario.proxyLinks || this.scenario.nodes[replica]?.proxy);
  }

  /** The proxy of the link replica→master (created on first use), or null when not proxied. */
  async proxyFor(replica: string, master: string): Promise<LinkProxy | null> {
    if (!this.proxied(replica)) return null;
    const pair = `${replica}->${master}`;
    let p = this.proxyByPair.get(pair);
    if (!p) {
      const listenPort = this.slot.proxyBase + 1 + this.proxies.size;
      p = new LinkProxy(
        replica,
        master,
        listenPort,
        this.node(master).port,
        this.clock,
        this.scenario.proxyCaptureChunks ?? 60,
      );
      await p.start();
      const key = [...this.proxies.values()].some((x) => x.replica === replica) ? pair : replica;
      this.proxies.set(key, p);
      this.proxyByPair.set(pair, p);
    }
    return p;
  }

  /** The live proxy of a replica's current link, if any. */
  currentProxy(replica: string): LinkProxy | null {
    const m = this.node(replica).master;
    return m ? (this.proxyByPair.get(`${replica}->${m}`) ?? null) : null;
  }

  /** The replica's current link is cut (proxy partition or sigstop-kill). */
  linkCut(replica: string): boolean {
    const n = this.node(replica);
    return n.frozenCut || Boolean(this.currentProxy(replica)?.isCut);
  }

  /** Where a replica must connect to reach `master`: the proxy port when proxied. */
  async masterAddress(replica: string, master: string): Promise<{ port: number; proxied: boolean }> {
    const p = await this.proxyFor(replica, master);
    return p ? { port: p.listenPort, proxied: true } : { port: this.node(master).port, proxied: false };
  }

  files(name: string): string[] {
    return readdirSync(this.node(name).dir).sort();
  }

  /** Starts the node's process (same dir and port as before) and waits until it answers PING. */
  async start(name: string, replicaOf: string | null): Promise<RedisProcess> {
    const n = this.node(name);
    if (n.proc?.running) throw new Error(`${name} is already running`);
    n.master = replicaOf;
    const args = ['--dir', n.dir, '--logfile', join(n.dir, 'redis.log'), ...configArgs(n.config)];
    if (replicaOf) {
      const addr = await this.masterAddress(name, replicaOf);
      args.push('--replicaof', '127.0.0.1', String(addr.port));
    }
    const proc = RedisProcess.start({ port: n.port, dir: n.dir, args });
    this.slot.addPid(proc.pid);
    n.proc = proc;
    n.state = 'running';
    n.incarnation++;
    n.frozenCut = false;
    n.runtime = { ...n.config };
    n.password = n.config.requirepass || undefined;
    this.dropClients(n);
    try {
      await proc.waitReady(n.password);
    } catch (e) {
      n.log.poll();
      throw new Error(`${(e as Error).message}\nlog: ${n.log.lines.slice(-5).join(' | ')}`);
    }
    return proc;
  }

  /** After the process is gone (exit seen). */
  markDown(name: string): void {
    const n = this.node(name);
    n.state = 'down';
    if (n.proc) this.slot.removePid(n.proc.pid);
    this.dropClients(n);
  }

  signal(name: string, sig: 'SIGSTOP' | 'SIGCONT'): void {
    const n = this.node(name);
    if (!n.proc?.running) throw new Error(`${name} is not running`);
    n.proc.signal(sig);
    n.state = sig === 'SIGSTOP' ? 'stopped' : 'running';
  }

  dropClients(n: NodeRt): void {
    n.control?.close();
    n.control = null;
    for (const c of n.writers.values()) c.close();
    n.writers.clear();
  }

  /** The harness's own connection to a running node (INFO, snapshots). */
  async control(name: string): Promise<RespClient> {
    const n = this.node(name);
    if (n.state !== 'running') throw new Error(`${name} is ${n.state}`);
    if (!n.control || n.control.closed)
      n.control = await RespClient.connect(n.port, { password: n.password });
    return n.control;
  }

  /** The persistent client connection writes go through (one per db, like one application client). */
  async writer(name: string, db: number): Promise<RespClient> {
    const n = this.node(name);
    if (n.state !== 'running') throw new Error(`${name} is ${n.state}`);
    let c = n.writers.get(db);
    if (!c || c.closed) {
      c = await RespClient.connect(n.port, { password: n.password });
      if (db !== 0) await c.call('SELECT', String(db));
      n.writers.set(db, c);
    }
    return c;
  }

  async info(name: string, section = 'replication'): Promise<InfoSection> {
    const r = await (await this.control(name)).call('INFO', section);
    if (typeof r !== 'string') throw new Error(`INFO ${section} on ${name}: ${JSON.stringify(r)}`);
    return parseInfoSection(r);
  }

  /** INFO replication of every running node listed, read concurrently. */
  async infos(names: string[]): Promise<Record<string, InfoSection>> {
    const out: Record<string, InfoSection> = {};
    await Promise.all(
      names
        .filter((n) => this.node(n).state === 'running')
        .map(async (n) => {
          try {
            out[n] = await this.info(n);
          } catch {
            // node going away: treated as not in sync
          }
        }),
    );
    return out;
  }

  async redisVersion(): Promise<string> {
    for (const n of this.nodes.values()) {
      if (n.state !== 'running') continue;
      const r = await (await this.control(n.name)).call('INFO', 'server');
      if (typeof r === 'string' && !isErrorReply(r)) return String(parseInfoSection(r).redis_version);
    }
    return 'unknown';
  }

  proxyTraces(): Record<string, ProxyTrace> {
    const out: Record<string, ProxyTrace> = {};
    for (const [k, p] of this.proxies) out[k] = p.toTrace();
    return out;
  }

  /** Stops everything by PID and removes the temp dir. */
  async destroy(): Promise<void> {
    await Promise.all([...this.proxies.values()].map((p) => p.stop()));
    await Promise.all(
      [...this.nodes.values()].map(async (n) => {
        this.dropClients(n);
        if (n.proc) {
          await n.proc.kill();
          this.slot.removePid(n.proc.pid);
        }
      }),
    );
    // CONFORMANCE_KEEP_DIRS=1 keeps the node dirs: each redis.log with Redis's own ms timestamps.
    if (!process.env.CONFORMANCE_KEEP_DIRS) rmSync(this.root, { recursive: true, force: true });
    untrackDir(this.root);
    this.slot.removeDir(this.root);
  }
}
