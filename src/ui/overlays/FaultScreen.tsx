// When the engine throws: what broke, the seed and time, and a link that reproduces it —
// instead of a blank page.
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { preciseSecs } from '../format.ts';
import { useT } from '../hooks.ts';

export function FaultScreen() {
  const t = useT();
  const f = useLab((s) => s.fault);
  if (!f) return null;
  return (
    <div className="fault" role="alert" aria-labelledby="fault-title">
      <h2 id="fault-title">{t('fault.title')}</h2>
      <p>{t('fault.text')}</p>
      <pre className="mono">{f.message}</pre>
      <p className="mono">
        seed {f.seed} · t = {preciseSecs(f.at)} s
      </p>
      <p>
        <a href={f.repro}>{t('fault.repro')}</a>
      </p>
      {f.stack && (
        <details>
          <summary>{t('fault.stack')}</summary>
          <pre className="mono small">{f.stack}</pre>
        </details>
      )}
      <button type="button" onClick={() => void ctl().reload()}>
        {t('fault.reload')}
      </button>
    </div>
  );
}
