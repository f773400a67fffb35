// The "predict" switch of the free lab (loaded when switched on): the run pauses whenever a replica
// sends PSYNC, asks +CONTINUE or +FULLRESYNC, then plays to the master's decision and reveals it.
// The lesson, while open, owns the pauses; this stays quiet then.
import { create } from 'zustand';
import type { EventPattern } from '../../engine/lesson/pattern.ts';
import type { PsyncDecision } from '../../engine/replication/psync.ts';
import type { Frame } from '../../protocol.ts';
import { type FrameKind, onFrame } from '../frames.ts';
import { ctl } from '../instance.ts';
import { useLessonNav } from '../lesson-nav.ts';

const PSYNC_SENT: EventPattern = { type: 'message.sent', kind: 'PSYNC' };

export interface FreePredict {
  on: boolean;
  phase: 'idle' | 'asking' | 'revealing' | 'revealed';
  replica: string;
  master: string;
  /** The PSYNC as sent ("PSYNC 9f3c… 326"). */
  label: string;
  given: 'CONTINUE' | 'FULLRESYNC' | null;
  decision: PsyncDecision | null;
  right: number;
  asked: number;
}

export const useFreePredict = create<FreePredict>(() => ({
  on: false,
  phase: 'idle',
  replica: '',
  master: '',
  label: '',
  given: null,
  decision: null,
  right: 0,
  asked: 0,
}));

let unsubscribe: (() => void) | null = null;

function onFrameFn(frame: Frame, kind: FrameKind): void {
  if (useLessonNav.getState().open) return;
  const s = useFreePredict.getState();
  if (kind !== 'frame') {
    if (s.phase !== 'idle') useFreePredict.setState({ phase: 'idle' });
    ctl().setStop(PSYNC_SENT);
    return;
  }
  if (s.phase === 'idle') {
    const e = frame.events.find((x) => x.type === 'message.sent' && x.kind === 'PSYNC');
    if (e?.type !== 'message.sent') return;
    ctl().setStop(null);
    ctl().setPlaying(false);
    useFreePredict.setState({
      phase: 'asking',
      replica: e.from,
      master: e.to,
      label: e.label,
      given: null,
      decision: null,
    });
  } else if (s.phase === 'asking' || s.phase === 'revealing') {
    // Asking too: a student who plays on (Space, Play) instead of answering passes the decision; it is
    // shown unanswered. The card had kept asking about a PSYNC already answered, and an answer then
    // waited for this replica's next PSYNC, revealing another decision (QA walk 5).
    const e = frame.events.find((x) => x.type === 'psync.decided' && x.replica === s.replica);
    if (e?.type !== 'psync.decided') return;
    ctl().setStop(null);
    ctl().setPlaying(false);
    const right = s.given === e.decision.outcome;
    useFreePredict.setState({
      phase: 'revealed',
      decision: e.decision,
      asked: s.asked + (s.given ? 1 : 0),
      right: s.right + (right ? 1 : 0),
    });
  }
}

export function setPredicting(on: boolean): void {
  useFreePredict.setState({ on, phase: 'idle' });
  if (on) {
    unsubscribe ??= onFrame(onFrameFn, ['message.sent', 'psync.decided']);
    ctl().setStop(PSYNC_SENT);
  } else {
    unsubscribe?.();
    unsubscribe = null;
    ctl().setStop(null);
  }
}

export function answer(given: 'CONTINUE' | 'FULLRESYNC'): void {
  const s = useFreePredict.getState();
  if (s.phase !== 'asking') return;
  useFreePredict.setState({ phase: 'revealing', given });
  ctl().setStop({ type: 'psync.decided', replica: s.replica });
  ctl().setPlaying(true);
}

/** After a reveal: play on until the next PSYNC. */
export function resume(): void {
  useFreePredict.setState({ phase: 'idle' });
  ctl().setStop(PSYNC_SENT);
  ctl().setPlaying(true);
}
