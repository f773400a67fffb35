// The side panel with nothing selected: the open scenario's story and steps (jump to each), how
// to use the lab, and the other scenarios.
import { SCENARIO_POINTS, scenarioText } from '../../i18n/scenarios.ts';
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
  const stepLabels = useLab((s) => s.stepLabels);
  const leftAt = useLab((s) => s.leftAt);
  const seed = useLab((s) => s.seed);
  const catalog = useLab((s) => s.catalog);
  const meta = useLab((s) => s.scenarioMeta);
  // An opened scenario file names itself (title, zh/en description); else the catalog does.
  const text = scenario ? scenarioText(scenario, lang, meta?.text?.[lang] ?? description) : null;
  const title = meta?.title?.[lang] ?? text?.title;
  return (
    <div className="panel guide">
      <h2>{title ?? t('guide.defaultTitle')}</h2>
      <p>{text ? text.story : t('guide.defaultStory')}</p>
      {scenario && SCENARIO_POINTS[scenario] && (
        <p className="hint">{t('guide.points', { points: SCENARIO_POINTS[scenario].join(', ') })}</p>
      )}
      {stepTimes.length > 0 && (
        <>
          <h3>{t('guide.steps')}</h3>
          <ol className="steps">
            {stepTimes.map((at, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the steps of a scenario are a fixed list
              <li key={i} className={leftAt !== null && at > leftAt ? 'off' : undefined}>
                <button type="button" className="link-btn" onClick={() => void ctl().seek(at)}>
                  <span className="mono">{stepLabels[i] ?? `#${i + 1}`}</span>
                  <span className="dim mono"> @ {secs(at)} s</span>
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
          <ul className="scenario-list">
            {catalog.map((name) => (
              <li key={name}>
                <a
                  href={buildSearch({ scenario: name, seed, lang })}
                  aria-current={name === scenario ? 'page' : undefined}
                >
                  {scenarioText(name, lang, null).title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
