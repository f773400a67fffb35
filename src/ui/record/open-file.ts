// Opening a scenario file (file picker or drop): read, parse, validate with the engine's own
// scenario rules, then load. A file that fails gets the validator's Redis-style error naming the
// step and the field, and the run on screen stays exactly as it was (nothing is sent to the worker
// before the file is known good, and a load the worker refuses changes nothing there either).
import { type Scenario, ScenarioError, validateScenario } from '../../engine/index.ts';
import { syncUrl } from '../../store/boot.ts';
import { ctl } from '../../store/instance.ts';
import { notify, useLab } from '../../store/store.ts';
import { recordText } from './text.ts';

/** Largest scenario file read (bytes); the recorded scenarios are a few KB to a few hundred KB. */
const MAX_FILE_MB = 8;

function say(text: string, kind: 'info' | 'error'): void {
  notify(kind, 'notice.text', { text }, kind === 'error' ? 0 : 8000);
}

/** Parse and validate `text` as a scenario: the scenario, or the error (Redis-style) naming step and field. */
export function readScenario(text: string, lang: 'zh' | 'en'): Scenario | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: recordText(lang, 'notJson', { message: e instanceof Error ? e.message : String(e) }) };
  }
  try {
    return validateScenario(json);
  } catch (e) {
    if (e instanceof ScenarioError) return { error: e.message };
    throw e;
  }
}

/** Open a scenario file; true when it opened (false: a notice says why, the run is unchanged). */
export async function openScenarioFile(file: File): Promise<boolean> {
  const { lang, seed } = useLab.getState();
  const bad = (message: string) => {
    say(recordText(lang, 'badFile', { file: file.name, message }), 'error');
    return false;
  };
  if (file.size > MAX_FILE_MB * 1024 * 1024) return bad(recordText(lang, 'tooBig', { mb: MAX_FILE_MB }));
  const s = readScenario(await file.text(), lang);
  if ('error' in s) return bad(s.error);
  const err = await ctl().open({ kind: 'scenario', name: s.name, json: s }, seed);
  if (err !== null) return bad(err);
  useLab.setState({
    scenarioSteps: s.steps.map((x) => x as unknown as Record<string, unknown>),
    scenarioMeta: { title: s.title, text: s.text },
    // Not in the catalog: a share link has to carry the run itself.
    acted: true,
  });
  syncUrl();
  say(recordText(lang, 'opened', { file: file.name, name: s.name }), 'info');
  return true;
}
