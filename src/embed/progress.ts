// Progress the host hears about: checklist points as they tick, the lesson's position, "answered"
// statements for predictions (lesson steps and the free lab's Predict switch), and "completed" when
// a scenario is played to its end or a lesson chapter's last step is done. Each is reported once
// per run: going back and reaching the end again after a new load reports it again.
import type { PredictStep } from '../engine/lesson/types.ts';
import { scenarioText } from '../i18n/scenarios.ts';
import { useChecklist } from '../store/checklist.ts';
import { onFrame } from '../store/frames.ts';
import { useFreePredict } from '../store/lesson/free-predict.ts';
import { useLab } from '../store/store.ts';
import { freshPoints, type OutEvent, scenarioDone } from './outbound.ts';
import { useEmbed } from './view.ts';
import { activityId, answered, completed, type Interaction } from './xapi.ts';

type Post = (e: OutEvent) => void;

const base = () => `${location.origin}${location.pathname}`;
const INTERACTION: Record<PredictStep['ask'], Interaction> = {
  outcome: 'choice',
  reason: 'fill-in',
  'requested-offset': 'numeric',
  'backlog-bytes': 'numeric',
};

export function watchProgress(post: Post): void {
  useChecklist.subscribe((s, prev) => {
    const fresh = freshPoints(prev.seen, s.seen);
    if (fresh.length === 0) return;
    const seen = freshPoints({}, s.seen);
    post({ event: 'progress', checklist: { seen, fresh, total: 20 } });
  });
  watchFreePredict(post);
  watchScenarioEnd(post);
  let lesson = false;
  useEmbed.subscribe((s) => {
    if (s.chapter === null || lesson) return;
    lesson = true;
    void watchLesson(post);
  });
}

function watchFreePredict(post: Post): void {
  useFreePredict.subscribe((s, prev) => {
    if (s.phase !== 'revealed' || prev.phase === 'revealed' || !s.decision || !s.given) return;
    const lab = useLab.getState();
    post({
      event: 'statement',
      statement: answered({
        id: activityId(base(), { scenario: lab.scenario, replica: s.replica, at: lab.t }),
        name: `${s.label} (${s.replica} → ${s.master})`,
        interaction: 'choice',
        response: s.given,
        correct: s.decision.outcome,
        success: s.given === s.decision.outcome,
      }),
    });
  });
}

function watchScenarioEnd(post: Post): void {
  let done = false;
  onFrame((_f, kind) => {
    const s = useLab.getState();
    if (kind === 'ready') done = false;
    if (done || useEmbed.getState().chapter !== null || !scenarioDone(s)) return;
    done = true;
    const p = useFreePredict.getState();
    post({
      event: 'statement',
      statement: completed({
        id: activityId(base(), { scenario: s.scenario! }),
        name: scenarioText(s.scenario!, 'en', s.scenario).title,
        right: p.right,
        asked: p.asked,
      }),
    });
  }, []);
}

async function watchLesson(post: Post): Promise<void> {
  const { useLesson, answerKey, chapterScore } = await import('../store/lesson/runtime.ts');
  let finished = '';
  useLesson.subscribe((s, prev) => {
    const ch = s.lesson?.chapters[s.chapter];
    if (!ch) return;
    if (s.step !== prev.step || s.phase !== prev.phase || s.chapter !== prev.chapter)
      post({
        event: 'progress',
        lesson: {
          lesson: 27,
          chapter: s.chapter + 1,
          step: s.step + 1,
          steps: ch.steps.length,
          phase: s.phase,
        },
      });
    for (const [k, step] of ch.steps.entries()) {
      const key = answerKey(ch.id, step.id);
      const a = s.answers[key];
      if (step.kind !== 'predict' || !a || prev.answers[key]) continue;
      post({
        event: 'statement',
        statement: answered({
          id: activityId(base(), { chapter: s.chapter + 1, step: k + 1 }),
          name: `Lesson 27, chapter ${s.chapter + 1}, step ${k + 1}: ${ch.title.en}`,
          interaction: INTERACTION[step.ask],
          response: a.given,
          correct: a.answer,
          success: a.right,
        }),
      });
    }
    const last = s.step === ch.steps.length - 1 && (s.phase === 'done' || s.phase === 'finished');
    if (!last || finished === ch.id) return;
    finished = ch.id;
    const score = chapterScore(s, s.chapter);
    post({
      event: 'statement',
      statement: completed({
        id: activityId(base(), { chapter: s.chapter + 1 }),
        name: `Lesson 27, chapter ${s.chapter + 1}: ${ch.title.en}`,
        right: score.right,
        asked: score.asked,
      }),
    });
  });
}
