import { it } from 'vitest';
import { Session } from '../src/worker/session.ts';
it('x', () => {
  const s = new Session();
  s.handle({ type: 'load', seed: 1, source: { kind: 'default' } });
  s.handle({ type: 'advance', to: 2e6 });
  s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] } });
  s.handle({ type: 'advance', to: 3e6 });
  const B = s.world!.nodes.get('B')!;
  const r = s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['REPLICAOF', '127.0.0.1', String(B.port)] } });
  const f = s.handle({ type: 'advance', to: 9e6 });
  if (f.type === 'frame') console.log(f.frame.events.filter(e => e.type === 'psync.result' || e.type === 'log').map(e => JSON.stringify(e)).join('\n').slice(0, 3000));
  for (const n of s.world!.nodes.values()) console.log(n.name, n.link?.master, n.link?.state, n.masterReplOffset, n.slaves.map(x => `${x.peer}:${x.replstate}:${x.ackOff}`), n.stats);
  const w = s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['SET', 'x', '1'] } });
  if (w.type === 'input') console.log(JSON.stringify(w.frame.events.filter(e => e.type === 'console')));
});
