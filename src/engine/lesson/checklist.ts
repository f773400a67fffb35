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

type Kind = LessonEvent['type'];
type Of<K extends Kind> = Extract<LessonEvent, { type: K }>;

/** A point's rule: the event kinds it looks at (`on`: the one definition) and its test on them. */
interface Rule {
  on: readonly Kind[];
  test: (c: Checklist, e: LessonEvent) => boolean;
}

/** A rule on the kinds `on`: `test` sees only those (the compiler stops it looking at another). */
const rule = <K extends Kind>(on: readonly K[], test: (c: Checklist, e: Of<K>) => boolean): Rule => ({
  on,
  test: test as Rule['test'],
});

const sent = (...kinds: string[]): Rule => rule(['message.sent'], (_c, e) => kinds.includes(e.kind));
const phase = (p: string): Rule => rule(['rdb.phase'], (_c, e) => e.phase === p);

/** Fold state kept up to date before the rules look (roles, links, why a link was lost), by kind. */
const TRACK: { [K in Kind]?: (c: Checklist, e: Of<K>) => void } = {
  'node.role': (c, e) => {
    c.roles[e.node] = e.role;
  },
  'node.started': (c, e) => {
    c.roles[e.node] = e.role;
    c.lost[e.node] = 'restart';
  },
  'link.state': (c, e) => {
    c.links[e.replica] = { master: e.master, state: e.state };
    if ((e.state === 'down' || e.state === 'cut') && !c.lost[e.replica]) c.lost[e.replica] = 'reconnect';
  },
  'psync.decided': (c, e) => {
    // A master switch is its own advantage, not a short reconnect of the same replica.
    if (e.decision.outcome === 'CONTINUE' && e.decision.reason === 'accepted-replid2') {
      c.advantages.switch ??= e.at;
      delete c.lost[e.replica];
    }
  },
  'psync.result': (c, e) => {
    const why = c.lost[e.replica];
    delete c.lost[e.replica];
    if (e.result === 'CONTINUE') {
      c.partial[e.replica] = true;
      if (why) c.advantages[why] ??= e.at;
    }
  },
  'rdb.phase': (c, e) => {
    if (e.phase === 'loaded') c.full[e.node] = true;
  },
};
const TRACKED = Object.keys(TRACK) as Kind[];

/** One rule per point; the Record type makes the compiler name a point left without one. */
const RULES: Record<LessonPoint, Rule> = {
  // REPLICAOF / SLAVEOF host port or NO ONE, answered OK.
  1: rule(
    ['console', 'command'],
    (_c, e) => /^(replicaof|slaveof)$/i.test(e.argv[0] ?? '') && !e.reply.startsWith('(error)'),
  ),
  // The replica's own connect() succeeded: it sends PING next.
  2: rule(['replica.state'], (_c, e) => e.state === 'REPL_STATE_RECEIVE_PING_REPLY'),
  3: rule(
    ['message.sent'],
    (_c, e) => e.kind === '+PONG' || (e.kind === 'error' && e.label.includes('NOAUTH')),
  ),
  4: sent('AUTH'),
  5: sent('REPLCONF listening-port', 'REPLCONF ip-address'),
  6: sent('REPLCONF capa'),
  7: sent('PSYNC'),
  // A second id with an offset: a promotion (shiftReplicationId) or +CONTINUE with a new id.
  8: rule(['replid.shifted'], (_c, e) => e.secondReplOffset > 0),
  9: rule(['psync.decided'], (_c, e) => e.decision.outcome === 'CONTINUE'),
  10: rule(['psync.decided'], (_c, e) => e.decision.outcome === 'CONTINUE' && e.decision.backlogBytes > 0),
  // A check failed (PSYNC ? -1 asks for a full sync; it does not show a failing condition).
  11: rule(
    ['psync.decided'],
    (_c, e) => e.decision.outcome === 'FULLRESYNC' && e.decision.reason !== 'full-requested',
  ),
  12: sent('RDB'),
  // A replica executing what the stream carries (its data changes while it is a replica).
  13: rule(['data.changed'], (c, e) => c.roles[e.node] === 'slave' && e.keys.length > 0),
  // The full sync drops the replica's own replicas before the flush (replicationAttachToNewMaster).
  14: phase('drop-replicas'),
  15: phase('rename'),
  16: phase('loaded'),
  17: phase('master-client'),
  // 18 and 19 read only the fold state, which only tracked kinds change: looked at after each.
  18: rule(
    TRACKED,
    (c) =>
      c.advantages.reconnect !== undefined &&
      c.advantages.restart !== undefined &&
      c.advantages.switch !== undefined,
  ),
  19: rule(TRACKED, (c) => Object.keys(c.full).some((r) => c.partial[r])),
  20: rule(
    ['psync.decided'],
    (_c, e) =>
      e.decision.outcome === 'FULLRESYNC' &&
      (e.decision.reason === 'offset-before-backlog' || e.decision.reason === 'no-backlog'),
  ),
};

/** The points each kind may show, in LESSON_POINTS order. */
const BY_KIND = new Map<Kind, LessonPoint[]>();
for (const p of LESSON_POINTS) for (const k of RULES[p].on) BY_KIND.set(k, [...(BY_KIND.get(k) ?? []), p]);

/**
 * The event kinds the fold still looks at: those it tracks, and those of the points not yet seen
 * (a page may leave the others out of what it folds: store/checklist.ts). Point 13 (`data.changed`,
 * ~45 a frame in a busy lab) stops being read once seen.
 */
export function checklistReads(c: Checklist): Kind[] {
  const out = new Set(TRACKED);
  for (const p of LESSON_POINTS) if (c.seen[p] === undefined) for (const k of RULES[p].on) out.add(k);
  return [...out];
}

/**
 * Fold events in (mutates `c`, returns the points newly seen). Rules look after tracking, so a
 * rule sees the state including the event itself.
 */
export function observe(c: Checklist, events: readonly LessonEvent[]): LessonPoint[] {
  const fresh: LessonPoint[] = [];
  for (const e of events) {
    (TRACK[e.type] as ((c: Checklist, e: LessonEvent) => void) | undefined)?.(c, e);
    for (const p of BY_KIND.get(e.type) ?? []) {
      if (c.seen[p] !== undefined) continue;
      if (RULES[p].test(c, e)) {
        c.seen[p] = e.at;
        fresh.push(p);
      }
    }
  }
  return fresh;
}
