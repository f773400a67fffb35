// The scenario-file dialog: save what I did as a scenario (the worker writes it with the engine's
// inverse of the op table and plays it back to check it), and open a scenario file. Loaded the
// first time the top bar's button is pressed.
import { useId, useRef, useState } from 'react';
import type { RecordedScenario } from '../../engine/index.ts';
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { useModal, useT } from '../hooks.ts';
import { openScenarioFile } from './open-file.ts';
import { type RecordTextKey, recordText } from './text.ts';
import './record.css';

/** A scenario name from free text: letters, digits, _ and - (it is also the file name). */
function cleanName(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || 'my_run';
}

function download(name: string, scenario: unknown): void {
  const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Outcome = { file: string; rec: RecordedScenario } | { error: string } | 'saving' | null;

export default function ScenarioFileDialog() {
  const onClose = () => useLab.setState({ fileDialog: false });
  const t = useT();
  const lang = useLab((s) => s.lang);
  const now = useLab((s) => s.t);
  const scenario = useLab((s) => s.scenario);
  const r = (key: RecordTextKey, vars?: Record<string, string | number>) => recordText(lang, key, vars);
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, true);
  const id = useId();
  const [name, setName] = useState(`${scenario ?? 'free_lab'}_mine`);
  const [text, setText] = useState({ titleZh: '', titleEn: '', textZh: '', textEn: '' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const both = (zh: string, en: string) =>
    zh || en ? { ...(zh ? { zh } : {}), ...(en ? { en } : {}) } : undefined;
  const save = async () => {
    const file = cleanName(name);
    setOutcome('saving');
    const res = await ctl().request({
      type: 'record-scenario',
      name: file,
      title: both(text.titleZh, text.titleEn),
      text: both(text.textZh, text.textEn),
    });
    if (res.type !== 'scenario-file')
      return setOutcome({ error: res.type === 'input-error' ? res.message : 'ERR the simulation stopped' });
    download(file, res.scenario);
    setOutcome({ file: `${file}.json`, rec: res });
  };
  const field = (key: keyof typeof text, multi = false) => {
    const props = {
      id: `${id}-${key}`,
      value: text[key],
      onChange: (e: { currentTarget: { value: string } }) =>
        setText({ ...text, [key]: e.currentTarget.value }),
    };
    return (
      <label htmlFor={props.id}>
        <span>{r(key)}</span>
        {multi ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
      </label>
    );
  };
  return (
    <dialog ref={ref} className="scenario-file" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{r('title')}</h2>
      <section>
        <h3>{r('saveTitle')}</h3>
        <p className="hint">{r('saveHelp', { t: (now / 1e6).toFixed(3) })}</p>
        <div className="sf-fields">
          <label htmlFor={`${id}-name`}>
            <span>{r('name')}</span>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
          </label>
          {field('titleZh')}
          {field('titleEn')}
          {field('textZh', true)}
          {field('textEn', true)}
        </div>
        <button type="button" onClick={() => void save()} disabled={outcome === 'saving'}>
          {r('save')}
        </button>
        <Result outcome={outcome} lang={lang} />
      </section>
      <section>
        <h3>{r('openTitle')}</h3>
        <p className="hint">{r('openHelp')}</p>
        <label className="sf-pick">
          <span>{r('pick')}</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void openScenarioFile(f).then((ok) => ok && onClose());
            }}
          />
        </label>
      </section>
      <form method="dialog">
        <button type="submit">{t('common.close')}</button>
      </form>
    </dialog>
  );
}

function Result({ outcome, lang }: { outcome: Outcome; lang: 'zh' | 'en' }) {
  if (outcome === null) return null;
  if (outcome === 'saving')
    return (
      <p className="hint" role="status">
        {recordText(lang, 'saving')}
      </p>
    );
  if ('error' in outcome)
    return (
      <p className="sf-error" role="alert">
        {recordText(lang, 'cannot', { message: outcome.error })}
      </p>
    );
  const { check } = outcome.rec;
  if (check.same)
    return (
      <div className="sf-ok" role="status">
        <p>{recordText(lang, 'saved', { file: outcome.file })}</p>
        <p className="mono">{check.run}</p>
      </div>
    );
  return (
    <div className="sf-error" role="alert">
      <p>{recordText(lang, 'differs', { file: outcome.file })}</p>
      <p className="mono">
        {recordText(lang, 'checkRun')}: {check.run}
      </p>
      <p className="mono">
        {recordText(lang, 'checkScenario')}: {check.scenario}
      </p>
    </div>
  );
}
