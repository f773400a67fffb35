// Which "why" cards a PSYNC decision deserves: the outcomes that surprise learners, told in plain
// words (texts in the catalogs). Pure: tested with worked numbers.
import type { PsyncDecision } from '../../engine/index.ts';

/** Every why card (its words: why-text.ts for the panel's own, the catalogs' why.* for shared ones). */
export const WHY_CARDS = [
  'replicaofAttach',
  'historyChanged',
  'noRdb',
  'firstAttach',
  'blockTrim',
  'beyondSize',
  'oldMasterAhead',
  'failover',
  'noBacklog',
  'replicaAhead',
  'replicationLoop',
  'obufLoop',
  'readsDuringSync',
  'expiredOnReplica',
  'ackedLost',
  'waitNotConsistency',
  'notModelled',
] as const;

export type WhyCard = (typeof WHY_CARDS)[number];

export interface WhyContext {
  /** Syncs (psync results) this replica had before this decision. */
  earlierSyncs: number;
  /** The master's repl-backlog-size. */
  backlogSize: number;
  /** The replica was pointed at this master by REPLICAOF (or is new) since its last sync. */
  attached: boolean;
  /** The master is itself (through its own masters) a replica of this replica: a loop. */
  loop?: boolean;
  /** The master closed this replica for its output-buffer limit since its last sync (obuf.closed). */
  obufClosed?: boolean;
  /** Someone sent this replica a command between this decision and the end of its full sync. */
  readDuringSync?: boolean;
}

/**
 * A loop (A → B → A) is allowed, as Redis 7.0.15 allows it: checked on real redis-server, B
 * replica of A, then `A REPLICAOF B` → A asks B for PSYNC <A's replid> 51, B (which shares that
 * history) answers +CONTINUE, both show role:slave, link up, each other listed online at offset
 * 50 — and from then on nothing flows: no master takes writes (READONLY on both), none sends
 * PINGs, offsets stay frozen until one of them gets REPLICAOF NO ONE.
 */
export function whyCards(d: PsyncDecision, ctx: WhyContext): WhyCard[] {
  const cards = decisionCards(d, ctx);
  const withReads =
    ctx.readDuringSync && d.outcome === 'FULLRESYNC' ? [...cards, 'readsDuringSync' as const] : cards;
  return ctx.loop ? ['replicationLoop', ...withReads] : withReads;
}

/** Does following `from`'s masters reach `target`? (`masterOf`: a node's master, null for a master.) */
export function reaches(
  masterOf: (name: string) => string | null | undefined,
  from: string,
  target: string,
): boolean {
  let cur: string | null | undefined = from;
  for (let hops = 0; cur && hops < 16; hops++) {
    if (cur === target) return true;
    cur = masterOf(cur);
  }
  return false;
}

function decisionCards(d: PsyncDecision, ctx: WhyContext): WhyCard[] {
  const v = d.values;
  // The full-sync loop: whatever the PSYNC said, the story is the buffer limit that cut the last sync.
  if (ctx.obufClosed && d.outcome === 'FULLRESYNC') return ['obufLoop'];
  switch (d.reason) {
    case 'replid-mismatch':
    case 'runid-mismatch':
      return [ctx.attached ? 'replicaofAttach' : 'historyChanged'];
    case 'sync-only':
      return ctx.earlierSyncs > 0 ? [] : ['firstAttach'];
    case 'full-requested':
      return [ctx.earlierSyncs > 0 ? 'noRdb' : 'firstAttach'];
    case 'offset-before-backlog':
      return ['blockTrim'];
    case 'replid2-offset-too-high':
      return ['oldMasterAhead'];
    case 'no-backlog':
      return ['noBacklog'];
    case 'offset-after-master':
      return ['replicaAhead'];
    case 'accepted-replid2':
      return ['failover'];
    case 'accepted':
      // 7.0 trims whole blocks: a replica that missed more than repl-backlog-size may still continue.
      return v.masterReplOffset + 1 - v.requestedOffset > ctx.backlogSize ? ['beyondSize'] : [];
  }
}

/** Check results in Redis's order; a check Redis never reached is null. */
export function checks(d: PsyncDecision): {
  replid: boolean;
  replid2: boolean;
  backlog: boolean | null;
  window: boolean | null;
} {
  const v = d.values;
  const history = v.replidEqual || v.replid2Usable;
  return {
    replid: v.replidEqual,
    replid2: v.replid2Usable,
    backlog: history ? v.backlogActive : null,
    window: history && v.backlogActive ? v.inWindow : null,
  };
}
