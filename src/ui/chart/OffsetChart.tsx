// The offsets over virtual time (uPlot, loaded on demand): one line per node's
// master_repl_offset, and the top master's backlog window [first byte, master_repl_offset] as a band.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { translate } from '../../i18n/index.ts';
import type { Sample } from '../../protocol.ts';
import { useLab } from '../../store/store.ts';
import { nodeColor } from '../cluster/lineage.ts';

/** Redraw at most this often (ms): the chart is a summary, not the animation. */
const THROTTLE = 500;
/** Most points drawn per series: older samples are thinned evenly (the line keeps its shape). */
const MAX_POINTS = 600;

export function chartData(all: Sample[], nodes: string[], band: string | null): uPlot.AlignedData {
  const k = Math.ceil(all.length / MAX_POINTS);
  const samples = k > 1 ? all.filter((_, i) => i % k === 0 || i === all.length - 1) : all;
  const x = samples.map((s) => s.at / 1e6);
  const lines = nodes.map((n) => samples.map((s) => s.nodes[n]?.[0] ?? null));
  const lo = samples.map((s) => (band && s.nodes[band] && s.nodes[band][1] >= 0 ? s.nodes[band][1] : null));
  const hi = samples.map((s) => (band && s.nodes[band] && s.nodes[band][2] >= 0 ? s.nodes[band][2] : null));
  return [x, ...lines, hi, lo] as uPlot.AlignedData;
}

export default function OffsetChart() {
  const box = useRef<HTMLDivElement>(null);
  const nodes = useLab((s) => s.order.join(','));
  const band = useLab((s) => s.order.find((n) => s.views[n]?.role === 'master') ?? null);
  const lang = useLab((s) => s.lang);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const names = nodes ? nodes.split(',') : [];
    const bandLabel = translate(lang, 'off.band', { name: band ?? '' });
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: Math.max(120, el.clientHeight - 30),
      scales: { x: { time: false } },
      axes: [{ label: translate(lang, 'off.axisT') }, { size: 64 }],
      series: [
        {},
        ...names.map((n) => ({ label: n, stroke: nodeColor(n), width: 2 })),
        { label: `${bandLabel} ↑`, stroke: 'rgba(21,128,61,0.5)', width: 1, dash: [4, 4] },
        { label: `${bandLabel} ↓`, stroke: 'rgba(21,128,61,0.5)', width: 1, dash: [4, 4] },
      ],
      bands: [{ series: [names.length + 1, names.length + 2], fill: 'rgba(21,128,61,0.12)' }],
      legend: { live: false },
    };
    const read = () => chartData(useLab.getState().hist.samples, names, band);
    const u = new uPlot(opts, read(), el);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsub = useLab.subscribe((s, p) => {
      if (s.rev.samples === p.rev.samples || timer) return;
      // Redraw in an idle moment after a frame, not in the middle of one.
      timer = setTimeout(() => {
        const run = () => {
          timer = null;
          u.setData(read());
        };
        if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: THROTTLE });
        else run();
      }, THROTTLE);
    });
    const ro = new ResizeObserver(() =>
      u.setSize({ width: Math.max(200, el.clientWidth), height: Math.max(120, el.clientHeight - 30) }),
    );
    ro.observe(el);
    return () => {
      unsub();
      ro.disconnect();
      if (timer) clearTimeout(timer);
      u.destroy();
    };
  }, [nodes, band, lang]);
  return <div className="chart" ref={box} role="img" aria-label={translate(lang, 'off.chartAria')} />;
}
