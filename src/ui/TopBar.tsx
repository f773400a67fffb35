// The top bar: what is open (scenario picker), the language switch, presenter mode, scenario
// files, share and help.
import type { MsgKey } from '../i18n/index.ts';
import { groupedScenarios, scenarioText } from '../i18n/scenarios.ts';
import { openScenario, setPresent, syncUrl } from '../store/boot.ts';
import { ctl } from '../store/instance.ts';
import { useLessonNav } from '../store/lesson-nav.ts';
import { setLang, useLab } from '../store/store.ts';
import { useT } from './hooks.ts';
import { ChecklistButton, LessonButton } from './lesson/LessonEntry.tsx';
import { ShareButton } from './share/ShareDialog.tsx';

export function TopBar() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const seed = useLab((s) => s.seed);
  const present = useLab((s) => s.present);
  return (
    <header className="topbar">
      <h1>
        <span className="logo" aria-hidden="true">
          ⇄
        </span>{' '}
        PSYNC Lab <small>{t('app.subtitle')}</small>
      </h1>
      <ScenarioPicker />
      <span className="seed mono" title={t('top.seedHelp')}>
        seed {seed}
      </span>
      <div className="top-actions">
        <LessonButton />
        <ChecklistButton />
        <button
          type="button"
          onClick={() => void setLang(lang === 'zh' ? 'en' : 'zh').then(syncUrl)}
          title={t('top.langAria')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </button>
        <button
          type="button"
          className="present-toggle"
          aria-pressed={present}
          onClick={() => setPresent(!present)}
          title={t('top.presentHelp')}
        >
          {t('top.present')}
        </button>
        <button type="button" onClick={() => useLab.setState({ fileDialog: true })}>
          {t('top.scenarioFile')}
        </button>
        <ShareButton />
        <button type="button" onClick={() => useLab.setState({ helpOpen: true })} title="?">
          ? {t('top.help')}
        </button>
      </div>
    </header>
  );
}

/** The picker's value while the lesson's chapter run is open (no scenario name can be empty). */
const LESSON_RUN = ' lesson';

/**
 * Which scenario is open (the default lab, a catalog scenario, or one opened by link) — or a lesson
 * chapter's run, in the lesson and after leaving it (QA walk 3: it said "Free lab" over chapter 2's
 * run, whose A has a password). Picking a scenario there opens it, which leaves the lesson.
 */
export function ScenarioPicker() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario);
  const catalog = useLab((s) => s.catalog);
  const seed = useLab((s) => s.seed);
  const lesson = useLessonNav((s) => s.run);
  const pick = (v: string) => v !== LESSON_RUN && void openScenario(ctl(), v || null, seed);
  return (
    <label className="picker">
      <span className="picker-label">{t('top.scenario')}</span>
      <select value={lesson ? LESSON_RUN : (scenario ?? '')} onChange={(e) => pick(e.target.value)}>
        {lesson > 0 && <option value={LESSON_RUN}>{t('top.lessonRun', { n: lesson })}</option>}
        <option value="">{t('top.defaultLab')}</option>
        {groupedScenarios(catalog).map((g) => (
          <optgroup key={g.key} label={t(`group.${g.key}` as MsgKey)}>
            {g.scenarios.map((n) => (
              <option key={n} value={n}>
                {scenarioText(n, lang, null).title}
              </option>
            ))}
          </optgroup>
        ))}
        {scenario && !catalog.includes(scenario) && <option value={scenario}>{scenario}</option>}
      </select>
    </label>
  );
}
