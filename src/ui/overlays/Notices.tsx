// Notices: forks, milestones, errors in Redis's words. Status messages are announced politely,
// errors assertively.
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

export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  return (
    <div className="notices">
      <div role="status" aria-live="polite" aria-label={t('notices.title')}>
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
