// Small hooks shared by the views.
import { useCallback, useEffect } from 'react';
import { type Lang, type MsgKey, pick, translate, type Vars } from '../i18n/index.ts';
import { useLab } from '../store/store.ts';

/** A `{zh, en}` table's text in the page's language (a lazy panel's own words, `pick`). */
export function useTable<K extends string>(
  table: Record<K, Record<Lang, string>>,
): (key: K, vars?: Vars) => string {
  const lang = useLab((s) => s.lang);
  return useCallback((key: K, vars?: Vars) => pick(table, lang, key, vars), [lang, table]);
}

/** t(key, vars) in the current language. */
export function useT(): (key: MsgKey, vars?: Vars) => string {
  const lang = useLab((s) => s.lang);
  return useCallback((key: MsgKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}

/** One field of one node's view (re-renders only when that value changes). */
export function useNodeField<T>(
  name: string,
  pick: (v: import('../engine/index.ts').NodeView) => T,
): T | undefined {
  return useLab((s) => {
    const v = s.views[name];
    return v ? pick(v) : undefined;
  });
}

/** Open a native <dialog> as a modal while `open` holds (Esc and the close button end it). */
export function useModal(ref: React.RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [ref, open]);
}
