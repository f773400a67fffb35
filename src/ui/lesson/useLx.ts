// The lesson panel's translator, in the page's language.
import { useLab } from '../../store/store.ts';
import { type LessonTextKey, lessonText } from './text.ts';

export function useLx() {
  const lang = useLab((s) => s.lang);
  return (key: LessonTextKey, vars?: Record<string, string | number>) => lessonText(lang, key, vars);
}
