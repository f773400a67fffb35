// A prediction: asked while the run is paused before the master answers, revealed with the live
// values of the decision that settled it (the decision panel beside shows the why card).
import { useId, useState } from 'react';
import type { PredictStep } from '../../engine/lesson/types.ts';
import { useLesson } from '../../store/lesson/runtime.ts';
import { useLab } from '../../store/store.ts';
import { answerWords, backlogWords, newReplidWords, short, workedNumber } from './reveal-words.ts';
import { REASON_TEXT } from './text.ts';
import { useLx } from './useLx.ts';

function Reveal({ step }: { step: PredictStep }) {
  const lx = useLx();
  const lang = useLab((s) => s.lang);
  const r = useLesson((s) => s.reveal);
  const era = useLab((s) => s.era);
  if (!r) return null;
  const fresh = r.master ? newReplidWords(r.decision, r.master, era, lang) : null;
  const v = r.decision.values;
  const shown = (a: string) => answerWords(step.ask, a, lang);
  const worked = workedNumber(step.ask, r.decision, lang);
  return (
    <div className="lesson-reveal" role="status">
      <p className={r.given === '' ? '' : r.right ? 'ok' : 'bad'}>
        {r.given === ''
          ? lx('unanswered', { answer: shown(r.answer) })
          : r.right
            ? lx('right')
            : lx('wrong', { answer: shown(r.answer) })}
      </p>
      {worked && <p className="mono">{worked}</p>}
      {fresh && <p>{fresh}</p>}
      <p className="dim">{lx('values')}</p>
      <dl className="mono">
        <dt>PSYNC</dt>
        <dd>
          {short(v.requestedReplid)} {v.requestedOffset}
        </dd>
        <dt>replid</dt>
        <dd>{short(v.replid)}</dd>
        <dt>replid2</dt>
        <dd>
          {short(v.replid2)} ≤ {v.secondReplOffset}
        </dd>
        <dt>master_repl_offset</dt>
        <dd>{v.masterReplOffset}</dd>
        <dt>backlog</dt>
        <dd>{backlogWords(v, lang)}</dd>
        <dt>→</dt>
        <dd>
          +{r.decision.outcome} · {r.decision.reason}
          {r.decision.outcome === 'CONTINUE' ? ` · ${r.decision.backlogBytes} B` : ''}
        </dd>
      </dl>
    </div>
  );
}

export function PredictView({ step, onAnswer }: { step: PredictStep; onAnswer: (a: string) => void }) {
  const lx = useLx();
  const lang = useLab((s) => s.lang);
  const phase = useLesson((s) => s.phase);
  const [num, setNum] = useState('');
  const id = useId();
  if (phase === 'revealing') return <p className="lesson-status waiting">{lx('revealing')}</p>;
  if (phase === 'done') return <Reveal step={step} />;
  if (phase !== 'asking') return null;
  return (
    <fieldset className="lesson-predict">
      <legend>
        {lx('predict')} —{' '}
        {lx(step.ask === 'outcome' ? 'outcomeQ' : step.ask === 'reason' ? 'reasonQ' : 'numberQ')}
      </legend>
      <p className="dim">{lx('predictHelp')}</p>
      {step.ask === 'outcome' && (
        <div className="row">
          <button type="button" className="mono" onClick={() => onAnswer('CONTINUE')}>
            +CONTINUE
          </button>
          <button type="button" className="mono" onClick={() => onAnswer('FULLRESYNC')}>
            +FULLRESYNC
          </button>
        </div>
      )}
      {step.ask === 'reason' && (
        <div className="col">
          {(step.choices ?? []).map((c) => (
            <button type="button" key={c} onClick={() => onAnswer(c)}>
              <span className="mono">{c}</span> — {REASON_TEXT[c]?.[lang] ?? c}
            </button>
          ))}
        </div>
      )}
      {(step.ask === 'requested-offset' || step.ask === 'backlog-bytes') && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d+$/.test(num.trim())) onAnswer(num.trim());
          }}
        >
          <label htmlFor={id}>{lx('yourNumber')}</label>
          <input
            id={id}
            inputMode="numeric"
            value={num}
            onChange={(e) => setNum(e.target.value)}
            className="mono"
          />
          <button type="submit" disabled={!/^\d+$/.test(num.trim())}>
            {lx('submit')}
          </button>
        </form>
      )}
    </fieldset>
  );
}
