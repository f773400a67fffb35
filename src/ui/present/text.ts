// Presenter mode's own words (loaded with it), zh-CN and en side by side.
import { type Lang, pick } from '../../i18n/index.ts';

const TEXT = {
  next: {
    zh: 'PageDown / → 下一个里程碑 · PageUp / ← 上一个 · B 黑屏',
    en: 'PageDown / → next milestone · PageUp / ← back · B blanks',
  },
  lessonKeys: {
    zh: 'PageDown / → 下一步（未完成的步骤先演示）· PageUp / ← 上一步 · B 黑屏',
    en: 'PageDown / → next (an unfinished step is shown first) · PageUp / ← back · B blanks',
  },
  at: { zh: 't = {t} s', en: 't = {t} s' },
  step: { zh: '第 {c} 章 · 第 {k}/{n} 步', en: 'Chapter {c} · step {k}/{n}' },
  caption: { zh: '当前里程碑', en: 'Current milestone' },
  blanked: {
    zh: '屏幕已黑屏：按任意键或点击恢复',
    en: 'Screen blanked: press any key or click to come back',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function presentText(lang: Lang, key: keyof typeof TEXT, vars: Record<string, string | number> = {}) {
  return pick(TEXT, lang, key, vars);
}
