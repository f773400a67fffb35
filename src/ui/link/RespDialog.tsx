// The bytes of one message: its RESP text with CR LF made visible, its size and timing.
import { useRef } from 'react';
import { useLab } from '../../store/store.ts';
import { num, secs, visibleResp } from '../format.ts';
import { useModal, useT } from '../hooks.ts';

export function RespDialog() {
  const t = useT();
  const id = useLab((s) => s.resp);
  const ref = useRef<HTMLDialogElement>(null);
  const m = id === null ? null : (useLab.getState().hist.byId.get(id) ?? null);
  useModal(ref, m !== null);
  return (
    <dialog
      ref={ref}
      className="resp-dialog"
      aria-labelledby="resp-title"
      onClose={() => useLab.setState({ resp: null })}
    >
      {m && (
        <>
          <h2 id="resp-title" className="mono">
            {m.label}
          </h2>
          <dl className="resp-meta">
            <dt>{t('resp.route')}</dt>
            <dd className="mono">
              {m.from} → {m.to}
            </dd>
            <dt>{t('resp.bytes')}</dt>
            <dd className="mono">{num(m.bytes)}</dd>
            <dt>{t('resp.sent')}</dt>
            <dd className="mono">{secs(m.sentAt, 6)} s</dd>
            <dt>{t('resp.delivered')}</dt>
            <dd className="mono">
              {m.droppedAt !== null
                ? `✗ ${secs(m.droppedAt, 6)} s (${m.dropReason})`
                : `${secs(m.deliverAt, 6)} s`}
            </dd>
            {m.offsets && (
              <>
                <dt>{t('resp.offsets')}</dt>
                <dd className="mono">
                  {num(m.offsets[0])} … {num(m.offsets[1])}
                </dd>
              </>
            )}
          </dl>
          <h3>{t('resp.bytesTitle')}</h3>
          <pre className="mono resp-bytes">{visibleResp(m.resp)}</pre>
          <form method="dialog">
            <button type="submit">{t('common.close')}</button>
          </form>
        </>
      )}
    </dialog>
  );
}
