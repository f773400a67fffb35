// The decision panel's words, zh-CN and en side by side: kept out of the main catalogs, so the panel's
// lazy chunk carries them and the first load does not (i18n.test.ts checks both languages).
import type { Lang } from '../../i18n/index.ts';

export const DEC_TEXT = {
  pending: {
    zh: '{replica} → {master}：PSYNC 已发出，{master} 还没有回复。',
    en: '{replica} → {master}: PSYNC sent, {master} has not answered yet.',
  },
  earlier: {
    zh: '下面是它之前的一次决策。',
    en: 'Below: the decision before it.',
  },
  none: {
    zh: '还没有 PSYNC。断开再恢复一条链路、重启一个从库或提升一个从库，然后在这里观察。',
    en: 'No PSYNC yet. Cut a link and heal it, restart a replica or promote one — then watch here.',
  },
  prev: {
    zh: '上一个决策',
    en: 'Previous decision',
  },
  next: {
    zh: '下一个决策',
    en: 'Next decision',
  },
  q1: {
    zh: '① 同一历史？请求的 replid = 主库 replid',
    en: '① Same history? requested replid = master replid',
  },
  q2: {
    zh: '② …或切主后：请求 = replid2 且 P ≤ second_repl_offset',
    en: '② …or a failover: requested = replid2 and P ≤ second_repl_offset',
  },
  q3: {
    zh: '③ 有积压缓冲区 backlog 吗？',
    en: '③ Is there a backlog?',
  },
  q4: {
    zh: '④ 字节 P 还在 backlog 中吗？first_byte ≤ P ≤ master_repl_offset + 1',
    en: '④ Is byte P still in it? first_byte ≤ P ≤ master_repl_offset + 1',
  },
  notChecked: {
    zh: '未检查',
    en: 'not checked',
  },
  'reason.accepted': {
    zh: '历史相同，且从 P 开始的字节都在 backlog 中：发送 {bytes} 字节的 backlog。',
    en: 'Same history and the bytes from P on are in the backlog: send {bytes} bytes of backlog.',
  },
  'reason.accepted-replid2': {
    zh: '通过 replid2（主库的上一个 id）匹配到历史：继续复制，并把新的 replid 告诉从库。随后发送 {bytes} 字节的 backlog。',
    en: "History matched through replid2 (the master's previous id): continue, and tell the replica the new replid. {bytes} bytes of backlog follow.",
  },
  'reason.full-requested': {
    zh: '从库请求全量同步（PSYNC ? -1）：它没有可提供的复制历史。',
    en: 'The replica asked for a full sync (PSYNC ? -1): it has no history to offer.',
  },
  'reason.replid-mismatch': {
    zh: '从库的历史（replid）不是这个主库认识的：全量同步。',
    en: 'The replica’s history (replid) is not one this master knows: full sync.',
  },
  'reason.replid2-offset-too-high': {
    zh: 'id 与 replid2 相同，但 P 超过了 second_repl_offset：从库有新主库从未有过的数据。',
    en: 'The id matches replid2, but P is past second_repl_offset: the replica has bytes the new master never had.',
  },
  'reason.no-backlog': {
    zh: '主库没有 backlog（还没创建，或已被 repl-backlog-ttl 释放）：全量同步。',
    en: 'The master has no backlog (none yet, or freed by repl-backlog-ttl): full sync.',
  },
  'reason.offset-before-backlog': {
    zh: '字节 P 已经离开 backlog（早于 first_byte_offset）：全量同步。',
    en: 'Byte P has left the backlog (it is older than first_byte_offset): full sync.',
  },
  'reason.offset-after-master': {
    zh: 'P 大于 master_repl_offset + 1：从库声称拥有主库从未写过的数据。',
    en: 'P is beyond master_repl_offset + 1: the replica claims bytes the master never wrote.',
  },
  'reason.runid-mismatch': {
    zh: 'PSYNC1（Redis 2.8–3.2）：请求的 run id 不是这个主库的（每次启动都有新的 run id，每个节点各有自己的）：全量同步。',
    en: 'PSYNC1 (Redis 2.8–3.2): the run id asked for is not this master’s (a restart gives a new run id, and every node has its own): full sync.',
  },
  era: {
    zh: 'Redis {v} 的规则（{era}），依 Redis 源码建模，未在真实程序上运行：',
    en: 'Redis {v} rules ({era}), modelled from the Redis source, not run on real binaries:',
  },
  syncOutcome: {
    zh: '全量传输（RDB + 之后的写入）',
    en: 'full transfer (RDB + the writes since)',
  },
  newReplid: {
    zh: '新的 replid：{m} 为第一个从库创建了 backlog',
    en: 'new replid: {m} created its backlog for its first replica',
  },
  'reason.sync-only': {
    zh: 'SYNC（Redis ≤ 2.6）：没有增量同步，每次同步都是全量传输。',
    en: 'SYNC (Redis ≤ 2.6): there is no partial resynchronization: every sync is a full transfer.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type DecTextKey = keyof typeof DEC_TEXT;
