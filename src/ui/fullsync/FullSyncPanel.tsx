// A full sync, stage by stage with its time and detail; the RDB transfer with its progress.
import { useMemo, useState } from 'react';
import type { MsgKey } from '../../i18n/index.ts';
import { useLab } from '../../store/store.ts';
import { num, secs } from '../format.ts';
import { useT } from '../hooks.ts';
import { type FullSync, fullSyncReplicas, latestFullSync } from './stages.ts';

export function FullSyncPanel() {
  const t = useT();
  const revP = useLab((s) => s.rev.phases);
  const revD = useLab((s) => s.rev.decisions);
  const revM = useLab((s) => s.rev.messages);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revisions stand for the lists
  const who = useMemo(() => fullSyncReplicas(useLab.getState().hist), [revD]);
  const [pick, setPick] = useState<string | null>(null);
  const replica = pick && who.includes(pick) ? pick : (who[0] ?? null);
  // Stages change with events; "transfer done" also with time passing its delivery.
  const tick = useLab((s) => Math.floor(s.t / 20_000));
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const fs = useMemo(
    () => (replica ? latestFullSync(useLab.getState().hist, replica, useLab.getState().t) : null),
    [replica, revP, revD, revM, tick],
  );
  if (!replica || !fs) return <p className="dim">{t('fs.none')}</p>;
  return (
    <div className="fullsync">
      <div className="fs-head">
        <h3>{t('fs.title', { replica: fs.replica, master: fs.master, t: secs(fs.start) })}</h3>
        {who.length > 1 && (
          <fieldset className="fs-pick">
            <legend className="sr-only">{t('fs.pick')}</legend>
            {who.map((r) => (
              <button
                type="button"
                key={r}
                className="small"
                aria-pressed={r === replica}
                onClick={() => setPick(r)}
              >
                {r}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <ol className="fs-stages">
        {fs.stages.map((s, i) => (
          <li key={s.key} className={s.at !== null ? 'done' : i === fs.current ? 'current' : 'todo'}>
            <span className="fs-n">{i + 1}</span>
            <span className="fs-name">{t(`fs.${s.key}` as MsgKey)}</span>
            {s.detail && (
              <span className="fs-detail mono">
                {s.key === 'load' ? t('fs.loadKeys', { n: num(Number(s.detail)) }) : s.detail}
              </span>
            )}
            {s.at !== null && <span className="fs-t mono">{secs(s.at)} s</span>}
            {s.key === 'transfer' && <Progress fs={fs} />}
            {s.key === 'load' && fs.loadStart !== null && <LoadProgress replica={fs.replica} />}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Progress({ fs }: { fs: FullSync }) {
  const t = useT();
  const rdb = fs.rdb;
  const pct = useLab((s) =>
    rdb
      ? Math.round(
          Math.min(1, Math.max(0, (s.t - rdb.sentAt) / Math.max(1, rdb.deliverAt - rdb.sentAt))) * 100,
        )
      : 0,
  );
  if (!rdb) return null;
  return (
    <span className="fs-progress">
      <progress max={100} value={pct} aria-label={t('fs.progress')} />
      <span className="mono">
        {num(Math.round((pct / 100) * rdb.bytes))} / {num(rdb.bytes)} B
      </span>
    </span>
  );
}

/** The load window: the share loaded and the keys so far (the card climbs from 0 with it). */
function LoadProgress({ replica }: { replica: string }) {
  const t = useT();
  const pct = useLab((s) => Math.round((s.views[replica]?.loading ?? 1) * 100));
  const keys = useLab((s) => s.views[replica]?.dbsize ?? 0);
  return (
    <span className="fs-progress">
      <progress max={100} value={pct} aria-label={t('fs.loadProgress')} />
      <span className="mono">{t('fs.loadKeys', { n: num(keys) })}</span>
    </span>
  );
}
