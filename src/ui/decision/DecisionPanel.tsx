// At each PSYNC: the master's checks with the live values, the outcome, the reason in plain words,
// and a "why" card when the outcome tends to surprise. Browse earlier decisions with ◀ ▶.
import { useEffect, useMemo, useState } from 'react';
import { ERA_VERSIONS } from '../../engine/replication/era.ts';
import type { MsgKey } from '../../i18n/index.ts';
import { useLab } from '../../store/store.ts';
import { OffsetRuler } from '../backlog/OffsetRuler.tsx';
import { lineageColor } from '../cluster/lineage.ts';
import { num, secs, shortId } from '../format.ts';
import { useT, useTable } from '../hooks.ts';
import { DEC_TEXT, type DecTextKey } from './text.ts';
import { checks, reaches, whyCards } from './why.ts';
import { panelCard, WHY_TEXT } from './why-text.ts';

function Mark({ ok }: { ok: boolean | null }) {
  const dx = useTable(DEC_TEXT);
  const t = useT();
  if (ok === null) return <span className="mark skip">– {dx('notChecked')}</span>;
  return (
    <span className={`mark ${ok ? 'yes' : 'no'}`}>{ok ? `✓ ${t('common.yes')}` : `✗ ${t('common.no')}`}</span>
  );
}

function Id({ id }: { id: string }) {
  return (
    <span
      className="mono id-chip"
      style={{ color: lineageColor(id), borderColor: lineageColor(id) }}
      title={id}
    >
      {id === '?' ? '?' : shortId(id)}
    </span>
  );
}

