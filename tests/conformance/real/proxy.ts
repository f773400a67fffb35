// A loopback TCP proxy for one replica→master link, so a cut is a real partition: `cut()` closes
// both TCP ends of every live connection and closes the listener (the replica's reconnects get
// ECONNREFUSED, as from a host that is gone); `heal()` listens again. Both processes keep running.
// Every connection is recorded for the trace (`proxies`): bytes per direction and the first
// `maxChunks` chunks, each escaped and cut to 600 bytes.
import net from 'node:net';

export interface Chunk {
  dir: 'toMaster' | 'toReplica';
  atMs: number;
  len: number;
  data: string;
}

export interface ConnRecord {
  id: number;
  openedAtMs: number;
  bytes: { toMaster: number; toReplica: number };
  chunks: Chunk[];
  truncated: boolean;
  closedBy: string | null;
  closedAtMs: number | null;
}

export interface ProxyTrace {
  [k: string]: unknown;
  listenPort: number;
  targetPort: number;
  totalConnections: number;
  omittedConnections: number;
  connections: ConnRecord[];
}

const CHUNK_TEXT = 600;
const KEEP_CONNS = 20;

/** Bytes as readable text: printable ASCII as is, \r \n escaped, anything else \xHH. */
export function escapeBytes(b: Buffer): string {
  let s = '';
  const n = Math.min(b.length, CHUNK_TEXT);
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0x0d) s += '\\r';
    else if (c === 0x0a) s += '\\n';
    else if (c === 0x5c) s += '\\\\';
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else s += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  if (b.length > CHUNK_TEXT) s += `...(+${b.length - CHUNK_TEXT} bytes)`;
  return s;
}

interface Live {
  rec: ConnRecord;
  down: net.Socket;
  up: net.Socket;
}

export class LinkProxy {
  private server: net.Server | null = null;
  private readonly records: ConnRecord[] = [];
  private readonly live = new Set<Live>();
  isCut = false;

  constructor(
    readonly replica: string,
    readonly master: string,
    readonly listenPort: number,
    readonly targetPort: number,
    private readonly clock: () => number,
    private readonly maxChunks: number,
  ) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = net.createServer({ noDelay: true }, (down) => this.accept(down));
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: this.listenPort, exclusive: true }, () => {
        server.off('error', reject);
        server.on('error', () => {});
        this.server = server;
        resolve();
      });
    });
  }

  /** The partition: drop every live connection on both ends and refuse new ones. */
  async cut(): Promise<void> {
    this.isCut = true;
    const closed = this.closeListener(); // resolves once the live connections are gone too
    for (const l of [...this.live]) this.close(l, 'partition', true);
    await closed;
  }

  async heal(): Promise<void> {
    if (!this.isCut) return;
    this.isCut = false;
    await this.start();
  }

  async stop(): Promise<void> {
    const closed = this.closeListener();
    for (const l of [...this.live]) this.close(l, 'harness', true);
    await closed;
  }

  /** The local port of the live master-side socket (what the master's CLIENT LIST shows). */
  upstreamLocalPort(): number | null {
    for (const l of this.live) if (l.up.localPort) return l.up.localPort;
    return null;
  }

  toTrace(): ProxyTrace {
    const n = this.records.length;
    const conns =
      n <= 2 * KEEP_CONNS
        ? this.records
        : [...this.records.slice(0, KEEP_CONNS), ...this.records.slice(n - KEEP_CONNS)];
    return {
      listenPort: this.listenPort,
      targetPort: this.targetPort,
      totalConnections: n,
      omittedConnections: n - conns.length,
      connections: conns,
    };
  }

  private closeListener(): Promise<void> {
    const s = this.server;
    this.server = null;
    return new Promise((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }

  private accept(down: net.Socket): void {
    if (this.isCut) {
      down.destroy();
      return;
    }
    const rec: ConnRecord = {
      id: this.records.length,
      openedAtMs: Math.round(this.clock()),
      bytes: { toMaster: 0, toReplica: 0 },
      chunks: [],
      truncated: false,
      closedBy: null,
      closedAtMs: null,
    };
    this.records.push(rec);
    const up = net.connect({ host: '127.0.0.1', port: this.targetPort });
    up.setNoDelay(true);
    const l: Live = { rec, down, up };
    this.live.add(l);
    const record = (dir: Chunk['dir'], d: Buffer) => {
      rec.bytes[dir] += d.length;
      if (rec.chunks.length < this.maxChunks)
        rec.chunks.push({ dir, atMs: Math.round(this.clock()), len: d.length, data: escapeBytes(d) });
      else rec.truncated = true;
    };
    down.on('data', (d) => {
      record('toMaster', d);
      up.write(d);
    });
    up.on('data', (d) => {
      record('toReplica', d);
      down.write(d);
    });
    up.on('error', () => this.close(l, 'master-error', true));
    down.on('error', () => this.close(l, 'replica-error', true));
    up.on('end', () => this.close(l, 'master', false));
    down.on('end', () => this.close(l, 'replica', false));
    up.on('close', () => this.close(l, 'master', true));
    down.on('close', () => this.close(l, 'replica', true));
  }

  /** Ends both sockets once; `hard` destroys (pending bytes dropped), else ends gracefully. */
  private close(l: Live, by: string, hard: boolean): void {
    if (l.rec.closedBy === null) {
      l.rec.closedBy = by;
      l.rec.closedAtMs = Math.round(this.clock());
    }
    this.live.delete(l);
    if (hard) {
      l.down.destroy();
      l.up.destroy();
    } else {
      l.down.end();
      l.up.end();
    }
  }
}
