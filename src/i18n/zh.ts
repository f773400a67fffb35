// 简体中文: every key of en.ts (the compiler checks). Redis 的协议词保留英文, 写在中文旁边.
import type { Catalog } from './index.ts';

export const zh: Catalog = {
  'app.title': 'PSYNC Lab — Redis 主从复制',
  'app.subtitle': 'Redis 7.0 主从复制, 一步一步看',
  'app.loading': '正在启动模拟…',
  'app.skip': '跳到侧边面板',

  'top.scenario': '场景',
  'top.defaultLab': '自由实验 (主库 A, 从库 B、C)',
  'top.seedHelp': '种子 seed 让一次运行可重现: 同样的种子和操作, 得到同样的事件。',
  'top.langAria': '切换语言 中文 / English',
  'top.share': '分享链接',
  'top.help': '快捷键',

  'cluster.title': '集群: 节点、链路与消息',
  'legend.title': '链路状态',
  'cluster.enlarge': '放大 (收起下方面板)',
  'role.master': '主库 master',
  'role.replica': '从库 replica',
  'run.running': '运行中',
  'run.stopped': '已冻结 (SIGSTOP)',
  'run.down': '已停止',
  'node.aria': '节点 {name} :{port}, {role}, offset {offset}, {keys} 个键',
  'node.secondHelp': 'second_repl_offset {n}: 用 replid2 发来的 PSYNC, 偏移量不超过 {n} 时可以接受',
  'node.loading': '加载中 {pct}%',
  'node.keys': '键',
  'node.replicasCount': '已连接 {n} 个从库',
  'node.traffic': '{n} 次写/秒',

  'link.online': '在线 online',
  'link.transfer': '传输 RDB',
  'link.handshake': '握手 handshake',
  'link.connecting': '连接中',
  'link.cut': '已断开',
  'link.down': '未连接',
  'link.aria': '链路 {replica} → {master}: {state}',

  'ins.title': '正在发生什么',
  'ins.handshake': '握手 handshake',
  'ins.decision': 'PSYNC 决策',
  'ins.backlog': '积压缓冲区 backlog',
  'ins.offsets': '偏移量 offset',
  'ins.fullsync': '全量同步',
  'ins.follow': '跟随事件',
  'ins.hide': '收起面板',
  'ins.show': '展开面板',
  'ins.followHelp': '发生 PSYNC 或全量同步时自动切到对应面板',

  'hs.aria': '{replica} 的握手: 当前 {state}',
  'hs.intro':
    '每个从库按顺序经过这些 REPL_STATE_* 状态 (Redis src/server.h, 协议顺序)。亮起的是当前所在步骤。',
  'hs.none': '还没有从库: 选择一个节点, 用 "重新指向" 或在控制台输入 REPLICAOF。',
  'hs.open': '打开 {replica} 的链路: 步骤与报文记录',
  'hs.failed':
    '在这一步失败: 主库回复 {reply}。本次尝试结束 (回到 REPL_STATE_CONNECT), replicationCron 一秒内重试。',
  'hs.failedShort': '(失败)',
  'hs.warned': '回复 {reply}: 这一步不致命, 从库继续。',
  'hs.skipped': '已跳过 (未配置)',
  'hs.CONNECT': '需要 (重新) 连接: replicationCron 将向主库发起连接。',
  'hs.CONNECTING': '从库主动向主库建立 TCP 连接。',
  'hs.RECEIVE_PING_REPLY': '已发送 PING: 确认主库是否可用。主库回复 +PONG (回复 -NOAUTH 也算可用)。',
  'hs.SEND_HANDSHAKE': 'AUTH (配置了 masterauth 时) 和各条 REPLCONF 一次性写出 (6.2 起流水线发送)。',
  'hs.RECEIVE_AUTH_REPLY': '等待 AUTH 的回复: +OK; 或 -WRONGPASS, 一秒后重试。',
  'hs.RECEIVE_PORT_REPLY': 'REPLCONF listening-port: 从库上报自己的端口 (INFO 中 slaveN:…,port=)。',
  'hs.RECEIVE_IP_REPLY':
    'REPLCONF ip-address: 仅在配置 replica-announce-ip 时发送 (NAT、容器)。主库随后显示这个地址而不是连接的地址 (INFO slaveN:ip=…、ROLE、日志)。',
  'hs.RECEIVE_CAPA_REPLY':
    'REPLCONF capa eof capa psync2: eof = 能接收无盘 RDB ($EOF:<mark>), psync2 = 理解 +CONTINUE <新 replid>。',
  'hs.SEND_PSYNC': '准备发送 PSYNC <replid> <offset+1> (没有复制历史时发送 PSYNC ? -1)。',
  'hs.RECEIVE_PSYNC_REPLY': '已发送 PSYNC: 等待 +FULLRESYNC <replid> <offset> 或 +CONTINUE。',
  'hs.TRANSFER': '正在把 RDB 接收到临时文件; 之后清空旧数据、改名、加载。',
  'hs.CONNECTED': '已同步: 从库执行复制流中的命令, 每秒发送 REPLCONF ACK <offset>。',
  'hs.NONE': '不是从库。',

  'dec.none': '还没有 PSYNC。断开再恢复一条链路、重启一个从库或提升一个从库, 然后在这里观察。',
  'dec.prev': '上一个决策',
  'dec.next': '下一个决策',
  'dec.q1': '① 同一历史? 请求的 replid = 主库 replid',
  'dec.q2': '② …或切主后: 请求 = replid2 且 P ≤ second_repl_offset',
  'dec.q3': '③ 有积压缓冲区 backlog 吗?',
  'dec.q4': '④ 字节 P 还在 backlog 中吗? first_byte ≤ P ≤ master_repl_offset + 1',
  'dec.notChecked': '未检查',
  'dec.reason.accepted': '历史相同, 且从 P 开始的字节都在 backlog 中: 发送 {bytes} 字节的 backlog。',
  'dec.reason.accepted-replid2':
    '通过 replid2 (主库的上一个 id) 匹配到历史: 继续复制, 并把新的 replid 告诉从库。随后发送 {bytes} 字节的 backlog。',
  'dec.reason.full-requested': '从库请求全量同步 (PSYNC ? -1): 它没有可提供的复制历史。',
  'dec.reason.replid-mismatch': '从库的历史 (replid) 不是这个主库认识的: 全量同步。',
  'dec.reason.replid2-offset-too-high':
    'id 与 replid2 相同, 但 P 超过了 second_repl_offset: 从库有新主库从未有过的数据。',
  'dec.reason.no-backlog': '主库没有 backlog (还没创建, 或已被 repl-backlog-ttl 释放): 全量同步。',
  'dec.reason.offset-before-backlog': '字节 P 已经离开 backlog (早于 first_byte_offset): 全量同步。',
  'dec.reason.offset-after-master': 'P 大于 master_repl_offset + 1: 从库声称拥有主库从未写过的数据。',

  'why.title': '为什么?',
  'why.replicaofAttach.title': '为什么记为一次增量同步失败 (sync_partial_err)?',
  'why.replicaofAttach.text':
    '用 REPLICAOF 挂载的节点总是先尝试 PSYNC, 提供自己的 replid 和 offset+1 ({p})。主库不认识这段历史, 只能拒绝 —— Redis 把每个带真实 id 却被拒绝的 PSYNC 都计入 sync_partial_err, 即使是第一次挂载。',
  'why.historyChanged.title': '为什么重连的从库需要全量同步?',
  'why.historyChanged.text':
    '从库提供它原有的历史 (replid), 但主库已经没有这个 id 了: 主库在 repl-backlog-ttl 到期释放 backlog 时、或重启、或被提升时更换了 replid。没有共同的历史, 只能全量同步 —— 被拒绝的 PSYNC 计入 sync_partial_err。',
  'why.noRdb.title': '为什么重启后要全量同步?',
  'why.noRdb.text':
    '这个从库之前同步过, 现在却发送 PSYNC ? -1: 它重启时没有 dump.rdb (SHUTDOWN NOSAVE, 或文件被删除), 丢失了 replid 和 offset。若有 RDB, 它会提供这些信息并增量同步。',
  'why.firstAttach.title': '首次挂载',
  'why.firstAttach.text':
    '启动时就配置了 replicaof 的从库没有任何历史: PSYNC ? -1 直接请求全量同步 (不计入 sync_partial_err)。',
  'why.blockTrim.title': '为什么 offset 不在了?',
  'why.blockTrim.text':
    'backlog 大约保留 repl-backlog-size ({size}) 字节。Redis 7.0 从头部按整块 (约 20 KB) 丢弃历史, 所以 first_byte_offset 会跳跃前进; 从库断开太久, 字节 {p} 已经没有了。',
  'why.beyondSize.title': '缺的字节比 repl-backlog-size 还多, 却仍然 +CONTINUE?',
  'why.beyondSize.text':
    'Redis 7.0 只按整块修剪 backlog, 且不会少于 repl-backlog-size ({size}), 所以常常多保留一些。Redis 6.2 精确的环形缓冲区在这里会回复 +FULLRESYNC。',
  'why.oldMasterAhead.title': '为什么旧主库需要全量同步?',
  'why.oldMasterAhead.text':
    '切主之后, 新主库只能把旧历史延续到 second_repl_offset ({second})。这个节点在那之后还接受了写入 (P = {p}): 这些字节新主库从未有过, 必须丢弃 —— 只能全量同步。',
  'why.failover.title': '切主却无需全量同步',
  'why.failover.text':
    '从库被提升时把旧的 replid 保存为 replid2, 有效到 second_repl_offset ({second})。所以旧主库的从库可以继续: +CONTINUE 带着新的 replid, 它们也同样切换 id。',
  'why.noBacklog.title': '为什么没有 backlog?',
  'why.noBacklog.text':
    '主库在第一个从库到来时创建 backlog, 在没有从库超过 repl-backlog-ttl 秒后释放它 (同时更换 replid)。刚重启的主库也从空的 backlog 开始。',
  'why.replicaAhead.title': '从库领先于主库',
  'why.replicaAhead.text':
    '从库请求的字节主库还没写过: 主库丢失了写入 (例如从较旧的 RDB 重启)。Redis 记录警告并全量同步。',
  'why.obufLoop.title': '又一次全量同步: 主库因输出缓冲区超限关掉了这个从库',
  'why.obufLoop.text':
    '上一次全量同步期间, 主库把 fork 之后的每个写命令都为这个从库留着, 计为 {used} 字节 (它在复制缓冲区中的份额, 按约 20 KB 的块计算), 超过了 client-output-buffer-limit replica ({limit} 字节; 低于 repl-backlog-size 的硬限制按 backlog 大小计)。主库以 "for overcoming of output buffer limits" 关闭了它, 从库立刻重连再要全量同步。只要一次传输期间的写入超出限制, 就会一直循环: 调大限制或 repl-backlog-size, 或者同步期间少写一些。',

  'why.replicationLoop.title': '复制环: Redis 允许, 但之后什么都不会流动',
  'why.replicationLoop.text':
    '{master} 已经 (直接或经过其他节点) 从 {replica} 复制, 而 Redis 7.0 并不禁止成环。{master} 与 {replica} 共享同一段历史, 所以回复 +CONTINUE, 两条链路都显示 up。但现在没有主库了: 环上每个节点都是只读从库 (写入得到 READONLY), 没有节点发送 PING, offset 停在原处。在其中一个节点上执行 REPLICAOF NO ONE 即可打破这个环。',

  'bl.none': '没有可显示的节点。',
  'bl.of': '{name} 的积压缓冲区 backlog',
  'bl.showBlocks': '显示 7.0 的块列表',
  'bl.window': '窗口',
  'bl.ringAria': '{size} 字节的 backlog 环, 已绕 {laps} 圈',
  'bl.laps': '已绕 ×{n} 圈',
  'bl.noBlocks': '没有 backlog 块 (backlog 未启用)。',
  'bl.blocksAria': '复制缓冲区: {n} 个块',
  'bl.pinIn': '{replica} 请求字节 P = {p} (t = {t} 秒): 在窗口 [{first} … {last}] 之内 → {outcome}',
  'bl.pinOut': '{replica} 请求字节 P = {p} (t = {t} 秒): 在窗口 [{first} … {last}] 之外 → {outcome}',
  'bl.pinFull': '{replica} 请求全量同步 (PSYNC ? -1, t = {t} 秒): 没有要查找的 offset。',
  'bl.extra': '7.0 按整块保留: 比 repl-backlog-size 多 {n} 字节 (外圈)。',
  'bl.ringNote': '环形是经典画法 (6.2 及以前完全准确)。Redis 7.0 用块列表保存同一个窗口。',

  'ruler.in': '请求的 offset P = {p} 在 backlog 窗口 [{first} … {last}] 之内',
  'ruler.out': '请求的 offset P = {p} 在 backlog 窗口 [{first} … {last}] 之外',
  'off.node': '节点',
  'off.behind': '落后 (字节)',
  'off.ack': 'ACK offset',
  'off.behindHelp': '落后的字节数: 主库的 master_repl_offset 减去本节点的',
  'off.ackHelp': '主库最近一次从 REPLCONF ACK (每秒一次) 收到的 offset, lag 是它的时长',
  'off.loading': '正在加载图表…',
  'off.band': '{name} 的 backlog',
  'off.axisT': '虚拟时间 (秒)',
  'off.chartAria': '各节点 master_repl_offset 随时间变化的图表, 带状区域是 backlog 窗口',

  'fs.none': '还没有全量同步。',
  'fs.title': '{replica} 从 {master} 全量同步 (t = {t} 秒)',
  'fs.pick': '显示以下从库的全量同步',
  'fs.progress': 'RDB 传输进度',
  'fs.bgsave': 'BGSAVE: fork() 子进程生成 RDB',
  'fs.fullresync': '回复 +FULLRESYNC <replid> <offset>',
  'fs.tempfile': '从库创建临时文件 temp-<时间>.<pid>.rdb',
  'fs.header': 'RDB 头: $EOF:<mark> (无盘) 或 $<长度>',
  'fs.transfer': '已传输的 RDB 字节',
  'fs.dropreplicas': '断开它自己的从库 (级联): 它们的复制历史即将改变',
  'fs.loadProgress': 'RDB 加载进度',
  'fs.loadKeys': '已加载 {n} 个键',
  'fs.flush': '清空旧数据 (并释放 backlog): 从库此时 0 个键',
  'fs.rename': '临时文件改名为 dump.rdb',
  'fs.load': '把 RDB 加载到内存',
  'fs.masterclient': '创建主库客户端: 更新 replid 和 offset',
  'fs.stream': '发送缓冲的写命令',

  'side.title': '详情',
  'side.close': '关闭详情',
  'side.node': '节点 {name}',
  'side.tabs': '节点 {name}',
  'side.link': '链路 {replica} → {master}',
  'side.openNode': '打开节点 {name}',
  'side.handshake': '握手 (REPL_STATE_*)',
  'side.transcript': 'RESP 报文记录',
  'tab.actions': '操作',
  'tab.console': '控制台',
  'tab.info': 'INFO',
  'tab.data': '数据',
  'tab.log': '日志',

  'act.write': '写入',
  'act.writeOne': '写一个键 (SET)',
  'act.burstCount': '写入条数',
  'act.burst': '批量写入',
  'act.rate': '每秒写入',
  'act.trafficStart': '开始持续写入',
  'act.trafficStop': '停止持续写入 ({n}/秒)',
  'act.link': '链路',
  'act.cut': '断开链路 {name} → {master}',
  'act.heal': '恢复 {name} 的链路',
  'act.process': '进程',
  'act.freeze': '冻结 (SIGSTOP)',
  'act.unfreeze': '恢复运行 (SIGCONT)',
  'act.restartSave': '重启 (SHUTDOWN SAVE)',
  'act.restartNosave': '重启 (SHUTDOWN NOSAVE)',
  'act.shutdownSave': 'SHUTDOWN SAVE',
  'act.shutdownNosave': 'SHUTDOWN NOSAVE',
  'act.start': '启动',
  'act.deleteRdb': '删除 dump.rdb',
  'act.topology': '复制关系',
  'act.promote': '提升为主库 (REPLICAOF NO ONE)',
  'act.repointTo': 'REPLICAOF',
  'act.repoint': '重新指向',
  'act.addReplica': '为 {name} 添加从库',
  'act.remove': '移除节点 {name}',
  'act.config': '配置',
  'act.configSetAria': '在 {node} 上 CONFIG SET {param}',

  'console.input': '节点 {name} 的 redis-cli 命令',
  'console.output': '节点 {name} 的控制台',
  'console.empty': '输入命令, 例如 INFO replication、ROLE、SET k v、REPLICAOF NO ONE —— 或 help。',
  'console.help':
    '实验支持的 Redis 命令: INFO [section]、ROLE、SET/GET/DEL…、REPLICAOF host port | NO ONE、CONFIG SET/GET、WAIT、CLIENT KILL TYPE master、SHUTDOWN。"clear" 清屏, ↑/↓ 调出历史。',

  'console.labHelp': '实验命令 (Redis 没有对应命令的操作):',
  'info.down': '节点已停止: 没有 INFO。',
  'data.summary': '{n} 个键',
  'data.same': '与 {master} 相同',
  'data.differs': '{n} 处与 {master} 不同',
  'data.truncated': '只显示前 50 个',
  'data.key': '键',
  'data.type': '类型',
  'data.value': '值',
  'data.vsMaster': '对比 {master}',
  'data.row.differs': '不同:',
  'data.row.missing': '此处缺失:',
  'data.row.extra': '主库没有',
  'log.title': '{name} 的服务器日志',
  'log.empty': '还没有日志。',

  'note.capa':
    'capa eof: 能接收无盘 RDB, 以 $EOF:<40 字节标记> … 标记 发送 (事先不知道长度); capa psync2: 能理解故障切换后的 +CONTINUE <新 replid>。主库只是记下这些能力。',
  'note.psync': 'slave_repl_offset {offset} + 1 = {next}: 它缺的第一个字节, 在历史 {replid}… 中',
  'note.psyncFull': 'PSYNC ? -1: 没有缓存的主库 (没有可续的历史): 请求全量同步。',
  'transcript.empty': '这条链路上还没有消息。',
  'transcript.title': '{replica} 与 {master} 之间的消息',
  'transcript.rowAria': '{label}, {from} 发往 {to}, {bytes} 字节: 查看 RESP 字节',
  'resp.route': '发送方 → 接收方',
  'resp.bytes': '字节数',
  'resp.sent': '发送时间',
  'resp.delivered': '送达时间',
  'resp.offsets': '复制流 offset',
  'resp.bytesTitle': 'RESP 字节 (CR LF 显示为 \\r\\n)',

  'time.title': '时间',
  'time.play': '播放',
  'time.pause': '暂停',
  'time.stepBack': '后退一个事件',
  'time.stepForward': '前进一个事件',
  'time.milestone': '下一个里程碑 ⤼',
  'time.milestoneHelp': '跳到下一个: 握手完成、+FULLRESYNC / +CONTINUE、RDB 加载完成',
  'time.speed': '速度',
  'time.scrub': '虚拟时间',
  'time.at': '{t} 秒',
  'time.now': '当前虚拟时间',

  'milestone.handshake': '{node} 的握手完成: 主库收到 PSYNC, 正在决定',
  'milestone.fullresync': '里程碑: {node} 收到 +FULLRESYNC',
  'milestone.continue': '里程碑: {node} 收到 +CONTINUE',
  'milestone.loaded': '里程碑: {node} 已加载 RDB',
  'milestone.step': '里程碑: 场景第 {node} 步',

  'notice.forked': '你在过去的时刻 (t = {t} 秒) 做了操作: 之后记录的未来已被丢弃 —— 从这里开始新的未来。',
  'notice.loadError': '无法打开: {message}。已改为打开默认实验。',
  'notice.actionError': '{node} ({action}): {message}',
  'notice.unknownScenario': '未知场景 "{name}": 已改为打开默认实验。',
  'notice.url.seed': '种子 "{value}" 不是 0 到 2147483647 之间的整数: 改用种子 1。',
  'notice.url.lang': '未知语言 "{value}": 请用 lang=zh 或 lang=en。',
  'notice.url.scenario-name': '场景名 "{value}" 无效 (只允许字母、数字、_ 和 -)。',
  'notice.url.run': '地址中的 #run= 部分无法读取。',
  'notice.badRunKept': '无法打开分享的运行 ({message}): 屏幕上的运行保持不变。',
  'notice.badRun': '无法打开分享的运行 ({message}): 已改为打开默认实验。',
  'notice.dropReplicas':
    '{node} 开始加载新的数据集: 断开它自己的从库 {replicas} (它们的历史即将改变, 之后将向 {node} 重新同步)',
  'notice.copied': '链接已复制到剪贴板。',
  'notice.selectFirst': '请先选择一个节点 (点击它, 或按 1 … 7)。',

  'fault.title': '模拟已停止',
  'fault.text': '引擎出错了。你的操作没有丢失: 下面的链接会重新打开这次运行 (种子和操作), 便于重现和报告。',
  'fault.repro': '重现链接',
  'fault.stack': '技术细节',
  'fault.reload': '重新开始',

  'help.title': '键盘快捷键',
  'help.console': '在控制台中: 回车执行命令, ↑/↓ 调出之前的命令。Esc 关闭对话框。',
  'key.play': '播放 / 暂停',
  'key.step': '后退 / 前进一个事件',
  'key.milestone': '下一个里程碑',
  'key.start': '回到开头',
  'key.speed': '减速 / 加速',
  'key.select': '选择节点 A … G',
  'key.write': '写一个键 (选中的节点, 否则主库)',
  'key.burst': '批量写入 100 条',
  'key.traffic': '开启 / 停止持续写入 (50 次/秒)',
  'key.cut': '断开 / 恢复选中从库的链路',
  'key.freeze': '冻结 / 恢复选中的节点',
  'key.restart': '以 SAVE / NOSAVE 重启选中的节点',
  'key.promote': '提升选中的从库 (REPLICAOF NO ONE)',
  'key.add': '为选中的节点添加从库',
  'key.console': '打开控制台',
  'key.tab': '下一个讲解面板',
  'key.insights': '收起 / 展开讲解面板 (给集群图更多空间)',
  'key.lang': '切换语言',
  'key.help': '本帮助',
  'key.escape': '关闭 / 取消选择',

  'guide.defaultTitle': '自由实验: 一主两从',
  'guide.defaultStory':
    'A 是主库; B 和 C 在启动时挂载: 观察握手、PSYNC 决策 (+FULLRESYNC) 和 RDB 传输。然后动手制造故障: 断开链路、重启从库、提升从库。',
  'guide.points': '本场景展示第 27 课的要点: {points}',
  'guide.steps': '步骤 (点击跳转)',
  'guide.howTitle': '使用方法',
  'guide.how1': '点击节点查看操作、控制台、INFO、数据和日志; 点击链路查看握手步骤与 RESP 报文记录。',
  'guide.how2': '播放、暂停、单步前进/后退一个事件, 或跳到下一个里程碑。拖动时间条可到任意时刻。',
  'guide.how3': '点击链路上的消息 (或报文记录中的一行) 查看它的 RESP 字节。',
  'guide.how4': '在过去的时刻做操作, 会从那一刻开始新的未来。按 ? 查看快捷键。',
  'guide.scenarios': '场景',

  'notices.title': '提示',
  'notices.errors': '错误',
  'share.title': '分享这次运行',
  'share.link': '这次运行的链接',
  'share.copy': '复制',
  'share.qr': '链接的二维码',
  'share.scan': '用手机扫描二维码, 在手机上打开这次运行。',
  'share.fileHint': '本页是从文件打开的: 这个链接只能在同一位置有同一文件的电脑上打开。',
  'share.tooLong': '链接太长, 无法生成二维码: 请复制链接。',
  'common.close': '关闭',
  'common.dismiss': '关闭提示',
  'common.yes': '是',
  'common.no': '否',

  // Public scenarios: title and story (scenarios.ts has their lesson points).
  'sc.a_initial_attach.title': '首次挂载: 全量同步 FULLRESYNC',
  'sc.a_initial_attach.story':
    '主库 A 起初没有从库, 写入不会移动 offset (还没有积压缓冲区 backlog)。B、C 依次执行 REPLICAOF 挂到 A: 握手 (PING、REPLCONF), 发送 PSYNC, 收到 +FULLRESYNC, 接收 RDB 并加载。第一个从库到来时 A 创建 backlog 并更换 replid。',
  'sc.b_short_drop_partial.title': '短时断线: 增量同步 +CONTINUE',
  'sc.b_short_drop_partial.story':
    'B 的链路被切断, 期间 A 写入 5 条。恢复后 B 发送 PSYNC <replid> <offset+1>: replid 相同, 且 offset 仍在复制积压缓冲区 backlog 中, 所以 A 回复 +CONTINUE, 只补发缺少的字节。',
  'sc.c_backlog_overflow_full.title': '积压缓冲区溢出: 断线太久仍需全量同步',
  'sc.c_backlog_overflow_full.story':
    'repl-backlog-size 设为最小的 16kb。B 断线期间 A 写入约 100 KB, 远超 backlog。重连时 B 请求的 offset 已早于 repl_backlog_first_byte_offset, 只能 +FULLRESYNC。',
  'sc.d_replica_restart_save_partial.title': '从库重启 (有 RDB): 增量同步',
  'sc.d_replica_restart_save_partial.story':
    'B 以 SHUTDOWN SAVE 关闭, RDB 中保存了 repl-id 与 repl-offset。A 在 B 停机时写入 5 条。B 重启后从 RDB 恢复缓存的主库信息, 发送 PSYNC <replid> <offset+1>, 得到 +CONTINUE。',
  'sc.e_replica_restart_nosave_full.title': '从库重启 (无 RDB): PSYNC ? -1 全量同步',
  'sc.e_replica_restart_nosave_full.story':
    'B 以 SHUTDOWN NOSAVE 关闭, dump.rdb 也被删除。重启后它没有任何复制历史, 只能发送 PSYNC ? -1, 得到 +FULLRESYNC (不计入 sync_partial_err)。',
  'sc.f_failover_promote_partial.title': '切主: 通过 replid2 增量同步',
  'sc.f_failover_promote_partial.story':
    'B 被提升 (REPLICAOF NO ONE): A 的 replid 移到 B 的 replid2, second_repl_offset = offset+1, B 换上新 replid。随后 A 与 C 执行 REPLICAOF B, 用旧 replid 请求 PSYNC, 经 replid2 匹配得到 +CONTINUE <B 的新 replid>。',
  'sc.h_chained_full_resync.title': '级联复制: 中间节点全量同步时断开下级',
  'sc.h_chained_full_resync.story':
    '链 A ← B ← C。B 断线太久需要从 A 全量同步; B 开始加载新 RDB 时会断开 C 并释放自己的 backlog, C 之后只能全量同步。',
  'sc.h3_subreplica_restart_full_after_big_writes.title': '大量写入后从 RDB 重启的下级从库: 从链中间全量同步',
  'sc.h3_subreplica_restart_full_after_big_writes.story':
    '链 A → B → C, backlog 均为 16 KB, 每个值 8 KB, 写入 db 3。(1) A 写入 240 KB 后立即以 SHUTDOWN SAVE 重启 C: C 只比 B 晚一跳, 保存前已读完所有字节, RDB 记下 offset 241207, B 回复 +CONTINUE 且无需补发; C 的 backlog 从 241208 开始, 为空。(2) C 再次停机, 期间 A 又写入 480 KB。B 的 backlog 只保留最后几个完整的块, C 发送 PSYNC <replid> 241208 时 replid 相同, 但该字节已不在: B 回复 +FULLRESYNC, 带上自己的 offset 723298。(3) 之后的写入在新 RDB 之后到达 C, 仍写入 db 3; C 新建的 backlog (首字节 723299) 超过 16 KB 后按整块丢弃。',
  'sc.i_masterauth_errors.title': 'masterauth: 鉴权失败与重试',
  'sc.i_masterauth_errors.story':
    'A 设置了 requirepass。B 不带 masterauth 时 PING 得到 -NOAUTH; 密码错误时 AUTH 得到 -WRONGPASS, 每秒重试; 改对后完成握手并全量同步。',
  'sc.k_offsets_bytes.title': 'offset 就是字节数',
  'sc.k_offsets_bytes.story':
    '每次写入让 master_repl_offset 增加其 RESP 字节数; 还能看到 SELECT 插入与 7.0 的命令改写 (相对过期 → PXAT 等)。',
  'sc.l_disk_sync_shared_bgsave.title': '磁盘方式全量同步: 共享一次 BGSAVE',
  'sc.l_disk_sync_shared_bgsave.story':
    'repl-diskless-sync no: 主库先 BGSAVE 到 dump.rdb, 再以 $<len> 发送。BGSAVE 进行中到来的第二个从库共享这次 BGSAVE。',
  'sc.p_ping_period_chain.title': '复制流中的 PING',
  'sc.p_ping_period_chain.story':
    'repl-ping-replica-period 1: A 每秒向复制流写入 PING (14 字节), 链上的 B、C offset 一起增长; B 只转发, 不自己生成 PING。',
  'sc.r_repl_timeout.title': 'repl-timeout: 冻结的从库被断开',
  'sc.r_repl_timeout.story':
    'B 被 SIGSTOP 冻结, 不再发送 REPLCONF ACK; 超过 repl-timeout 后主库断开它。恢复后 B 增量同步。',
  'sc.s_min_replicas_to_write.title': 'min-replicas-to-write',
  'sc.s_min_replicas_to_write.story':
    '要求至少 1 个延迟 ≤ 2 秒的从库。B 冻结后写入失败 (-NOREPLICAS), 恢复后再次成功。',
  'sc.t_backlog_ttl.title': 'repl-backlog-ttl: backlog 被释放',
  'sc.t_backlog_ttl.story':
    'A 没有从库超过 2 秒后释放 backlog 并更换 replid; 没有 backlog 时写入不移动 offset。B 回来时只能全量同步。',
  'sc.b2_several_replicas.title': '四个从库四种结局: 断线、有/无 RDB 重启',
  'sc.b2_several_replicas.story':
    '主库 A 持续写入, 四个从库各有遭遇: B 断线后恢复 → +CONTINUE; C 以 SHUTDOWN SAVE 重启, 从 RDB 恢复缓存的主库 → +CONTINUE; D 无 RDB 重启 → PSYNC ? -1 全量同步; E 不受影响。对比 A 的计数器。',
  'sc.c2_backlog_block_granularity.title': '7.0 的 backlog 按整块修剪',
  'sc.c2_backlog_block_granularity.story':
    'repl-backlog-size 为 16384 字节。B 断线期间错过 17 569 字节, 多于 backlog 大小, 但 backlog 一个块都还没丢: 仍然 +CONTINUE。继续写入直到第一个约 20 KB 的块被丢弃, first_byte_offset 跳跃前进, 再断线就只能全量同步。',
  'sc.e2_replica_restart_nosave_sync_rdb.title': 'NOSAVE 重启, 但全量同步留下的 dump.rdb 还在',
  'sc.e2_replica_restart_nosave_sync_rdb.story':
    '从库全量同步时把收到的文件保存为 dump.rdb, 其中带有主库的 replid 和同步时的 offset。B 以 SHUTDOWN NOSAVE 重启后加载这个文件, 用它请求 PSYNC: 关键在磁盘上的 RDB, 而不是 SAVE 还是 NOSAVE。',
  'sc.f2_promote_chain_middle.title': '提升链中间的节点',
  'sc.f2_promote_chain_middle.story':
    '链 A → B → C。对 B 执行 REPLICAOF NO ONE: B 换上新 replid, 把 A 的 id 保留为 replid2, 并断开自己的从库 C 让它得知变化。C 立即用 A 的 id 重连, 通过 B 的 replid2 得到 +CONTINUE。',
  'sc.g_failover_divergence_full.title': '分叉后的切主: 旧主库需要全量同步',
  'sc.g_failover_divergence_full.story':
    'B 被提升, 但 A 没有被告知, 继续接受写入 (C 也收到了)。A 最终执行 REPLICAOF B 时, 它的 offset 超过了 B 的 second_repl_offset: 这些字节 B 从未有过, 只能全量同步 (裂脑后的数据被丢弃)。',
  'sc.h2_chain_partial_keeps_subreplica.title': '级联复制短暂断线: 下级从库保持连接',
  'sc.h2_chain_partial_keeps_subreplica.story':
    '链 A → B → C, A 与 B 之间短暂断开。B 以相同 replid 从 A 得到 +CONTINUE, 所以 C 不受影响: 不会被断开, 只是按相同 offset 收到 B 转发的缺失字节。(对比 h: B 需要全量同步时会断开 C。)',
  'sc.j2_master_restart_no_rdb_wipes_data.title': '主库无 RDB 重启: 所有节点的数据都被清空',
  'sc.j2_master_restart_no_rdb_wipes_data.story':
    'A 以 SHUTDOWN NOSAVE 停止且没有 dump.rdb。它作为全新的主库回来: 新 replid、offset 0、没有 backlog。B 和 C 用旧 id 请求 PSYNC, 得到全量同步 —— 空数据集复制过来, 数据丢失。',
  'sc.j3_shutdown_save_lagging_replica_getack.title': 'SHUTDOWN 等待落后的从库 (REPLCONF GETACK)',
  'sc.j3_shutdown_save_lagging_replica_getack.story':
    'B 被冻结, A 写入 3 条 B 无法确认的数据。SHUTDOWN SAVE 发现有从库落后: 向复制流追加 REPLCONF GETACK * (37 字节), 暂停写入并等待 ACK, 最多等待 shutdown-timeout。',
  'sc.j_master_restart_rdb_partial.title': '主库有 RDB 重启: 增量同步 (7.0+)',
  'sc.j_master_restart_rdb_partial.story':
    'A 以 SHUTDOWN SAVE 停止, dump.rdb 记录了它的 replid 和 offset。A 从 RDB 重启后换上新 replid, 并把旧 id 保存为 replid2: B 和 C 重连时经 replid2 匹配, 得到 +CONTINUE。',
  'sc.m_tiny_backlog_last_block.title': 'repl-backlog-size 1: backlog 仍保留最后一个块',
  'sc.m_tiny_backlog_last_block.story':
    '启动时设置 repl-backlog-size 1 (只有 CONFIG SET 会把小于 16 KB 的值提高到 16 KB)。backlog 按约 20 KB 的整块修剪, 且总是保留最后一块, 所以仍然保存着复制流的末尾。',
  'sc.n_restart_as_master_then_replicaof_full.title': '以主库身份重启后再指向: 全量同步',
  'sc.n_restart_as_master_then_replicaof_full.story':
    'B 以 SHUTDOWN SAVE 停止, 去掉 replicaof 重新启动, 以主库身份运行: 保留数据与 offset, 但像所有重启的 7.0 主库一样换上新 replid。再指向 A 时, 它提供的是自己的新历史: 全量同步。',
  'sc.o_masteruser_acl_auth.title': '通过 ACL 用户复制 (masteruser)',
  'sc.o_masteruser_acl_auth.story':
    'A 为 default 用户设置了密码, 并有一个只允许 PSYNC、REPLCONF、PING 的 ACL 用户 repl。B 配置 masteruser repl / masterauth replpass, 握手时在 REPLCONF 之前发送 AUTH repl replpass。',
  'sc.o2_announce_ip_port_acl.title': 'REPLCONF ip-address 与 listening-port: 从库上报的地址',
  'sc.o2_announce_ip_port_acl.story':
    '在 NAT 或容器后面, 主库看不到从库的真实地址, 于是由从库自己上报。B (replica-announce-ip 10.0.0.2) 一次性发送 AUTH、REPLCONF listening-port、REPLCONF ip-address、REPLCONF capa, 收到四个 +OK 后完成连接: A 显示 slave0:ip=10.0.0.2。C 还上报了端口 7999, A 显示的正是它。随后 B 不再上报 ip, 改为上报端口 7888: 下一次握手跳过 ip-address 这一步, 以 +CONTINUE 恢复, A 显示 127.0.0.1:7888。',
  'sc.q_chain_upstream_outage_timeout.title': '上游断开时的级联复制: 链尾的 repl-timeout',
  'sc.q_chain_upstream_outage_timeout.story':
    '链 A → B → C, repl-timeout 3。B 到 A 的链路被切断。B 从不向自己的从库发送 PING (只转发 A 的复制流), 所以 C 什么也收不到: 超过 3 秒后 C 放弃链路并重连。',
  'sc.s2_min_replicas_cut_link.title': 'min-replicas-to-write 与被隔离的从库',
  'sc.s2_min_replicas_cut_link.story':
    'A 要求 1 个合格的从库。B 的链路被切断后 A 数到 0 个合格从库, 写入被 -NOREPLICAS 拒绝; 链路恢复后写入重新成功。',
  'sc.t2_backlog_ttl_reattach_in_time.title': 'repl-backlog-ttl: 及时回来, 或者太晚',
  'sc.t2_backlog_ttl_reattach_in_time.story':
    'repl-backlog-ttl 3。(1) B 断开约 1 秒后恢复: backlog 还在 → +CONTINUE。(2) 再次断开直到 backlog 被释放 (repl_backlog_active:0), 同时 replid 改变: B 回来时只能全量同步。',
  'sc.u_replica_side_master_timeout.title': '从库一侧的 repl-timeout',
  'sc.u_replica_side_master_timeout.story':
    '主库 A 被冻结: 连接仍然打开, 但没有任何数据, 也没有 PING。超过 repl-timeout 后 B 记录 MASTER timeout 并断开; A 恢复后 B 增量同步。',
  'sc.v_client_kill_reconnects.title': 'CLIENT KILL: 被断开的链路立即增量重连',
  'sc.v_client_kill_reconnects.story':
    '(1) 在从库 B 上 CLIENT KILL TYPE master: B 保留缓存的主库并立即重连 → +CONTINUE。(2) 在主库 A 上 CLIENT KILL TYPE replica: 两个从库都立即重连 → +CONTINUE。',
  'sc.w_wait_getack.title': 'WAIT 与 REPLCONF GETACK',
  'sc.w_wait_getack.story':
    'WAIT numreplicas timeout 阻塞客户端, 直到足够多的从库确认了它的最后一次写入。C 被冻结时 WAIT 让主库发送 REPLCONF GETACK *, 在超时后返回已确认的从库数。',
  'sc.x_writes_other_databases.title': '写入其他数据库: 复制流中的 SELECT',
  'sc.x_writes_other_databases.story':
    '每当写入的数据库与上一次不同, 主库就向复制流插入 SELECT <db> (23 字节)。从库在正确的数据库中执行每条命令。',
  'sc.y_command_rewrites.title': '7.0 如何为复制流改写命令',
  'sc.y_command_rewrites.story':
    '相对过期改为绝对时间: SET … EX → SET … PXAT <毫秒>, EXPIRE → PEXPIREAT; 过去时间的 EXPIRE 删除键并传播 DEL; INCRBYFLOAT 变为 SET … KEEPTTL。offset 按改写后的字节增加。',
  'sc.pa_obuf_full_sync_loop.title': '全量同步死循环: 从库超出输出缓冲区限制',
  'sc.pa_obuf_full_sync_loop.story':
    '全量同步期间, A 把 fork 之后的每个写命令都为 B 留着, 并按 client-output-buffer-limit replica 计数 (这里设为 64kb; 7.0 默认硬限制 256mb, 软限制 64mb 持续 60 秒)。在一次很慢的 BGSAVE 期间写入 70 KB: 到第 4 个 20 440 字节的块时 B 的缓冲计为 82 016 字节, A 以 "for overcoming of output buffer limits" 关闭 B; B 立刻重连再要全量同步, 下一次 BGSAVE 又是同样结局。低于 repl-backlog-size 的硬限制按 backlog 大小计算: 把 repl-backlog-size 调到 1 MB (或调大限制) 就结束了循环。',
  'why.readsDuringSync.title': '全量同步期间从库如何回答',
  'why.readsDuringSync.text':
    'RDB 加载完之前, 从库无法用主库的数据回答。主库生成并发送 RDB 期间 (REPL_STATE_TRANSFER), 若 replica-serve-stale-data 为 yes (默认), 从库用自己的旧数据回答: 这是过期的数据, 甚至可能来自另一个主库; 若为 no, 凡是没有 stale 标记的命令 (GET、DBSIZE, 连 PING 也是) 都返回 -MASTERDOWN。随后它清空旧数据并加载 RDB, 加载是阻塞的: 在分块之间, 其他客户端收到 -LOADING Redis is loading the dataset in memory (INFO、ROLE、CONFIG、ECHO 仍可用; 先检查 MASTERDOWN)。直到 "MASTER <-> REPLICA sync: Finished with success" 之后, 读到的才是主库的数据。',
  'sc.pa2_obuf_diskless_loop.title': '无盘同步的全量同步死循环: 传输子进程被杀掉',
  'sc.pa2_obuf_diskless_loop.story':
    '无盘同步 (7.0 默认) 且 repl-diskless-sync-delay 为 1。A 向 B 流式发送一个很慢的 RDB 时, 70 KB 的写入让 B 的缓冲达到 82 016 字节, 超过 "replica 64kb 0 0": A 关闭 B, 由于最后一个目标没了, 还杀掉了传输子进程 (terminated by signal 10)。B 立即重新请求, 等过延迟后开始新的传输。把 client-output-buffer-limit 调回默认值后, 同样的写入不再超限: B 上线。',
  'sc.pb_reads_during_full_sync.title': '全量同步期间读从库: 旧数据、MASTERDOWN、LOADING',
  'sc.pb_reads_during_full_sync.story':
    'B 成为 A 的从库时带着自己的旧数据 (k = old)。A 慢慢生成 RDB 的期间, B 用旧数据回答: GET k → old (replica-serve-stale-data yes)。设为 no 后, GET、DBSIZE 甚至 PING 都返回 -MASTERDOWN; ECHO 和 ROLE 仍然回答。然后 B 加载 RDB (key-load-delay 让它持续约 5 秒): GET、DBSIZE 和 REPLICAOF 返回 -LOADING, INFO 显示 loading:1, ROLE 显示 sync。加载完后 k 不见了: B 用 A 的数据回答。',
  'why.expiredOnReplica.title': '从库上读到 nil, 键却还在',
  'why.expiredOnReplica.text':
    '从库从不自己让键过期: 它等主库的 DEL, 好让主从持有同样的键。但读命令会把 TTL 已过的键当作不存在 (Redis 3.2 起): GET 得到 nil, EXISTS 为 0, TTL 为 -2, KEYS 跳过它, 而 DBSIZE 和 INFO keyspace 仍然计入。直到主库让它过期 (惰性删除, 或每 100 ms 的主动过期) 并且 DEL 随复制流到达, 键才真正删除。主库被冻结或断开时, 这可能要等一阵。',
  'sc.pc_expired_key_on_replica.title': '在 DEL 到达之前从从库读取已过期的键',
  'sc.pc_expired_key_on_replica.story':
    'A 写入 4 秒 TTL 的 session (复制流中是 SET … PXAT), 然后被冻结, 既不能让键过期, 也发不出 DEL。4.5 秒后在从库 B 上: GET session → nil, EXISTS → 0, TTL → -2, KEYS * 也跳过它 —— 但 DBSIZE 仍然计入。A 恢复后, 主动过期删掉该键并发送 DEL session (26 字节); B 执行后 DBSIZE 才减少。',
  'dur.lost': '已确认却丢失的写入: {n}',
  'dur.wait': '{node} 上最近一次 WAIT: {asked} 个中有 {got} 个从库确认',
  'why.ackedLost.title': '已确认, 却丢了',
  'why.ackedLost.text':
    'Redis 复制是异步的: 主库执行完写命令就回复 +OK, 此时还没有任何从库收到它。一个没收到某些写入的从库被提升为主库; 它的历史只保留旧主库到 second_repl_offset 为止的部分, 所以从它同步的节点 (旧主库、其他从库) 会在全量同步中丢掉这些写入。旁边的 WAIT 只报告有几个从库确认了; min-replicas-to-write 也只是在连接的从库太少时拒绝写入。两者都不能让 Redis 强一致。',
  'why.waitNotConsistency.title': 'WAIT 返回的从库数少于要求',
  'why.waitNotConsistency.text':
    'WAIT numreplicas timeout 会阻塞到有这么多从库确认了该客户端的最后一次写入, 或者超时, 然后返回确认的数量。写入不会被撤销, 仍然算已确认: 如果主库此时故障, 缺少这条写入的从库可能被提升, 这条写入就丢了。',
  'sc.pd_acked_writes_lost_failover.title': '故障切换中丢失已确认的写入 (WAIT 不等于一致性)',
  'sc.pd_acked_writes_lost_failover.story':
    'C 的链路在 offset 113 处被切断; A 仍对两次写入回复 +OK, 只有 B 收到它们。WAIT 2 500 返回 1: 只有一个从库有这些写入。C 被提升为主库, 它的历史只保留 A 到 second_repl_offset 114 为止的部分。B 和 A 先后指向 C, 都需要全量同步, 丢掉了这两次写入: 已确认却丢失 (2)。',
  'sc.z_diskless_sync_delay_shared.title': '带延迟的无盘同步: 多个从库共享一次传输',
  'sc.z_diskless_sync_delay_shared.story':
    'repl-diskless-sync-delay 2: B 请求全量同步时 A 不立即 fork, 而是最多等 2 秒, 让更多从库共享同一次传输。B 处于 wait_bgsave, 暂时收不到 +FULLRESYNC。',
};
