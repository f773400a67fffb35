// The actions a shared link carries, in words (zh/en), shown when the link opens: a run does not
// start silently at t = 0 with its story hidden. Each action jumps to its time. Loaded on demand.
import type { RunRecord, TimedInput } from '../../engine/index.ts';
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { inputWords } from '../console/describe.ts';
import { useT } from '../hooks.ts';
import { recordText } from './text.ts';
import './record.css';

/** Most actions listed; the rest are counted. */
const SHOWN = 8;

/** The run's own actions: its inputs after the setup's node starts (a new run records those first). */
export function carriedActions(record: RunRecord): TimedInput[] {
  return record.inputs.slice(record.setup.nodes.length);
}

/** The ✕ that closes a notice. */
export function Dismiss({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="small" onClick={onClick} aria-label={t('common.dismiss')}>
      ✕
    </button>
  );
}

export function LinkActions() {
  const lang = useLab((s) => s.lang);
  const record = useLab((s) => s.linkRun);
  if (!record) return null;
  const actions = carriedActions(record);
  return (
    <section
      className="notice info link-carried"
      aria-label={recordText(lang, 'linkTitle', { n: actions.length })}
    >
      <div>
        <p>
          {actions.length
            ? recordText(lang, 'linkTitle', { n: actions.length })
            : recordText(lang, 'linkNone')}
        </p>
        <ol>
          {actions.slice(0, SHOWN).map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a link's actions are a fixed list
            <li key={i}>
              <button
                type="button"
                className="link-btn"
                title={recordText(lang, 'linkJump', { t: (a.at / 1e6).toFixed(3) })}
                onClick={() => void ctl().seek(a.at)}
              >
                <span className="mono">t = {(a.at / 1e6).toFixed(1)} s</span> {inputWords(a.input, lang)}
              </button>
            </li>
          ))}
        </ol>
        {actions.length > SHOWN && <p>{recordText(lang, 'linkMore', { n: actions.length - SHOWN })}</p>}
      </div>
      <Dismiss onClick={() => useLab.setState({ linkRun: null })} />
    </section>
  );
}
