// The share dialog: the link (selectable, copied to the clipboard when the dialog opens) and a QR
// code of it large enough to scan from the back of a classroom. The QR encoder loads the first
// time the dialog opens.
import { lazy, Suspense, useRef, useState } from 'react';
import { notify } from '../../store/store.ts';
import { useModal, useT } from '../hooks.ts';
import { shareLink } from './link.ts';

const QrCode = lazy(() => import('./QrCode.tsx'));

async function copy(url: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(url);
    notify('info', 'notice.copied');
  } catch {
    // No clipboard (permission, file://): the dialog shows the link to select by hand.
  }
}

/** The top bar's share button and the dialog it opens. */
export function ShareButton() {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, url !== null);
  const open = async () => {
    const link = await shareLink();
    setUrl(link);
    await copy(link);
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('top.share')}
      </button>
      <dialog ref={ref} className="share" aria-labelledby="share-title" onClose={() => setUrl(null)}>
        <h2 id="share-title">{t('share.title')}</h2>
        {url !== null && (
          <>
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
            <Suspense fallback={<div className="qr qr-loading" />}>
              <QrCode text={url} label={t('share.qr')} tooLong={t('share.tooLong')} />
            </Suspense>
            <p className="hint">{t(url.startsWith('file:') ? 'share.fileHint' : 'share.scan')}</p>
          </>
        )}
        <form method="dialog">
          <button type="submit">{t('common.close')}</button>
        </form>
      </dialog>
    </>
  );
}
