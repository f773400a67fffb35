// The words of recording and opening scenario files and of a shared link's action list, zh-CN and
// en side by side (each action itself: console/describe.ts inputWords). Kept out of the main
// catalogs: they load with the dialog and the panel.
import { type Lang, pick } from '../../i18n/index.ts';

export const RECORD_TEXT = {
  region: { zh: '这次运行', en: 'This run' },
  forked: {
    zh: '你在过去（t = {t} 秒）做了操作：从这里开始新的未来。',
    en: 'You acted in the past (t = {t} s): a new future starts here.',
  },
  asideToo: {
    zh: '原本安排在之后的操作（{what}）被搁置，不会发生。',
    en: 'The actions recorded after it ({what}) are set aside and will not happen.',
  },
  forkedAhead: {
    zh: '你在 t = {t} 秒做了操作。这次运行原本安排在之后的操作（{what}）被搁置，不会发生：从这里开始新的未来。',
    en: 'You acted at t = {t} s, before the actions this run had recorded for later ({what}): they are set aside and will not happen; a new future starts here.',
  },
  left: {
    zh: '运行已在 t = {t} 秒离开场景 {name}：之后记录的 {n} 个操作和后面的步骤不会发生。',
    en: 'The run has left scenario {name} at t = {t} s: its {n} recorded actions after that and its later steps will not happen.',
  },
  undo: { zh: '撤销（Ctrl+Z）', en: 'Undo (Ctrl+Z)' },
  title: { zh: '场景文件', en: 'Scenario files' },
  saveTitle: { zh: '把我的操作保存为场景', en: 'Save what I did as a scenario' },
  saveHelp: {
    zh: '到现在为止（t = {t} 秒）的运行会写成一个场景文件：同样的步骤，可以用 npm run scenario 运行，也可以在这里重新打开。',
    en: 'The run up to now (t = {t} s) is written as a scenario file: the same steps, runnable with npm run scenario and openable here again.',
  },
  name: { zh: '文件名（字母、数字、_ 和 -）', en: 'File name (letters, digits, _ and -)' },
  titleZh: { zh: '标题（中文）', en: 'Title (中文)' },
  titleEn: { zh: '标题（English）', en: 'Title (English)' },
  textZh: { zh: '说明（中文）', en: 'Description (中文)' },
  textEn: { zh: '说明（English）', en: 'Description (English)' },
  save: { zh: '保存场景文件', en: 'Save scenario file' },
  saving: { zh: '正在回放场景以检查……', en: 'Playing the scenario to check it…' },
  saved: {
    zh: '✓ 已保存 {file}：回放得到与这次运行相同的 PSYNC 结果和偏移量。',
    en: '✓ Saved {file}: it replays with the same PSYNC outcomes and offsets as this run.',
  },
  differs: {
    zh: '已保存 {file}，但回放与这次运行不同（操作之间的时间精确到毫秒，链路断开等操作会等到生效）：',
    en: 'Saved {file}, but its replay differs from this run (time between actions is kept to the millisecond; a cut waits until it takes effect):',
  },
  checkRun: { zh: '运行', en: 'run' },
  checkScenario: { zh: '场景', en: 'scenario' },
  cannot: { zh: '无法保存：{message}', en: 'Cannot save: {message}' },
  openTitle: { zh: '打开场景文件', en: 'Open a scenario file' },
  openHelp: {
    zh: '选择一个 .json 场景文件，或者把文件拖放到页面的任意位置。',
    en: 'Choose a .json scenario file, or drop one anywhere on the page.',
  },
  pick: { zh: '选择场景文件', en: 'Choose a scenario file' },
  badFile: {
    zh: '无法打开 {file}：{message}。当前的运行没有改变。',
    en: 'Could not open {file}: {message}. The run on screen is unchanged.',
  },
  notJson: {
    zh: 'ERR scenario (top level): 不是 JSON ({message})',
    en: 'ERR scenario (top level): not JSON ({message})',
  },
  tooBig: {
    zh: 'ERR scenario (top level): 文件超过 {mb} MB',
    en: 'ERR scenario (top level): the file is over {mb} MB',
  },
  opened: { zh: '已从 {file} 打开场景 {name}。', en: 'Opened scenario {name} from {file}.' },
  linkTitle: { zh: '这个链接带有 {n} 个操作：', en: 'This link carries {n} actions:' },
  linkNone: {
    zh: '这个链接没有带操作：它从集群启动开始播放。',
    en: 'This link carries no actions: it plays from the cluster starting up.',
  },
  linkMore: { zh: '……还有 {n} 个', en: '… and {n} more' },
  linkJump: { zh: '跳到 t = {t} 秒', en: 'Jump to t = {t} s' },
} as const satisfies Record<string, Record<Lang, string>>;

export type RecordTextKey = keyof typeof RECORD_TEXT;

export function recordText(
  lang: Lang,
  key: RecordTextKey,
  vars: Record<string, string | number> = {},
): string {
  return pick(RECORD_TEXT, lang, key, vars);
}
