// "answered" and "completed" statements shaped like xAPI 1.0.3 (https://github.com/adlnet/xAPI-Spec):
// verb, object, result — actor-less: the course page knows its student and adds the actor (and the
// timestamp) before it forwards a statement to its LMS. Activity ids are IRIs under the lab's own
// address, so the same scenario or lesson step has the same id on every course page.

export interface Statement {
  verb: { id: string; display: { 'en-US': string } };
  object: {
    objectType: 'Activity';
    id: string;
    definition: {
      name: { 'en-US': string };
      type: string;
      interactionType?: Interaction;
      choices?: { id: string; description: { 'en-US': string } }[];
      correctResponsesPattern?: string[];
    };
  };
  result: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    score?: { raw: number; min: number; max: number; scaled: number };
  };
}

const ADL = 'http://adlnet.gov/expapi';
const verb = (name: 'answered' | 'completed') => ({ id: `${ADL}/verbs/${name}`, display: { 'en-US': name } });
/** How a prediction is answered: +CONTINUE / +FULLRESYNC, a reason word, or a number of bytes. */
export type Interaction = 'choice' | 'fill-in' | 'numeric';
const CHOICES = ['CONTINUE', 'FULLRESYNC'].map((id) => ({ id, description: { 'en-US': `+${id}` } }));

/** What an activity is: a scenario, a lesson chapter, a lesson prediction, or a free-lab prediction. */
export type Activity =
  | { scenario: string }
  | { chapter: number; step?: number }
  | { scenario: string | null; replica: string; at: number };

/** The activity's IRI under `base` (the lab's address: origin + path). */
export function activityId(base: string, a: Activity): string {
  if ('replica' in a) {
    const q = a.scenario ? `?scenario=${a.scenario}` : '';
    return `${base}${q}#psync=${a.replica}@${a.at}`;
  }
  if ('chapter' in a) return `${base}?lesson=27&chapter=${a.chapter}${a.step ? `&step=${a.step}` : ''}`;
  return `${base}?scenario=${a.scenario}`;
}

const score = (raw: number, max: number) => ({ raw, min: 0, max, scaled: max > 0 ? raw / max : 0 });

/**
 * The student predicted something about a PSYNC and the master decided: `correct` is the engine's
 * answer, `success` whether the prediction matched it (the lesson's own rule: "+CONTINUE" = "CONTINUE").
 */
export function answered(p: {
  id: string;
  name: string;
  interaction: Interaction;
  response: string;
  correct: string;
  success: boolean;
}): Statement {
  return {
    verb: verb('answered'),
    object: {
      objectType: 'Activity',
      id: p.id,
      definition: {
        name: { 'en-US': p.name },
        type: `${ADL}/activities/cmi.interaction`,
        interactionType: p.interaction,
        ...(p.interaction === 'choice' ? { choices: CHOICES } : {}),
        correctResponsesPattern: [p.correct],
      },
    },
    result: { success: p.success, response: p.response, score: score(p.success ? 1 : 0, 1) },
  };
}

/** The student played a scenario to its end, or finished a lesson chapter (`right` of `asked` predictions). */
export function completed(p: { id: string; name: string; right: number; asked: number }): Statement {
  return {
    verb: verb('completed'),
    object: {
      objectType: 'Activity',
      id: p.id,
      definition: { name: { 'en-US': p.name }, type: `${ADL}/activities/lesson` },
    },
    result: {
      success: true,
      completion: true,
      ...(p.asked > 0 ? { score: score(p.right, p.asked) } : {}),
    },
  };
}
