// Small helpers shared by the handlers: events, log lines, clocks.
import type { SimEvent } from './events.ts';
import type { Micros, Node, World } from './world.ts';

type Distribute<T> = T extends unknown ? Omit<T, 'at' | 'seq'> : never;
export type EventInput = Distribute<SimEvent>;

export function emit(w: World, ev: EventInput): void {
  if (!w.emitEvents) return;
  (ev as SimEvent).at = w.now;
  (ev as SimEvent).seq = w.seq++;
  w.events.push(ev as SimEvent);
}

/**
 * A log line in Redis's words with the role letter Redis prints (M master, S replica, C child)
 * and the level mark (`*` notice, `#` warning, `-` verbose): "M * Ready to accept connections".
 */
export function log(
  w: World,
  node: Node,
  text: string,
  level: '*' | '#' | '-' = '*',
  who?: 'M' | 'S' | 'C',
): void {
  const role = who ?? (node.link ? 'S' : 'M');
  const line = `${role} ${level} ${text}`;
  node.log.push(line);
  if (node.log.length > 5000) node.log.splice(0, node.log.length - 4000);
  emit(w, { type: 'log', node: node.name, line });
}

/** Virtual unix time in ms. */
export function unixMs(w: World): number {
  return w.epochMs + Math.floor(w.now / 1000);
}

/** server.unixtime: whole seconds, as Redis's cron-cached clock. */
export function unixSec(w: World): number {
  return Math.floor(unixMs(w) / 1000);
}

export function secOf(w: World, t: Micros): number {
  return Math.floor((w.epochMs + Math.floor(t / 1000)) / 1000);
}

export function nodeAddr(port: number): string {
  return `127.0.0.1:${port}`;
}

/**
 * The address a node sees a client connect from (CLIENT LIST addr, log lines, CLIENT KILL ADDR):
 * the lab has no real sockets, so the client id picks the port — another node's connection (a
 * replica's link) 40000 + id, a console or scenario client 50000 + id.
 */
export function clientAddr(kind: 'node' | 'console', id: number): string {
  return nodeAddr((kind === 'node' ? 40000 : 50000) + id);
}

export const MS = 1000;
export const SEC = 1_000_000;
