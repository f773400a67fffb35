// Messages travelling along the links. Positions come from each message's sentAt/deliverAt and
// the current virtual time, so pause, speed and scrubbing need no special cases. Drawn
// imperatively from a pool of elements on every change of `t` (no React render per frame).
// With prefers-reduced-motion, messages sit still at the middle of their lane while on the wire.
import { useEffect, useRef } from 'react';
import { inFlight, type MsgRec } from '../../store/history.ts';
import { useLab } from '../../store/store.ts';
import { type Layout, messagePoint } from './layout.ts';

/** Most messages drawn at once; beyond, the oldest are left out. */
const MAX_DRAWN = 120;
/** Most messages with a text label; the rest are dots (a burst of writes stays readable). */
const MAX_LABELLED = 24;
/** A dropped message stays visible this long after it was lost (virtual µs). */
const DROP_LINGER = 30_000;

export function kindClass(kind: MsgRec['kind']): string {
  switch (kind) {
    case 'PING':
    case 'AUTH':
    case 'REPLCONF listening-port':
    case 'REPLCONF ip-address':
    case 'REPLCONF capa':
      return 'hs';
    case 'PSYNC':
    case 'SYNC':
      return 'psync';
    case '+FULLRESYNC':
      return 'full';
    case '+CONTINUE':
      return 'cont';
    case 'RDB':
      return 'rdb';
    case 'stream':
      return 'stream';
    case 'REPLCONF ACK':
    case 'REPLCONF GETACK':
    case 'newline':
      return 'ack';
    case 'error':
      return 'err';
    default:
      return 'reply';
  }
}

function shortLabel(m: MsgRec): string {
  return m.label.length > 30 ? `${m.label.slice(0, 29)}…` : m.label;
}

export function MessageLayer({ layout }: { layout: Layout }) {
  const root = useRef<HTMLDivElement>(null);
  const layoutRef = useRef(layout);
  const drawRef = useRef<() => void>(() => {});
  layoutRef.current = layout;

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const pool: HTMLButtonElement[] = [];
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    const draw = () => {
      const s = useLab.getState();
      const msgs = inFlight(s.hist, s.t, MAX_DRAWN, DROP_LINGER);
      const l = layoutRef.current;
      let labelled = 0;
      for (let i = 0; i < msgs.length; i++) {
        const m = msgs[i];
        let b = pool[i];
        if (!b) {
          b = document.createElement('button');
          b.type = 'button';
          b.tabIndex = -1;
          el.appendChild(b);
          pool.push(b);
        }
        const lost = m.droppedAt !== null && s.t >= m.droppedAt;
        const at = lost ? (m.droppedAt as number) : s.t;
        const span = Math.max(1, m.deliverAt - m.sentAt);
        const p = messagePoint(l, m.from, m.to, reduced?.matches ? 0.5 : (at - m.sentAt) / span);
        if (!p) {
          b.hidden = true;
          continue;
        }
        const kind = kindClass(m.kind);
        const dot = kind === 'stream' || kind === 'ack' ? labelled >= MAX_LABELLED : false;
        if (!dot) labelled++;
        const key = `${m.id}|${dot}|${lost}`;
        if (b.dataset.key !== key) {
          b.dataset.key = key;
          b.dataset.id = String(m.id);
          b.className = `msg kind-${kind}${dot ? ' dot' : ''}${lost ? ' lost' : ''}`;
          b.textContent = dot ? '' : `${lost ? '✗ ' : ''}${shortLabel(m)}`;
          b.setAttribute('aria-label', `${m.label} (${m.from} → ${m.to}, ${m.bytes} bytes)`);
        }
        b.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px) translate(-50%, -50%)`;
        b.hidden = false;
      }
      for (let i = msgs.length; i < pool.length; i++) pool[i].hidden = true;
    };
    drawRef.current = draw;
    draw();
    const unsub = useLab.subscribe((st, prev) => {
      if (st.t !== prev.t || st.rev.messages !== prev.rev.messages) draw();
    });
    const onClick = (ev: MouseEvent) => {
      const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button.msg');
      if (b?.dataset.id) useLab.setState({ resp: Number(b.dataset.id), playing: false });
    };
    el.addEventListener('click', onClick);
    return () => {
      unsub();
      el.removeEventListener('click', onClick);
      el.replaceChildren();
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the layout changes (read through a ref)
  useEffect(() => {
    drawRef.current();
  }, [layout]);

  return <div ref={root} className="messages" />;
}
