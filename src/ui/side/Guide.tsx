// The side panel with nothing selected: the open scenario's story and steps (jump to each), how
// to use the lab, and the other scenarios.

import type { MsgKey } from '../../i18n/index.ts';
import { narrateStep } from '../../i18n/narrate.ts';
import { groupedScenarios, pointsInWords, SCENARIO_POINTS, scenarioText } from '../../i18n/scenarios.ts';
import { useStories } from '../../i18n/stories.ts';
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { buildSearch } from '../../store/url.ts';
import { secs } from '../format.ts';
import { useT } from '../hooks.ts';

export function Guide() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario);
  const description = useLab((s) => s.description);
  const stepTimes = useLab((s) => s.stepTimes);
  const steps = useLab((s) => s.scenarioSteps);
  const leftAt = useLab((s) => s.leftAt);
  // The step the run is in: the last one that began at or before the current time.
  const current = useLab((s) => s.stepTimes.findLastIndex((at) => at <= s.t));
  const seed = useLab((s) => s.seed);
  const catalog = useLab((s) => s.catalog);
  const meta = useLab((s) => s.scenarioMeta);
  useStories(scenario ? lang : null);
  // An opened scenario file names itself (title, zh/en description); else the catalog does.
  const text = scenario ? scenarioText(scenario, lang, meta?.text?.[lang] ?? description) : null;
  const title = meta?.title?.[lang] ?? text?.title;
  return (
    <div className="panel guide">
      <h2>{title ?? t('guide.defaultTitle')}</h2>
      <p>{text ? text.story : t('guide.defaultStory')}</p>
      {scenario && SCENARIO_POINTS[scenario] && (
        <p className="hint">{t('guide.points', { points: pointsInWords(scenario, lang) })}</p>
      )}
      {stepTimes.length > 0 && (
        <>
          <h3>{t('guide.steps')}</h3>
          <ol className="steps">
            {stepTimes.map((at, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: the steps of a scenario are a fixed list
                key={i}
                className={
                  [i === current ? 'current' : '', leftAt !== null && at > leftAt ? 'off' : '']
                    .join(' ')
                    .trim() || undefined
                }
              >
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => void ctl().seek(at)}
                  aria-current={i === current ? 'step' : undefined}
                >
                  <span>{steps[i] ? narrateStep(steps[i], t, lang) : `#${i + 1}`}</span>
                  <span className="dim mono"> @ {secs(at)} s</span>
                  {i === current && <span className="step-now"> ◀ {t('guide.current')}</span>}
                  {leftAt !== null && at > leftAt && <span className="off-note"> — {t('guide.off')}</span>}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('guide.howTitle')}</h3>
      <ul className="how">
        <li>{t('guide.how1')}</li>
        <li>{t('guide.how2')}</li>
        <li>{t('guide.how3')}</li>
        <li>{t('guide.how4')}</li>
      </ul>
      {catalog.length > 0 && (
        <>
          <h3>{t('guide.scenarios')}</h3>
          {groupedScenarios(catalog).map((g, gi, all) => (
            // Collapsed but for the open scenario's group (or the first): 60 scenarios would bury the
            // cluster under the list on a phone.
            <details
              key={g.key}
              className="scenario-group"
              open={
                g.scenarios.includes(scenario ?? '') ||
                (gi === 0 && !all.some((x) => x.scenarios.includes(scenario ?? '')))
              }
            >
              <summary>
                <h4>{t(`group.${g.key}` as MsgKey)}</h4>
              </summary>
              <ul className="scenario-list">
                {g.scenarios.map((name) => (
                  <li key={name}>
                    <a
                      href={buildSearch({ scenario: name, seed, lang })}
                      aria-current={name === scenario ? 'page' : undefined}
                    >
                      {scenarioText(name, lang, null).title}
                    </a>
                    {SCENARIO_POINTS[name] && <span className="sc-points">{pointsInWords(name, lang)}</span>}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
    </div>
  );
}
