// The page: top bar, the cluster with the teaching panels under it, the side panel, time below.
// Discrete changes animate with CSS keyframes that prefers-reduced-motion turns off; framer-motion
// is loaded on demand only (the help dialog's rows): its core alone would push the first load past
// its 120 kB budget.
import { lazy, Suspense, useEffect } from 'react';
import { HTML_LANG } from '../i18n/index.ts';
import { syncUrl } from '../store/boot.ts';
import { useLab } from '../store/store.ts';
import { ClusterView } from './cluster/ClusterView.tsx';
import { useT } from './hooks.ts';
import { Insights } from './Insights.tsx';
import { installKeyboard } from './keyboard.ts';
import { LessonEntry, LessonSlot } from './lesson/LessonEntry.tsx';
import { Notices } from './overlays/Notices.tsx';
import { SidePanel } from './side/SidePanel.tsx';
import { TopBar } from './TopBar.tsx';
import { TimeBar } from './timeline/TimeBar.tsx';
import { WhatIfSlot } from './whatif/slot.tsx';

const Presenter = lazy(() => import('./present/Presenter.tsx'));

// Not on the first screen: loaded when a message's bytes are opened, or when the engine faults.
const RespDialog = lazy(() => import('./link/RespDialog.tsx').then((m) => ({ default: m.RespDialog })));
const FaultScreen = lazy(() =>
  import('./overlays/FaultScreen.tsx').then((m) => ({ default: m.FaultScreen })),
);
const HelpOverlay = lazy(() =>
  import('./overlays/HelpOverlay.tsx').then((m) => ({ default: m.HelpOverlay })),
);
// The fork notice (Undo) and a shared link's actions, when there is one to show.
const RecordNotices = lazy(() => import('./record/RecordNotices.tsx'));
const ScenarioFileDialog = lazy(() => import('./record/ScenarioFileDialog.tsx'));

export function App() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const phase = useLab((s) => s.phase);
  const insightsOpen = useLab((s) => s.insightsOpen);
  const resp = useLab((s) => s.resp !== null);
  const fileDialog = useLab((s) => s.fileDialog);
  const help = useLab((s) => s.helpOpen);
  const more = useLab((s) => s.linkRun !== null || s.fork !== null);
  const present = useLab((s) => s.present && s.phase !== 'fault');
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    document.title = t('app.title');
    if (useLab.getState().phase === 'ready') syncUrl();
  }, [lang, t]);
  useEffect(installKeyboard, []);
  return (
    <div className="app">
      {phase !== 'fault' && (
        <a className="skip-link" href="#side">
          {t('app.skip')}
        </a>
      )}
      <TopBar />
      <main className="main">
        {phase === 'fault' ? (
          <Suspense fallback={null}>
            <FaultScreen />
          </Suspense>
        ) : (
          <>
            <div className={`left${insightsOpen ? '' : ' insights-closed'}`}>
              <ClusterView />
              <Insights />
            </div>
            <div id="side" className="side-wrap" tabIndex={-1}>
              <LessonEntry />
              <LessonSlot />
              <WhatIfSlot />
              <SidePanel />
            </div>
          </>
        )}
      </main>
      {present && (
        <Suspense fallback={null}>
          <Presenter />
        </Suspense>
      )}
      <TimeBar />
      <Notices />
      <Suspense fallback={null}>
        {resp && <RespDialog />}
        {fileDialog && <ScenarioFileDialog />}
        {help && <HelpOverlay />}
        {more && <RecordNotices />}
      </Suspense>
      {phase === 'booting' && <p className="booting">{t('app.loading')}</p>}
    </div>
  );
}
