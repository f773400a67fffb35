// Replica → master links: a line coloured by state (connecting, handshake, transfer, online, cut),
// and a label button at its middle that selects the link (transcript, handshake stepper).
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';
import { type Layout, labelPoint, linkEnds } from './layout.ts';
import { linkStatus } from './linkStatus.ts';

interface LinkInfo {
  replica: string;
  master: string;
  status: ReturnType<typeof linkStatus>;
}

function useLinks(): LinkInfo[] {
  return useLab(
    useShallow((s) =>
      s.order
        .map((n) => s.views[n])
        .filter((v) => v?.master && s.views[v.master])
        .map((v) => `${v.name}|${v.master}|${linkStatus(v)}`),
    ),
  ).map((k) => {
    const [replica, master, status] = k.split('|');
    return { replica, master, status: status as LinkInfo['status'] };
  });
}

export function LinkLines({ layout }: { layout: Layout }) {
  const links = useLinks();
  return (
    <svg className="links" width={layout.width} height={layout.height} aria-hidden="true">
      {links.map((l) => {
        const e = linkEnds(layout, l.replica, l.master);
        if (!e) return null;
        return (
          <line
            key={l.replica}
            className={`link link-${l.status}`}
            x1={e.mx}
            y1={e.my}
            x2={e.rx}
            y2={e.ry}
            data-link={l.replica}
          />
        );
      })}
    </svg>
  );
}

export function LinkLabels({ layout }: { layout: Layout }) {
  const t = useT();
  const links = useLinks();
  const selected = useLab((s) => (s.selected?.kind === 'link' ? s.selected.replica : null));
  return (
    <>
      {links.map((l) => {
        const at = labelPoint(layout, l.replica, l.master);
        if (!at) return null;
        const word = t(`link.${l.status}`);
        return (
          <button
            type="button"
            key={l.replica}
            className={`link-label link-${l.status}${selected === l.replica ? ' selected' : ''}`}
            style={{ left: at.x, top: at.y }}
            aria-label={t('link.aria', { replica: l.replica, master: l.master, state: word })}
            aria-pressed={selected === l.replica}
            onClick={() => useLab.setState({ selected: { kind: 'link', replica: l.replica } })}
          >
            {l.status === 'cut' ? '✂ ' : ''}
            {word}
          </button>
        );
      })}
    </>
  );
}
