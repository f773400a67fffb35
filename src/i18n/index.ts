// A small typed catalog: English is the reference (its keys are the type), Chinese must have every
// key (the compiler says which is missing). Redis's protocol words stay in English inside both.
import { en } from './en.ts';
import { zh } from './zh.ts';

export type Lang = 'zh' | 'en';
export type MsgKey = keyof typeof en;
export type Catalog = Record<MsgKey, string>;
export type Vars = Record<string, string | number>;

const catalogs: Record<Lang, Catalog> = { en, zh };

/** Fill `{name}` placeholders. A missing variable stays visible as `{name}` (easy to spot). */
export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  const text = catalogs[lang][key] ?? en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
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
