// client-output-buffer-limit for replicas, as Redis 7.0 enforces it (networking.c
// getClientOutputBufferMemoryUsage / checkClientOutputBufferLimits /
// closeClientOnOutputBufferLimitReached).
//
// In 7.0 a replica has no private output buffer: it holds a reference into the one replication
// buffer (the backlog's block list) at the block it still has to send from. Its "output buffer"
// is everything from the START of that block to the END of the last block's capacity, plus 64
// bytes of bookkeeping per block (listNode 24 + replBufBlock header 40). Worked numbers
// (scenario prod1): a disk-based full sync is running; the master writes eight 10 KB SETs
// (10 057 + 7 × 10 034 bytes). They fill 20 440-byte blocks two by two; at the 7th SET a 4th
// block opens and the waiting replica's buffer is 4 × (20 440 + 64) = 82 016 bytes ≥ the 64 kb
// hard limit: "omem=82016 … scheduled to be closed ASAP for overcoming of output buffer limits."
//
// The check runs where Redis runs it: when a new block is added to the buffer (feedRaw) with the
// close deferred to beforeSleep (CLIENT_CLOSE_ASAP), and in clientsCron (every 100 ms) with an
// immediate close, which is what makes a soft limit fire after soft_seconds.

import { cfgInt, obufLimit } from '../core/config.ts';
import { clientAddr, emit, log, nodeAddr, unixSec } from '../server/emit.ts';
import type { Node, ReplicaClient, World } from '../server/world.ts';
import type { Backlog } from './backlog.ts';
import { streaming } from './stream.ts';

/** The start of a replica client's CLIENT LIST line (its address as the master sees it). */
export function replicaClientDesc(node: Node, s: ReplicaClient): string {
  return serverClientDesc(node, s.id, 'S');
}

/** The start of the CLIENT LIST line of another node's connection here (flags N: not yet a replica). */
export function serverClientDesc(node: Node, id: number, flags: 'S' | 'N'): string {
  return `id=${id} addr=${clientAddr('node', id)} laddr=${nodeAddr(node.port)} fd=9 name= flags=${flags} db=0`;
}

/** sizeof(listNode) + sizeof(replBufBlock): counted once per referenced block. */
const BLOCK_OVERHEAD = 64;

/** Index of the block the replica references, or -1 when it references none yet. */
function refBlock(bl: Backlog, s: ReplicaClient): number {
  if (s.sendPos === null || bl.blocks.length === 0) return -1;
  // A streaming replica that wrote everything stays on the block of the last byte it wrote; one
  // still waiting (full sync, or a diskless sync waiting for the first ACK) on its first byte's.
  const pos = streaming(s) && s.sendPos - 1 >= bl.blocks[0].start ? s.sendPos - 1 : s.sendPos;
  for (let i = bl.blocks.length - 1; i >= 0; i--) {
    const b = bl.blocks[i];
    if (pos >= b.start) return pos < b.start + b.size ? i : -1;
  }
  return 0;
}

/** getClientOutputBufferMemoryUsage for a replica: bytes (by block capacity) + 64 per block. */
export function replicaObufUsage(node: Node, s: ReplicaClient): { bytes: number; blocks: number } {
  const bl = node.backlog;
  if (!bl) return { bytes: 0, blocks: 0 };
  const i = refBlock(bl, s);
  if (i < 0) return { bytes: 0, blocks: 0 };
  const last = bl.blocks[bl.blocks.length - 1];
  const blocks = bl.blocks.length - i;
  return { bytes: last.start + last.size - bl.blocks[i].start + BLOCK_OVERHEAD * blocks, blocks };
}

/**
 * The hard limit in force for replicas: a hard limit below repl-backlog-size is raised to it
 * (a partial sync would succeed and then be cut), so raising the backlog raises the limit too.
 */
export function replicaHardLimit(node: Node): number {
  const hard = obufLimit(node.config, 'slave').hard;
  const backlog = cfgInt(node.config, 'repl-backlog-size');
  return hard > 0 && hard < backlog ? backlog : hard;
}

/**
 * checkClientOutputBufferLimits: true when the hard limit is reached, or the soft limit has been
 * reached continuously for more than soft_seconds. Side effect: the soft-limit clock (first
 * time seen over: start it and say no; back under: reset it).
 */
function overLimits(w: World, node: Node, s: ReplicaClient, used: number): 'hard' | 'soft' | null {
  const lim = obufLimit(node.config, 'slave');
  const hardLimit = replicaHardLimit(node);
  const hard = hardLimit > 0 && used >= hardLimit;
  let soft = lim.soft > 0 && used >= lim.soft;
  if (soft) {
    const now = unixSec(w);
    if (s.obufSoftSince === 0) {
      s.obufSoftSince = now;
      soft = false;
    } else if (now - s.obufSoftSince <= lim.softSeconds) soft = false;
  } else s.obufSoftSince = 0;
  return hard ? 'hard' : soft ? 'soft' : null;
}

/**
 * closeClientOnOutputBufferLimitReached for one replica: when over a limit, flag it CLOSE_ASAP
 * (never written to again) and log it. `async` (from the feed): freed by the next flush
 * (beforeSleep); else (clientsCron) the caller frees it at once. Returns true when flagged.
 */
export function closeOnObufLimit(w: World, node: Node, s: ReplicaClient, async: boolean): boolean {
  if (s.closeAsap) return false;
  const used = replicaObufUsage(node, s);
  const over = overLimits(w, node, s, used.bytes);
  if (!over) return false;
  s.closeAsap = true;
  const info = `${replicaClientDesc(node, s)} oll=${used.blocks} omem=${used.bytes} cmd=psync user=default`;
  emit(w, {
    type: 'obuf.closed',
    master: node.name,
    replica: s.peer,
    replstate: s.replstate,
    used: used.bytes,
    limit: over === 'hard' ? replicaHardLimit(node) : obufLimit(node.config, 'slave').soft,
    over,
  });
  const what = async ? 'scheduled to be closed ASAP' : 'closed';
  log(w, node, `Client ${info} ${what} for overcoming of output buffer limits.`, '#');
  return true;
}

/** After a feed that opened a new block: check every replica that references the buffer. */
export function checkReplicasOnNewBlock(w: World, node: Node): void {
  for (const s of node.slaves) if (s.replstate !== 'wait_bgsave_start') closeOnObufLimit(w, node, s, true);
}
