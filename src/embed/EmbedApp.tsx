// The embedded widget: the cluster and the time controls, sized by its content (the host sets
// the iframe's height from the `height` event). No page chrome; a scenario picker only when the
// URL locked nothing. controls=min: play/pause, one step, the time; controls=full: the teaching
// panels, the selected node's panel and the whole time bar too.
import { useEffect } from 'react';
import { HTML_LANG } from '../i18n/index.ts';
import { scenarioText } from '../i18n/scenarios.ts';
import { useLab } from '../store/store.ts';
import { ClusterView } from '../ui/cluster/ClusterView.tsx';
import { useT } from '../ui/hooks.ts';
import { Insights } from '../ui/Insights.tsx';
import { onKeyDown } from '../ui/keyboard.ts';
import { LessonSlot } from '../ui/lesson/LessonEntry.tsx';
import { RespDialog } from '../ui/link/RespDialog.tsx';
import { FaultScreen } from '../ui/overlays/FaultScreen.tsx';
import { Notices } from '../ui/overlays/Notices.tsx';
import { SidePanel } from '../ui/side/SidePanel.tsx';
import { ScenarioPicker } from '../ui/TopBar.tsx';
import { TimeBar } from '../ui/timeline/TimeBar.tsx';
import { useEmbed } from './view.ts';
import './embed.css';

export function EmbedApp() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const phase = useLab((s) => s.phase);
  const selected = useLab((s) => s.selected !== null);
  const { params, locked, chapter } = useEmbed();
  const full = params.controls === 'full';
  const title = useTitle();
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    document.title = t('app.title');
  }, [lang, t]);
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className={`embed embed-${params.controls}`}>
      <div className="embed-head">
        <h1 className={chapter === null ? 'embed-title' : 'sr-only'}>{title}</h1>
        {!locked && <ScenarioPicker />}
      </div>
      {params.problems.length > 0 && (
        <div role="alert" className="embed-problems">
          {params.problems.map((p) => (
            <p key={p} className="mono">
              {p}
            </p>
          ))}
        </div>
      )}
      {/* Landmarks named by the scenario: a course page with two widgets shows two of each. */}
      <main className="embed-main" aria-label={title}>
        {phase === 'fault' ? (
          <FaultScreen />
        ) : (
          <>
            <ClusterView label={`${t('cluster.title')} — ${title}`} />
            {chapter !== null && <LessonSlot />}
            {full && <Insights />}
            {full && selected && <SidePanel />}
          </>
        )}
        <TimeBar min={!full} />
      </main>
      <Notices />
      {full && <RespDialog />}
      {phase === 'booting' && <p className="booting">{t('app.loading')}</p>}
    </div>
  );
}

/** The widget's name: the scenario's title (or the lab's, or the lesson chapter's number). */
function useTitle(): string {
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario);
  const description = useLab((s) => s.description);
  const chapter = useEmbed((s) => s.chapter);
  if (chapter !== null) return `PSYNC Lab — 27.${chapter}`;
  return scenario ? scenarioText(scenario, lang, description).title : 'PSYNC Lab';
}
