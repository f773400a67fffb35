// The what-if UI as one chunk with one entry, loaded on demand (slot.tsx): the panel beside the
// run, the backlog view's sentence, or a lesson step's compare buttons. One dynamic import in the
// first load, and no chunk shared with the lesson's.
import type { Era } from '../../engine/index.ts';
import BacklogSentence from './BacklogSentence.tsx';
import { CompareEras } from './CompareEras.tsx';
import WhatIfPanel from './WhatIfPanel.tsx';

export type WhatIfPart = { part: 'panel' } | { part: 'sentence' } | { part: 'compare'; eras: readonly Era[] };

export default function WhatIfUi(p: WhatIfPart) {
  if (p.part === 'compare') return <CompareEras eras={p.eras} />;
  return p.part === 'panel' ? <WhatIfPanel /> : <BacklogSentence />;
}
