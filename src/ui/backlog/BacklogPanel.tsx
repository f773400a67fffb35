// The backlog of one node (the selected one, else the top master): the ring to scale or 7.0's
// block list, its numbers as INFO names them, and the last PSYNC's requested offset pinned on it.
import { Suspense, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/store.ts';
import { num, secs } from '../format.ts';
import { useTable } from '../hooks.ts';
import { WhatIfUi } from '../whatif/slot.tsx';
import { Blocks } from './Blocks.tsx';
import { OffsetRuler } from './OffsetRuler.tsx';
import { Ring } from './Ring.tsx';
import { BACKLOG_TEXT } from './text.ts';

function useBacklogNode(): string | null {
  return useLab((s) => {
    const sel = s.selected?.kind === 'node' ? s.selected.name : null;
    if (sel && s.views[sel]?.backlog.active) return sel;
    if (sel && s.views[sel]?.role === 'master') return sel;
    return (
      s.order.find((n) => s.views[n]?.role === 'master' && s.views[n]?.run !== 'down') ?? s.order[0] ?? null
    );
  });
}

export function BacklogPanel() {
  const bx = useTable(BACKLOG_TEXT);
  const name = useBacklogNode();
  // The 7.0 block list is 7.0's (2.8–6.2 kept the ring); Redis ≤ 2.6 had no backlog at all.
  const era = useLab((s) => s.era);
  const blocks = useLab((s) => s.blocks && s.era === 'psync2');
  const b = useLab((s) => (name ? s.views[name]?.backlog : undefined));
  const replicas = useLab(useShallow((s) => (name ? (s.views[name]?.replicas ?? []) : [])));
  const rev = useLab((s) => s.rev.decisions);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev stands for the decision list
  const last = useMemo(() => {
    const ds = useLab.getState().hist.decisions;
    for (let i = ds.length - 1; i >= 0; i--) if (ds[i].master === name) return ds[i];
    return null;
  }, [name, rev]);
  if (era === 'sync') return <p className="dim">{bx('syncEra')}</p>;
  if (!name || !b) return <p className="dim">{bx('none')}</p>;
  // PSYNC ? -1 asks for no offset: nothing to pin.
  const asked = last && last.decision.values.requestedOffset > 0 ? last : null;
  const pin = asked ? asked.decision.values.requestedOffset : null;
  const window = b.active ? `[${num(b.firstByteOffset)} … ${num(b.masterReplOffset)}]` : '—';
  return (
    <div className="backlog">
      <div className="bl-figure">
        {blocks ? (
          <Blocks
            backlog={b}
            pin={pin}
            cursors={replicas
              .filter((r) => r.sendPos !== null)
              .map((r) => ({ name: r.name, pos: r.sendPos as number }))}
          />
        ) : (
          <Ring backlog={b} pin={pin} acks={replicas.map((r) => ({ name: r.name, offset: r.ackOffset }))} />
        )}
      </div>
      <div className="bl-side">
        <div className="bl-head">
          <h3>{bx('of', { name })}</h3>
          {era === 'psync2' && (
            <label className="switch">
              <input
                type="checkbox"
                checked={blocks}
                onChange={(e) => useLab.setState({ blocks: e.target.checked })}
              />
              {bx('showBlocks')}
            </label>
          )}
        </div>
        <dl className="bl-nums mono">
          <dt>repl_backlog_size</dt>
          <dd>{num(b.size)}</dd>
          <dt>repl_backlog_first_byte_offset</dt>
          <dd>{b.active ? num(b.firstByteOffset) : '—'}</dd>
          <dt>repl_backlog_histlen</dt>
          <dd>{num(b.histlen)}</dd>
          <dt>master_repl_offset</dt>
          <dd>{num(b.masterReplOffset)}</dd>
          <dt>{bx('window')}</dt>
          <dd>{window}</dd>
        </dl>
        {last && !asked && (
          <p className="bl-pin out">{bx('pinFull', { replica: last.replica, t: secs(last.at) })}</p>
        )}
        {asked && (
          <p className={`bl-pin ${asked.decision.values.inWindow ? 'in' : 'out'}`}>
            {bx(asked.decision.values.inWindow ? 'pinIn' : 'pinOut', {
              replica: asked.replica,
              p: num(asked.decision.values.requestedOffset),
              first: num(asked.decision.values.backlogFirstByte),
              last: num(asked.decision.values.masterReplOffset + 1),
              t: secs(asked.at),
              outcome: `+${asked.decision.outcome}`,
            })}
          </p>
        )}
        {asked && (
          <OffsetRuler
            first={asked.decision.values.backlogFirstByte}
            last={asked.decision.values.masterReplOffset + 1}
            p={asked.decision.values.requestedOffset}
            active={asked.decision.values.backlogActive}
          />
        )}
        {!blocks && b.histlen > b.size && (
          <p className="hint">{bx('extra', { n: num(b.histlen - b.size) })}</p>
        )}
        {!blocks && <p className="hint small">{bx('ringNote')}</p>}
        <Suspense fallback={null}>
          <WhatIfUi part="sentence" />
        </Suspense>
      </div>
    </div>
  );
}
