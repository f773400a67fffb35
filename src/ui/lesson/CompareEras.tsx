// A lesson step's "compare with PSYNC1 / SYNC" (issue 11): once the case has happened, open the
// ghost run beside the chapter's run with only the protocol era changed (the same inputs replayed
// from t = 0), so the same reconnect, restart or switch plays out under the older Redis.
import type { Step } from '../../engine/lesson/types.ts';
import { useLesson } from '../../store/lesson/runtime.ts';
import { openWhatIf } from '../../store/what-if.ts';
import { ERA_NAME } from '../whatif/change.ts';
import { useWx } from '../whatif/text.ts';

export function CompareEras({ step }: { step: Step }) {
  const wx = useWx();
  const done = useLesson((s) => s.phase === 'done');
  if (!step.compare || !done) return null;
  return (
    <div className="lesson-compare">
      <p className="hint small">
        {wx('compareHelp')} {wx('eraNote')}
      </p>
      {step.compare.map((era) => (
        <button key={era} type="button" onClick={() => void openWhatIf({ kind: 'era', era })}>
          {wx('compareWith', { era: ERA_NAME[era] })}
        </button>
      ))}
    </div>
  );
}
