// Links between nodes: loopback TCP connections with a latency and a bandwidth, FIFO per
// direction, and cuts that act like the harness's proxy partition (both ends closed, new
// connections refused). Draws nothing random: timing is a pure function of sizes and config.
import { emit } from './emit.ts';
import type { MessageKind } from './events.ts';
import type { Conn, Message, Payload, World } from './world.ts';

/**
 * One replica→master link, as the harness names its proxies (`C->A`). A cut belongs to the pair
 * (scenario r5: C cut from A, then `REPLICAOF B`, reaches B at once; back to A it is refused).
 */
export const linkKey = (replica: string, master: string): string => `${replica}->${master}`;

/** Is the link replica→master cut? (No master: nothing to cut.) */
export function linkCut(w: World, replica: string, master: string | undefined): boolean {
  return master !== undefined && w.cuts.has(linkKey(replica, master));
}

/** Open a replica→master connection; the `connect` task fires after one latency. */
export function openConn(w: World, client: string, server: string): Conn {
  const conn: Conn = {
    id: w.nextConnId++,
    client,
    server,
    serverClientId: 0,
    open: true,
    closedBy: [],
    lastToServer: w.now,
    lastToClient: w.now,
  };
  w.conns.set(conn.id, conn);
  const target = w.nodes.get(server);
  const refused = !target || target.state === 'down' || linkCut(w, client, server);
  w.queue.push(w.now + w.net.latencyUs, {
    t: 'connect',
    conn: conn.id,
    gen: w.nodes.get(client)!.gen,
    refused,
  });
  return conn;
}

export interface SendInfo {
  kind: MessageKind;
  label: string;
  resp: string;
  offsets?: [number, number];
}

/** Queue a message on `conn` from `from`. Returns null when this end is already closed. */
export function send(
  w: World,
  conn: Conn,
  from: string,
  payload: Payload,
  size: number,
  info: SendInfo,
  /** The last byte cannot arrive before this (a payload produced while it is sent: a streamed RDB). */
  minDeliverAt = 0,
): Message | null {
  if (conn.closedBy.includes(from)) return null;
  const to = from === conn.client ? conn.server : conn.client;
  const toServer = to === conn.server;
  const transfer = Math.ceil(size / w.net.bytesPerUs);
  const earliest = toServer ? conn.lastToServer : conn.lastToClient;
  // On a cut link (earliest = ∞) the bytes are lost: the message is due when it would have
  // arrived, and is dropped then ('message.dropped'), instead of waiting forever in the queue
  // (where 30 cuts of a 30-minute class once held 600 dead deliveries in every checkpoint).
  const deliverAt = isCut(conn)
    ? Math.max(w.now + w.net.latencyUs + transfer, minDeliverAt)
    : Math.max(w.now + w.net.latencyUs + transfer, earliest, minDeliverAt);
  if (!isCut(conn)) {
    if (toServer) conn.lastToServer = deliverAt;
    else conn.lastToClient = deliverAt;
  }
  const msg: Message = {
    id: w.nextMsgId++,
    conn: conn.id,
    from,
    to,
    payload,
    size,
    sentAt: w.now,
    deliverAt,
  };
  w.queue.push(deliverAt, { t: 'deliver', msg });
  emit(w, {
    type: 'message.sent',
    id: msg.id,
    conn: conn.id,
    from,
    to,
    kind: info.kind,
    label: info.label,
    resp: info.resp.length > 4096 ? `${info.resp.slice(0, 4096)}…` : info.resp,
    bytes: size,
    sentAt: w.now,
    deliverAt,
    offsets: info.offsets,
  });
  return msg;
}

/** Is `msg` still deliverable (its receiver has not closed, the link is not cut)? */
export function deliverable(w: World, msg: Message): boolean {
  const conn = w.conns.get(msg.conn);
  return !!conn && !conn.closedBy.includes(msg.to) && !isCut(conn);
}

/**
 * `by` closes its end. The peer learns it after the bytes already in flight towards it
 * (TCP FIN ordering). Returns false if `by` had already closed.
 */
export function closeEnd(w: World, conn: Conn, by: string): boolean {
  if (conn.closedBy.includes(by)) return false;
  conn.closedBy.push(by);
  const peer = by === conn.client ? conn.server : conn.client;
  if (!conn.closedBy.includes(peer)) {
    const toServer = peer === conn.server;
    const at = Math.max(w.now + w.net.latencyUs, toServer ? conn.lastToServer : conn.lastToClient);
    const node = w.nodes.get(peer);
    // A cut link (at = ∞): the proxy already closed the peer's end (cutConn).
    if (node && !isCut(conn)) w.queue.push(at, { t: 'close', conn: conn.id, to: peer, gen: node.gen });
  }
  if (conn.closedBy.includes(conn.client) && conn.closedBy.includes(conn.server)) {
    conn.open = false;
    w.conns.delete(conn.id);
  }
  return true;
}

/**
 * A proxy partition of `conn`: both TCP ends are closed by the proxy; each node learns it after
 * one latency; bytes in flight are lost.
 */
export function cutConn(w: World, conn: Conn): void {
  for (const end of [conn.client, conn.server]) {
    const node = w.nodes.get(end);
    if (node && !conn.closedBy.includes(end))
      w.queue.push(w.now + w.net.latencyUs, { t: 'close', conn: conn.id, to: end, gen: node.gen });
  }
  conn.lastToClient = conn.lastToServer = Number.POSITIVE_INFINITY;
  conn.closedBy.push('(proxy)');
}

/** Messages already queued on a cut connection are dropped at delivery. */
export function isCut(conn: Conn): boolean {
  return conn.closedBy.includes('(proxy)');
}
