// The lesson panel's words, zh-CN and en side by side (the lesson's own text lives in lessons/*.json).
// Kept out of the main catalogs so the lesson chunk carries them; a test checks both languages.
import type { PsyncReason } from '../../engine/replication/psync.ts';
import { type Lang, pick } from '../../i18n/index.ts';

export const LESSON_TEXT = {
  lesson: { zh: '第 {n} 课', en: 'Lesson {n}' },
  chapter: { zh: '第 {n} 章', en: 'Chapter {n}' },
  chapterName: { zh: '第 {n} 章：{title}', en: 'Chapter {n}: {title}' },
  chapters: { zh: '章节', en: 'Chapters' },
  stepOf: { zh: '第 {k} 步，共 {n} 步', en: 'Step {k} of {n}' },
  next: { zh: '下一步', en: 'Next' },
  back: { zh: '上一步', en: 'Back' },
  stepDone: { zh: '✓ 这一步完成了 · 下一步 ↑', en: '✓ Step done · Next ↑' },
  leave: { zh: '自由实验', en: 'Free lab' },
  leaveHelp: {
    zh: '离开课程，从此刻起自由探索（Esc）',
    en: 'Leave the lesson and explore from this moment (Esc)',
  },
  keys: { zh: '→ / Enter 下一步 · ← 上一步 · Esc 自由实验', en: '→ / Enter next · ← back · Esc free lab' },
  waitingFor: { zh: '等待：{what}', en: 'Waiting for: {what}' },
  happened: { zh: '已发生：{what}（t = {t} s）', en: 'Happened: {what} (t = {t} s)' },
  skip: { zh: '跳到该事件', en: 'Skip to it' },
  yourTurn: {
    zh: '轮到你了：用界面或控制台完成这一步。',
    en: 'Your turn: do it with the buttons or the console.',
  },
  received: { zh: '引擎已收到你的操作。', en: 'The engine received your input.' },
  auto: { zh: '课程正在执行这一步……', en: 'The lesson is doing this step…' },
  autoDone: { zh: '课程已执行这一步。', en: 'The lesson did this step.' },
  hint: { zh: '提示', en: 'Hint' },
  showMe: { zh: '演示给我看', en: 'Show me' },
  predict: { zh: '预测', en: 'Predict' },
  predictHelp: {
    zh: '运行已暂停，主库还没有回答。先预测，再揭晓。',
    en: 'The run is paused before the master answers. Predict, then reveal.',
  },
  yourNumber: { zh: '你的答案', en: 'Your answer' },
  submit: { zh: '揭晓', en: 'Reveal' },
  revealing: { zh: '正在运行到主库的决定……', en: 'Playing on to the master\u2019s decision…' },
  right: { zh: '✓ 答对了', en: '✓ Right' },
  wrong: { zh: '✗ 不对：引擎给出的是 {answer}', en: '✗ Not quite: the engine says {answer}' },
  unanswered: { zh: '引擎给出的是 {answer}', en: 'The engine says {answer}' },
  values: { zh: '决定时的实时值', en: 'Live values at the decision' },
  emptyBacklog: {
    zh: '空（histlen 0，下一个字节是 {first}）',
    en: 'empty (histlen 0, the next byte is {first})',
  },
  workedBytes: {
    zh: 'master_repl_offset {m} + 1 − 请求的 offset {p} = {n} 字节',
    en: 'master_repl_offset {m} + 1 − requested offset {p} = {n} bytes',
  },
  workedOffset: {
    zh: '从库的 offset {o} + 1 = {p}：从它缺的第一个字节开始要',
    en: "the replica's offset {o} + 1 = {p}: it asks from the first byte it lacks",
  },
  newReplid: {
    zh: '{m} 还没有 backlog：它为第一个从库创建 backlog，同时换一个新的 replid。所以 +FULLRESYNC 带的是新 replid，不是上面决定时的 {old}。',
    en: '{m} has no backlog yet: it creates one for its first replica and takes a new replid with it. So +FULLRESYNC carries the new replid, not the {old} it decided with above.',
  },
  workedFull: {
    zh: '+FULLRESYNC 不从 backlog 发送任何字节：0',
    en: '+FULLRESYNC sends no backlog bytes: 0',
  },
  score: { zh: '预测 {right}/{total}', en: 'Predictions {right}/{total}' },
  finished: {
    zh: '第 27 课完成！检查清单记录了你亲眼看到的内容。按 Esc 进入自由实验继续探索。',
    en: 'Lesson 27 done! The checklist records what you saw happen. Press Esc to keep exploring in the free lab.',
  },
  loading: { zh: '正在打开本章……', en: 'Opening the chapter…' },
  badLesson: { zh: '课程文件有误，实验室照常可用：', en: 'The lesson file is invalid; the lab still works:' },
  checklist: { zh: '要点清单 {n}/20', en: 'Checklist {n}/20' },
  checklistHelp: {
    zh: '每个要点在你的运行中真的发生时打勾。点未完成的要点可跳到展示它的步骤。',
    en: 'Each point ticks when it really happens in your run. Click an open point to jump to the step that shows it.',
  },
  /** A remark after a point: in brackets, full-width in zh. */
  aside: { zh: '（{x}）', en: ' ({x})' },
  advantage: { zh: '重连 {a} · 重启 {b} · 切主 {c}', en: 'reconnect {a} · restart {b} · switch {c}' },
  reset: { zh: '清空', en: 'Reset' },
  seen: { zh: '已看到', en: 'seen' },
  notYet: { zh: '尚未看到', en: 'not yet seen' },
  freeAsk: {
    zh: '{replica} 向 {master} 发出 PSYNC。主库会回复 +CONTINUE 还是 +FULLRESYNC？',
    en: '{replica} asks {master} to PSYNC. Will it answer +CONTINUE or +FULLRESYNC?',
  },
  playOn: { zh: '继续运行', en: 'Play on' },
  costTitle: { zh: '每次重新同步的代价（本次运行）', en: 'What each resync cost (this run)' },
  costReplica: { zh: '从库', en: 'Replica' },
  costKind: { zh: '方式', en: 'Kind' },
  costBytes: { zh: '传输字节', en: 'Bytes sent' },
  costTime: { zh: '耗时 ms', en: 'Time ms' },
  costGoing: { zh: '进行中', en: 'going on' },
  genTitle: { zh: '复制 ID 的变迁（最近 12 次）', en: 'Replication IDs over time (last 12)' },
  genShare: { zh: '现在共享同一历史（replid）的节点：', en: 'Nodes sharing a history (replid) now:' },
  genWhy: { zh: '原因', en: 'Why' },
  genKept: { zh: '{node} 的 replid2（offset ≤ {n}）', en: '{node} as replid2 (offset ≤ {n})' },
  genSep: { zh: '、', en: ', ' },
  genNode: { zh: '节点', en: 'Node' },
  outcomeQ: { zh: '主库会回复？', en: 'The master will answer?' },
  reasonQ: { zh: '哪个检查决定了结果？', en: 'Which check decides it?' },
  numberQ: { zh: '填一个数字', en: 'Enter a number' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LessonTextKey = keyof typeof LESSON_TEXT;

export function lessonText(
  lang: Lang,
  key: LessonTextKey,
  vars: Record<string, string | number> = {},
): string {
  return pick(LESSON_TEXT, lang, key, vars);
}

/**
 * What a step waits for, in words: by event type, the first form whose fields are exactly the
 * pattern's (`{ type: 'link.state', replica: 'B', state: 'online' }` → "B's link goes online").
 * A pattern no form fits is shown only in the engine's words (describePattern).
 */
const PATTERN_WORDS: Record<string, { fields: string[]; zh: string; en: string }[]> = {
  'link.state': [
    { fields: ['replica', 'state'], zh: '{replica} 的链路变为 {state}', en: "{replica}'s link goes {state}" },
  ],
  'replica.state': [{ fields: ['node', 'state'], zh: '{node} 进入 {state}', en: '{node} enters {state}' }],
  'data.changed': [{ fields: ['node'], zh: '{node} 的数据改变', en: "{node}'s data changes" }],
  'message.sent': [
    { fields: ['from', 'kind'], zh: '{from} 发出 {kind}', en: '{from} sends {kind}' },
    { fields: ['from', 'to'], zh: '{from} 向 {to} 发出消息', en: '{from} sends a message to {to}' },
  ],
  'rdb.phase': [
    { fields: ['node', 'phase'], zh: '{node} 载入 RDB：{phase}', en: "{node}'s RDB load: {phase}" },
  ],
  'handshake.error': [{ fields: ['node'], zh: '{node} 握手出错', en: 'a handshake error on {node}' }],
  'psync.result': [
    { fields: ['replica', 'result'], zh: '{replica} 收到 +{result}', en: '{replica} gets +{result}' },
  ],
  'psync.decided': [
    {
      fields: ['replica'],
      zh: '主库对 {replica} 的 PSYNC 作出决定',
      en: "the master decides on {replica}'s PSYNC",
    },
  ],
};

export function patternWords(lang: Lang, p: Record<string, string | number | boolean>): string | null {
  const keys = Object.keys(p).filter((k) => k !== 'type');
  const form = PATTERN_WORDS[String(p.type)]?.find(
    (f) => f.fields.length === keys.length && f.fields.every((k) => k in p),
  );
  return form ? form[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(p[k])) : null;
}

/** Why a node took a new replid, keyed by the engine's own words (`replid.shifted` `why`, from
 * master.ts changeReplicationId and replica.ts); a why not listed here is shown as the engine says it. */
export const SHIFT_WHY: Record<string, Record<Lang, string>> = {
  'backlog created for the first replica': {
    zh: '第一个从库到来，创建 backlog',
    en: 'backlog created for the first replica',
  },
  'backlog freed after repl-backlog-ttl': {
    zh: 'repl-backlog-ttl 到期，释放 backlog',
    en: 'backlog freed after repl-backlog-ttl',
  },
  'promoted (REPLICAOF NO ONE)': {
    zh: '被提升为主库（REPLICAOF NO ONE）',
    en: 'promoted (REPLICAOF NO ONE)',
  },
  '+CONTINUE with a new replid': { zh: '+CONTINUE 带来新的 replid', en: '+CONTINUE with a new replid' },
  'full sync': { zh: '全量同步', en: 'full sync' },
};

/** PSYNC decision reasons in words (the engine's names stay beside them). */
export const REASON_TEXT: Record<PsyncReason, Record<Lang, string>> = {
  accepted: { zh: '两个条件都满足（增量）', en: 'both checks pass (partial)' },
  'accepted-replid2': {
    zh: '经 replid2 匹配（切主后增量）',
    en: 'matched through replid2 (partial after a switch)',
  },
  'full-requested': { zh: '从库请求全量（PSYNC ? -1）', en: 'the replica asks for a full sync (PSYNC ? -1)' },
  'replid-mismatch': { zh: 'replid 不同', en: 'the replid differs' },
  'replid2-offset-too-high': { zh: 'offset 超过 second_repl_offset', en: 'offset past second_repl_offset' },
  'no-backlog': { zh: '主库没有 backlog', en: 'the master has no backlog' },
  'offset-before-backlog': {
    zh: 'offset 太小，已不在 backlog 中',
    en: 'the offset is too old: no longer in the backlog',
  },
  'offset-after-master': { zh: 'offset 超过主库', en: 'the offset is past the master\u2019s' },
  'runid-mismatch': { zh: 'run id 不同（PSYNC1）', en: 'the run id differs (PSYNC1)' },
  'sync-only': { zh: '只有 SYNC：没有增量同步', en: 'SYNC only: no partial resync' },
};
