// "Acknowledged but lost": a lab counter, not a Redis feature. Redis replication is asynchronous:
// a master answers +OK before any replica has the write, and WAIT only reports how many replicas
// acknowledged it (it does not make the write durable). When a replica that had not received some
// writes is promoted, the old master later full-syncs from it and throws those writes away.
//
// Each master remembers the end offset of every write it acknowledged (under its replid). When it
// flushes its data for a full sync from a new master, the writes past what that master's history
// holds are lost: with the new master's replid2 = our replid and second_repl_offset S, bytes up to
// S - 1 are shared, so a write ending at offset e survived iff e ≤ S - 1. Worked numbers
// (scenario pd_acked_writes_lost_failover): C is cut off at offset 113; A acknowledges two writes
// ending at 147 and 181; C promoted has second_repl_offset 114, so it holds A's history up to 113;
// A resyncing from C loses 2 acknowledged writes.
import { emit } from '../server/emit.ts';
import type { Node, World } from '../server/world.ts';

/**
 * The end offsets of the writes a master acknowledged under `replid` (increasing). Full chunks are
 * frozen, so timeline checkpoints share them instead of copying 50 000 numbers each time (lab/pack.ts).
 */
export interface AckedWrites {
  replid: string;
  chunks: (readonly number[])[];
  tail: number[];
}

/** Ends per frozen chunk; at most MAX_CHUNKS chunks are kept (the oldest go first): 50 000 writes. */
const CHUNK = 1000;
const MAX_CHUNKS = 50;

export function noAcked(replid = ''): AckedWrites {
  return { replid, chunks: [], tail: [] };
}

/** A master acknowledged a write that ends at its current master_repl_offset. */
export function recordAcked(node: Node): void {
  if (node.link || !node.backlog) return;
  // Writes under an earlier replid can no longer be lost by a resync of this history: forget them.
  if (node.acked.replid !== node.replid) node.acked = noAcked(node.replid);
  const a = node.acked;
  a.tail.push(node.masterReplOffset);
  if (a.tail.length < CHUNK) return;
  a.chunks.push(Object.freeze(a.tail));
  a.tail = [];
  if (a.chunks.length > MAX_CHUNKS) a.chunks.shift();
}

/**
 * `node` is about to flush its data for a full sync from `master`: count (and forget) the writes
 * it acknowledged under its current replid that `master`'s history does not hold.
 */
export function loseAckedOnFullSync(w: World, node: Node, master: Node | undefined): void {
  const a = node.acked;
  node.acked = noAcked();
  if (a.replid !== node.replid) return;
  let kept = 0; // the last offset of our history that the new master holds
  // replid2 first: a promoted node of an older era keeps its replid and notes the point in replid2.
  if (master?.replid2 === node.replid) kept = master.secondReplOffset - 1;
  else if (master?.replid === node.replid) kept = master.masterReplOffset;
  let lost = a.tail.filter((end) => end > kept).length;
  for (const c of a.chunks) lost += c[c.length - 1] > kept ? c.filter((end) => end > kept).length : 0;
  if (lost === 0) return;
  node.lostAcked += lost;
  emit(w, { type: 'writes.lost', node: node.name, master: master?.name ?? null, count: lost, kept });
}
