// A replica link's state in the words drawn on the link (link.state of the engine's events).
import type { NodeView } from '../../engine/index.ts';

export type LinkStatus = 'online' | 'transfer' | 'handshake' | 'connecting' | 'cut' | 'down';

export function linkStatus(v: Pick<NodeView, 'run' | 'linkCut' | 'linkState'>): LinkStatus {
  if (v.linkCut) return 'cut';
  if (v.run === 'down') return 'down';
  switch (v.linkState) {
    case 'REPL_STATE_CONNECTED':
      return 'online';
    case 'REPL_STATE_TRANSFER':
      return 'transfer';
    case 'REPL_STATE_CONNECT':
    case 'REPL_STATE_CONNECTING':
      return 'connecting';
    case 'REPL_STATE_NONE':
    case null:
      return 'down';
    default:
      return 'handshake';
  }
}
