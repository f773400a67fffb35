// A what-if change in words, and a view's link state in the lab's words: shared by the panel and
// the lesson's compare buttons.
import type { Era, NodeView, WhatIfChange } from '../../engine/index.ts';
import type { MsgKey } from '../../i18n/index.ts';
import { linkStatus } from '../cluster/linkStatus.ts';
import type { WhatIfKey } from './text.ts';

export const ERA_NAME: Record<Era, string> = { sync: 'SYNC', psync1: 'PSYNC1', psync2: 'PSYNC2' };

export type Kind = 'era' | 'repl-backlog-size' | 'repl-backlog-ttl' | 'outage' | 'write-rate';

/** The what-if form as typed. */
export interface Draft {
  kind: Kind;
  era: Era;
  /** The replica (outage) or node (write rate) it is about. */
  who: string;
  value: string;
}

/**
 * The node a change is about: the one chosen while the form still lists it, else the first listed.
 * The lists follow the run: a form opened at t = 0 (no replica yet) named A, and once B and C were
 * replicas the list showed B while Fork sent A ("ERR no cut of A's link", QA walk 5).
 */
export function whoOf(chosen: string, names: readonly string[]): string {
  return names.includes(chosen) ? chosen : (names[0] ?? chosen);
}

/** The change the form sends, about the node it shows (`names`: the nodes its list offers). */
export function toChange(d: Draft, names: readonly string[]): WhatIfChange {
  const who = whoOf(d.who, names);
  if (d.kind === 'era') return { kind: 'era', era: d.era };
  if (d.kind === 'outage') return { kind: 'outage', replica: who, seconds: Number(d.value) };
  if (d.kind === 'write-rate') return { kind: 'write-rate', node: who, perSecond: Number(d.value) };
  return { kind: 'config', name: d.kind, value: d.value.trim() };
}

type Wx = (key: WhatIfKey, vars?: Record<string, string | number>) => string;

export function changeText(wx: Wx, c: WhatIfChange): string {
  switch (c.kind) {
    case 'era':
      return wx('chEra', { era: ERA_NAME[c.era] });
    case 'config':
      return wx('chConfig', { name: c.name, value: c.value });
    case 'outage':
      return wx('chOutage', { replica: c.replica, s: c.seconds });
    case 'write-rate':
      return wx('chRate', { node: c.node, n: c.perSecond });
  }
}

/** A node's state as the cluster view words it (main catalog keys; the link's words from linkStatus). */
export function stateKey(v: NodeView): MsgKey {
  if (v.run !== 'running') return v.run === 'down' ? 'run.down' : 'run.stopped';
  if (v.role === 'master') return 'role.master';
  return `link.${linkStatus(v)}`;
}
