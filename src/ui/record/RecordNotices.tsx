// The notices that come with acting in the past (where the run left its recorded future, and
// Undo) and with a shared link (the actions it carries). Loaded when one of them is first shown.
import './record.css';

import { useEffect } from 'react';
import type { LabInput } from '../../engine/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { useLab } from '../../store/store.ts';
import { undo } from '../../store/undo.ts';
import { inputWords } from '../console/describe.ts';
import { Dismiss, LinkActions } from './LinkActions.tsx';
import { recordText } from './text.ts';

/**
 * The recorded actions an action set aside, named: "启动 C" — the free lab's C stayed down, with
 * nothing on screen saying why, when a student acted in its first 0.3 s (QA walk 3).
 */
export function asideWords(aside: LabInput[], dropped: number, lang: Lang): string {
  const words = aside.map((i) => inputWords(i, lang));
  if (dropped > aside.length) words.push('…');
  return words.join(lang === 'zh' ? '、' : ', ');
}

/** The last action in the past: where the run left its recorded future, with Undo (as Ctrl+Z). */
function ForkNotice() {
  const lang = useLab((s) => s.lang);
  const fork = useLab((s) => s.fork);
  const scenario = useLab((s) => s.scenario);
  // Nothing recorded was set aside (the free lab, acting before the end of what was played): the
  // notice goes after a while, as other notices do; a dropped recorded future stays until dealt with.
  useEffect(() => {
    if (fork?.dropped !== 0) return;
    const id = setTimeout(() => useLab.setState((s) => (s.fork === fork ? { fork: null } : {})), 8000);
    return () => clearTimeout(id);
  }, [fork]);
  if (!fork) return null;
  const at = (fork.at / 1e6).toFixed(3);
  const what = asideWords(fork.aside, fork.dropped, lang);
  return (
    <div className="notice warn fork">
      <span>
        {fork.left
          ? recordText(lang, 'left', { name: scenario ?? '', t: at, n: fork.dropped })
          : fork.past
            ? recordText(lang, 'forked', { t: at }) +
              (fork.dropped > 0 ? ` ${recordText(lang, 'asideToo', { what })}` : '')
            : recordText(lang, 'forkedAhead', { t: at, what })}
      </span>
      <button type="button" className="small" onClick={() => void undo(fork.depth)}>
        {recordText(lang, 'undo')}
      </button>
      <Dismiss onClick={() => useLab.setState({ fork: null })} />
    </div>
  );
}

/** Beside the other notices (bottom right), above them; announced politely as they are. */
export default function RecordNotices() {
  const lang = useLab((s) => s.lang);
  return (
    <div
      className="notices record-notices"
      role="status"
      aria-live="polite"
      aria-label={recordText(lang, 'region')}
    >
      <LinkActions />
      <ForkNotice />
    </div>
  );
}
