// The full-sync panel's words, zh-CN and en side by side: kept out of the main catalogs, so the panel's
// lazy chunk carries them and the first load does not (i18n.test.ts checks both languages).
import type { Lang } from '../../i18n/index.ts';

export const FULLSYNC_TEXT = {
  none: {
    zh: '还没有全量同步。',
    en: 'No full sync yet.',
  },
  title: {
    zh: '{replica} 从 {master} 全量同步（t = {t} 秒）',
    en: 'Full sync of {replica} from {master} (t = {t} s)',
  },
  pick: {
    zh: '显示以下从库的全量同步',
    en: 'Show the full sync of',
  },
  progress: {
    zh: 'RDB 传输进度',
    en: 'RDB transfer progress',
  },
  bgsave: {
    zh: 'BGSAVE：fork() 子进程生成 RDB',
    en: 'BGSAVE: fork() a child that writes the RDB',
  },
  fullresync: {
    zh: '回复 +FULLRESYNC <replid> <offset>',
    en: 'Reply +FULLRESYNC <replid> <offset>',
  },
  tempfile: {
    zh: '从库创建临时文件 temp-<时间>.<pid>.rdb',
    en: 'Replica creates temp-<time>.<pid>.rdb',
  },
  header: {
    zh: 'RDB 头：$EOF:<mark>（无盘）或 $<长度>',
    en: 'RDB header: $EOF:<mark> (diskless) or $<length>',
  },
  transfer: {
    zh: '已传输的 RDB 字节',
    en: 'RDB bytes transferred',
  },
  dropreplicas: {
    zh: '断开它自己的从库（级联）：它们的复制历史即将改变',
    en: 'Drop its own replicas (cascaded): their history is about to change',
  },
  loadProgress: {
    zh: 'RDB 加载进度',
    en: 'RDB load progress',
  },
  loadKeys: {
    zh: '已加载 {n} 个键',
    en: '{n} keys loaded',
  },
  flush: {
    zh: '清空旧数据（并释放 backlog）：从库此时 0 个键',
    en: 'Flush old data (and free the backlog): the replica holds 0 keys',
  },
  rename: {
    zh: '临时文件改名为 dump.rdb',
    en: 'Rename temp file → dump.rdb',
  },
  load: {
    zh: '把 RDB 加载到内存',
    en: 'Load the RDB into memory',
  },
  masterclient: {
    zh: '创建主库客户端：更新 replid 和 offset',
    en: 'Master client created: replid and offset taken',
  },
  stream: {
    zh: '发送缓冲的写命令',
    en: 'Buffered writes streamed',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type FullsyncTextKey = keyof typeof FULLSYNC_TEXT;
