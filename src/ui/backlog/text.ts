// The backlog panel (ring, blocks)'s words, zh-CN and en side by side: kept out of the main catalogs, so the panel's
// lazy chunk carries them and the first load does not (i18n.test.ts checks both languages).
import type { Lang } from '../../i18n/index.ts';

export const BACKLOG_TEXT = {
  syncEra: {
    zh: 'Redis ≤ 2.6 没有 backlog：从库重连时发送 SYNC，每次都重新接收整个数据集。backlog 和 PSYNC 是 2.8 才有的。',
    en: 'Redis ≤ 2.6 keeps no backlog: a replica that reconnects sends SYNC and gets the whole dataset again, every time. The backlog and PSYNC came with 2.8.',
  },
  none: {
    zh: '没有可显示的节点。',
    en: 'No node to show.',
  },
  of: {
    zh: '{name} 的积压缓冲区 backlog',
    en: 'Backlog of {name}',
  },
  showBlocks: {
    zh: '显示 7.0 的块列表',
    en: 'Show 7.0 block list',
  },
  window: {
    zh: '窗口',
    en: 'window',
  },
  ringAria: {
    zh: '{size} 字节的 backlog 环，已绕 {laps} 圈',
    en: 'Backlog ring of {size} bytes, wrapped {laps} times',
  },
  laps: {
    zh: '已绕 ×{n} 圈',
    en: 'wrapped ×{n}',
  },
  noBlocks: {
    zh: '没有 backlog 块（backlog 未启用）。',
    en: 'No backlog blocks (the backlog is off).',
  },
  blocksAria: {
    zh: '复制缓冲区：{n} 个块',
    en: 'Replication buffer: {n} blocks',
  },
  pinIn: {
    zh: '{replica} 请求字节 P = {p}（t = {t} 秒）：在窗口 [{first} … {last}] 之内 → {outcome}',
    en: '{replica} asked for byte P = {p} (t = {t} s): inside the window [{first} … {last}] → {outcome}',
  },
  pinOut: {
    zh: '{replica} 请求字节 P = {p}（t = {t} 秒）：在窗口 [{first} … {last}] 之外 → {outcome}',
    en: '{replica} asked for byte P = {p} (t = {t} s): outside the window [{first} … {last}] → {outcome}',
  },
  pinFull: {
    zh: '{replica} 请求全量同步（PSYNC ? -1，t = {t} 秒）：没有要查找的 offset。',
    en: '{replica} asked for a full sync (PSYNC ? -1, t = {t} s): no offset to look up.',
  },
  extra: {
    zh: '7.0 按整块保留：比 repl-backlog-size 多 {n} 字节（外圈）。',
    en: '7.0 keeps whole blocks: {n} bytes more than repl-backlog-size (outer arc).',
  },
  ringNote: {
    zh: '环形是经典画法（6.2 及以前完全准确）。Redis 7.0 用块列表保存同一个窗口。',
    en: 'The ring is the classic picture (exact up to 6.2). Redis 7.0 stores the same window as a list of blocks.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type BacklogTextKey = keyof typeof BACKLOG_TEXT;
