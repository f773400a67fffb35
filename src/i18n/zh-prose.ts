// How zh text is punctuated, as the lesson file has it from the start (lessons/27.json): full-width
// marks (，：；（）“”？！), no space around them, and no space between two Chinese characters;
// Redis words stay in ASCII with a space beside Chinese ("主库 A 的 replid"). Checked over every zh
// string by i18n.test.ts and tests/lesson.test.ts; an error text in Redis's form ("ERR …") keeps
// its ASCII prefix. A half-width mark in zh (QA walk 3) read as machine-made beside the lesson.

const CJK = '[\\u4e00-\\u9fff]';
const RULES: [RegExp, string][] = [
  [new RegExp(`${CJK} +${CJK}`), 'a space between two Chinese characters'],
  [new RegExp(`[,;:] |[,;:]$|[,;:](?=${CJK})`), 'an ASCII , ; or : (use ， ； ：)'],
  [new RegExp(`(^|[ ]|${CJK})\\(`), 'an ASCII ( in prose (use （ ）)'],
  [/"/, 'an ASCII " (use “ ”)'],
  [new RegExp(`${CJK}[?!]|[?!]$`), 'an ASCII ? or ! (use ？ ！)'],
  [/ [，；：（）。、？！]|[，；：（）。、？！] /, 'a space beside a full-width mark'],
];

/** What is wrong with zh string `s` (empty when nothing; also for a string with no Chinese in it). */
export function zhProseProblems(s: string): string[] {
  if (!new RegExp(CJK).test(s) || s.startsWith('ERR ')) return [];
  return RULES.filter(([re]) => re.test(s)).map(([, why]) => why);
}
