// A small RESP2 client over node:net, enough for the harness: commands, pipelines, replies as
// plain JSON values. Contract: replies come back in order; an error reply is a value
// ({ error }), never a thrown exception; a lost connection or a timeout rejects every pending call.
import net from 'node:net';
import { utf8Decode, utf8Encode } from '../../../src/engine/keyspace/bytes.ts';

export interface ErrorReply {
  error: string;
}
export type Reply = string | number | null | ErrorReply | Reply[];

export function isErrorReply(r: unknown): r is ErrorReply {
  return typeof r === 'object' && r !== null && !Array.isArray(r) && 'error' in r;
}

/** Bytes of argv as a RESP multi-bulk: what a master appends to its stream for a command. */
export function respSize(argv: string[]): number {
  let n = `*${argv.length}\r\n`.length;
  for (const a of argv) {
    const len = utf8Encode(a).length;
    n += `$${len}\r\n`.length + len + 2;
  }
  return n;
}

export function encodeCommand(argv: string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`)];
  for (const a of argv) {
    const b = Buffer.from(utf8Encode(a)); // a raw byte (bytes.ts) goes as itself
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one reply at `pos`; returns null when the buffer does not yet hold all of it. */
function parseReply(buf: Buffer, pos: number): { value: Reply; next: number } | null {
  if (pos >= buf.length) return null;
  const eol = buf.indexOf('\r\n', pos);
  if (eol < 0) return null;
  const type = String.fromCharCode(buf[pos]);
  const line = buf.toString('utf8', pos + 1, eol);
  const after = eol + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: { error: line }, next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const len = Number(line);
      if (len < 0) return { value: null, next: after };
      if (buf.length < after + len + 2) return null;
      // the engine's text of the bytes: a bitmap's 0x80 is '\udc80' on both sides
      const text = buf.toString('utf8', after, after + len);
      const value = text.includes('\ufffd') ? utf8Decode(buf.subarray(after, after + len)) : text;
      return { value, next: after + len + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      const items: Reply[] = [];
      let p = after;
      for (let i = 0; i < n; i++) {
        const r = parseReply(buf, p);
        if (!r) return null;
        items.push(r.value);
        p = r.next;
      }
      return { value: items, next: p };
    }
    default:
      throw new Error(`RESP protocol error: unexpected byte ${JSON.stringify(type)}`);
  }
}

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

export class RespClient {
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending[] = [];
  private closedError: Error | null = null;

  private constructor(
    private readonly sock: net.Socket,
    readonly port: number,
    private readonly timeoutMs: number,
  ) {
    sock.on('data', (d) => this.onData(d));
    sock.on('error', (e) => this.fail(e));
    sock.on('close', () => this.fail(new Error('connection closed')));
  }

  /** Connects to 127.0.0.1:port; AUTHs with `password` when given. */
  static connect(port: number, opts: { password?: string; timeoutMs?: number } = {}): Promise<RespClient> {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host: '127.0.0.1', port });
      sock.setNoDelay(true);
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error(`connect to ${port}: timeout`));
      }, timeoutMs);
      sock.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      sock.once('connect', async () => {
        clearTimeout(timer);
        const c = new RespClient(sock, port, timeoutMs);
        if (opts.password) {
          const r = await c.call('AUTH', opts.password).catch((e: Error) => ({ error: e.message }));
          if (isErrorReply(r)) {
            c.close();
            reject(new Error(`AUTH on ${port}: ${r.error}`));
            return;
          }
        }
        resolve(c);
      });
    });
  }

  get closed(): boolean {
    return this.closedError !== null;
  }

  call(...argv: string[]): Promise<Reply> {
    return this.pipeline([argv]).then((r) => r[0]);
  }

  /** Sends all commands in one write; resolves with their replies in order. */
  pipeline(cmds: string[][]): Promise<Reply[]> {
    if (this.closedError) return Promise.reject(this.closedError);
    const promises = cmds.map(
      () => new Promise<Reply>((resolve, reject) => this.pending.push({ resolve, reject })),
    );
    this.sock.write(Buffer.concat(cmds.map(encodeCommand)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const e = new Error(`reply timeout on port ${this.port} for ${cmds[0]?.[0]}`);
        this.fail(e);
        reject(e);
      }, this.timeoutMs);
    });
    return Promise.race([Promise.all(promises), timeout]).finally(() => clearTimeout(timer));
  }

  close(): void {
    this.sock.destroy();
    this.fail(new Error('connection closed'));
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    let pos = 0;
    for (;;) {
      let r: ReturnType<typeof parseReply>;
      try {
        r = parseReply(this.buf, pos);
      } catch (e) {
        this.fail(e as Error);
        this.sock.destroy();
        return;
      }
      if (!r) break;
      pos = r.next;
      this.pending.shift()?.resolve(r.value);
    }
    this.buf = this.buf.subarray(pos);
  }

  private fail(e: Error): void {
    if (!this.closedError) this.closedError = e;
    const p = this.pending;
    this.pending = [];
    for (const x of p) x.reject(e);
  }
}
