// Offsets: every node's master_repl_offset, each replica's distance behind its master, the ACK
// offset and lag its master sees, and (loaded on demand) the chart over time.
import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/store.ts';
import { nodeColor } from '../cluster/lineage.ts';
import { num } from '../format.ts';
import { useT } from '../hooks.ts';

const OffsetChart = lazy(() => import('./OffsetChart.tsx'));

interface Row {
  name: string;
  role: string;
  offset: number;
  master: string | null;
  behind: number | null;
  ack: number | null;
  lag: number | null;
}

function useRows(): Row[] {
  const rows = useLab(
    useShallow((s) =>
      s.order.map((n) => {
        const v = s.views[n];
        const m = v?.master ? s.views[v.master] : undefined;
        const seen = m?.replicas.find((r) => r.name === n);
        return JSON.stringify({
          name: n,
          role: v?.role ?? 'master',
          offset: v?.masterReplOffset ?? 0,
          master: v?.master ?? null,
          behind: m && v ? m.masterReplOffset - v.masterReplOffset : null,
          ack: seen ? seen.ackOffset : null,
          lag: seen ? seen.lag : null,
        });
      }),
    ),
  );
  return rows.map((r) => JSON.parse(r) as Row);
}

export function OffsetsPanel() {
  const t = useT();
  const rows = useRows();
  return (
    <div className="offsets">
      <table className="off-table">
        <thead>
          <tr>
            <th scope="col">{t('off.node')}</th>
            <th scope="col" className="mono">
              master_repl_offset
            </th>
            <th scope="col" title={t('off.behindHelp')}>
              {t('off.behind')}
            </th>
            <th scope="col" title={t('off.ackHelp')}>
              {t('off.ack')}
            </th>
            <th scope="col">lag</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                <span className="dotc" style={{ background: nodeColor(r.name) }} aria-hidden="true" />{' '}
                {r.name}
                {r.master ? <span className="dim"> → {r.master}</span> : null}
              </th>
              <td className="mono">{num(r.offset)}</td>
              <td className={`mono ${r.behind ? 'warn' : ''}`}>{r.behind === null ? '—' : num(r.behind)}</td>
              <td className="mono">{r.ack === null ? '—' : num(r.ack)}</td>
              <td className="mono">{r.lag === null ? '—' : `${r.lag} s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="off-chart">
        <Suspense fallback={<p className="dim">{t('off.loading')}</p>}>
          <OffsetChart />
        </Suspense>
      </div>
    </div>
  );
}
