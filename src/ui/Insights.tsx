// The teaching panels under the cluster: handshake, PSYNC decision, backlog, offsets, full sync.
import { lazy, Suspense } from 'react';
import { type InsightTab, useLab } from '../store/store.ts';
import { BacklogPanel } from './backlog/BacklogPanel.tsx';
import { OffsetsPanel } from './chart/OffsetsPanel.tsx';
import { FullSyncPanel } from './fullsync/FullSyncPanel.tsx';
import { HandshakeTab } from './handshake/Stepper.tsx';
import { useT } from './hooks.ts';
import { PredictSwitch } from './lesson/LessonEntry.tsx';
import { Tabs } from './Tabs.tsx';

// The PSYNC decision panel loads when first shown (the first PSYNC brings it forward): it is not
// on the first screen, and the first load stays within its 120 kB budget.
const DecisionPanel = lazy(() =>
  import('./decision/DecisionPanel.tsx').then((m) => ({ default: m.DecisionPanel })),
);

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
        {tab === 'decision' && (
          <Suspense fallback={null}>
            <DecisionPanel />
          </Suspense>
        )}
        {tab === 'backlog' && <BacklogPanel />}
        {tab === 'offsets' && <OffsetsPanel />}
        {tab === 'fullsync' && <FullSyncPanel />}
      </Tabs>
    </section>
  );
}
