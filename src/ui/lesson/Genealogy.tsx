// Replication-ID genealogy (point 8): every replid a node took, when and why — minted at a start or
// a promotion (the old id moved to replid2 with second_repl_offset), or taken from a master by a
// full sync or a +CONTINUE — and, now, which nodes share which history.
import { useLab } from '../../store/store.ts';
import { SHIFT_WHY } from './text.ts';
import { useLx } from './useLx.ts';

const short = (id: string) => id.slice(0, 6);

export function Genealogy() {
  const lx = useLx();
  const lang = useLab((s) => s.lang);
  useLab((s) => s.rev.decisions); // replid shifts bump this revision
  const views = useLab((s) => s.views);
  const order = useLab((s) => s.order);
  const shifts = useLab.getState().hist.shifts;
  const groups = new Map<string, string[]>();
  for (const n of order) {
    const v = views[n];
    if (v) groups.set(v.replid, [...(groups.get(v.replid) ?? []), n]);
  }
  return (
    <div className="lesson-genealogy">
      <p className="dim">{lx('genShare')}</p>
      <ul>
        {[...groups].map(([id, nodes]) => (
          <li key={id}>
            <code>{short(id)}</code> — {nodes.join(', ')}
          </li>
        ))}
      </ul>
      <table className="lesson-cost">
        <caption>{lx('genTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">t (s)</th>
            <th scope="col">{lx('genNode')}</th>
            <th scope="col">replid</th>
            <th scope="col">replid2 ≤ second_repl_offset</th>
            <th scope="col">{lx('genWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.slice(-12).map((s) => (
            <tr key={`${s.node}-${s.seq}`}>
              <td className="mono">{(s.at / 1e6).toFixed(3)}</td>
              <td>{s.node}</td>
              <td className="mono">{short(s.replid)}</td>
              <td className="mono">
                {s.secondReplOffset > 0 ? `${short(s.replid2)} ≤ ${s.secondReplOffset}` : '—'}
              </td>
              <td>{SHIFT_WHY[s.why]?.[lang] ?? s.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
