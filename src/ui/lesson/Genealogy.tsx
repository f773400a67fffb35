// Replication-ID genealogy (point 8): every replid a node took, when and why — minted at a start or
// a promotion (the old id moved to replid2 with second_repl_offset), or taken from a master by a
// full sync or a +CONTINUE — and, now, which nodes share which history.
import type { NodeView } from '../../engine/index.ts';
import { useLab } from '../../store/store.ts';
import { SHIFT_WHY } from './text.ts';
import { useLx } from './useLx.ts';

const short = (id: string) => id.slice(0, 6);

/** One history: the nodes whose replid it is, and those that keep it as replid2 (up to an offset). */
export interface HistoryGroup {
  id: string;
  nodes: string[];
  kept: { node: string; upTo: number }[];
}

/**
 * Which nodes share which history now. A promoted node keeps its old master's replid as replid2 up
 * to second_repl_offset: it still shares that history (a PSYNC with it continues), so it is listed
 * under it too — the list had shown A and a just-promoted B as two unrelated histories (QA walk 5).
 */
export function historyGroups(views: Record<string, NodeView | undefined>, order: string[]): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>();
  const group = (id: string) => {
    const g = groups.get(id) ?? { id, nodes: [], kept: [] };
    groups.set(id, g);
    return g;
  };
  for (const n of order) if (views[n]) group(views[n].replid).nodes.push(n);
  for (const n of order) {
    const v = views[n];
    if (v && v.secondReplOffset > 0) group(v.replid2).kept.push({ node: n, upTo: v.secondReplOffset });
  }
  return [...groups.values()];
}

export function Genealogy() {
  const lx = useLx();
  const lang = useLab((s) => s.lang);
  useLab((s) => s.rev.decisions); // replid shifts bump this revision
  const views = useLab((s) => s.views);
  const order = useLab((s) => s.order);
  const shifts = useLab.getState().hist.shifts;
  return (
    <div className="lesson-genealogy">
      <p className="dim">{lx('genShare')}</p>
      <ul>
        {historyGroups(views, order).map((g) => (
          <li key={g.id}>
            <code>{short(g.id)}</code> —{' '}
            {[...g.nodes, ...g.kept.map((k) => lx('genKept', { node: k.node, n: k.upTo }))].join(
              lx('genSep'),
            )}
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
