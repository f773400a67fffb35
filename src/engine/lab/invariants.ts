// Invariants checked after every step in tests (swarm) and in development runs. Each returns the
// list of violations as readable lines, empty when all hold.
import { eraRules } from '../replication/era.ts';
import type { World } from '../server/world.ts';

const HEX40 = /^[0-9a-f]{40}$/;

export function checkInvariants(w: World): string[] {
  const bad: string[] = [];
  for (const n of w.nodes.values()) {
    if (n.state === 'down') continue;
    const at = `${n.name}@${w.now}µs`;
    if (!HEX40.test(n.replid)) bad.push(`${at}: replid ${n.replid} is not 40 hex chars`);
    if ((n.secondReplOffset === -1) !== (n.replid2 === '0'.repeat(40)))
      bad.push(`${at}: replid2 ${n.replid2} vs second_repl_offset ${n.secondReplOffset}`);
    const bl = n.backlog;
    if (bl) {
      if (bl.offset !== n.masterReplOffset - bl.histlen + 1)
        bad.push(
          `${at}: backlog offset ${bl.offset} != master_repl_offset ${n.masterReplOffset} - histlen ${bl.histlen} + 1`,
        );
      const used = bl.blocks.reduce((a, b) => a + b.used, 0);
      if (used !== bl.histlen) bad.push(`${at}: blocks hold ${used} bytes, histlen ${bl.histlen}`);
      if (bl.blocks.length && bl.blocks[0].start !== bl.offset)
        bad.push(`${at}: first block starts at ${bl.blocks[0].start}, backlog at ${bl.offset}`);
    }
    if (n.master && n.cachedMaster) bad.push(`${at}: both a live and a cached master`);
    if (n.link?.state === 'REPL_STATE_CONNECTED') {
      if (!n.master) bad.push(`${at}: CONNECTED without a master client`);
      else if (eraRules(w.era).replicaOffset === 'master' && n.master.reploff !== n.masterReplOffset)
        bad.push(`${at}: reploff ${n.master.reploff} != master_repl_offset ${n.masterReplOffset}`);
      else if (n.master.replid !== n.replid)
        bad.push(`${at}: master client replid ${n.master.replid} != replid ${n.replid}`);
    }
    if (!n.link && n.master) bad.push(`${at}: a master with a master client`);
    for (const s of n.slaves) {
      if (s.ackOff > n.masterReplOffset)
        bad.push(`${at}: replica ${s.peer} acked ${s.ackOff} > master_repl_offset ${n.masterReplOffset}`);
      if (!w.conns.has(s.conn)) bad.push(`${at}: replica ${s.peer} has no connection`);
      if (s.sendPos !== null && s.sendPos > n.masterReplOffset + 1)
        bad.push(`${at}: replica ${s.peer} send position past the end`);
    }
    if (n.slaves.length > 0 && !n.backlog) bad.push(`${at}: replicas attached but no backlog`);
  }
  return bad;
}
