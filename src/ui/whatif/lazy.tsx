// The what-if UI as one chunk with one entry, loaded on demand (slot.tsx): the panel beside the
// run, or the backlog view's sentence. One dynamic import in the first load instead of two.
import BacklogSentence from './BacklogSentence.tsx';
import WhatIfPanel from './WhatIfPanel.tsx';

export default function WhatIfUi({ part }: { part: 'panel' | 'sentence' }) {
  return part === 'panel' ? <WhatIfPanel /> : <BacklogSentence />;
}
