// A small typed catalog: English is the reference (its keys are the type), Chinese must have every
// key (the compiler says which is missing). Redis's protocol words stay in English inside both.
// Each language is its own chunk: the page loads the one it shows (loadLang before rendering).
import type { en } from './en.ts';

export type Lang = 'zh' | 'en';
export type MsgKey = keyof typeof en;
export type Catalog = Record<MsgKey, string>;
export type Vars = Record<string, string | number>;

const catalogs: Partial<Record<Lang, Catalog>> = {};

/** Load a language's catalog (once). Render text in `lang` only after this resolved. */
export async function loadLang(lang: Lang): Promise<void> {
  if (catalogs[lang]) return;
  catalogs[lang] = lang === 'zh' ? (await import('./zh.ts')).zh : (await import('./en.ts')).en;
}

export function hasKey(lang: Lang, key: string): boolean {
  return !!catalogs[lang] && key in (catalogs[lang] as Catalog);
}

/** Fill `{name}` placeholders. A missing variable stays visible as `{name}` (easy to spot). */
export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  const text = catalogs[lang]?.[key] ?? catalogs.en?.[key] ?? catalogs.zh?.[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A `{zh, en}` table's text in `lang`, `{name}` filled from vars (a missing one stays visible). */
export function pick<K extends string>(
  table: Record<K, Record<Lang, string>>,
  lang: Lang,
  key: K,
  vars: Record<string, string | number> = {},
): string {
  return table[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** zh for a Chinese browser, else en. */
export function detectLang(languages: readonly string[]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export function isLang(x: unknown): x is Lang {
  return x === 'zh' || x === 'en';
}

/** BCP 47 tag for <html lang>. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
