// The what-if words (issue 11), zh-CN and en side by side: they load with the what-if chunk, not
// with the first screen (a test checks both languages and their placeholders).
import type { Lang } from '../../i18n/index.ts';
import { useTable } from '../hooks.ts';

export const WHATIF_TEXT = {
  title: { zh: '如果……', en: 'What if…' },
  intro: {
    zh: '从此刻（t = {t} s）分出第二条时间线，只改一处；两条线共用时间轴，一起播放。',
    en: 'Fork a second timeline from this moment (t = {t} s) with one change; both share the time bar and play together.',
  },
  change: { zh: '改变什么', en: 'What to change' },
  era: { zh: '协议版本', en: 'Protocol era' },
  eraSync: { zh: 'SYNC（Redis ≤ 2.6）', en: 'SYNC (Redis ≤ 2.6)' },
  eraPsync1: { zh: 'PSYNC1（Redis 2.8–3.2）', en: 'PSYNC1 (Redis 2.8–3.2)' },
  eraPsync2: { zh: 'PSYNC2（Redis 4.0+，本实验的 7.0）', en: 'PSYNC2 (Redis 4.0+, this lab’s 7.0)' },
  eraNote: {
    zh: '旧版本（2.6 / 2.8–3.2）是按 Redis 源码建模的，没有用真实的旧版 redis-server 运行验证。',
    en: 'Older eras are modelled from the Redis source (2.6 / 2.8–3.2), not run against real binaries.',
  },
  backlogSize: { zh: 'repl-backlog-size（字节）', en: 'repl-backlog-size (bytes)' },
  backlogTtl: { zh: 'repl-backlog-ttl（秒）', en: 'repl-backlog-ttl (seconds)' },
  outage: { zh: '断线时长（秒）', en: 'Outage length (seconds)' },
  outageOf: { zh: '哪个从库的断线', en: 'Whose outage' },
  writeRate: { zh: '写入速率（次/秒）', en: 'Write rate (writes/s)' },
  writeNode: { zh: '写入哪个节点', en: 'Writes on' },
  fork: { zh: '分出时间线', en: 'Fork the timeline' },
  close: { zh: '关闭对比', en: 'Close the comparison' },
  cancel: { zh: '取消', en: 'Cancel' },
  live: { zh: '本次运行', en: 'This run' },
  ghost: { zh: '如果：{change}', en: 'What if: {change}' },
  forkedAt: { zh: '在 t = {t} s 分叉', en: 'forked at t = {t} s' },
  chEra: { zh: '协议为 {era}', en: 'the era were {era}' },
  chConfig: { zh: '{name} = {value}', en: '{name} = {value}' },
  chOutage: { zh: '{replica} 断线 {s} s', en: '{replica}’s outage lasted {s} s' },
  chRate: { zh: '{node} 每秒写入 {n} 次', en: '{node} took {n} writes/s' },
  diff: { zh: '每个从库的差别（自 t = {t} s 起）', en: 'Per replica, since t = {t} s' },
  replica: { zh: '从库', en: 'Replica' },
  outcome: { zh: '结果', en: 'Outcome' },
  bytes: { zh: '传输字节', en: 'Bytes moved' },
  back: { zh: '恢复同步用时', en: 'Back in sync after' },
  notYet: { zh: '尚未恢复', en: 'not yet' },
  none: { zh: '—', en: '—' },
  differs: { zh: '结果不同', en: 'outcomes differ' },
  noDiff: { zh: '还没有从库重新同步。', en: 'No replica has resynchronized yet.' },
  actions: { zh: '在“如果”时间线里操作', en: 'Act in the what-if timeline' },
  node: { zh: '节点', en: 'Node' },
  write: { zh: '写入 100', en: 'Write 100' },
  cut: { zh: '断开链路', en: 'Cut link' },
  heal: { zh: '恢复链路', en: 'Heal link' },
  restart: { zh: '重启（SAVE）', en: 'Restart (SAVE)' },
  ghostNodes: { zh: '“如果”时间线的节点', en: 'Nodes of the what-if timeline' },
  liveNodes: { zh: '本次运行的节点', en: 'Nodes of this run' },
  offset: { zh: 'offset {n}', en: 'offset {n}' },
  compareWith: { zh: '与 {era} 对比', en: 'Compare with {era}' },
  compareHelp: {
    zh: '在旁边打开“如果”时间线：同样的操作，换成旧协议。',
    en: 'Opens the what-if timeline beside this run: the same actions under the older protocol.',
  },
  // The backlog sentence with numbers to drag.
  sentenceTitle: { zh: '拖动数字试试', en: 'Drag the numbers' },
  s1: { zh: '主库每秒写入', en: 'With' },
  s2: { zh: '次，从库断线', en: 'writes/s on the master, a replica away for' },
  s3: { zh: '秒，repl-backlog-size 为', en: 's, and a repl-backlog-size of' },
  s4: { zh: '时，重连的结果是', en: ', reconnecting gets' },
  computing: { zh: '引擎运行中……', en: 'running the engine…' },
  missing: {
    zh: '它需要的 {n} 字节已不在 backlog 中（断线期间写入了 {w} 字节）。',
    en: '{n} bytes it needs are no longer in the backlog ({w} bytes were written during the outage).',
  },
  fits: {
    zh: '断线期间写入的 {w} 字节都还在 backlog 中。',
    en: 'All {w} bytes written during the outage are still in the backlog.',
  },
  byEngine: {
    zh: '由引擎实际运行得出（A 主、B 从，断线、恢复、PSYNC），不是公式。',
    en: 'Computed by running the engine (A master, B replica, cut, heal, PSYNC), not by a formula.',
  },
  rateAria: { zh: '写入速率（次/秒）', en: 'Write rate (writes per second)' },
  outageAria: { zh: '断线时长（秒）', en: 'Outage (seconds)' },
  sizeAria: { zh: 'backlog 大小', en: 'Backlog size' },
  dragHelp: {
    zh: '左右拖动，或聚焦后用方向键调整',
    en: 'Drag sideways, or focus and use the arrow keys',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type WhatIfKey = keyof typeof WHATIF_TEXT;

// Number words for the what-if chunk. Intl here, not ui/format.ts: importing that from a lazy chunk
// splits it out of the first load into a chunk of its own (more bytes on the first screen).
const grouped = new Intl.NumberFormat('en-US');
/** 1234567 → "1,234,567". */
export const num = (n: number) => grouped.format(n);
/** Virtual µs as seconds: 12.345. */
export const secs = (us: number, digits = 3) => (us / 1e6).toFixed(digits);
/** 16384 → "16 KB", 1048576 → "1 MB" (the backlog sizes the sentence offers are whole KB/MB). */
export const kb = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)} MB` : `${n / 1024} KB`);

export function useWx() {
  return useTable(WHATIF_TEXT);
}
