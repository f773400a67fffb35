// Notices: forks (with Undo), milestones, errors in Redis's words. Status messages are announced
// politely, errors assertively.
import { ctl } from '../../store/instance.ts';
import { dismiss, type Notice, useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';

function Item({ n }: { n: Notice }) {
  const t = useT();
  return (
    <div className={`notice ${n.kind}`}>
      <span>{t(n.key, n.vars)}</span>
      <button type="button" className="small" onClick={() => dismiss(n.id)} aria-label={t('common.dismiss')}>
        ✕
      </button>
    </div>
  );
}

/** The last action in the past: where the run left its recorded future, and Undo. */
function ForkItem() {
  const t = useT();
  const fork = useLab((s) => s.fork);
  const scenario = useLab((s) => s.scenario);
  if (!fork) return null;
  const at = (fork.at / 1e6).toFixed(3);
  return (
    <div className="notice warn fork">
      <span>
        {fork.left ? t('notice.left', { name: scenario ?? '', t: at }) : t('notice.forked', { t: at })}
      </span>
      <button type="button" className="small" onClick={() => void ctl().undo(fork.depth)}>
        {t('notice.undo')}
      </button>
      <button
        type="button"
        className="small"
        onClick={() => useLab.setState({ fork: null })}
        aria-label={t('common.dismiss')}
      >
        ✕
      </button>
    </div>
  );
}

export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  return (
    <div className="notices">
      <div role="status" aria-live="polite" aria-label={t('notices.title')}>
        <ForkItem />
        {notices
          .filter((n) => n.kind !== 'error')
          .map((n) => (
            <Item key={n.id} n={n} />
          ))}
      </div>
      <div role="alert" aria-label={t('notices.errors')}>
        {notices
          .filter((n) => n.kind === 'error')
          .map((n) => (
            <Item key={n.id} n={n} />
          ))}
      </div>
    </div>
  );
}
