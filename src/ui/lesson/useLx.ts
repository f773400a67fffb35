// The lesson panel's translator, in the page's language.
import { useTable } from '../hooks.ts';
import { LESSON_TEXT } from './text.ts';

export function useLx() {
  return useTable(LESSON_TEXT);
}
