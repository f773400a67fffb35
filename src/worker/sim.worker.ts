/// <reference lib="webworker" />
// The worker: onmessage → session → exactly one postMessage per request. Anything the engine
// throws becomes a `fault` response carrying the run so far (the reproduction), never silence.
import { type FromWorker, PROTOCOL_VERSION, type Response, type ToWorker } from '../protocol.ts';
import { type Answer, Runs } from './runs.ts';

declare const self: DedicatedWorkerGlobalScope;

const runs = new Runs();
const session = runs.main;

function reply(id: number, res: Response, ghost?: Answer['ghost']): void {
  const msg: FromWorker =
    ghost === undefined ? { v: PROTOCOL_VERSION, id, res } : { v: PROTOCOL_VERSION, id, res, ghost };
  self.postMessage(msg);
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const { v, id, req } = ev.data;
  if (v !== PROTOCOL_VERSION) {
    reply(id, {
      type: 'fault',
      message: `protocol version mismatch: the page speaks ${v}, the worker ${PROTOCOL_VERSION} (reload the page)`,
      stack: '',
      seed: session.record?.seed ?? 0,
      at: session.now,
      record: null,
    });
    return;
  }
  if (req.type === 'debug-die') {
    self.close(); // no answer: the page's watchdog has to notice
    return;
  }
  try {
    const a = runs.handle(req);
    reply(id, a.res, a.ghost);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply(id, {
      type: 'fault',
      message: err.message,
      stack: err.stack ?? '',
      seed: session.record?.seed ?? 0,
      at: session.now,
      record: session.record ? structuredClone(session.record) : null,
    });
  }
};
