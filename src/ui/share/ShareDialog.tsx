// The share button (first screen) and its dialog (loaded the first time it opens, with the QR
// encoder): the link, selectable and copied to the clipboard when the dialog opens, and a QR code
// of it large enough to scan from the back of a classroom.
import { lazy, Suspense, useState } from 'react';
import { useT } from '../hooks.ts';
import { shareLink } from './link.ts';

const ShareBox = lazy(() => import('./ShareBox.tsx'));

/** The top bar's share button and the dialog it opens. */
export function ShareButton() {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => void shareLink().then(setUrl)}>
        {t('top.share')}
      </button>
      {url !== null && (
        <Suspense fallback={null}>
          <ShareBox url={url} onClose={() => setUrl(null)} />
        </Suspense>
      )}
    </>
  );
}
