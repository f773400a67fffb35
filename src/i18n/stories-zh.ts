// The scenarios' stories in Chinese: a chunk of its own, loaded when a scenario is shown
// (stories.ts), so the first load carries only the titles. zh and en have the same names (i18n.test.ts).
export const stories: Record<string, string> = {
  a_initial_attach:
    '主库 A 起初没有从库，写入不会移动 offset（还没有积压缓冲区 backlog）。B、C 依次执行 REPLICAOF 挂到 A：握手（PING、REPLCONF），发送 PSYNC，收到 +FULLRESYNC，接收 RDB 并加载。第一个从库到来时 A 创建 backlog 并更换 replid。',
  b_short_drop_partial:
    'B 的链路被切断，期间 A 写入 5 条。恢复后 B 发送 PSYNC <replid> <offset+1>：replid 相同，且 offset 仍在复制积压缓冲区 backlog 中，所以 A 回复 +CONTINUE，只补发缺少的字节。',
  c_backlog_overflow_full:
    'repl-backlog-size 设为最小的 16kb。B 断线期间 A 写入约 100 KB，远超 backlog。重连时 B 请求的 offset 已早于 repl_backlog_first_byte_offset，只能 +FULLRESYNC。',
  d_replica_restart_save_partial:
    'B 以 SHUTDOWN SAVE 关闭，RDB 中保存了 repl-id 与 repl-offset。A 在 B 停机时写入 5 条。B 重启后从 RDB 恢复缓存的主库信息，发送 PSYNC <replid> <offset+1>，得到 +CONTINUE。',
  e_replica_restart_nosave_full:
    'B 以 SHUTDOWN NOSAVE 关闭，dump.rdb 也被删除。重启后它没有任何复制历史，只能发送 PSYNC ? -1，得到 +FULLRESYNC（不计入 sync_partial_err）。',
  f_failover_promote_partial:
    'B 被提升（REPLICAOF NO ONE）：A 的 replid 移到 B 的 replid2，second_repl_offset = offset+1，B 换上新 replid。随后 A 与 C 执行 REPLICAOF B，用旧 replid 请求 PSYNC，经 replid2 匹配得到 +CONTINUE <B 的新 replid>。',
  h_chained_full_resync:
    '链 A ← B ← C。B 断线太久需要从 A 全量同步；B 开始加载新 RDB 时会断开 C 并释放自己的 backlog，C 之后只能全量同步。',
  h3_subreplica_restart_full_after_big_writes:
    '链 A → B → C，backlog 均为 16 KB，每个值 8 KB，写入 db 3。（1）A 写入 240 KB 后立即以 SHUTDOWN SAVE 重启 C：C 只比 B 晚一跳，保存前已读完所有字节，RDB 记下 offset 241207，B 回复 +CONTINUE 且无需补发；C 的 backlog 从 241208 开始，为空。（2）C 再次停机，期间 A 又写入 480 KB。B 的 backlog 只保留最后几个完整的块，C 发送 PSYNC <replid> 241208 时 replid 相同，但该字节已不在：B 回复 +FULLRESYNC，带上自己的 offset 723298。（3）之后的写入在新 RDB 之后到达 C，仍写入 db 3；C 新建的 backlog（首字节 723299）超过 16 KB 后按整块丢弃。',
  i_masterauth_errors:
    'A 设置了 requirepass。B 不带 masterauth 时 PING 得到 -NOAUTH；密码错误时 AUTH 得到 -WRONGPASS，每秒重试；改对后完成握手并全量同步。',
  k_offsets_bytes:
    '每次写入让 master_repl_offset 增加其 RESP 字节数；还能看到 SELECT 插入与 7.0 的命令改写（相对过期 → PXAT 等）。',
  l_disk_sync_shared_bgsave:
    'repl-diskless-sync no：主库先 BGSAVE 到 dump.rdb，再以 $<len> 发送。BGSAVE 进行中到来的第二个从库共享这次 BGSAVE。',
  p_ping_period_chain:
    'repl-ping-replica-period 1：A 每秒向复制流写入 PING（14 字节），链上的 B、C offset 一起增长；B 只转发，不自己生成 PING。',
  r_repl_timeout:
    'B 被 SIGSTOP 冻结，不再发送 REPLCONF ACK；超过 repl-timeout 后主库断开它。恢复后 B 增量同步。',
  s_min_replicas_to_write:
    '要求至少 1 个延迟 ≤ 2 秒的从库。B 冻结后写入失败（-NOREPLICAS），恢复后再次成功。',
  t_backlog_ttl:
    'A 没有从库超过 2 秒后释放 backlog 并更换 replid；没有 backlog 时写入不移动 offset。B 回来时只能全量同步。',
  b2_several_replicas:
    '主库 A 持续写入，四个从库各有遭遇：B 断线后恢复 → +CONTINUE；C 以 SHUTDOWN SAVE 重启，从 RDB 恢复缓存的主库 → +CONTINUE；D 无 RDB 重启 → PSYNC ? -1 全量同步；E 不受影响。对比 A 的计数器。',
  c2_backlog_block_granularity:
    'repl-backlog-size 为 16384 字节。B 断线期间错过 17 569 字节，多于 backlog 大小，但 backlog 一个块都还没丢：仍然 +CONTINUE。继续写入直到第一个约 20 KB 的块被丢弃，first_byte_offset 跳跃前进，再断线就只能全量同步。',
  e2_replica_restart_nosave_sync_rdb:
    '从库全量同步时把收到的文件保存为 dump.rdb，其中带有主库的 replid 和同步时的 offset。B 以 SHUTDOWN NOSAVE 重启后加载这个文件，用它请求 PSYNC：关键在磁盘上的 RDB，而不是 SAVE 还是 NOSAVE。',
  f2_promote_chain_middle:
    '链 A → B → C。对 B 执行 REPLICAOF NO ONE：B 换上新 replid，把 A 的 id 保留为 replid2，并断开自己的从库 C 让它得知变化。C 立即用 A 的 id 重连，通过 B 的 replid2 得到 +CONTINUE。',
  g_failover_divergence_full:
    'B 被提升，但 A 没有被告知，继续接受写入（C 也收到了）。A 最终执行 REPLICAOF B 时，它的 offset 超过了 B 的 second_repl_offset：这些字节 B 从未有过，只能全量同步（裂脑后的数据被丢弃）。',
  h2_chain_partial_keeps_subreplica:
    '链 A → B → C，A 与 B 之间短暂断开。B 以相同 replid 从 A 得到 +CONTINUE，所以 C 不受影响：不会被断开，只是按相同 offset 收到 B 转发的缺失字节。（对比 h：B 需要全量同步时会断开 C。）',
  j2_master_restart_no_rdb_wipes_data:
    'A 以 SHUTDOWN NOSAVE 停止且没有 dump.rdb。它作为全新的主库回来：新 replid、offset 0、没有 backlog。B 和 C 用旧 id 请求 PSYNC，得到全量同步——空数据集复制过来，数据丢失。',
  j3_shutdown_save_lagging_replica_getack:
    'B 被冻结，A 写入 3 条 B 无法确认的数据。SHUTDOWN SAVE 发现有从库落后：向复制流追加 REPLCONF GETACK *（37 字节），暂停写入并等待 ACK，最多等待 shutdown-timeout。',
  j_master_restart_rdb_partial:
    'A 以 SHUTDOWN SAVE 停止，dump.rdb 记录了它的 replid 和 offset。A 从 RDB 重启后换上新 replid，并把旧 id 保存为 replid2：B 和 C 重连时经 replid2 匹配，得到 +CONTINUE。',
  m_tiny_backlog_last_block:
    '启动时设置 repl-backlog-size 1（只有 CONFIG SET 会把小于 16 KB 的值提高到 16 KB）。backlog 按约 20 KB 的整块修剪，且总是保留最后一块，所以仍然保存着复制流的末尾。',
  n_restart_as_master_then_replicaof_full:
    'B 以 SHUTDOWN SAVE 停止，去掉 replicaof 重新启动，以主库身份运行：保留数据与 offset，但像所有重启的 7.0 主库一样换上新 replid。再指向 A 时，它提供的是自己的新历史：全量同步。',
  o_masteruser_acl_auth:
    'A 为 default 用户设置了密码，并有一个只允许 PSYNC、REPLCONF、PING 的 ACL 用户 repl。B 配置 masteruser repl / masterauth replpass，握手时在 REPLCONF 之前发送 AUTH repl replpass。',
  o2_announce_ip_port_acl:
    '在 NAT 或容器后面，主库看不到从库的真实地址，于是由从库自己上报。B（replica-announce-ip 10.0.0.2）一次性发送 AUTH、REPLCONF listening-port、REPLCONF ip-address、REPLCONF capa，收到四个 +OK 后完成连接：A 显示 slave0:ip=10.0.0.2。C 还上报了端口 7999，A 显示的正是它。随后 B 不再上报 ip，改为上报端口 7888：下一次握手跳过 ip-address 这一步，以 +CONTINUE 恢复，A 显示 127.0.0.1:7888。',
  q_chain_upstream_outage_timeout:
    '链 A → B → C，repl-timeout 3。B 到 A 的链路被切断。B 从不向自己的从库发送 PING（只转发 A 的复制流），所以 C 什么也收不到：超过 3 秒后 C 放弃链路并重连。',
  s2_min_replicas_cut_link:
    'A 要求 1 个合格的从库。B 的链路被切断后 A 数到 0 个合格从库，写入被 -NOREPLICAS 拒绝；链路恢复后写入重新成功。',
  t2_backlog_ttl_reattach_in_time:
    'repl-backlog-ttl 3。（1）B 断开约 1 秒后恢复：backlog 还在 → +CONTINUE。（2）再次断开直到 backlog 被释放（repl_backlog_active:0），同时 replid 改变：B 回来时只能全量同步。',
  u_replica_side_master_timeout:
    '主库 A 被冻结：连接仍然打开，但没有任何数据，也没有 PING。超过 repl-timeout 后 B 记录 MASTER timeout 并断开；A 恢复后 B 增量同步。',
  v_client_kill_reconnects:
    '（1）在从库 B 上 CLIENT KILL TYPE master：B 保留缓存的主库并立即重连 → +CONTINUE。（2）在主库 A 上 CLIENT KILL TYPE replica：两个从库都立即重连 → +CONTINUE。',
  w_wait_getack:
    'WAIT numreplicas timeout 阻塞客户端，直到足够多的从库确认了它的最后一次写入。C 被冻结时 WAIT 让主库发送 REPLCONF GETACK *，在超时后返回已确认的从库数。',
  x_writes_other_databases:
    '每当写入的数据库与上一次不同，主库就向复制流插入 SELECT <db>（23 字节）。从库在正确的数据库中执行每条命令。',
  y_command_rewrites:
    '相对过期改为绝对时间：SET … EX → SET … PXAT <毫秒>，EXPIRE → PEXPIREAT；过去时间的 EXPIRE 删除键并传播 DEL；INCRBYFLOAT 变为 SET … KEEPTTL。offset 按改写后的字节增加。',
  y2_data_commands_partial:
    'A 用 SETRANGE、LMOVE、LINSERT、LSET、LREM、LTRIM、HSETNX、SINTERSTORE、ZINCRBY、ZPOPMIN、COPY、MOVE、RENAMENX、SMOVE 等命令写入，其中有一个 MULTI 事务。大多数命令原样传播；HINCRBYFLOAT 以带结果的 HSET 传播（10.5，然后 10.25 …）。B 的链路被切断，A 继续写入这些命令，B 重连后部分重同步：backlog 恰好重放这些字节，B 最终与 A 的数据和 offset 一致。',
  pa_obuf_full_sync_loop:
    '全量同步期间，A 把 fork 之后的每个写命令都为 B 留着，并按 client-output-buffer-limit replica 计数（这里设为 64kb；7.0 默认硬限制 256mb，软限制 64mb 持续 60 秒）。在一次很慢的 BGSAVE 期间写入 70 KB：到第 4 个 20 440 字节的块时 B 的缓冲计为 82 016 字节，A 以 “for overcoming of output buffer limits” 关闭 B；B 立刻重连再要全量同步，下一次 BGSAVE 又是同样结局。低于 repl-backlog-size 的硬限制按 backlog 大小计算：把 repl-backlog-size 调到 1 MB（或调大限制）就结束了循环。',
  pa2_obuf_diskless_loop:
    '无盘同步（7.0 默认）且 repl-diskless-sync-delay 为 1。A 向 B 流式发送一个很慢的 RDB 时，70 KB 的写入让 B 的缓冲达到 82 016 字节，超过 “replica 64kb 0 0”：A 关闭 B，由于最后一个目标没了，还杀掉了传输子进程（terminated by signal 10）。B 立即重新请求，等过延迟后开始新的传输。把 client-output-buffer-limit 调回默认值后，同样的写入不再超限：B 上线。',
  pb_reads_during_full_sync:
    'B 成为 A 的从库时带着自己的旧数据（k = old）。A 慢慢生成 RDB 的期间，B 用旧数据回答：GET k → old（replica-serve-stale-data yes）。设为 no 后，GET、DBSIZE 甚至 PING 都返回 -MASTERDOWN；ECHO 和 ROLE 仍然回答。然后 B 加载 RDB（key-load-delay 让它持续约 5 秒）：GET、DBSIZE 和 REPLICAOF 返回 -LOADING，INFO 显示 loading:1，ROLE 显示 sync。加载完后 k 不见了：B 用 A 的数据回答。',
  pc_expired_key_on_replica:
    'A 写入 4 秒 TTL 的 session（复制流中是 SET … PXAT），然后被冻结，既不能让键过期，也发不出 DEL。4.5 秒后在从库 B 上：GET session → nil，EXISTS → 0，TTL → -2，KEYS * 也跳过它——但 DBSIZE 仍然计入。A 恢复后，主动过期删掉该键并发送 DEL session（26 字节）；B 执行后 DBSIZE 才减少。',
  pe_failover_command:
    '在主库 A 上执行 FAILOVER：A 暂停写入，等某个从库确认了它的全部复制流。B 已经确认，于是 A 把自己变成 B 的从库，发送 PSYNC <A 的 replid> <offset+1> FAILOVER。B 先把自己提升为主库（A 的 replid 成为它的 replid2），再回复 +CONTINUE <B 的新 replid>。A 的 replid 变了，所以 C 重连，同样被增量接受：B 是主库，A 是它的从库，C 级联在 A 之下——全程没有全量同步。最后 A 重启：它以现在的身份（B 的从库）回来，凭 RDB 中的 replid 和 offset 增量续传（+CONTINUE）。',
  pf_failover_timeout_abort:
    'C 被冻结，错过 3 次写入。FAILOVER TO C TIMEOUT 3000：A 暂停写入（master_failover_state：waiting-for-sync）。其间发来的写入被挂起而不是拒绝。C 一直没有确认，3 秒后 A 放弃，挂起的写入这才执行。第二次 FAILOVER 用 FAILOVER ABORT 中止；进行中再发 FAILOVER 或 REPLICAOF 都会被拒绝。角色没有任何变化。',
  pg_failover_force_lagging:
    'C 被冻结时 A 又写入 5 次。FAILOVER TO C TIMEOUT 1000 FORCE：1 秒后 A 照样切换，它的 PSYNC … FAILOVER 停在 C 的 socket 里。C 恢复后先读到 A 早已发出的 5 次写入，再读到 PSYNC：此时它已追上，于是提升自己并经 replid2 增量接受 A。这里没有丢数据——FORCE 只是跳过检查，结果取决于目标实际拥有的数据。',
  pd_acked_writes_lost_failover:
    'C 的链路在 offset 113 处被切断；A 仍对两次写入回复 +OK，只有 B 收到它们。WAIT 2 500 返回 1：只有一个从库有这些写入。C 被提升为主库，它的历史只保留 A 到 second_repl_offset 114 为止的部分。B 和 A 先后指向 C，都需要全量同步，丢掉了这两次写入：已确认却丢失（2）。',
  z_diskless_sync_delay_shared:
    'repl-diskless-sync-delay 2：B 请求全量同步时 A 不立即 fork，而是最多等 2 秒，让更多从库共享同一次传输。B 处于 wait_bgsave，暂时收不到 +FULLRESYNC。',
  ph_client_pause_manual_switch:
    'FAILOVER 出现之前的做法：在 A 上执行 CLIENT PAUSE WRITE，停住客户端写入（读照常），从库追上一条不再增长的复制流。用 REPLICAOF NO ONE 提升 B（A 的 replid 成为它的 replid2）；再把 A 和 C 指向 B，经 replid2 增量续传（+CONTINUE）——C 续传两次，因为 A 的 replid 先变了。CLIENT UNPAUSE 之后 A 已是从库，在它上面写入得到 -READONLY。没有丢数据，也没有全量同步。',
};

