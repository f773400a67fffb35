// Keyboard shortcuts (opened with ? ), as a modal dialog.
import { lazy, Suspense, useRef } from 'react';
import { useLab } from '../../store/store.ts';
import { useModal, useT } from '../hooks.ts';
import { PlainRows } from './PlainRows.tsx';

// framer-motion comes with the animated rows, loaded the first time the dialog opens.
const HelpRows = lazy(() => import('./HelpRows.tsx'));

export function HelpOverlay() {
  const t = useT();
  const open = useLab((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, open);
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onClose={() => useLab.setState({ helpOpen: false })}
    >
      <h2 id="help-title">{t('help.title')}</h2>
      <table>
        <tbody>
          {open ? (
            <Suspense fallback={<PlainRows />}>
              <HelpRows />
            </Suspense>
          ) : (
            <PlainRows />
          )}
        </tbody>
      </table>
      <p className="hint">{t('help.console')}</p>
      <form method="dialog">
        <button type="submit">{t('common.close')}</button>
      </form>
    </dialog>
  );
}
