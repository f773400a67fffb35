// The 20-point checklist: a pure fold of the events of the student's own run. A point ticks when
// the engine emits what shows it (point 15 on the temp file renamed to dump.rdb, point 10 on a
// +CONTINUE that sends backlog bytes…), never because a caption was shown. The same fold runs in
// the lesson and in the free lab, and in tests over whole scenario runs.
import type { LessonEvent } from './pattern.ts';
import { LESSON_POINTS, type LessonPoint } from './points.ts';

/** The three kinds of reconnect point 18 names, each ending in +CONTINUE. */
export type Advantage = 'reconnect' | 'restart' | 'switch';

export interface Checklist {
  /** Virtual time each point was first seen. */
  seen: Partial<Record<LessonPoint, number>>;
  /** Point 18's parts seen so far. */
  advantages: Partial<Record<Advantage, number>>;
  /** Fold state: each node's role, each replica's link, why each replica lost its link. */
  roles: Record<string, 'master' | 'slave'>;
  links: Record<string, { master: string; state: string }>;
  lost: Record<string, Exclude<Advantage, 'switch'>>;
  /** Replicas that went through a full sync / a partial one (point 19 wants both for one replica). */
  full: Record<string, true>;
  partial: Record<string, true>;
}

export function emptyChecklist(): Checklist {
  return { seen: {}, advantages: {}, roles: {}, links: {}, lost: {}, full: {}, partial: {} };
}

type Rule = (c: Checklist, e: LessonEvent) => boolean;

const sent =
  (...kinds: string[]): Rule =>
  (_c, e) =>
    e.type === 'message.sent' && kinds.includes(e.kind);
const phase =
  (p: string): Rule =>
  (_c, e) =>
    e.type === 'rdb.phase' && e.phase === p;

/** One rule per point; the Record type makes the compiler name a point left without one. */
const RULES: Record<LessonPoint, Rule> = {
  // REPLICAOF / SLAVEOF host port or NO ONE, answered OK.
  1: (_c, e) =>
    (e.type === 'console' || e.type === 'command') &&
    /^(replicaof|slaveof)$/i.test(e.argv[0] ?? '') &&
    !e.reply.startsWith('(error)'),
  // The replica's own connect() succeeded: it sends PING next.
  2: (_c, e) => e.type === 'replica.state' && e.state === 'REPL_STATE_RECEIVE_PING_REPLY',
  3: (_c, e) =>
    e.type === 'message.sent' && (e.kind === '+PONG' || (e.kind === 'error' && e.label.includes('NOAUTH'))),
  4: sent('AUTH'),
  5: sent('REPLCONF listening-port', 'REPLCONF ip-address'),
  6: sent('REPLCONF capa'),
  7: sent('PSYNC'),
  // A second id with an offset: a promotion (shiftReplicationId) or +CONTINUE with a new id.
  8: (_c, e) => e.type === 'replid.shifted' && e.secondReplOffset > 0,
  9: (_c, e) => e.type === 'psync.decided' && e.decision.outcome === 'CONTINUE',
  10: (_c, e) =>
    e.type === 'psync.decided' && e.decision.outcome === 'CONTINUE' && e.decision.backlogBytes > 0,
  // A check failed (PSYNC ? -1 asks for a full sync; it does not show a failing condition).
  11: (_c, e) =>
    e.type === 'psync.decided' &&
    e.decision.outcome === 'FULLRESYNC' &&
    e.decision.reason !== 'full-requested',
  12: sent('RDB'),
  // A replica executing what the stream carries (its data changes while it is a replica).
  13: (c, e) => e.type === 'data.changed' && c.roles[e.node] === 'slave' && e.keys.length > 0,
  // The full sync drops the replica's own replicas before the flush (replicationAttachToNewMaster).
  14: phase('drop-replicas'),
  15: phase('rename'),
  16: phase('loaded'),
  17: phase('master-client'),
  18: (c) =>
    c.advantages.reconnect !== undefined &&
    c.advantages.restart !== undefined &&
    c.advantages.switch !== undefined,
  19: (c) => Object.keys(c.full).some((r) => c.partial[r]),
  20: (_c, e) =>
    e.type === 'psync.decided' &&
    e.decision.outcome === 'FULLRESYNC' &&
    (e.decision.reason === 'offset-before-backlog' || e.decision.reason === 'no-backlog'),
};

/** Fold state kept up to date before the rules look (roles, links, why a link was lost). */
function track(c: Checklist, e: LessonEvent): void {
  switch (e.type) {
    case 'node.role':
      c.roles[e.node] = e.role;
      return;
    case 'node.started':
      c.roles[e.node] = e.role;
      c.lost[e.node] = 'restart';
      return;
    case 'link.state':
      c.links[e.replica] = { master: e.master, state: e.state };
      if ((e.state === 'down' || e.state === 'cut') && !c.lost[e.replica]) c.lost[e.replica] = 'reconnect';
      return;
    case 'psync.decided':
      // A master switch is its own advantage, not a short reconnect of the same replica.
      if (e.decision.outcome === 'CONTINUE' && e.decision.reason === 'accepted-replid2') {
        c.advantages.switch ??= e.at;
        delete c.lost[e.replica];
      }
      return;
    case 'psync.result': {
      const why = c.lost[e.replica];
      delete c.lost[e.replica];
      if (e.result === 'CONTINUE') {
        c.partial[e.replica] = true;
        if (why) c.advantages[why] ??= e.at;
      }
      return;
    }
    case 'rdb.phase':
      if (e.phase === 'loaded') c.full[e.node] = true;
      return;
    default:
      return;
  }
}

/**
 * Fold events in (mutates `c`, returns the points newly seen). Rules look after tracking, so a
 * rule sees the state including the event itself.
 */
export function observe(c: Checklist, events: readonly LessonEvent[]): LessonPoint[] {
  const fresh: LessonPoint[] = [];
  for (const e of events) {
    track(c, e);
    for (const p of LESSON_POINTS) {
      if (c.seen[p] !== undefined) continue;
      if (RULES[p](c, e)) {
        c.seen[p] = e.at;
        fresh.push(p);
      }
    }
  }
  return fresh;
}
