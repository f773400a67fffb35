// The teaching panels under the cluster: handshake, PSYNC decision, backlog, offsets, full sync.
import { lazy, Suspense, useEffect } from 'react';
import { type InsightTab, useLab } from '../store/store.ts';
import { OffsetsPanel } from './chart/OffsetsPanel.tsx';
import { HandshakeTab } from './handshake/Stepper.tsx';
import { useT } from './hooks.ts';
import { PredictSwitch } from './lesson/LessonEntry.tsx';
import { Tabs } from './Tabs.tsx';

// The first screen shows the handshake tab: the other panels load when first opened (the first
// load stays within its budget).
const loadDecision = () => import('./decision/DecisionPanel.tsx');
const loadBacklog = () => import('./backlog/BacklogPanel.tsx');
const loadFullSync = () => import('./fullsync/FullSyncPanel.tsx');
const DecisionPanel = lazy(() => loadDecision().then((m) => ({ default: m.DecisionPanel })));
const BacklogPanel = lazy(() => loadBacklog().then((m) => ({ default: m.BacklogPanel })));
const FullSyncPanel = lazy(() => loadFullSync().then((m) => ({ default: m.FullSyncPanel })));

export const INSIGHT_TABS: InsightTab[] = ['handshake', 'decision', 'backlog', 'offsets', 'fullsync'];

export function Insights() {
  const t = useT();
  const tab = useLab((s) => s.insight);
  const follow = useLab((s) => s.follow);
  const open = useLab((s) => s.insightsOpen);
  // Fetch the other panels once the first screen is up, so a tab switch rarely waits.
  useEffect(() => {
    const id = setTimeout(() => void Promise.all([loadDecision(), loadBacklog(), loadFullSync()]), 1500);
    return () => clearTimeout(id);
  }, []);
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
        <Suspense fallback={<p className="dim">…</p>}>
          {tab === 'decision' && <DecisionPanel />}
          {tab === 'backlog' && <BacklogPanel />}
          {tab === 'fullsync' && <FullSyncPanel />}
        </Suspense>
        {tab === 'offsets' && <OffsetsPanel />}
      </Tabs>
    </section>
  );
}
