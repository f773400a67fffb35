// One request at a time to the worker. Requests wait in a queue; a newer seek replaces a queued
// one (scrubbing sends many). Worker crashes (script error, bad protocol) reject with a fault, and
// so does a worker that stops answering (it died, or hangs in a loop): a request unanswered after
// `watchdogMs` of wall time stops the worker and reports it.
import {
  type FromWorker,
  type GhostFrame,
  PROTOCOL_VERSION,
  type Request,
  type Response,
  type ToWorker,
} from '../protocol.ts';

interface Job {
  req: Request;
  resolve: (r: Response) => void;
}

/** The part of a Worker this needs (a fake in tests). */
export interface Port {
  postMessage(msg: ToWorker): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  onmessageerror?: ((ev: MessageEvent) => void) | null;
  terminate(): void;
}

/** Wall time a request may take before the worker counts as dead (a long replay takes a few seconds). */
export const WATCHDOG_MS = 30_000;

export class Transport {
  private nextId = 1;
  private inflight: (Job & { id: number }) | null = null;
  private queue: Job[] = [];
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  /** Set once the worker crashed or stopped answering: nothing more is sent. */
  dead = false;
  /** Gets an answer's ghost-run part (issue 11: null = closed) before the answer resolves. */
  onGhost: ((g: GhostFrame | null) => void) | null = null;

  constructor(
    private readonly port: Port,
    private readonly onCrash: (message: string) => void,
    public watchdogMs = WATCHDOG_MS,
  ) {
    port.onmessage = (ev) => this.receive(ev.data);
    port.onerror = (ev) => {
      ev.preventDefault?.();
      this.crash(ev.message || 'the simulation worker failed to start or crashed');
    };
    port.onmessageerror = () => this.crash('a message from the worker could not be read');
  }

  private crash(message: string): void {
    if (this.dead) return;
    this.dead = true;
    this.terminate();
    this.onCrash(message);
  }

  /** Nothing sent and nothing waiting: the pacer may ask for the next advance. */
  get idle(): boolean {
    return this.inflight === null && this.queue.length === 0;
  }

  send(req: Request): Promise<Response> {
    return new Promise((resolve) => {
      // A queued seek or probe is replaced by a newer one (scrubbing, dragging a number).
      if (req.type === 'seek' || req.type === 'probe') {
        const queued = this.queue.find((j) => j.req.type === req.type);
        if (queued) {
          const old = queued.resolve;
          queued.req = req;
          // The replaced request's caller gets the newer answer too.
          queued.resolve = (r) => {
            old(r);
            resolve(r);
          };
          return;
        }
      }
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.dead || this.inflight || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const id = this.nextId++;
    this.inflight = { ...job, id };
    this.watchdog = setTimeout(
      () =>
        this.crash(
          `the simulation worker stopped answering (no reply to '${job.req.type}' in ${this.watchdogMs / 1000} s): it died or hangs, and was stopped`,
        ),
      this.watchdogMs,
    );
    this.port.postMessage({ v: PROTOCOL_VERSION, id, req: job.req });
  }

  private receive(msg: FromWorker): void {
    if (msg.v !== PROTOCOL_VERSION) {
      this.crash(`protocol version mismatch: worker ${msg.v}, page ${PROTOCOL_VERSION}`);
      return;
    }
    const job = this.inflight;
    if (!job || job.id !== msg.id) return; // a stale answer (after a restart): ignore
    this.inflight = null;
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
    if (msg.ghost !== undefined) this.onGhost?.(msg.ghost);
    job.resolve(msg.res);
    this.pump();
  }

  terminate(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
    this.port.terminate();
    this.queue = [];
    this.inflight = null;
  }
}
