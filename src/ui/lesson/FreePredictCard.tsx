// The free lab's prediction card (loaded with the switch): asks at each PSYNC, reveals the decision.
import { answer, resume, useFreePredict } from '../../store/lesson/free-predict.ts';
import { useLx } from './useLx.ts';
import './lesson.css';

/** Right, wrong, or — played past without an answer — what the engine said. */
function verdict(given: string | null, outcome: string, lx: ReturnType<typeof useLx>): string {
  const answer = `+${outcome}`;
  if (given === null) return lx('unanswered', { answer });
  return given === outcome ? lx('right') : lx('wrong', { answer });
}

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
          <p className={s.given === null ? '' : s.given === s.decision.outcome ? 'ok' : 'bad'}>
            {verdict(s.given, s.decision.outcome, lx)} · <span className="mono">{s.decision.reason}</span>
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
