// The side panel: the selected node (actions, console, INFO, dataset, log), the selected link
// (handshake stepper, RESP transcript, cut/heal), or the guide when nothing is selected.
import { useShallow } from 'zustand/react/shallow';
import { type NodeTab, useLab } from '../../store/store.ts';
import { nodeColor } from '../cluster/lineage.ts';
import { linkStatus } from '../cluster/linkStatus.ts';
import { Console } from '../console/Console.tsx';
import { Stepper } from '../handshake/Stepper.tsx';
import { useT } from '../hooks.ts';
import { Dataset } from '../info/Dataset.tsx';
import { InfoPanel } from '../info/InfoPanel.tsx';
import { LogPanel } from '../info/LogPanel.tsx';
import { Transcript } from '../link/Transcript.tsx';
import { Tabs } from '../Tabs.tsx';
import { FailoverWait } from './FailoverWait.tsx';
import { Guide } from './Guide.tsx';
import { act, NodeActions } from './NodeActions.tsx';

const NODE_TABS: NodeTab[] = ['actions', 'console', 'info', 'data', 'log'];

export function SidePanel() {
  const t = useT();
  const sel = useLab((s) => s.selected);
  return (
    <aside className="side" aria-label={t('side.title')}>
      {sel?.kind === 'node' ? (
        <NodePanel name={sel.name} />
      ) : sel?.kind === 'link' ? (
        <LinkPanel replica={sel.replica} />
      ) : (
        <Guide />
      )}
    </aside>
  );
}

function Close() {
  const t = useT();
  return (
    <button
      type="button"
      className="small close"
      onClick={() => useLab.setState({ selected: null })}
      aria-label={t('side.close')}
    >
      ✕
    </button>
  );
}

function NodePanel({ name }: { name: string }) {
  const t = useT();
  const head = useLab(
    useShallow((s) => {
      const v = s.views[name];
      return v ? { port: v.port, role: v.role, run: v.run, master: v.master } : null;
    }),
  );
  const tab = useLab((s) => s.nodeTab);
  if (!head) return null;
  return (
    <div className="panel">
      <header className="panel-head">
        <span className="nc-name big" style={{ background: nodeColor(name) }}>
          {name}
        </span>
        <h2>
          {t('side.node', { name })} <span className="mono dim">127.0.0.1:{head.port}</span>
        </h2>
        <span className={`nc-role ${head.role}`}>
          {head.role === 'master' ? t('role.master') : t('role.replica')}
        </span>
        {head.master && <span className="dim">→ {head.master}</span>}
        <Close />
      </header>
      <FailoverWait name={name} />
      <Tabs
        label={t('side.tabs', { name })}
        tabs={NODE_TABS.map((k) => ({ key: k, label: t(`tab.${k}`) }))}
        active={tab}
        onSelect={(k) => useLab.setState({ nodeTab: k })}
      >
        {tab === 'actions' && <NodeActions name={name} />}
        {tab === 'console' && <Console name={name} />}
        {tab === 'info' && <InfoPanel name={name} />}
        {tab === 'data' && <Dataset name={name} />}
        {tab === 'log' && <LogPanel name={name} />}
      </Tabs>
    </div>
  );
}

function LinkPanel({ replica }: { replica: string }) {
  const t = useT();
  const info = useLab(
    useShallow((s) => {
      const v = s.views[replica];
      return v?.master ? { master: v.master, status: linkStatus(v), cut: v.linkCut } : null;
    }),
  );
  if (!info) return null;
  return (
    <div className="panel">
      <header className="panel-head">
        <h2 className="mono">{t('side.link', { replica, master: info.master })}</h2>
        <span className={`link-pill link-${info.status}`}>{t(`link.${info.status}`)}</span>
        <Close />
      </header>
      <div className="link-actions">
        <button type="button" onClick={() => void act({ type: info.cut ? 'heal' : 'cut', replica })}>
          {info.cut ? t('act.heal', { name: replica }) : t('act.cut', { name: replica, master: info.master })}
        </button>
        <button type="button" onClick={() => useLab.setState({ selected: { kind: 'node', name: replica } })}>
          {t('side.openNode', { name: replica })}
        </button>
      </div>
      <h3>{t('side.handshake')}</h3>
      <Stepper replica={replica} />
      <h3>{t('side.transcript')}</h3>
      <Transcript replica={replica} master={info.master} />
    </div>
  );
}
