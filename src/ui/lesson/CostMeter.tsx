// The cost meter (point 19): every resync of this run, partial and full side by side per replica.
import { useMemo } from 'react';
import { useLab } from '../../store/store.ts';
import { costRows } from './cost.ts';
import { useLx } from './useLx.ts';

export function CostMeter() {
  const lx = useLx();
  const rev = useLab((s) => s.rev.decisions + s.rev.states);
  const rows = useMemo(() => {
    void rev;
    return costRows(useLab.getState().hist).sort((a, b) => a.replica.localeCompare(b.replica) || a.at - b.at);
  }, [rev]);
  if (rows.length === 0) return null;
  return (
    <table className="lesson-cost">
      <caption>{lx('costTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{lx('costReplica')}</th>
          <th scope="col">{lx('costKind')}</th>
          <th scope="col">{lx('costBytes')}</th>
          <th scope="col">{lx('costTime')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.replica}-${r.at}`} className={r.kind}>
            <td>
              {r.replica} ← {r.master}
            </td>
            <td className="mono">{r.kind === 'full' ? '+FULLRESYNC' : '+CONTINUE'}</td>
            <td className="mono">{r.bytes.toLocaleString('en')}</td>
            {/* Still going (the run paused at the decision, chapter 5's last step): said, not "…". */}
            <td className="mono">{r.us === null ? lx('costGoing') : (r.us / 1000).toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
