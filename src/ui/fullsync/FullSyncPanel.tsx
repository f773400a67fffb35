// A full sync, stage by stage with its time and detail; the RDB transfer with its progress.
import { useMemo, useState } from 'react';
import { useLab } from '../../store/store.ts';
import { num, secs } from '../format.ts';
import { useTable } from '../hooks.ts';
import { type FullSync, fullSyncReplicas, latestFullSync } from './stages.ts';
import { FULLSYNC_TEXT, type FullsyncTextKey } from './text.ts';

export function FullSyncPanel() {
  const fx = useTable(FULLSYNC_TEXT);
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
  if (!replica || !fs) return <p className="dim">{fx('none')}</p>;
  return (
    <div className="fullsync">
      <div className="fs-head">
        <h3>{fx('title', { replica: fs.replica, master: fs.master, t: secs(fs.start) })}</h3>
        {who.length > 1 && (
          <fieldset className="fs-pick">
            <legend className="sr-only">{fx('pick')}</legend>
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
            <span className="fs-name">{fx(`${s.key}` as FullsyncTextKey)}</span>
            {s.detail && (
              <span className="fs-detail mono">
                {s.key === 'load' ? fx('loadKeys', { n: num(Number(s.detail)) }) : s.detail}
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
  const fx = useTable(FULLSYNC_TEXT);
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
      <progress max={100} value={pct} aria-label={fx('progress')} />
      <span className="mono">
        {num(Math.round((pct / 100) * rdb.bytes))} / {num(rdb.bytes)} B
      </span>
    </span>
  );
}

/** The load window: the share loaded and the keys so far (the card climbs from 0 with it). */
function LoadProgress({ replica }: { replica: string }) {
  const fx = useTable(FULLSYNC_TEXT);
  const pct = useLab((s) => Math.round((s.views[replica]?.loading ?? 1) * 100));
  const keys = useLab((s) => s.views[replica]?.dbsize ?? 0);
  return (
    <span className="fs-progress">
      <progress max={100} value={pct} aria-label={fx('loadProgress')} />
      <span className="mono">{fx('loadKeys', { n: num(keys) })}</span>
    </span>
  );
}
