// The cluster: node cards in a tree (chains go deeper), links, and messages on the wire.
// The drawing is laid out in design units and scaled to fit its box (a projector and a phone show
// the same picture); below a readable scale it scrolls instead.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';
import { DurabilityNote } from './Durability.tsx';
import { LinkLabels, LinkLines } from './Links.tsx';
import { chooseLayout, heightToFit, layoutTree } from './layout.ts';
import { MessageLayer } from './MessageLayer.tsx';
import { NodeCard } from './NodeCard.tsx';

/** Below this the drawing scrolls instead of shrinking further (text would be unreadable). */
const MIN_SCALE = 0.5;
/** Below this, offer to hide the teaching panels so the cluster gets the height, and lay a deep tree sideways. */
const CRAMPED = 0.72;
const MAX_SCALE = 1.3;
/** Presenter mode: the cards grow with the room the one-panel layout leaves them (read from 8 m). */
const PRESENT_MAX_SCALE = 2.4;

function useBoxSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ w: 800, h: 400 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => {
      const r = e.contentRect;
      setSize((s) =>
        Math.abs(s.w - r.width) < 1 && Math.abs(s.h - r.height) < 1 ? s : { w: r.width, h: r.height },
      );
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/** `label`: the region's name when one page shows several labs (embedded widgets: the scenario's title). */
export function ClusterView({ label }: { label?: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const shape = useLab(useShallow((s) => s.order.map((n) => `${n}>${s.views[n]?.master ?? ''}`)));
  const both = useMemo(() => {
    const nodes = shape.map((k) => {
      const [name, master] = k.split('>');
      return { name, master: master || null };
    });
    return { down: layoutTree(nodes, 'down'), right: layoutTree(nodes, 'right') };
  }, [shape]);
  const present = useLab((s) => s.present);
  const { layout, fit } = chooseLayout(both, size, present ? PRESENT_MAX_SCALE : MAX_SCALE, CRAMPED);
  const scale = Math.max(MIN_SCALE, fit);
  // Read only by the one-column page (app.css): the cluster is as tall as the drawing needs.
  const need = heightToFit(layout, size.w, present ? PRESENT_MAX_SCALE : MAX_SCALE);
  return (
    <section
      className="cluster"
      aria-label={label ?? t('cluster.title')}
      style={{ '--cluster-need': `${need}px` } as React.CSSProperties}
    >
      <h2 className="sr-only">{t('cluster.title')}</h2>
      <div className="cluster-box" ref={box}>
        <div className="cluster-fit" style={{ width: layout.width * scale, height: layout.height * scale }}>
          <div
            className="cluster-stage"
            data-dir={layout.dir}
            style={{ width: layout.width, height: layout.height, transform: `scale(${scale})` }}
          >
            <LinkLines layout={layout} />
            {shape.map((k) => {
              const name = k.split('>')[0];
              const p = layout.pos[name];
              return p ? <NodeCard key={name} name={name} x={p.x} y={p.y} /> : null;
            })}
            <LinkLabels layout={layout} />
            <MessageLayer layout={layout} scale={scale} />
          </div>
        </div>
      </div>
      <Legend />
      <DurabilityNote />
      {scale < CRAMPED && <RoomHint />}
    </section>
  );
}

function RoomHint() {
  const t = useT();
  const open = useLab((s) => s.insightsOpen);
  if (!open) return null;
  return (
    <button
      type="button"
      className="room-hint small"
      onClick={() => useLab.setState({ insightsOpen: false })}
    >
      ⤢ {t('cluster.enlarge')}
    </button>
  );
}

function Legend() {
  const t = useT();
  return (
    <ul className="legend" aria-label={t('legend.title')}>
      {(['online', 'handshake', 'transfer', 'connecting', 'cut'] as const).map((k) => (
        <li key={k} className={`legend-${k}`}>
          <span className="swatch" aria-hidden="true" />
          {t(`link.${k}`)}
        </li>
      ))}
    </ul>
  );
}
