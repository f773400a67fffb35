// INFO replication and ROLE exactly as Redis prints them (the engine's own text), live.
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';

export function InfoPanel({ name }: { name: string }) {
  const t = useT();
  const info = useLab((s) => s.views[name]?.info ?? '');
  const role = useLab((s) => s.views[name]?.role_ ?? '');
  const down = useLab((s) => s.views[name]?.run === 'down');
  if (down) return <p className="dim">{t('info.down')}</p>;
  return (
    <div className="info">
      <h3 className="mono">INFO replication</h3>
      <pre className="mono info-text">{info.replaceAll('\r\n', '\n')}</pre>
      <h3 className="mono">ROLE</h3>
      <pre className="mono info-text">{role}</pre>
      <Stats name={name} />
    </div>
  );
}

function Stats({ name }: { name: string }) {
  const full = useLab((s) => s.views[name]?.stats.sync_full ?? 0);
  const ok = useLab((s) => s.views[name]?.stats.sync_partial_ok ?? 0);
  const err = useLab((s) => s.views[name]?.stats.sync_partial_err ?? 0);
  return (
    <>
      <h3 className="mono">INFO stats</h3>
      <pre className="mono info-text">{`sync_full:${full}\nsync_partial_ok:${ok}\nsync_partial_err:${err}`}</pre>
    </>
  );
}
