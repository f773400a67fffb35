// The decision panel's own why cards (the outcomes that surprise learners), zh-CN and en side by side:
// they load with the panel's chunk. Cards the console or the cluster also show (readsDuringSync,
// expiredOnReplica, ackedLost, waitNotConsistency, notModelled) stay in the main catalogs (why.*).
import type { Lang } from '../../i18n/index.ts';

export const WHY_TEXT = {
  'replicaofAttach.title': {
    zh: '为什么记为一次增量同步失败（sync_partial_err）？',
    en: 'Why is this counted as a partial-sync error?',
  },
  'replicaofAttach.text': {
    zh: '用 REPLICAOF 挂载的节点总是先尝试 PSYNC，提供自己的 replid 和 offset+1（{p}）。主库不认识这段历史，只能拒绝——Redis 把每个带真实 id 却被拒绝的 PSYNC 都计入 sync_partial_err，即使是第一次挂载。',
    en: 'A node attached with REPLICAOF always tries PSYNC first, offering its own replid and offset+1 ({p}). This master does not know that history, so it refuses — and Redis counts every refused PSYNC with a real id in sync_partial_err, even a first attach.',
  },
  'historyChanged.title': {
    zh: '为什么重连的从库需要全量同步？',
    en: 'Why does a reconnecting replica need a full sync?',
  },
  'historyChanged.text': {
    zh: '从库提供它原有的历史（replid），但主库已经没有这个 id 了：主库在 repl-backlog-ttl 到期释放 backlog 时、或重启、或被提升时更换了 replid。没有共同的历史，只能全量同步——被拒绝的 PSYNC 计入 sync_partial_err。',
    en: 'The replica offers the history it had (its replid), but the master no longer has that id: it changed it when it freed its backlog after repl-backlog-ttl, or when it restarted or was promoted. With no shared history left, only a full sync will do — and the refused PSYNC counts in sync_partial_err.',
  },
  'noRdb.title': {
    zh: '为什么重启后要全量同步？',
    en: 'Why a full sync after a restart?',
  },
  'noRdb.text': {
    zh: '这个从库之前同步过，现在却发送 PSYNC ? -1：它重启时没有 dump.rdb（SHUTDOWN NOSAVE，或文件被删除），丢失了 replid 和 offset。若有 RDB，它会提供这些信息并增量同步。',
    en: 'This replica synced before, but now sends PSYNC ? -1: it restarted without a dump.rdb (SHUTDOWN NOSAVE, or the file was deleted), so it lost its replid and offset. With an RDB it would have offered them and continued.',
  },
  'firstAttach.title': {
    zh: '首次挂载',
    en: 'A first attach',
  },
  'firstAttach.text': {
    zh: '启动时就配置了 replicaof 的从库没有任何历史：PSYNC ? -1 直接请求全量同步（不计入 sync_partial_err）。',
    en: 'A replica configured with replicaof at startup has no history: PSYNC ? -1 asks for a full sync directly (not counted in sync_partial_err).',
  },
  'blockTrim.title': {
    zh: '为什么 offset 不在了？',
    en: 'Why is the offset no longer there?',
  },
  'blockTrim.text': {
    zh: 'backlog 大约保留 repl-backlog-size（{size}）字节。Redis 7.0 从头部按整块（约 20 KB）丢弃历史，所以 first_byte_offset 会跳跃前进；从库断开太久，字节 {p} 已经没有了。',
    en: 'The backlog keeps about repl-backlog-size ({size}) bytes. Redis 7.0 drops history in whole blocks (~20 KB) from the front, so first_byte_offset jumps forward; the replica was away too long and byte {p} is gone.',
  },
  'beyondSize.title': {
    zh: '缺的字节比 repl-backlog-size 还多，却仍然 +CONTINUE？',
    en: 'More than repl-backlog-size missing, and still +CONTINUE?',
  },
  'beyondSize.text': {
    zh: 'Redis 7.0 只按整块修剪 backlog，且不会少于 repl-backlog-size（{size}），所以常常多保留一些。Redis 6.2 精确的环形缓冲区在这里会回复 +FULLRESYNC。',
    en: 'Redis 7.0 trims the backlog only in whole blocks and never below repl-backlog-size ({size}), so it often holds a bit more. Redis 6.2’s exact ring would have answered +FULLRESYNC here.',
  },
  'oldMasterAhead.title': {
    zh: '为什么旧主库需要全量同步？',
    en: 'Why does the old master need a full sync?',
  },
  'oldMasterAhead.text': {
    zh: '切主之后，新主库只能把旧历史延续到 second_repl_offset（{second}）。这个节点在那之后还接受了写入（P = {p}）：这些字节新主库从未有过，必须丢弃——只能全量同步。',
    en: 'After the failover the new master can continue the old history only up to second_repl_offset ({second}). This node took writes after that point (P = {p}): bytes the new master never had. They must be thrown away — a full sync.',
  },
  'failover.title': {
    zh: '切主却无需全量同步',
    en: 'A failover without a full sync',
  },
  'failover.text': {
    zh: '从库被提升时把旧的 replid 保存为 replid2，有效到 second_repl_offset（{second}）。所以旧主库的从库可以继续：+CONTINUE 带着新的 replid，它们也同样切换 id。',
    en: 'When a replica is promoted it keeps the old replid as replid2, valid up to second_repl_offset ({second}). Replicas of the old master can therefore continue: +CONTINUE carries the new replid, and they shift ids the same way.',
  },
  'noBacklog.title': {
    zh: '为什么没有 backlog？',
    en: 'Why is there no backlog?',
  },
  'noBacklog.text': {
    zh: '主库在第一个从库到来时创建 backlog，在没有从库超过 repl-backlog-ttl 秒后释放它（同时更换 replid）。刚重启的主库也从空的 backlog 开始。',
    en: 'A master creates its backlog when its first replica arrives, and frees it after repl-backlog-ttl seconds without replicas (also changing its replid). A master that restarted also starts with an empty one.',
  },
  'replicaAhead.title': {
    zh: '从库领先于主库',
    en: 'The replica is ahead of the master',
  },
  'replicaAhead.text': {
    zh: '从库请求的字节主库还没写过：主库丢失了写入（例如从较旧的 RDB 重启）。Redis 记录警告并全量同步。',
    en: 'The replica asks for a byte the master has not written yet: the master lost writes (e.g. it restarted from an older RDB). Redis logs a warning and does a full sync.',
  },
  'replicationLoop.title': {
    zh: '复制环：Redis 允许，但之后什么都不会流动',
    en: 'A replication loop: allowed, and nothing will flow',
  },
  'replicationLoop.text': {
    zh: '{master} 已经（直接或经过其他节点）从 {replica} 复制，而 Redis 7.0 并不禁止成环。{master} 与 {replica} 共享同一段历史，所以回复 +CONTINUE，两条链路都显示 up。但现在没有主库了：环上每个节点都是只读从库（写入得到 READONLY），没有节点发送 PING，offset 停在原处。在其中一个节点上执行 REPLICAOF NO ONE 即可打破这个环。',
    en: '{master} already replicates (directly or through others) from {replica}, and Redis 7.0 does not forbid the loop. {master} shares {replica}’s history, so it answers +CONTINUE and both links show up. But now there is no master: every node of the loop is a read-only replica (writes get READONLY), nobody sends PINGs, and the offsets stay where they are. Run REPLICAOF NO ONE on one of them to break the loop.',
  },
  'obufLoop.title': {
    zh: '又一次全量同步：主库因输出缓冲区超限关掉了这个从库',
    en: 'Another full sync: the master closed this replica for its output buffer',
  },
  'obufLoop.text': {
    zh: '上一次全量同步期间，主库把 fork 之后的每个写命令都为这个从库留着，计为 {used} 字节（它在复制缓冲区中的份额，按约 20 KB 的块计算），超过了 client-output-buffer-limit replica（{limit} 字节；低于 repl-backlog-size 的硬限制按 backlog 大小计）。主库以 “for overcoming of output buffer limits” 关闭了它，从库立刻重连再要全量同步。只要一次传输期间的写入超出限制，就会一直循环：调大限制或 repl-backlog-size，或者同步期间少写一些。',
    en: "During the last full sync the master kept every write made since the fork for this replica and counted {used} bytes (its share of the replication buffer, counted in ~20 KB blocks): over client-output-buffer-limit replica ({limit} bytes; a hard limit below repl-backlog-size counts as the backlog size). It closed the replica 'for overcoming of output buffer limits', and the replica asked again at once. While the writes made during one transfer outgrow the limit this repeats for ever: raise the limit or repl-backlog-size, or write less while it syncs.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** A card whose words are in WHY_TEXT (the others are in the main catalogs). */
export const panelCard = (card: string): card is PanelCard => `${card}.title` in WHY_TEXT;

export type PanelCard =
  | 'replicaofAttach'
  | 'historyChanged'
  | 'noRdb'
  | 'firstAttach'
  | 'blockTrim'
  | 'beyondSize'
  | 'oldMasterAhead'
  | 'failover'
  | 'noBacklog'
  | 'replicaAhead'
  | 'replicationLoop'
  | 'obufLoop';
