// The 20-point checklist, compact: ticks come from the engine's events in the student's own runs
// (src/store/checklist.ts). An open point links to the step that shows it.
import { LESSON_POINTS } from '../../engine/lesson/points.ts';
import { pointText } from '../../i18n/scenarios.ts';
import { resetChecklist, useChecklist } from '../../store/checklist.ts';
import { openLesson, stepFor, useLesson } from '../../store/lesson/runtime.ts';
import { useLab } from '../../store/store.ts';
import { useLx } from './useLx.ts';

export function ChecklistView({ open = false }: { open?: boolean }) {
  const lx = useLx();
  const lang = useLab((s) => s.lang);
  const seen = useChecklist((s) => s.seen);
  const adv = useChecklist((s) => s.advantages);
  const lesson = useLesson((s) => s.lesson);
  const n = LESSON_POINTS.filter((p) => seen[p] !== undefined).length;
  const mark = (x: number | undefined) => (x === undefined ? '○' : '✓');
  return (
    <details className="lesson-checklist" open={open}>
      <summary>{lx('checklist', { n })}</summary>
      <p className="dim small">{lx('checklistHelp')}</p>
      <ol>
        {LESSON_POINTS.map((p) => {
          const done = seen[p] !== undefined;
          const target = lesson ? stepFor(lesson, p) : null;
          return (
            <li key={p} className={done ? 'done' : ''}>
              <span aria-hidden="true">{done ? '✓' : '○'}</span>{' '}
              {done || !target ? (
                <span>
                  {p}. {pointText(p, lang)}
                </span>
              ) : (
                <button type="button" className="link" onClick={() => void openLesson(target[0], target[1])}>
                  {p}. {pointText(p, lang)}
                </button>
              )}
              {p === 18 && (
                <small className="dim">
                  {lx('aside', {
                    x: lx('advantage', { a: mark(adv.reconnect), b: mark(adv.restart), c: mark(adv.switch) }),
                  })}
                </small>
              )}
              <span className="sr-only">{lx('aside', { x: lx(done ? 'seen' : 'notYet') })}</span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="small" onClick={resetChecklist}>
        {lx('reset')}
      </button>
    </details>
  );
}