export function DecisionPanel() {
  const dx = useTable(DEC_TEXT);
  const t = useT();
  const wx = useTable(WHY_TEXT);
  const rev = useLab((s) => s.rev.decisions);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev stands for the decision list
  const decisions = useMemo(() => [...useLab.getState().hist.decisions], [rev]);
  const [pick, setPick] = useState<number | null>(null);
  // A new decision brings the panel to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new decision
  useEffect(() => setPick(null), [decisions.length]);
  const k = pick ?? decisions.length - 1;
  const d = decisions[k];
  const backlogSize = useLab((s) => Number(d ? (s.views[d.master]?.config['repl-backlog-size'] ?? 0) : 0));
  // A PSYNC out and not answered yet (a lesson prediction pauses right there): the decision shown
  // is an earlier one, and the panel says so instead of showing its answer as if it were this one's.
  const pending = useLab((s) =>
    s.order
      .filter((n) => {
        if (s.views[n]?.linkState !== 'REPL_STATE_RECEIVE_PSYNC_REPLY') return false;
        // Decided already (its +CONTINUE / +FULLRESYNC still on the wire): not pending.
        const sent = s.hist.replStates.findLast(
          (x) => x.node === n && x.state === 'REPL_STATE_RECEIVE_PSYNC_REPLY',
        );
        return !s.hist.decisions.some((x) => x.replica === n && x.at >= (sent?.at ?? 0));
      })
      .map((n) => `${n}→${s.views[n]?.master ?? '?'}`)
      .join(' '),
  );
  const asked = pending
    ? pending.split(' ').map((pair) => {
        const [replica, master] = pair.split('→');
        return (
          <p key={pair} className="dec-pending">
            {dx('pending', { replica, master })}
            {d ? ` ${dx('earlier')}` : ''}
          </p>
        );
      })
    : null;
  if (!d) return asked ?? <p className="dim">{dx('none')}</p>;
  const h = useLab.getState().hist;
  const earlier = h.results.filter((r) => r.replica === d.replica && r.at < d.at);
  const earlierSyncs = earlier.length;
  const since = earlier.length ? earlier[earlier.length - 1].at : -1;
  const attached =
    earlierSyncs === 0 ||
    h.consoles.some(
      (c) =>
        c.node === d.replica &&
        c.at > since &&
        c.at <= d.at &&
        /^(replicaof|slaveof)$/i.test(c.argv[0] ?? '') &&
        c.argv[1]?.toUpperCase() !== 'NO',
    );
  const result = h.results.find((r) => r.replica === d.replica && r.at >= d.at);
  const v = d.decision.values;
  const c = checks(d.decision);
  const full = d.decision.outcome === 'FULLRESYNC';
  const views = useLab.getState().views;
  const loop = reaches((n) => views[n]?.master, d.master, d.replica);
  // The sync the replica's previous PSYNC started was cut for its output buffer (the full-sync loop).
  const prevAt = decisions.slice(0, k).findLast((x) => x.replica === d.replica)?.at ?? -1;
  const obuf = h.obufCloses.filter((x) => x.replica === d.replica && x.at > prevAt && x.at <= d.at).pop();
  // The sync this decision started ends when the replica reaches CONNECTED (or never, yet).
  const syncEnd =
    h.replStates.find((x) => x.node === d.replica && x.at > d.at && x.state === 'REPL_STATE_CONNECTED')?.at ??
    Number.POSITIVE_INFINITY;
  const readDuringSync = h.consoles.some(
    (c) =>
      c.node === d.replica &&
      c.at >= d.at &&
      c.at <= syncEnd &&
      !/^(replicaof|slaveof)$/i.test(c.argv[0] ?? ''),
  );
  // Older eras (modelled from the source): their own words, no 7.0 why cards (they explain replid/replid2).
  const era = d.decision.era ?? 'psync2';
  const sync = era === 'sync';
  const idWord = era === 'psync1' ? 'runid' : 'replid';
  const cards =
    era !== 'psync2'
      ? []
      : whyCards(d.decision, {
          earlierSyncs,
          backlogSize,
          attached,
          obufClosed: !!obuf,
          readDuringSync,
          loop,
        });
  return (
    <div className="decision">
      {asked}
      <div className="dec-head">
        <h3>
          <span className="mono">
            {d.replica} → {d.master}:{' '}
            {sync ? (
              'SYNC'
            ) : (
              <>
                PSYNC <Id id={v.requestedReplid} /> {v.requestedOffset}
              </>
            )}
          </span>
        </h3>
        <span className="dim mono">t = {secs(d.at)} s</span>
        <span className="dec-nav">
          <button
            type="button"
            className="small"
            disabled={k <= 0}
            onClick={() => setPick(k - 1)}
            aria-label={dx('prev')}
          >
            ◀
          </button>
          <span className="mono">
            {k + 1}/{decisions.length}
          </span>
          <button
            type="button"
            className="small"
            disabled={k >= decisions.length - 1}
            onClick={() => setPick(k + 1)}
            aria-label={dx('next')}
          >
            ▶
          </button>
        </span>
      </div>
      {era !== 'psync2' && (
        <p className="dec-era small">
          <strong>{dx('era', { v: ERA_VERSIONS[era], era: era.toUpperCase() })}</strong>
          {d.decision.eraNote && <span className="mono"> {d.decision.eraNote}</span>}
        </p>
      )}
      {!sync && (
        <ol className="checks">
          <li>
            <span className="ck-q">{dx('q1')}</span>
            <span className="ck-v mono">
              <Id id={v.requestedReplid} /> {v.replidEqual ? '=' : '≠'} {idWord} <Id id={v.replid} />
            </span>
            <Mark ok={c.replid} />
          </li>
          {era === 'psync2' && (
            <li className={v.replidEqual ? 'moot' : ''}>
              <span className="ck-q">{dx('q2')}</span>
              <span className="ck-v mono">
                replid2 <Id id={v.replid2} />, {v.requestedOffset} ≤ second_repl_offset {v.secondReplOffset}
              </span>
              <Mark ok={v.replidEqual ? null : c.replid2} />
            </li>
          )}
          <li>
            <span className="ck-q">{dx('q3')}</span>
            <span className="ck-v mono">repl_backlog_active:{v.backlogActive ? 1 : 0}</span>
            <Mark ok={c.backlog} />
          </li>
          <li>
            <span className="ck-q">{dx('q4')}</span>
            <span className="ck-v mono">
              {num(v.backlogFirstByte)} ≤ {num(v.requestedOffset)} ≤ {num(v.masterReplOffset + 1)}
            </span>
            <Mark ok={c.window} />
          </li>
        </ol>
      )}
      {!sync && v.requestedOffset > 0 && (
        <OffsetRuler
          first={v.backlogFirstByte}
          last={v.masterReplOffset + 1}
          p={v.requestedOffset}
          active={v.backlogActive}
        />
      )}
      <div className={`outcome ${full ? 'full' : 'cont'}`} role="status">
        <strong className="mono">
          {sync
            ? dx('syncOutcome')
            : full
              ? `+FULLRESYNC ${result?.offset !== undefined ? `${shortId(result.replid || v.replid)}… ${result.offset}` : ''}`
              : `+CONTINUE ${shortId(v.replid)}…`}
        </strong>
        <span>
          {dx(`reason.${d.decision.reason}` as DecTextKey, {
            bytes: d.decision.backlogBytes,
            p: v.requestedOffset,
          })}
        </span>
        {d.decision.countsAsPartialErr && <span className="mono small">sync_partial_err +1</span>}
        {full && result?.replid && result.replid !== v.replid && (
          <span className="small">{dx('newReplid', { m: d.master })}</span>
        )}
      </div>
      {cards.map((w) => {
        const vars = {
          size: backlogSize,
          p: v.requestedOffset,
          second: v.secondReplOffset,
          replica: d.replica,
          master: d.master,
          used: obuf?.used ?? 0,
          limit: obuf?.limit ?? 0,
        };
        // The panel's own cards carry their words in its chunk; shared ones are in the catalogs.
        const [title, text] = panelCard(w)
          ? [wx(`${w}.title`), wx(`${w}.text`, vars)]
          : [t(`why.${w}.title` as MsgKey), t(`why.${w}.text` as MsgKey, vars)];
        return (
          <aside key={w} className="why" aria-label={t('why.title')}>
            <strong>{title}</strong>
            <p>{text}</p>
          </aside>
        );
      })}
    </div>
  );
}
