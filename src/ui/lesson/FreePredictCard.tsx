// The free lab's prediction card (loaded with the switch): asks at each PSYNC, reveals the decision.
import { answer, resume, useFreePredict } from '../../store/lesson/free-predict.ts';
import { useLx } from './useLx.ts';
import './lesson.css';

export default function FreePredictCard() {
  const lx = useLx();
  const s = useFreePredict();
  if (!s.on || s.phase === 'idle') return null;
  return (
    <section className="free-predict" aria-label={lx('predict')}>
      <p>
        <strong>{lx('freeAsk', { replica: s.replica, master: s.master })}</strong> <code>{s.label}</code>
      </p>
      {s.phase === 'asking' && (
        <div className="row">
          <button type="button" className="mono" onClick={() => answer('CONTINUE')}>
            +CONTINUE
          </button>
          <button type="button" className="mono" onClick={() => answer('FULLRESYNC')}>
            +FULLRESYNC
          </button>
        </div>
      )}
      {s.phase === 'revealing' && <p className="dim">{lx('revealing')}</p>}
      {s.phase === 'revealed' && s.decision && (
        <div role="status">
          <p className={s.given === s.decision.outcome ? 'ok' : 'bad'}>
            {s.given === s.decision.outcome ? lx('right') : lx('wrong', { answer: s.decision.outcome })} ·{' '}
            <span className="mono">{s.decision.reason}</span>
          </p>
          <p className="dim">{lx('score', { right: s.right, total: s.asked })}</p>
          <button type="button" onClick={resume}>
            {lx('playOn')}
          </button>
        </div>
      )}
    </section>
  );
}
