// The scenarios' stories in English: a chunk of its own, loaded when a scenario is shown
// (stories.ts), so the first load carries only the titles. zh and en have the same names (i18n.test.ts).
export const stories: Record<string, string> = {
  a_initial_attach:
    'Master A starts without replicas, so its writes do not move the offset (no backlog yet). B and C attach with REPLICAOF one after the other: handshake (PING, REPLCONF), PSYNC, +FULLRESYNC, the RDB received and loaded. The first replica makes A create its backlog and change its replid.',
  b_short_drop_partial:
    "B's link is cut while A takes 5 writes. Healed, B sends PSYNC <replid> <offset+1>: same replid, and the offset is still in A's backlog, so A answers +CONTINUE and sends only the missing bytes.",
  c_backlog_overflow_full:
    "repl-backlog-size is the 16kb minimum. While B is cut off A writes ~100 KB, far more than the backlog. On reconnect B's offset is before repl_backlog_first_byte_offset: +FULLRESYNC.",
  d_replica_restart_save_partial:
    'B stops with SHUTDOWN SAVE; its RDB keeps repl-id and repl-offset. A takes 5 writes while B is down. Restarted, B rebuilds its cached master from the RDB, sends PSYNC <replid> <offset+1> and gets +CONTINUE.',
  e_replica_restart_nosave_full:
    'B stops with SHUTDOWN NOSAVE and its dump.rdb is deleted. Restarted, it has no history to offer: PSYNC ? -1, then +FULLRESYNC (not counted in sync_partial_err).',
  f_failover_promote_partial:
    "B is promoted (REPLICAOF NO ONE): A's replid moves to B's replid2 with second_repl_offset = offset+1, and B takes a new replid. Then A and C do REPLICAOF B: their PSYNC with the old replid matches replid2, so +CONTINUE <B's new replid>.",
  h_chained_full_resync:
    'Chain A ← B ← C. B is cut off too long and must full-sync from A; when it starts loading the new RDB it disconnects C and frees its own backlog, so C then needs a full sync too.',
  h3_subreplica_restart_full_after_big_writes:
    "Chain A → B → C, 16 KB backlogs, 8 KB values in db 3. (1) Restarted with SHUTDOWN SAVE right after 240 KB of writes, C had already read every byte (it is only one hop behind B), so its RDB says offset 241207 and B answers +CONTINUE with nothing to send; C's backlog starts empty at 241208. (2) C stops again, and while it is down A writes 480 KB more. B's backlog keeps only its last whole blocks, so when C asks PSYNC <replid> 241208 the replid matches but that byte is gone: B answers +FULLRESYNC with its own offset 723298. (3) The writes that follow reach C after its new RDB, still in db 3, and C's fresh backlog (first byte 723299) drops whole blocks once it passes 16 KB.",
  i_masterauth_errors:
    'A has requirepass. Without masterauth B gets -NOAUTH; with a wrong password AUTH gets -WRONGPASS and B retries every second; with the right one the handshake completes and a full sync follows.',
  k_offsets_bytes:
    'Each write moves master_repl_offset by its RESP size; watch SELECT being inserted and 7.0 rewriting commands (relative expires → PXAT, …).',
  l_disk_sync_shared_bgsave:
    'repl-diskless-sync no: the master BGSAVEs to dump.rdb, then sends it as $<len>. A second replica arriving during the BGSAVE shares it.',
  p_ping_period_chain:
    'repl-ping-replica-period 1: A appends a PING (14 bytes) to the stream every second, so B and C (a chain) grow with it; B only proxies, it makes no PINGs of its own.',
  r_repl_timeout:
    'B is frozen (SIGSTOP) and stops sending REPLCONF ACK; after repl-timeout the master drops it. Resumed, B resyncs partially.',
  s_min_replicas_to_write:
    'A needs one replica with lag ≤ 2 s. With B frozen, writes fail with -NOREPLICAS; after it resumes they succeed again.',
  t_backlog_ttl:
    'After 2 s without replicas A frees its backlog and changes its replid; without a backlog writes do not move the offset. When B returns it needs a full sync.',
  b2_several_replicas:
    "A keeps writing while four replicas meet four fates: B is cut and healed → +CONTINUE; C restarts with SHUTDOWN SAVE and rebuilds its cached master from the RDB → +CONTINUE; D restarts without an RDB → PSYNC ? -1, full sync; E is left alone. Compare A's counters.",
  c2_backlog_block_granularity:
    'repl-backlog-size is 16384 bytes. B misses 17 569 bytes — more than the backlog size — yet no block has been dropped: still +CONTINUE. Write on until the first ~20 KB block goes: first_byte_offset jumps, and the next outage needs a full sync.',
  e2_replica_restart_nosave_sync_rdb:
    "A replica keeps the RDB of its full sync as dump.rdb, with the master's replid and the sync offset. Restarted with SHUTDOWN NOSAVE, B loads that file and PSYNCs from it: what counts is the RDB on disk, not SAVE or NOSAVE.",
  f2_promote_chain_middle:
    "Chain A → B → C. REPLICAOF NO ONE on B: B takes a new replid, keeps A's as replid2 and drops its replica C so that C learns the change. C reconnects at once with A's id and gets +CONTINUE through B's replid2.",
  g_failover_divergence_full:
    "B is promoted but A is not told: it keeps taking writes (and C receives them). When A finally does REPLICAOF B, its offset is past B's second_repl_offset: bytes B never had, so a full sync — the split-brain writes are thrown away.",
  h2_chain_partial_keeps_subreplica:
    "Chain A → B → C with a short cut between A and B. B resumes with +CONTINUE under the same replid, so C is not disconnected: it just receives the missed bytes as B relays them, with the same offsets. (Compare h, where B's full sync drops C.)",
  j2_master_restart_no_rdb_wipes_data:
    'A stops with SHUTDOWN NOSAVE and has no dump.rdb. It returns as a brand-new master: new replid, offset 0, no backlog. B and C PSYNC with the old id and get a full sync — of an empty dataset: the data is gone everywhere.',
  j3_shutdown_save_lagging_replica_getack:
    'B is frozen, then A takes 3 writes B cannot acknowledge. SHUTDOWN SAVE finds a lagging replica: it appends REPLCONF GETACK * (37 bytes) to the stream, pauses writes and waits for the ACK, at most shutdown-timeout.',
  j_master_restart_rdb_partial:
    'A stops with SHUTDOWN SAVE; its dump.rdb records its replid and offset. Restarted from the RDB, A takes a new replid and keeps the old one as replid2: B and C reconnect through it and get +CONTINUE.',
  m_tiny_backlog_last_block:
    'repl-backlog-size 1 given at startup (only CONFIG SET raises values below 16 KB). The backlog is trimmed in whole ~20 KB blocks and always keeps the last one, so it still holds the tail of the stream.',
  n_restart_as_master_then_replicaof_full:
    'B stops with SHUTDOWN SAVE and starts again without its replicaof line: a master, keeping its data and offset but, like any restarting 7.0 master, a new replid. Re-pointed to A it offers that new history: a full sync.',
  o_masteruser_acl_auth:
    "A has a password on the default user and an ACL user 'repl' allowed only PSYNC, REPLCONF and PING. B uses masteruser repl / masterauth replpass: its handshake sends AUTH repl replpass before the REPLCONFs.",
  o2_announce_ip_port_acl:
    "Behind NAT or in a container the master cannot see a replica's real address, so the replica tells it. B (replica-announce-ip 10.0.0.2) pipelines AUTH, REPLCONF listening-port, REPLCONF ip-address and REPLCONF capa, gets four +OK and attaches: A lists slave0:ip=10.0.0.2. C also announces port 7999, and A lists exactly that. Then B stops announcing an ip and announces port 7888: its next handshake skips the ip-address step, resumes with +CONTINUE, and A lists 127.0.0.1:7888.",
  q_chain_upstream_outage_timeout:
    "Chain A → B → C with repl-timeout 3. B's link to A is cut. B never PINGs its own replicas (it only relays A's stream), so C hears nothing: after 3 s it gives up its link and reconnects.",
  s2_min_replicas_cut_link:
    "A requires 1 good replica. With B's link cut A counts 0 good replicas and refuses writes with -NOREPLICAS; once the link is back, writes succeed again.",
  t2_backlog_ttl_reattach_in_time:
    'repl-backlog-ttl 3. (1) B is cut for about a second: the backlog is still there → +CONTINUE. (2) Cut until the backlog is freed (repl_backlog_active:0), which also changes the replid: when B returns, a full sync.',
  u_replica_side_master_timeout:
    'Master A is frozen: the connection stays open but nothing comes through it, not even PINGs. After repl-timeout B logs MASTER timeout and drops the link; when A resumes, B resyncs partially.',
  v_client_kill_reconnects:
    '(1) CLIENT KILL TYPE master on replica B: B keeps its cached master and reconnects at once → +CONTINUE. (2) CLIENT KILL TYPE replica on master A: both replicas reconnect at once → +CONTINUE.',
  w_wait_getack:
    'WAIT numreplicas timeout blocks the client until that many replicas acknowledged its last write. With C frozen, WAIT makes the master send REPLCONF GETACK * and returns the count it got when the timeout ends.',
  x_writes_other_databases:
    'Whenever a write is for another database than the previous one, the master puts SELECT <db> (23 bytes) into the stream. The replica applies each command in the right database.',
  y_command_rewrites:
    'Relative expirations become absolute: SET … EX → SET … PXAT <ms>, EXPIRE → PEXPIREAT; an EXPIRE in the past deletes the key and propagates a DEL; INCRBYFLOAT becomes SET … KEEPTTL. Offsets grow by the rewritten bytes.',
  y2_data_commands_partial:
    "A writes with SETRANGE, LMOVE, LINSERT, LSET, LREM, LTRIM, HSETNX, SINTERSTORE, ZINCRBY, ZPOPMIN, COPY, MOVE, RENAMENX, SMOVE and more, one MULTI block of them included. Most travel as typed; HINCRBYFLOAT travels as HSET with its result (10.5, then 10.25 …). B's link is cut, A writes more of them, and B resumes with a partial resync: the backlog replays exactly those bytes and B ends with A's data and offset.",
  pa_obuf_full_sync_loop:
    "During a full sync A keeps every write made since the fork for B, and counts it against client-output-buffer-limit replica (here 64kb; 7.0's default is 256mb hard, 64mb soft for 60 s). 70 KB of writes during a slow BGSAVE: at the 4th 20 440-byte block B's buffer counts 82 016 bytes, A closes B 'for overcoming of output buffer limits', B asks again at once, and the same happens on the next BGSAVE. A hard limit below repl-backlog-size counts as the backlog size: raising repl-backlog-size to 1 MB (or the limit) ends the loop.",
  pa2_obuf_diskless_loop:
    "Diskless sync (the 7.0 default) with repl-diskless-sync-delay 1. While A streams a slow RDB to B, 70 KB of writes push B's buffer to 82 016 bytes, over 'replica 64kb 0 0': A closes B and, its last target gone, kills the transfer child (terminated by signal 10). B asks again at once and waits out the delay for a new transfer. Raising client-output-buffer-limit back to the default lets the same writes through: B comes online.",
  pb_reads_during_full_sync:
    "B has its own old data (k = old) when it becomes A's replica. While A slowly produces the RDB, B serves its old data: GET k → old (replica-serve-stale-data yes). Set to no, GET, DBSIZE and even PING get -MASTERDOWN; ECHO and ROLE still answer. Then B loads the RDB (key-load-delay makes it last ~5 s): GET, DBSIZE and REPLICAOF get -LOADING, INFO shows loading:1 and ROLE 'sync'. Once loaded, k is gone: B answers from A's data.",
  pc_expired_key_on_replica:
    'A writes session with a 4 s TTL (SET … PXAT in the stream) and is then frozen, so it can neither expire the key nor send the DEL. 4.5 s later, on replica B: GET session → nil, EXISTS → 0, TTL → -2, KEYS * skips it — but DBSIZE still counts it. When A resumes its active expire deletes the key and sends DEL session (26 bytes); B applies it and DBSIZE drops.',
  pe_failover_command:
    "FAILOVER on master A: A pauses writes and waits until a replica has acknowledged its whole stream. B already has, so A makes itself B's replica and sends PSYNC <A's replid> <offset+1> FAILOVER. B promotes itself (A's replid becomes its replid2) and answers +CONTINUE <its new replid>. A's id changed, so C reconnects and is accepted the same way: B is the master, A its replica, C chained under A — and nobody did a full sync. Last, A restarts: it comes back as B's replica, the role it has now, and continues from its RDB (+CONTINUE).",
  pf_failover_timeout_abort:
    'C is frozen and misses 3 writes. FAILOVER TO C TIMEOUT 3000: A pauses writes (master_failover_state: waiting-for-sync). A write sent meanwhile is held, not refused. C never acknowledges, so after 3 s A gives up and the held write runs. A second FAILOVER is stopped with FAILOVER ABORT; while one runs, FAILOVER and REPLICAOF are refused. Nothing changed roles.',
  pg_failover_force_lagging:
    "C is frozen while A takes 5 writes. FAILOVER TO C TIMEOUT 1000 FORCE: after 1 s A switches anyway and its PSYNC … FAILOVER waits in C's socket. Continued, C first reads the 5 writes A had already sent, then the PSYNC: it is caught up, promotes itself and accepts A through replid2. Nothing is lost here — FORCE only skips the check; what the target holds decides.",
  pd_acked_writes_lost_failover:
    "C's link is cut at offset 113; A still answers +OK to two writes that only B receives. WAIT 2 500 returns 1: only one replica has them. C is promoted; its history keeps A's only up to second_repl_offset 114. B and then A, pointed at C, need a full sync and drop the two writes: acknowledged but lost (2).",
  z_diskless_sync_delay_shared:
    'repl-diskless-sync-delay 2: when B asks for a full sync A does not fork at once but waits up to 2 s, so that more replicas can share one transfer. B is listed as wait_bgsave and gets no +FULLRESYNC yet.',
  ph_client_pause_manual_switch:
    "The way before FAILOVER: CLIENT PAUSE WRITE on A stops client writes (reads go on) and the replicas catch up with a stream that no longer grows. B is promoted with REPLICAOF NO ONE (A's replid becomes its replid2); A and C are pointed at B and continue through replid2 (+CONTINUE) — C twice, since A's id changed first. After CLIENT UNPAUSE, A is a replica: a write there gets -READONLY. Nothing lost, no full sync.",
};
