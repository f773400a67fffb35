// The few words of the lesson entry (first screen and top bar), zh-CN and en side by side. Small:
// they are in the first load; the rest of the lesson's words load with it (text.ts).
import { type Lang, pick } from '../../i18n/index.ts';

export const ENTRY_TEXT = {
  start: { zh: '开始第 27 课', en: 'Start lesson 27' },
  resume: { zh: '继续第 27 课（第 {c} 章，第 {s} 步）', en: 'Resume lesson 27 (chapter {c}, step {s})' },
  restart: { zh: '从头开始', en: 'Start over' },
  free: { zh: '进入自由实验', en: 'Open the free lab' },
  title: { zh: 'Redis 是如何进行主从复制的', en: 'How Redis replicates from master to replica' },
  intro: {
    zh: '一节跟着真实引擎走的课：6 章，每一步都等引擎真的发生，先预测再揭晓，20 个要点在你自己的运行中打勾。',
    en: 'A lesson that follows the live engine: 6 chapters, each step waits for the engine to really do it, you predict before it reveals, and the 20 points tick in your own run.',
  },
  button: { zh: '第 27 课', en: 'Lesson 27' },
  checklist: { zh: '要点 {n}/20', en: 'Points {n}/20' },
  predict: { zh: '预测', en: 'Predict' },
  predictHelp: {
    zh: '每次有从库发出 PSYNC 时暂停，先预测主库的回答再揭晓',
    en: 'Pause at every PSYNC and predict the master\u2019s answer before it is revealed',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function entryText(
  lang: Lang,
  key: keyof typeof ENTRY_TEXT,
  vars: Record<string, number> = {},
): string {
  return pick(ENTRY_TEXT, lang, key, vars);
}
