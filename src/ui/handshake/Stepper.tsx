// The handshake stepper: REPL_STATE_* in protocol order with the current step lit. `compact` is
// one row per replica (the insight tab); the full form explains each step (the link panel).
import { useMemo } from 'react';
import type { ReplState } from '../../engine/index.ts';
import type { MsgKey } from '../../i18n/index.ts';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';
import { psyncNote } from '../link/notes.ts';
import { attemptView, STEPS, stepMarks, WIRE } from './steps.ts';

function useMarks(replica: string) {
  const live = useLab((s) => s.views[replica]?.linkState ?? null);
  const rev = useLab((s) => s.rev.states);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev stands for the state history
  const view = useMemo(() => {
    const h = useLab.getState().hist;
    const psync = h.messages.findLast((m) => m.from === replica && m.kind === 'PSYNC');
    return { ...attemptView(h.replStates, h.hsErrors, replica, live), psync: psync?.label ?? '' };
  }, [replica, rev, live]);
  const current = view.current;
  return { ...view, current, marks: stepMarks(view.visited, current, view.errors) };
}

const short = (s: ReplState) => s.replace('REPL_STATE_', '');

export function Stepper({ replica, compact = false }: { replica: string; compact?: boolean }) {
  const t = useT();
  const { current, marks, errors, failed, psync } = useMarks(replica);
  const psyncWhy = psyncNote(psync);
  const replyOf = (st: ReplState) => errors.find((e) => e.state === st)?.reply ?? '';
  const master = useLab((s) => s.views[replica]?.master ?? '');
  if (compact)
    return (
      <div className="stepper compact">
        <span className="st-who mono">
          {replica}→{master}
        </span>
        <ol aria-label={t('hs.aria', { replica, state: current ?? 'REPL_STATE_NONE' })}>
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={`st st-${marks[i]}`}
              title={`${s} — ${WIRE[s] ?? ''}${replyOf(s) ? ` → ${replyOf(s)}` : ''}`}
            >
              {short(s)}
              {marks[i] === 'failed' && <span className="sr-only"> {t('hs.failedShort')}</span>}
            </li>
          ))}
        </ol>
        {failed && (
          <span className="st-fail mono" role="status">
            ✗ {failed.reply}
          </span>
        )}
      </div>
    );
  return (
    <ol className="stepper full" aria-label={t('hs.aria', { replica, state: current ?? 'REPL_STATE_NONE' })}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={`st st-${marks[i]}`}
          aria-current={marks[i] === 'current' ? 'step' : undefined}
        >
          <span className="st-dot" aria-hidden="true" />
          <span className="st-name mono">{s}</span>
          {WIRE[s] && <span className="st-wire mono">{WIRE[s]}</span>}
          {marks[i] === 'current' && <span className="st-desc">{t(`hs.${short(s)}` as MsgKey)}</span>}
          {s === 'REPL_STATE_RECEIVE_CAPA_REPLY' && marks[i] !== 'todo' && marks[i] !== 'current' && (
            <span className="st-desc dim">{t('note.capa')}</span>
          )}
          {s === 'REPL_STATE_RECEIVE_PSYNC_REPLY' && marks[i] !== 'todo' && psyncWhy && (
            <span className="st-desc mono">
              {psync.replace(/^(PSYNC \S{8})\S{32}/, '$1…')} — {t(psyncWhy.key, psyncWhy.vars)}
            </span>
          )}
          {marks[i] === 'skipped' && <span className="st-desc dim">{t('hs.skipped')}</span>}
          {marks[i] === 'failed' && (
            <span className="st-desc st-fail" role="status">
              {t('hs.failed', { reply: replyOf(s) })}
            </span>
          )}
          {marks[i] === 'warned' && (
            <span className="st-desc st-warn">{t('hs.warned', { reply: replyOf(s) })}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Every replica's stepper, one row each. */
export function HandshakeTab() {
  const t = useT();
  const replicas = useLab((s) => s.order.filter((n) => s.views[n]?.role === 'slave').join(','));
  const list = replicas ? replicas.split(',') : [];
  if (list.length === 0) return <p className="dim">{t('hs.none')}</p>;
  return (
    <div className="handshake-tab">
      <p className="hint">{t('hs.intro')}</p>
      {list.map((r) => (
        <div key={r} className="stepper-row">
          <Stepper replica={r} compact />
          <button
            type="button"
            className="small"
            onClick={() => useLab.setState({ selected: { kind: 'link', replica: r } })}
            aria-label={t('hs.open', { replica: r })}
          >
            ›
          </button>
        </div>
      ))}
    </div>
  );
}
