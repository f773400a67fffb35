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
import { emit } from './emit.ts';
import type { Node, World } from './world.ts';

/** Entries kept per node (oldest dropped first): enough for any lab run. */
const MAX_ACKED = 50_000;

/** A master acknowledged a write that ends at its current master_repl_offset. */
export function recordAcked(node: Node): void {
  if (node.link || !node.backlog) return;
  node.acked.push({ replid: node.replid, end: node.masterReplOffset });
  if (node.acked.length > MAX_ACKED) node.acked.splice(0, node.acked.length - MAX_ACKED / 2);
}

/**
 * `node` is about to flush its data for a full sync from `master`: count (and forget) the writes
 * it acknowledged under its current replid that `master`'s history does not hold.
 */
export function loseAckedOnFullSync(w: World, node: Node, master: Node | undefined): void {
  const mine = node.acked.filter((a) => a.replid === node.replid);
  node.acked = [];
  if (mine.length === 0) return;
  let kept = 0; // the last offset of our history that the new master holds
  if (master?.replid === node.replid) kept = master.masterReplOffset;
  else if (master?.replid2 === node.replid) kept = master.secondReplOffset - 1;
  const lost = mine.filter((a) => a.end > kept).length;
  if (lost === 0) return;
  node.lostAcked += lost;
  emit(w, { type: 'writes.lost', node: node.name, master: master?.name ?? null, count: lost, kept });
}
