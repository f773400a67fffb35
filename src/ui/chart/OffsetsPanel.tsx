// Offsets: every node's master_repl_offset, each replica's distance behind its master, the ACK
// offset and lag its master sees, and (loaded on demand) the chart over time.
import { lazy, Suspense, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type LabState, useLab } from '../../store/store.ts';
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

/**
 * While a run plays at 1× or faster, the table's numbers change at most this often (ms), as the
 * chart beside it redraws (OffsetChart THROTTLE): at 200 writes a second each cell moves by
 * thousands a view, faster than it can be read, and its text changes relaid the table out 5 times a
 * second (~2 points of the page's main thread in bench/ui.ts). Slower, or paused, every view shows.
 */
const TABLE_MS = 500;

function useRows(): Row[] {
  const shown = useRef<{ at: number; rows: string[] } | null>(null);
  const rows = useLab(
    useShallow((s) => {
      const was = shown.current;
      const now = performance.now();
      if (was && s.playing && s.speed >= 1 && now - was.at < TABLE_MS) return was.rows;
      const rows = rowsOf(s);
      shown.current = { at: now, rows };
      return rows;
    }),
  );
  return rows.map((r) => JSON.parse(r) as Row);
}

/** Each node's row, as a string (useShallow compares them). */
function rowsOf(s: LabState): string[] {
  return s.order.map((n) => {
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
  });
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