// The scenario files' step notes in Chinese, keyed by the note's own English words (stories.ts
// noteOf): a file whose note is not word for word a public file's note keeps its own. Every note of
// every file in scenarios/ is here, and nothing else (i18n.test.ts).
// A Map: a note reading "constructor" is not a key of every Map, as it is of every object.
export const notes: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'no backlog yet: offset stays 0': '还没有 backlog：offset 保持为 0',
    'B retries every second and gets connection refused': 'B 每秒重试一次，连接被拒绝（connection refused）',
    'dump.rdb from the full sync stays': '全量同步留下的 dump.rdb 仍然保留',
    'the old master still accepts writes': '旧主库仍然接受写入',
    'dump.rdb: repl-id of the chain, repl-offset 241207': 'dump.rdb：链上的 repl-id，repl-offset 241207',
    'GETACK, waits 2 s for the frozen replica, then exits': '发送 GETACK，为被冻结的从库等待 2 s，然后退出',
    'replicas are in sync, so no GETACK is needed before exiting': '从库都已同步，所以退出前无需 GETACK',
    'B and C retry once a second: connection refused':
      'B 和 C 每秒重试一次：连接被拒绝（connection refused）',
    'the first one carries SELECT 0 (23 bytes)': '第一条带有 SELECT 0（23 字节）',
    'first write after full sync: SELECT 0 (23 bytes) + SET':
      '全量同步后的第一次写入：SELECT 0（23 字节）+ SET',
    'same db: no SELECT': '同一个 db：没有 SELECT',
    'write in db 1: SELECT 1 emitted': '写入 db 1：发出 SELECT 1',
    'back in db 0: SELECT 0 again': '回到 db 0：再次发出 SELECT 0',
    'no-op write: nothing propagated': '无效写入（no-op）：不传播任何内容',
    'same value again: still propagated': '再次写入相同的值：仍然传播',
    'relative expire rewritten to absolute PXAT': '相对过期时间改写为绝对的 PXAT',
    'EXPIRE rewritten to PEXPIREAT': 'EXPIRE 改写为 PEXPIREAT',
    'propagated as SET f 1.5 KEEPTTL': '以 SET f 1.5 KEEPTTL 传播',
    'propagated as SREM': '以 SREM 传播',
    'transaction: wrapped in MULTI/EXEC': '事务：包在 MULTI/EXEC 中',
    'transaction with a single write': '只含一次写入的事务',
    'script effects replication': '脚本按效果复制（effects replication）',
    'PUBLISH is propagated to replicas': 'PUBLISH 会传播给从库',
    'client PING: not propagated': '客户端的 PING：不传播',
    'WAIT makes the master send REPLCONF GETACK * (37 bytes)': 'WAIT 让主库发送 REPLCONF GETACK *（37 字节）',
    'large value': '较大的值',
    'B reconnects at once, without REPLCONF ip-address': 'B 立即重连，不带 REPLCONF ip-address',
    'the reconnect fails: WRONGPASS': '重连失败：WRONGPASS',
    'A delays the BGSAVE (repl-diskless-sync-delay 1): B is listed wait_bgsave':
      'A 推迟 BGSAVE（repl-diskless-sync-delay 1）：B 的状态显示为 wait_bgsave',
    'the 7th SET: 82016 bytes ≥ 65536, B closed, the transfer child killed':
      '第 7 个 SET：82016 字节 ≥ 65536，B 被关闭，传输子进程被终止',
    'B asked again at once; the next transfer starts after the diskless delay':
      'B 立即再次请求；下一次传输在 diskless 延迟之后开始',
    'normal 0 0 0 slave 65536 0 0 pubsub 33554432 8388608 60: only the replica class changed':
      'normal 0 0 0 slave 65536 0 0 pubsub 33554432 8388608 60：只有从库（slave）这一类改变了',
    '1000 keys × 2 ms: each BGSAVE lasts about 2 s': '1000 个 key × 2 ms：每次 BGSAVE 约持续 2 s',
    "the 7th SET opens a 4th block: 4 × (20440 + 64) = 82016 ≥ 65536, B is closed (the step's last write, so the next +FULLRESYNC offset is fixed)":
      '第 7 个 SET 开启第 4 个块：4 ×（20440 + 64）= 82016 ≥ 65536，B 被关闭（这是该步骤的最后一次写入，所以下一次 +FULLRESYNC 的 offset 是确定的）',
    'B reconnected at once and asked again (sync_full 2); A has save points, so the running BGSAVE is kept and B waits for the next one, ~2 s later':
      'B 立即重连并再次请求（sync_full 2）；A 配置了 save 保存点，所以正在进行的 BGSAVE 被保留，B 等待下一次，约 2 s 之后',
    "the blocks now fall so that the 6th SET opens B's 4th block: closed again":
      '这次块的分布使第 6 个 SET 就开启了 B 的第 4 个块：再次被关闭',
    'the effective hard limit becomes max(64kb, 1mb) = 1 MB': '实际生效的硬限制变为 max(64kb，1mb) = 1 MB',
    'the same writes: 82016 bytes < 1 MB, B keeps its buffer':
      '同样的写入：82016 字节 < 1 MB，B 保留其缓冲区',
    'TRANSFER, replica-serve-stale-data yes: old, 1, PONG':
      'TRANSFER 阶段，replica-serve-stale-data yes：old，1，PONG',
    '-MASTERDOWN for GET, DBSIZE and PING; ECHO and ROLE are served':
      'GET、DBSIZE 和 PING 得到 -MASTERDOWN；ECHO 和 ROLE 照常响应',
    '-LOADING for GET, DBSIZE and REPLICAOF; ECHO and ROLE (sync) are served':
      'GET、DBSIZE 和 REPLICAOF 得到 -LOADING；ECHO 和 ROLE（sync）照常响应',
    'MASTERDOWN comes before LOADING': 'MASTERDOWN 排在 LOADING 之前',
    "A's data: k is gone": 'A 的数据：k 已不存在',
    'A frozen: no active expire, no DEL': 'A 被冻结：没有主动过期，也没有 DEL',
    'nil, 0, -2, [keep], 2: missing for reads, still stored':
      'nil，0，-2，[keep]，2：读取时视为不存在，但仍然存储着',
    'the DEL arrived: nil, 1': 'DEL 已到达：nil，1',
    '+OK twice: acknowledged, but only A and B have them': '两次 +OK：已确认，但只有 A 和 B 有这些写入',
    '1: only B acknowledged them': '1：只有 B 确认了它们',
    "C promoted: replid2 = A's id, second_repl_offset 114":
      'C 被提升：replid2 = A 的 id，second_repl_offset 114',
    'A restarts as the replica it is now (of B), from its RDB':
      'A 以它现在的身份（B 的从库）从自己的 RDB 重启',
    'held until the failover is aborted, then OK': '一直阻塞到 failover 被中止，然后返回 OK',
    "C, dropped by A when A's replid changed, is back with A (+CONTINUE) before it is pointed at B":
      'A 的 replid 改变时 C 被 A 断开；在被指向 B 之前，C 已重新连上 A（+CONTINUE）',
    '-NOREPLICAS: offset unchanged': '-NOREPLICAS：offset 不变',
    'no backlog: the offset does not move': '没有 backlog：offset 不移动',
    'offset does not move without a backlog': '没有 backlog 时 offset 不移动',
    'already acknowledged: returns 2, no GETACK': '已经确认过：返回 2，不发 GETACK',
    'GETACK (+37 bytes); returns 1 after 500 ms': '发送 GETACK（+37 字节）；500 ms 后返回 1',
    "B's ACK is enough: returns 1 at once": 'B 的 ACK 就够了：立即返回 1',
    'same database: no SELECT': '同一个数据库：没有 SELECT',
    'SELECT 2 then FLUSHDB': '先 SELECT 2，再 FLUSHDB',
    'SET ex v PXAT <ms>': 'SET ex v PXAT <ms>',
    'PEXPIREAT a <ms>': 'PEXPIREAT a <ms>',
    'a past expiry deletes: DEL gone': '过去的过期时间直接删除：DEL gone',
    'SET f 2.5 KEEPTTL': 'SET f 2.5 KEEPTTL',
    'one write: no MULTI/EXEC around it': '只有一次写入：外面不包 MULTI/EXEC',
    'two writes: MULTI … EXEC': '两次写入：MULTI … EXEC',
    'script effects: SET f … KEEPTTL': '脚本效果：SET f … KEEPTTL',
    'no replica, no backlog: the offset stays 0': '没有从库，也没有 backlog：offset 保持为 0',
  }),
);
