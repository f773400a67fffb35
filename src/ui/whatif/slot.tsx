// The what-if entry points on the first screen: the time bar's button and the side column's slot.
// Everything else (the panel, the ghost's store, its words) loads when it opens.
import { lazy, Suspense } from 'react';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';

/** The what-if UI (one chunk, lazy.tsx): the panel, the backlog sentence, or a lesson step's compare buttons. */
export const WhatIfUi = lazy(() => import('./lazy.tsx'));

export function WhatIfSlot() {
  const open = useLab((s) => s.whatIf);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <WhatIfUi part="panel" />
    </Suspense>
  );
}

export function WhatIfButton() {
  const t = useT();
  const ready = useLab((s) => s.phase === 'ready');
  const open = useLab((s) => s.whatIf);
  return (
    <button
      type="button"
      className="milestone"
      disabled={!ready}
      aria-expanded={open}
      onClick={() => useLab.setState({ whatIf: !open })}
    >
      {t('time.whatIf')}
    </button>
  );
}
