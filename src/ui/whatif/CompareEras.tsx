// A lesson step's "compare with PSYNC1 / SYNC" (issue 11), shown once the case has happened: opens
// the ghost run beside the chapter's run with only the protocol era changed (the same inputs
// replayed from t = 0), so the same reconnect, restart or switch plays out under the older Redis.
import type { Era } from '../../engine/index.ts';
import { openWhatIf } from '../../store/what-if.ts';
import { ERA_NAME } from './change.ts';
import { useWx } from './text.ts';

export function CompareEras({ eras }: { eras: readonly Era[] }) {
  const wx = useWx();
  return (
    <div className="lesson-compare">
      <p className="hint small">
        {wx('compareHelp')} {wx('eraNote')}
      </p>
      {eras.map((era) => (
        <button key={era} type="button" onClick={() => void openWhatIf({ kind: 'era', era })}>
          {wx('compareWith', { era: ERA_NAME[era] })}
        </button>
      ))}
    </div>
  );
}
