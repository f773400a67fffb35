// One node: role, replid (coloured by lineage) and replid2 (runid alone before 4.0), master_repl_offset, REPL_STATE_*,
// key count. The card is a button: clicking (or Enter) selects the node for the side panel.
// Discrete changes animate with CSS keyframes (appear, role flip); continuous motion lives elsewhere.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/store.ts';
import { NO_REPLID, num, shortId } from '../format.ts';
import { useT } from '../hooks.ts';
import { CARD_H, CARD_W } from './layout.ts';
import { lineageColor, nodeColor } from './lineage.ts';

/**
 * One column (a phone): the node's details open in the side panel, which may be a screen away from
 * the card that was tapped; bring its top into view (beside the cluster it already is).
 */
function revealSide(): void {
  const side = document.querySelector('.side');
  const top = side?.getBoundingClientRect().top ?? 0;
  if (top < 0 || top > innerHeight / 2) side?.scrollIntoView({ block: 'start' });
}

export function NodeCard({ name, x, y }: { name: string; x: number; y: number }) {
  const t = useT();
  const v = useLab(
    useShallow((s) => {
      const n = s.views[name];
      return n
        ? {
            port: n.port,
            run: n.run,
            role: n.role,
            replid: n.replid,
            replid2: n.replid2,
            second: n.secondReplOffset,
            offset: n.masterReplOffset,
            state: n.linkState,
            keys: n.dbsize,
            replicas: n.replicas.length,
            syncing: n.transfer !== null || n.bgsave !== null,
            loading: n.loading === null ? null : Math.round(n.loading * 100),
            failover: n.failover,
            held: n.heldWrites,
          }
        : null;
    }),
  );
  const selected = useLab((s) => s.selected?.kind === 'node' && s.selected.name === name);
  const traffic = useLab((s) => s.traffic[name] ?? 0);
  // Before 4.0 a replica names its master by run id, and there is no replid2 (PSYNC2 is 4.0).
  const psync2 = useLab((s) => s.era === 'psync2');
  const valuesId = useId();
  if (!v) return null;
  const roleWord = v.role === 'master' ? t('role.master') : t('role.replica');
  // What the badges show is read out too (the label replaces the card's text for a screen reader).
  // The name holds what changes rarely (a screen reader announces a focused button's new name): the
  // offset and key count, which change up to 10 times a second while playing, are its description.
  const flags = [
    v.run !== 'running' && t(`run.${v.run}`),
    v.failover && `FAILOVER ${v.failover}`,
    v.held > 0 && t('node.held', { n: v.held }),
  ].filter(Boolean);
  const label = [t('node.aria', { name, port: v.port, role: roleWord }), ...flags].join(t('node.ariaSep'));
  return (
    <button
      type="button"
      className={`node-card role-${v.role} run-${v.run}${selected ? ' selected' : ''}`}
      style={{ left: x - CARD_W / 2, top: y - CARD_H / 2, width: CARD_W, height: CARD_H }}
      aria-label={label}
      aria-describedby={valuesId}
      aria-pressed={selected}
      data-node={name}
      onClick={() => {
        useLab.setState({ selected: { kind: 'node', name } });
        requestAnimationFrame(revealSide);
      }}
    >
      <span className="nc-head">
        <span className="nc-name" style={{ background: nodeColor(name) }}>
          {name}
        </span>
        <span className="nc-port mono">:{v.port}</span>
        {/* keyed by role: a promotion remounts the badge, which flips in (CSS, off under reduced motion) */}
        <span key={v.role} className={`nc-role ${v.role} flip`}>
          {roleWord}
        </span>
      </span>
      {v.run !== 'running' && <span className={`nc-run ${v.run}`}>{t(`run.${v.run}`)}</span>}
      {(v.failover || v.held > 0) && (
        <span className="nc-flag mono">{flags.slice(v.run !== 'running' ? 1 : 0).join(' · ')}</span>
      )}
      <span className="nc-row">
        <span className="nc-k">{psync2 ? 'replid' : 'runid'}</span>
        <span
          className="nc-id mono"
          style={{ borderColor: lineageColor(v.replid), color: lineageColor(v.replid) }}
        >
          {shortId(v.replid)}
        </span>
        {psync2 && (
          <>
            <span className="nc-k">2</span>
            <span
              className="nc-id mono small"
              style={{ borderColor: lineageColor(v.replid2), color: lineageColor(v.replid2) }}
              title={v.replid2 === NO_REPLID ? undefined : `second_repl_offset ${v.second}`}
            >
              {shortId(v.replid2)}
            </span>
            {/* second_repl_offset beside replid2: replid2 is served for offsets up to it (point 8) */}
            {v.replid2 !== NO_REPLID && v.second > 0 && (
              <span className="nc-second mono" title={t('node.secondHelp', { n: v.second })}>
                ≤{num(v.second)}
              </span>
            )}
          </>
        )}
      </span>
      <span className="sr-only" id={valuesId}>
        {t('node.values', { offset: v.offset, keys: v.keys })}
      </span>
      <span className="nc-row">
        <span className="nc-k">offset</span>
        <span className="nc-v mono">{num(v.offset)}</span>
        <span className="nc-k">{t('node.keys')}</span>
        <span className="nc-v mono">{v.keys}</span>
      </span>
      <span className="nc-state mono">
        {v.role === 'slave' && v.state ? (
          // May break after the prefix when the card's text is large (presenter mode).
          <>
            REPL_STATE_
            <wbr />
            {v.state.replace('REPL_STATE_', '')}
          </>
        ) : (
          t('node.replicasCount', { n: v.replicas })
        )}
        {v.loading !== null && <span className="nc-traffic"> · {t('node.loading', { pct: v.loading })}</span>}
        {traffic > 0 && <span className="nc-traffic"> · {t('node.traffic', { n: traffic })}</span>}
      </span>
    </button>
  );
}
