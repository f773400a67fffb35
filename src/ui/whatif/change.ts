// A what-if change in words, and a view's link state in the lab's words: shared by the panel and
// the lesson's compare buttons.
import type { Era, NodeView, WhatIfChange } from '../../engine/index.ts';
import type { MsgKey } from '../../i18n/index.ts';
import { linkStatus } from '../cluster/linkStatus.ts';
import type { WhatIfKey } from './text.ts';

export const ERA_NAME: Record<Era, string> = { sync: 'SYNC', psync1: 'PSYNC1', psync2: 'PSYNC2' };

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
