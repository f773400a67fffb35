// The share dialog: the link (selectable, copied to the clipboard when the dialog opens) and a QR
// code of it large enough to scan from the back of a classroom. Loaded with the QR encoder the
// first time the share button is pressed (ShareDialog.tsx).
import { useEffect, useRef } from 'react';
import { notify } from '../../store/store.ts';
import { useModal, useT } from '../hooks.ts';
import QrCode from './QrCode.tsx';

async function copy(url: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(url);
    notify('info', 'notice.copied');
  } catch {
    // No clipboard (permission, file://): the dialog shows the link to select by hand.
  }
}

export default function ShareBox({ url, onClose }: { url: string; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, true);
  useEffect(() => void copy(url), [url]);
  return (
    <dialog ref={ref} className="share" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">{t('share.title')}</h2>
      <div className="share-link">
        <input
          type="text"
          readOnly
          value={url}
          aria-label={t('share.link')}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy(url)}>
          {t('share.copy')}
        </button>
      </div>
      <QrCode text={url} label={t('share.qr')} tooLong={t('share.tooLong')} />
      <p className="hint">{t(url.startsWith('file:') ? 'share.fileHint' : 'share.scan')}</p>
      <form method="dialog">
        <button type="submit">{t('common.close')}</button>
      </form>
    </dialog>
  );
}
