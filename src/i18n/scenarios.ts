// Titles and one-paragraph stories of the public scenarios, in both languages, with the lesson
// points (lesson/README.md) each one lets a student see. Unknown scenarios fall back to the
// description in their JSON file.
import type { Lang } from './index.ts';

export interface ScenarioText {
  title: string;
  story: string;
}

export const SCENARIO_TEXT: Record<string, { points: number[] } & Record<Lang, ScenarioText>> = {
  a_initial_attach: {
    points: [1, 2, 3, 5, 6, 7, 8, 11, 12, 15, 16, 17],
    zh: {
      title: '首次挂载: 全量同步 FULLRESYNC',
      story:
        '主库 A 起初没有从库, 写入不会移动 offset (还没有积压缓冲区 backlog)。B、C 依次执行 REPLICAOF 挂到 A: 握手 (PING、REPLCONF), 发送 PSYNC, 收到 +FULLRESYNC, 接收 RDB 并加载。第一个从库到来时 A 创建 backlog 并更换 replid。',
    },
    en: {
      title: 'First attach: a full sync (FULLRESYNC)',
      story:
        'Master A starts without replicas, so its writes do not move the offset (no backlog yet). B and C attach with REPLICAOF one after the other: handshake (PING, REPLCONF), PSYNC, +FULLRESYNC, the RDB received and loaded. The first replica makes A create its backlog and change its replid.',
    },
  },
  b_short_drop_partial: {
    points: [9, 10, 13, 18, 19],
    zh: {
      title: '短时断线: 增量同步 +CONTINUE',
      story:
        'B 的链路被切断, 期间 A 写入 5 条。恢复后 B 发送 PSYNC <replid> <offset+1>: replid 相同, 且 offset 仍在复制积压缓冲区 backlog 中, 所以 A 回复 +CONTINUE, 只补发缺少的字节。',
    },
    en: {
      title: 'A short drop: partial resync (+CONTINUE)',
      story:
        "B's link is cut while A takes 5 writes. Healed, B sends PSYNC <replid> <offset+1>: same replid, and the offset is still in A's backlog, so A answers +CONTINUE and sends only the missing bytes.",
    },
  },
  c_backlog_overflow_full: {
    points: [11, 12, 20],
    zh: {
      title: '积压缓冲区溢出: 断线太久仍需全量同步',
      story:
        'repl-backlog-size 设为最小的 16kb。B 断线期间 A 写入约 100 KB, 远超 backlog。重连时 B 请求的 offset 已早于 repl_backlog_first_byte_offset, 只能 +FULLRESYNC。',
    },
    en: {
      title: 'Backlog overflow: a long outage still needs a full sync',
      story:
        "repl-backlog-size is the 16kb minimum. While B is cut off A writes ~100 KB, far more than the backlog. On reconnect B's offset is before repl_backlog_first_byte_offset: +FULLRESYNC.",
    },
  },
  d_replica_restart_save_partial: {
    points: [18],
    zh: {
      title: '从库重启 (有 RDB): 增量同步',
      story:
        'B 以 SHUTDOWN SAVE 关闭, RDB 中保存了 repl-id 与 repl-offset。A 在 B 停机时写入 5 条。B 重启后从 RDB 恢复缓存的主库信息, 发送 PSYNC <replid> <offset+1>, 得到 +CONTINUE。',
    },
    en: {
      title: 'Replica restart with an RDB: partial resync',
      story:
        'B stops with SHUTDOWN SAVE; its RDB keeps repl-id and repl-offset. A takes 5 writes while B is down. Restarted, B rebuilds its cached master from the RDB, sends PSYNC <replid> <offset+1> and gets +CONTINUE.',
    },
  },
  e_replica_restart_nosave_full: {
    points: [7, 11, 18],
    zh: {
      title: '从库重启 (无 RDB): PSYNC ? -1 全量同步',
      story:
        'B 以 SHUTDOWN NOSAVE 关闭, dump.rdb 也被删除。重启后它没有任何复制历史, 只能发送 PSYNC ? -1, 得到 +FULLRESYNC (不计入 sync_partial_err)。',
    },
    en: {
      title: 'Replica restart without an RDB: PSYNC ? -1, full sync',
      story:
        'B stops with SHUTDOWN NOSAVE and its dump.rdb is deleted. Restarted, it has no history to offer: PSYNC ? -1, then +FULLRESYNC (not counted in sync_partial_err).',
    },
  },
  f_failover_promote_partial: {
    points: [1, 8, 9, 18],
    zh: {
      title: '切主: 通过 replid2 增量同步',
      story:
        'B 被提升 (REPLICAOF NO ONE): A 的 replid 移到 B 的 replid2, second_repl_offset = offset+1, B 换上新 replid。随后 A 与 C 执行 REPLICAOF B, 用旧 replid 请求 PSYNC, 经 replid2 匹配得到 +CONTINUE <B 的新 replid>。',
    },
    en: {
      title: 'Failover: partial resync through replid2',
      story:
        "B is promoted (REPLICAOF NO ONE): A's replid moves to B's replid2 with second_repl_offset = offset+1, and B takes a new replid. Then A and C do REPLICAOF B: their PSYNC with the old replid matches replid2, so +CONTINUE <B's new replid>.",
    },
  },
  h_chained_full_resync: {
    points: [14, 15, 16],
    zh: {
      title: '级联复制: 中间节点全量同步时断开下级',
      story:
        '链 A ← B ← C。B 断线太久需要从 A 全量同步; B 开始加载新 RDB 时会断开 C 并释放自己的 backlog, C 之后只能全量同步。',
    },
    en: {
      title: 'A chain: the middle node drops its sub-replicas on a full sync',
      story:
        'Chain A ← B ← C. B is cut off too long and must full-sync from A; when it starts loading the new RDB it disconnects C and frees its own backlog, so C then needs a full sync too.',
    },
  },
  i_masterauth_errors: {
    points: [3, 4],
    zh: {
      title: 'masterauth: 鉴权失败与重试',
      story:
        'A 设置了 requirepass。B 不带 masterauth 时 PING 得到 -NOAUTH; 密码错误时 AUTH 得到 -WRONGPASS, 每秒重试; 改对后完成握手并全量同步。',
    },
    en: {
      title: 'masterauth: auth errors and retries',
      story:
        'A has requirepass. Without masterauth B gets -NOAUTH; with a wrong password AUTH gets -WRONGPASS and B retries every second; with the right one the handshake completes and a full sync follows.',
    },
  },
  k_offsets_bytes: {
    points: [13],
    zh: {
      title: 'offset 就是字节数',
      story:
        '每次写入让 master_repl_offset 增加其 RESP 字节数; 还能看到 SELECT 插入与 7.0 的命令改写 (相对过期 → PXAT 等)。',
    },
    en: {
      title: 'Offsets are bytes',
      story:
        'Each write moves master_repl_offset by its RESP size; watch SELECT being inserted and 7.0 rewriting commands (relative expires → PXAT, …).',
    },
  },
  l_disk_sync_shared_bgsave: {
    points: [12, 15],
    zh: {
      title: '磁盘方式全量同步: 共享一次 BGSAVE',
      story:
        'repl-diskless-sync no: 主库先 BGSAVE 到 dump.rdb, 再以 $<len> 发送。BGSAVE 进行中到来的第二个从库共享这次 BGSAVE。',
    },
    en: {
      title: 'Disk-based full sync: one shared BGSAVE',
      story:
        'repl-diskless-sync no: the master BGSAVEs to dump.rdb, then sends it as $<len>. A second replica arriving during the BGSAVE shares it.',
    },
  },
  p_ping_period_chain: {
    points: [13],
    zh: {
      title: '复制流中的 PING',
      story:
        'repl-ping-replica-period 1: A 每秒向复制流写入 PING (14 字节), 链上的 B、C offset 一起增长; B 只转发, 不自己生成 PING。',
    },
    en: {
      title: 'PINGs in the stream',
      story:
        'repl-ping-replica-period 1: A appends a PING (14 bytes) to the stream every second, so B and C (a chain) grow with it; B only proxies, it makes no PINGs of its own.',
    },
  },
  r_repl_timeout: {
    points: [18],
    zh: {
      title: 'repl-timeout: 冻结的从库被断开',
      story: 'B 被 SIGSTOP 冻结, 不再发送 REPLCONF ACK; 超过 repl-timeout 后主库断开它。恢复后 B 增量同步。',
    },
    en: {
      title: 'repl-timeout: a frozen replica is dropped',
      story:
        'B is frozen (SIGSTOP) and stops sending REPLCONF ACK; after repl-timeout the master drops it. Resumed, B resyncs partially.',
    },
  },
  s_min_replicas_to_write: {
    points: [13],
    zh: {
      title: 'min-replicas-to-write',
      story: '要求至少 1 个延迟 ≤ 2 秒的从库。B 冻结后写入失败 (-NOREPLICAS), 恢复后再次成功。',
    },
    en: {
      title: 'min-replicas-to-write',
      story:
        'A needs one replica with lag ≤ 2 s. With B frozen, writes fail with -NOREPLICAS; after it resumes they succeed again.',
    },
  },
  t_backlog_ttl: {
    points: [20],
    zh: {
      title: 'repl-backlog-ttl: backlog 被释放',
      story:
        'A 没有从库超过 2 秒后释放 backlog 并更换 replid; 没有 backlog 时写入不移动 offset。B 回来时只能全量同步。',
    },
    en: {
      title: 'repl-backlog-ttl: the backlog is freed',
      story:
        'After 2 s without replicas A frees its backlog and changes its replid; without a backlog writes do not move the offset. When B returns it needs a full sync.',
    },
  },
};

export function scenarioText(name: string, lang: Lang, fallback: string | null): ScenarioText {
  const s = SCENARIO_TEXT[name];
  if (s) return s[lang];
  return { title: name, story: fallback ?? '' };
}
