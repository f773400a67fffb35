// The cluster view's durability note: how many acknowledged writes were lost in a failover, and
// what the last WAIT answered beside it (WAIT reports replicas; it does not make a write durable).
import { useMemo } from 'react';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';
import { durability } from './durability.ts';

export function DurabilityNote() {
  const t = useT();
  const rev = useLab((s) => s.rev.decisions);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision stands for the history lists
  const d = useMemo(() => durability(useLab.getState().hist), [rev]);
  if (d.lost === 0 && !d.lastWait) return null;
  return (
    <div className="durability" role="status">
      <span className={d.lost > 0 ? 'lost' : ''}>{t('dur.lost', { n: d.lost })}</span>
      {d.lastWait && (
        <span className="mono">
          {t('dur.wait', { node: d.lastWait.node, asked: d.lastWait.asked, got: d.lastWait.got })}
        </span>
      )}
      {d.lost > 0 && (
        // Folded: open, the card would cover the nodes it explains.
        <details className="why" aria-label={t('why.title')}>
          <summary>
            <strong>{t('why.ackedLost.title')}</strong>
          </summary>
          <p>{t('why.ackedLost.text')}</p>
        </details>
      )}
    </div>
  );
}
