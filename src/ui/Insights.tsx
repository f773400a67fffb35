// The teaching panels under the cluster: handshake, PSYNC decision, backlog, offsets, full sync.
import { type InsightTab, useLab } from '../store/store.ts';
import { BacklogPanel } from './backlog/BacklogPanel.tsx';
import { OffsetsPanel } from './chart/OffsetsPanel.tsx';
import { DecisionPanel } from './decision/DecisionPanel.tsx';
import { FullSyncPanel } from './fullsync/FullSyncPanel.tsx';
import { HandshakeTab } from './handshake/Stepper.tsx';
import { useT } from './hooks.ts';
import { PredictSwitch } from './lesson/LessonEntry.tsx';
import { Tabs } from './Tabs.tsx';

export const INSIGHT_TABS: InsightTab[] = ['handshake', 'decision', 'backlog', 'offsets', 'fullsync'];

export function Insights() {
  const t = useT();
  const tab = useLab((s) => s.insight);
  const follow = useLab((s) => s.follow);
  const open = useLab((s) => s.insightsOpen);
  return (
    <section className={`insights${open ? '' : ' closed'}`} aria-label={t('ins.title')}>
      <Tabs
        label={t('ins.title')}
        tabs={INSIGHT_TABS.map((k) => ({ key: k, label: t(`ins.${k}`) }))}
        active={tab}
        onSelect={(k) => useLab.setState({ insight: k })}
        extra={
          <>
            <PredictSwitch />
            <label className="switch follow" title={t('ins.followHelp')}>
              <input
                type="checkbox"
                checked={follow}
                onChange={(e) => useLab.setState({ follow: e.target.checked })}
              />
              {t('ins.follow')}
            </label>
            <button
              type="button"
              className="small"
              aria-expanded={open}
              onClick={() => useLab.setState({ insightsOpen: !open })}
              title={`${open ? t('ins.hide') : t('ins.show')} (I)`}
            >
              {open ? `▾ ${t('ins.hide')}` : `▴ ${t('ins.show')}`}
            </button>
          </>
        }
      >
        {tab === 'handshake' && <HandshakeTab />}
        {tab === 'decision' && <DecisionPanel />}
        {tab === 'backlog' && <BacklogPanel />}
        {tab === 'offsets' && <OffsetsPanel />}
        {tab === 'fullsync' && <FullSyncPanel />}
      </Tabs>
    </section>
  );
}
