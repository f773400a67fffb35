// English catalog: the reference set of keys. Redis's words stay as Redis prints them.
export const en = {
  'app.title': 'PSYNC Lab — Redis replication',
  'app.subtitle': 'Redis 7.0 replication, step by step',
  'app.loading': 'Starting the simulation…',
  'app.skip': 'Skip to the side panel',

  'top.scenario': 'Scenario',
  'top.defaultLab': 'Free lab (A master, B and C replicas)',
  'top.seedHelp': 'The seed makes a run repeatable: same seed, same actions, same events.',
  'top.langAria': 'Switch the language to 中文 / English',
  'top.share': 'Share link',
  'top.scenarioFile': 'Scenario file',
  'top.help': 'Shortcuts',
  'top.present': 'Present',
  'top.presentHelp': 'Presenter mode: large type, one panel, clicker keys (Esc leaves)',

  'cluster.title': 'Cluster: nodes, links and messages',
  'legend.title': 'Link states',
  'cluster.enlarge': 'Enlarge (hide the panels below)',
  'role.master': 'master',
  'role.replica': 'replica',
  'run.running': 'running',
  'run.stopped': 'frozen (SIGSTOP)',
  'run.down': 'down',
  'node.aria': 'Node {name} :{port}, {role}, offset {offset}, {keys} keys',
  'node.secondHelp': 'second_repl_offset {n}: a PSYNC with replid2 is accepted up to offset {n}',
  'node.loading': 'loading {pct} %',
  'node.keys': 'keys',
  'node.replicasCount': '{n} replica(s) attached',
  'node.traffic': '{n} writes/s',

  'link.online': 'online',
  'link.transfer': 'transfer (RDB)',
  'link.handshake': 'handshake',
  'link.connecting': 'connecting',
  'link.cut': 'cut',
  'link.down': 'down',
  'link.aria': 'Link {replica} → {master}: {state}',

  'ins.title': 'What is happening',
  'ins.handshake': 'Handshake',
  'ins.decision': 'PSYNC decision',
  'ins.backlog': 'Backlog',
  'ins.offsets': 'Offsets',
  'ins.fullsync': 'Full sync',
  'ins.follow': 'Follow events',
  'ins.hide': 'Hide panels',
  'ins.show': 'Show panels',
  'ins.followHelp': 'Bring the PSYNC decision or the full sync forward when one happens',

  'hs.aria': 'Handshake of {replica}: now {state}',
  'hs.intro':
    'Each replica walks through these REPL_STATE_* steps (Redis src/server.h, in protocol order). The lit step is where it is now.',
  'hs.none': 'No replica yet: pick a node and use "Re-point" or type REPLICAOF in its console.',
  'hs.open': 'Open the link of {replica}: stepper and transcript',
  'hs.failed':
    'Failed here: the master answered {reply} — the attempt ends (back to REPL_STATE_CONNECT); replicationCron retries within a second.',
  'hs.failedShort': '(failed)',
  'hs.warned': 'Answered {reply} — not fatal here, the replica goes on.',
  'hs.skipped': 'skipped (not configured)',
  'hs.CONNECT': 'Must (re)connect: replicationCron will open a connection to the master.',
  'hs.CONNECTING': 'The replica opens a TCP connection to the master on its own.',
  'hs.RECEIVE_PING_REPLY': 'PING sent: is the master usable? It answers +PONG (or -NOAUTH, accepted too).',
  'hs.SEND_HANDSHAKE':
    'AUTH (with masterauth) and the REPLCONFs are written in one go (pipelined since 6.2).',
  'hs.RECEIVE_AUTH_REPLY': 'Waiting for the reply to AUTH: +OK, or -WRONGPASS and a retry a second later.',
  'hs.RECEIVE_PORT_REPLY':
    'REPLCONF listening-port: the replica tells its port (shown in INFO as slaveN:…,port=).',
  'hs.RECEIVE_IP_REPLY':
    "REPLCONF ip-address: only with replica-announce-ip (NAT, containers). The master then shows that address instead of the connection's (INFO slaveN:ip=…, ROLE, its log).",
  'hs.RECEIVE_CAPA_REPLY':
    'REPLCONF capa eof capa psync2: "eof" = can take a diskless RDB ($EOF:<mark>), "psync2" = understands +CONTINUE <new replid>.',
  'hs.SEND_PSYNC': 'About to send PSYNC <replid> <offset+1> (or PSYNC ? -1 with no history).',
  'hs.RECEIVE_PSYNC_REPLY': 'PSYNC sent: waiting for +FULLRESYNC <replid> <offset> or +CONTINUE.',
  'hs.TRANSFER': 'Receiving the RDB into a temp file; then flush old data, rename, load.',
  'hs.CONNECTED': 'In sync: the replica applies the stream and sends REPLCONF ACK <offset> every second.',
  'hs.NONE': 'Not a replica.',

  'dec.none': 'No PSYNC yet. Cut a link and heal it, restart a replica or promote one — then watch here.',
  'dec.prev': 'Previous decision',
  'dec.next': 'Next decision',
  'dec.q1': '① Same history? requested replid = master replid',
  'dec.q2': '② …or a failover: requested = replid2 and P ≤ second_repl_offset',
  'dec.q3': '③ Is there a backlog?',
  'dec.q4': '④ Is byte P still in it? first_byte ≤ P ≤ master_repl_offset + 1',
  'dec.notChecked': 'not checked',
  'dec.reason.accepted':
    'Same history and the bytes from P on are in the backlog: send {bytes} bytes of backlog.',
  'dec.reason.accepted-replid2':
    "History matched through replid2 (the master's previous id): continue, and tell the replica the new replid. {bytes} bytes of backlog follow.",
  'dec.reason.full-requested': 'The replica asked for a full sync (PSYNC ? -1): it has no history to offer.',
  'dec.reason.replid-mismatch': 'The replica’s history (replid) is not one this master knows: full sync.',
  'dec.reason.replid2-offset-too-high':
    'The id matches replid2, but P is past second_repl_offset: the replica has bytes the new master never had.',
  'dec.reason.no-backlog': 'The master has no backlog (none yet, or freed by repl-backlog-ttl): full sync.',
  'dec.reason.offset-before-backlog':
    'Byte P has left the backlog (it is older than first_byte_offset): full sync.',
  'dec.reason.offset-after-master':
    'P is beyond master_repl_offset + 1: the replica claims bytes the master never wrote.',
  'dec.reason.runid-mismatch':
    'PSYNC1 (Redis 2.8–3.2): the run id asked for is not this master’s (a restart gives a new run id, and every node has its own): full sync.',
  'dec.era': 'Redis {v} rules ({era}), modelled from the Redis source, not run on real binaries:',
  'dec.syncOutcome': 'full transfer (RDB + the writes since)',
  'dec.newReplid': 'new replid: {m} created its backlog for its first replica',
  'dec.reason.sync-only':
    'SYNC (Redis ≤ 2.6): there is no partial resynchronization: every sync is a full transfer.',

  'why.title': 'Why?',
  'why.replicaofAttach.title': 'Why is this counted as a partial-sync error?',
  'why.replicaofAttach.text':
    'A node attached with REPLICAOF always tries PSYNC first, offering its own replid and offset+1 ({p}). This master does not know that history, so it refuses — and Redis counts every refused PSYNC with a real id in sync_partial_err, even a first attach.',
  'why.historyChanged.title': 'Why does a reconnecting replica need a full sync?',
  'why.historyChanged.text':
    'The replica offers the history it had (its replid), but the master no longer has that id: it changed it when it freed its backlog after repl-backlog-ttl, or when it restarted or was promoted. With no shared history left, only a full sync will do — and the refused PSYNC counts in sync_partial_err.',
  'why.noRdb.title': 'Why a full sync after a restart?',
  'why.noRdb.text':
    'This replica synced before, but now sends PSYNC ? -1: it restarted without a dump.rdb (SHUTDOWN NOSAVE, or the file was deleted), so it lost its replid and offset. With an RDB it would have offered them and continued.',
  'why.firstAttach.title': 'A first attach',
  'why.firstAttach.text':
    'A replica configured with replicaof at startup has no history: PSYNC ? -1 asks for a full sync directly (not counted in sync_partial_err).',
  'why.blockTrim.title': 'Why is the offset no longer there?',
  'why.blockTrim.text':
    'The backlog keeps about repl-backlog-size ({size}) bytes. Redis 7.0 drops history in whole blocks (~20 KB) from the front, so first_byte_offset jumps forward; the replica was away too long and byte {p} is gone.',
  'why.beyondSize.title': 'More than repl-backlog-size missing, and still +CONTINUE?',
  'why.beyondSize.text':
    'Redis 7.0 trims the backlog only in whole blocks and never below repl-backlog-size ({size}), so it often holds a bit more. Redis 6.2’s exact ring would have answered +FULLRESYNC here.',
  'why.oldMasterAhead.title': 'Why does the old master need a full sync?',
  'why.oldMasterAhead.text':
    'After the failover the new master can continue the old history only up to second_repl_offset ({second}). This node took writes after that point (P = {p}): bytes the new master never had. They must be thrown away — a full sync.',
  'why.failover.title': 'A failover without a full sync',
  'why.failover.text':
    'When a replica is promoted it keeps the old replid as replid2, valid up to second_repl_offset ({second}). Replicas of the old master can therefore continue: +CONTINUE carries the new replid, and they shift ids the same way.',
  'why.noBacklog.title': 'Why is there no backlog?',
  'why.noBacklog.text':
    'A master creates its backlog when its first replica arrives, and frees it after repl-backlog-ttl seconds without replicas (also changing its replid). A master that restarted also starts with an empty one.',
  'why.replicaAhead.title': 'The replica is ahead of the master',
  'why.replicaAhead.text':
    'The replica asks for a byte the master has not written yet: the master lost writes (e.g. it restarted from an older RDB). Redis logs a warning and does a full sync.',
  'why.replicationLoop.title': 'A replication loop: allowed, and nothing will flow',
  'why.replicationLoop.text':
    '{master} already replicates (directly or through others) from {replica}, and Redis 7.0 does not forbid the loop. {master} shares {replica}’s history, so it answers +CONTINUE and both links show up. But now there is no master: every node of the loop is a read-only replica (writes get READONLY), nobody sends PINGs, and the offsets stay where they are. Run REPLICAOF NO ONE on one of them to break the loop.',
  'why.obufLoop.title': 'Another full sync: the master closed this replica for its output buffer',
  'why.obufLoop.text':
    "During the last full sync the master kept every write made since the fork for this replica and counted {used} bytes (its share of the replication buffer, counted in ~20 KB blocks): over client-output-buffer-limit replica ({limit} bytes; a hard limit below repl-backlog-size counts as the backlog size). It closed the replica 'for overcoming of output buffer limits', and the replica asked again at once. While the writes made during one transfer outgrow the limit this repeats for ever: raise the limit or repl-backlog-size, or write less while it syncs.",

  'bl.syncEra':
    'Redis ≤ 2.6 keeps no backlog: a replica that reconnects sends SYNC and gets the whole dataset again, every time. The backlog and PSYNC came with 2.8.',
  'bl.none': 'No node to show.',
  'bl.of': 'Backlog of {name}',
  'bl.showBlocks': 'Show 7.0 block list',
  'bl.window': 'window',
  'bl.ringAria': 'Backlog ring of {size} bytes, wrapped {laps} times',
  'bl.laps': 'wrapped ×{n}',
  'bl.noBlocks': 'No backlog blocks (the backlog is off).',
  'bl.blocksAria': 'Replication buffer: {n} blocks',
  'bl.pinIn':
    '{replica} asked for byte P = {p} (t = {t} s): inside the window [{first} … {last}] → {outcome}',
  'bl.pinOut':
    '{replica} asked for byte P = {p} (t = {t} s): outside the window [{first} … {last}] → {outcome}',
  'bl.pinFull': '{replica} asked for a full sync (PSYNC ? -1, t = {t} s): no offset to look up.',
  'bl.extra': '7.0 keeps whole blocks: {n} bytes more than repl-backlog-size (outer arc).',
  'bl.ringNote':
    'The ring is the classic picture (exact up to 6.2). Redis 7.0 stores the same window as a list of blocks.',

  'ruler.in': 'Requested offset P = {p} lies inside the backlog window [{first} … {last}]',
  'ruler.out': 'Requested offset P = {p} lies outside the backlog window [{first} … {last}]',
  'off.node': 'Node',
  'off.behind': 'behind (B)',
  'off.ack': 'ACK offset',
  'off.behindHelp': "Bytes behind: the master's master_repl_offset minus this node's",
  'off.ackHelp': 'The offset the master last heard in REPLCONF ACK (once a second), and its age as lag',
  'off.loading': 'Loading the chart…',
  'off.band': '{name} backlog',
  'off.axisT': 'virtual time (s)',
  'off.chartAria': 'Chart of master_repl_offset over time per node, with the backlog window as a band',

  'fs.none': 'No full sync yet.',
  'fs.title': 'Full sync of {replica} from {master} (t = {t} s)',
  'fs.pick': 'Show the full sync of',
  'fs.progress': 'RDB transfer progress',
  'fs.bgsave': 'BGSAVE: fork() a child that writes the RDB',
  'fs.fullresync': 'Reply +FULLRESYNC <replid> <offset>',
  'fs.tempfile': 'Replica creates temp-<time>.<pid>.rdb',
  'fs.header': 'RDB header: $EOF:<mark> (diskless) or $<length>',
  'fs.transfer': 'RDB bytes transferred',
  'fs.dropreplicas': 'Drop its own replicas (cascaded): their history is about to change',
  'fs.loadProgress': 'RDB load progress',
  'fs.loadKeys': '{n} keys loaded',
  'fs.flush': 'Flush old data (and free the backlog): the replica holds 0 keys',
  'fs.rename': 'Rename temp file → dump.rdb',
  'fs.load': 'Load the RDB into memory',
  'fs.masterclient': 'Master client created: replid and offset taken',
  'fs.stream': 'Buffered writes streamed',

  'side.title': 'Details',
  'side.close': 'Close the details',
  'side.node': 'Node {name}',
  'side.tabs': 'Node {name}',
  'side.link': 'Link {replica} → {master}',
  'side.openNode': 'Open node {name}',
  'side.handshake': 'Handshake (REPL_STATE_*)',
  'side.transcript': 'RESP transcript',
  'tab.actions': 'Actions',
  'tab.console': 'Console',
  'tab.info': 'INFO',
  'tab.data': 'Data',
  'tab.log': 'Log',

  'act.write': 'Write',
  'act.writeOne': 'Write one key (SET)',
  'act.burstCount': 'Writes',
  'act.burst': 'Burst',
  'act.rate': 'Writes/s',
  'act.trafficStart': 'Start traffic',
  'act.trafficStop': 'Stop traffic ({n}/s)',
  'act.link': 'Link',
  'act.cut': 'Cut link {name} → {master}',
  'act.heal': 'Heal link of {name}',
  'act.process': 'Process',
  'act.freeze': 'Freeze (SIGSTOP)',
  'act.unfreeze': 'Resume (SIGCONT)',
  'act.restartSave': 'Restart (SHUTDOWN SAVE)',
  'act.restartNosave': 'Restart (SHUTDOWN NOSAVE)',
  'act.shutdownSave': 'SHUTDOWN SAVE',
  'act.shutdownNosave': 'SHUTDOWN NOSAVE',
  'act.start': 'Start',
  'act.deleteRdb': 'Delete dump.rdb',
  'act.topology': 'Replication',
  'act.promote': 'Promote (REPLICAOF NO ONE)',
  'act.repointTo': 'REPLICAOF',
  'act.repoint': 'Re-point',
  'act.addReplica': 'Add a replica of {name}',
  'act.remove': 'Remove node {name}',
  'act.config': 'Configuration',
  'act.configSetAria': 'CONFIG SET {param} on {node}',

  'console.input': 'redis-cli command for node {name}',
  'console.output': 'Console of node {name}',
  'console.empty': 'Type a command, e.g. INFO replication, ROLE, SET k v, REPLICAOF NO ONE — or help.',
  'console.help':
    'Any Redis command the lab knows: INFO [section], ROLE, SET/GET/DEL…, REPLICAOF host port | NO ONE, CONFIG SET/GET, WAIT, CLIENT KILL TYPE master, SHUTDOWN. "clear" clears the screen, ↑/↓ recall history.',

  'console.labHelp': 'Lab commands (what Redis has no command for):',
  'info.down': 'The node is down: no INFO.',
  'data.summary': '{n} keys',
  'data.same': 'same as {master}',
  'data.differs': '{n} differ from {master}',
  'data.truncated': 'showing the first 50',
  'data.key': 'Key',
  'data.type': 'Type',
  'data.value': 'Value',
  'data.vsMaster': 'vs {master}',
  'data.row.differs': 'differs:',
  'data.row.missing': 'missing here:',
  'data.row.extra': 'not on master',
  'log.title': 'Server log of {name}',
  'log.empty': 'No log lines yet.',

  'note.capa':
    'capa eof: can take a diskless RDB sent as $EOF:<40-byte mark> … mark (no length known up front); capa psync2: understands +CONTINUE <new replid> after a failover. The master just records them.',
  'note.psync': 'slave_repl_offset {offset} + 1 = {next}: the first byte it lacks, in the history {replid}…',
  'note.psyncFull': 'PSYNC ? -1: no cached master (no history to continue): it asks for a full sync.',
  'transcript.empty': 'Nothing on this link yet.',
  'transcript.title': 'Messages between {replica} and {master}',
  'transcript.rowAria': '{label}, {from} to {to}, {bytes} bytes: show the RESP bytes',
  'resp.route': 'From → to',
  'resp.bytes': 'Bytes',
  'resp.sent': 'Sent at',
  'resp.delivered': 'Delivered at',
  'resp.offsets': 'Stream offsets',
  'resp.bytesTitle': 'RESP bytes (CR LF shown as \\r\\n)',

  'time.title': 'Time',
  'time.play': 'Play',
  'time.pause': 'Pause',
  'time.stepBack': 'One event back',
  'time.stepForward': 'One event forward',
  'time.milestone': 'Next milestone ⤼',
  'time.whatIf': 'What if…',
  'time.milestoneHelp': 'Jump to the next handshake done, +FULLRESYNC / +CONTINUE or RDB loaded',
  'time.speed': 'Speed',
  'time.scrub': 'Virtual time',
  'time.at': '{t} seconds',
  'time.now': 'Current virtual time',

  'milestone.handshake':
    '{node} asks {master} for byte {offset} (PSYNC): the handshake got through, {master} decides',
  'milestone.handshakeFull':
    '{node} asks {master} for a full copy (PSYNC ? -1): the handshake got through, {master} decides',
  'milestone.fullresync': '{master} answers {node} +FULLRESYNC: a full sync starts',
  'milestone.continue': '{master} answers {node} +CONTINUE: only the missing bytes follow',
  'milestone.loaded': '{node} has loaded the RDB ({keys})',
  'milestone.step': 'Step {n}: {what}',

  'notice.loadError': 'Could not open it: {message}. The default lab is open instead.',
  'notice.actionError': '{node} ({action}): {message}',
  'notice.unknownScenario': 'Unknown scenario "{name}": the default lab is open instead.',
  'notice.url.seed': 'The seed "{value}" is not a whole number from 0 to 2147483647: using seed 1.',
  'notice.url.lang': 'Unknown language "{value}": use lang=zh or lang=en.',
  'notice.url.scenario-name': 'The scenario name "{value}" is not valid (letters, digits, _ and - only).',
  'notice.url.run': 'The #run= part of the address could not be read.',
  'notice.badRunKept': 'The shared run could not be opened ({message}): the run on screen is unchanged.',
  'notice.badRun': 'The shared run could not be opened ({message}): the default lab is open instead.',
  'notice.text': '{text}',
  'notice.dropReplicas':
    '{node} starts loading a new dataset: it drops its own replicas {replicas} (their history is about to change; they will resync from {node})',
  'notice.copied': 'Link copied to the clipboard.',
  'notice.selectFirst': 'Select a node first (click it, or press 1 … 7).',

  'fault.title': 'The simulation stopped',
  'fault.text':
    'The engine hit an error. Nothing you did is lost: the link below reopens this exact run (seed and actions) so it can be reproduced and reported.',
  'fault.repro': 'Reproduction link',
  'fault.stack': 'Technical details',
  'fault.reload': 'Start again',

  'help.title': 'Keyboard shortcuts',
  'help.console': 'In a console: Enter runs the command, ↑/↓ recall earlier ones. Esc closes dialogs.',
  'key.play': 'Play / pause',
  'key.step': 'One event back / forward',
  'key.milestone': 'Next milestone',
  'key.start': 'Back to the start',
  'key.speed': 'Slower / faster',
  'key.select': 'Select node A … G',
  'key.write': 'Write one key (selected node, else the master)',
  'key.burst': 'Burst of 100 writes',
  'key.traffic': 'Traffic generator on / off (50 writes/s)',
  'key.cut': 'Cut / heal the selected replica’s link',
  'key.freeze': 'Freeze / resume the selected node',
  'key.restart': 'Restart the selected node with SAVE / NOSAVE',
  'key.promote': 'Promote the selected replica (REPLICAOF NO ONE)',
  'key.add': 'Add a replica of the selected node',
  'key.console': 'Open the console',
  'key.tab': 'Next teaching panel',
  'key.insights': 'Hide / show the teaching panels (more room for the cluster)',
  'key.lang': 'Switch language',
  'key.help': 'This help',
  'key.escape': 'Close / deselect',
  'key.present':
    'Presenter mode: next / previous milestone (also → / ←); B or . blanks the screen; Esc leaves',

  'guide.defaultTitle': 'Free lab: one master, two replicas',
  'guide.defaultStory':
    'A is the master; B and C attach at startup: watch the handshake, the PSYNC decision (+FULLRESYNC) and the RDB transfer. Then break things: cut a link, restart a replica, promote one.',
  'guide.points': 'Lesson 27 points shown here: {points}',
  'step.write': '{node} takes {n} writes ({cmd})',
  'step.cmd': '{node} runs {cmd}',
  'step.noOne': '{node} stops replicating and becomes a master (REPLICAOF NO ONE)',
  'step.replicaof': '{node} becomes a replica of {master} (REPLICAOF)',
  'step.config': '{node} sets {key} to {value} (CONFIG SET)',
  'step.cut': "{replica}'s link to its master is cut",
  'step.cutFreeze': '{replica} is frozen and its link to its master is cut',
  'step.cutKill': "{replica}'s master kills its connection (CLIENT KILL)",
  'step.heal': "{replica}'s link to its master is restored",
  'step.stop': '{node} is frozen (SIGSTOP)',
  'step.cont': '{node} runs again (SIGCONT)',
  'step.shutdown': '{node} shuts down, saving its RDB',
  'step.shutdownNosave': '{node} shuts down without saving',
  'step.start': '{node} starts',
  'step.startAs': '{node} starts as a replica of {master}',
  'step.restart': '{node} restarts from its saved RDB',
  'step.restartNoRdb': '{node} restarts with no RDB on disk',
  'step.waitSync': 'every replica catches up with its master',
  'step.wait': "until {node}'s INFO shows {until}",
  'step.waitLog': '{node} logs “{match}”',
  'step.sleep': '{ms} ms pass',
  'step.snapshot': "every node's INFO is read",
  'guide.current': 'now',
  'point.1': 'Set up the relation (REPLICAOF / NO ONE)',
  'point.2': 'The replica connects on its own',
  'point.3': 'PING checks the master is usable',
  'point.4': 'AUTH with masterauth',
  'point.5': 'REPLCONF listening-port / ip-address',
  'point.6': 'REPLCONF capa eof capa psync2',
  'point.7': 'PSYNC replid offset',
  'point.8': 'Two replids on the master (replid2)',
  'point.9': 'Partial sync conditions',
  'point.10': '+CONTINUE and the backlog bytes',
  'point.11': 'Full sync conditions',
  'point.12': '+FULLRESYNC, RDB + buffer',
  'point.13': 'The replica applies the stream',
  'point.14': 'Cascaded replicas dropped, buffer cleared',
  'point.15': 'Temp RDB renamed to dump.rdb',
  'point.16': 'Old data flushed, RDB loaded',
  'point.17': 'Master client built, replid/offset taken',
  'point.18': 'Reconnect, restart, switch: all partial',
  'point.19': 'Partial vs full: the cost',
  'point.20': 'Depends on the backlog: long outages go full',
  'group.relation': 'Setting up the relation',
  'group.handshake': "The replica's pre-connection",
  'group.choice': "The master's choice",
  'group.receive': 'The replica receives',
  'group.advantages': 'What PSYNC buys',
  'group.limits': 'Where PSYNC falls short',
  'group.eras': 'Before PSYNC 2: the same stories under SYNC and PSYNC 1',
  'group.beyond': 'Beyond lesson 27',
  'group.other': 'More scenarios',
  'guide.steps': 'Steps (click to jump)',
  'guide.off': 'will not happen: the run left the scenario',
  'guide.howTitle': 'How to use it',
  'guide.how1':
    'Click a node for its actions, console, INFO, data and log; click a link for its handshake and RESP transcript.',
  'guide.how2':
    'Play, pause, step one event, or jump to the next milestone. Drag the time bar to go anywhere.',
  'guide.how3': 'Click a message on a link (or a transcript row) to see its RESP bytes.',
  'guide.how4': 'Acting in the past starts a new future from that moment. Press ? for shortcuts.',
  'guide.scenarios': 'Scenarios',

  'notices.title': 'Notices',
  'notices.errors': 'Errors',
  'share.title': 'Share this run',
  'share.link': 'Link to this run',
  'share.copy': 'Copy',
  'share.qr': 'QR code of the link',
  'share.scan': 'Scan the code with a phone to open this run there.',
  'share.fileHint':
    'This page was opened from a file: the link opens it only on a computer that has the same file at the same place.',
  'share.tooLong': 'This link is too long for a QR code: copy it instead.',
  'common.close': 'Close',
  'common.dismiss': 'Dismiss',
  'common.yes': 'yes',
  'common.no': 'no',

  // Public scenarios: title and story (scenarios.ts has their lesson points).
  'sc.era.short_reconnect': 'Short reconnect',
  'sc.era.replica_restart_rdb': 'Replica restart with its RDB',
  'sc.era.replica_restart_nordb': 'Replica restart without an RDB',
  'sc.era.master_restart': 'Master restart',
  'sc.era.promotion_repoint': 'Promotion, then re-point',
  'sc.era.backlog_overflow': 'Backlog overflow',
  'sc.a_initial_attach.title': 'First attach: a full sync (FULLRESYNC)',
  'sc.a_initial_attach.story':
    'Master A starts without replicas, so its writes do not move the offset (no backlog yet). B and C attach with REPLICAOF one after the other: handshake (PING, REPLCONF), PSYNC, +FULLRESYNC, the RDB received and loaded. The first replica makes A create its backlog and change its replid.',
  'sc.b_short_drop_partial.title': 'A short drop: partial resync (+CONTINUE)',
  'sc.b_short_drop_partial.story':
    "B's link is cut while A takes 5 writes. Healed, B sends PSYNC <replid> <offset+1>: same replid, and the offset is still in A's backlog, so A answers +CONTINUE and sends only the missing bytes.",
  'sc.c_backlog_overflow_full.title': 'Backlog overflow: a long outage still needs a full sync',
  'sc.c_backlog_overflow_full.story':
    "repl-backlog-size is the 16kb minimum. While B is cut off A writes ~100 KB, far more than the backlog. On reconnect B's offset is before repl_backlog_first_byte_offset: +FULLRESYNC.",
  'sc.d_replica_restart_save_partial.title': 'Replica restart with an RDB: partial resync',
  'sc.d_replica_restart_save_partial.story':
    'B stops with SHUTDOWN SAVE; its RDB keeps repl-id and repl-offset. A takes 5 writes while B is down. Restarted, B rebuilds its cached master from the RDB, sends PSYNC <replid> <offset+1> and gets +CONTINUE.',
  'sc.e_replica_restart_nosave_full.title': 'Replica restart without an RDB: PSYNC ? -1, full sync',
  'sc.e_replica_restart_nosave_full.story':
    'B stops with SHUTDOWN NOSAVE and its dump.rdb is deleted. Restarted, it has no history to offer: PSYNC ? -1, then +FULLRESYNC (not counted in sync_partial_err).',
  'sc.f_failover_promote_partial.title': 'Failover: partial resync through replid2',
  'sc.f_failover_promote_partial.story':
    "B is promoted (REPLICAOF NO ONE): A's replid moves to B's replid2 with second_repl_offset = offset+1, and B takes a new replid. Then A and C do REPLICAOF B: their PSYNC with the old replid matches replid2, so +CONTINUE <B's new replid>.",
  'sc.h_chained_full_resync.title': 'A chain: the middle node drops its sub-replicas on a full sync',
  'sc.h_chained_full_resync.story':
    'Chain A ← B ← C. B is cut off too long and must full-sync from A; when it starts loading the new RDB it disconnects C and frees its own backlog, so C then needs a full sync too.',
  'sc.h3_subreplica_restart_full_after_big_writes.title':
    'A sub-replica restarted from its RDB after big writes: a full sync from the middle of the chain',
  'sc.h3_subreplica_restart_full_after_big_writes.story':
    "Chain A → B → C, 16 KB backlogs, 8 KB values in db 3. (1) Restarted with SHUTDOWN SAVE right after 240 KB of writes, C had already read every byte (it is only one hop behind B), so its RDB says offset 241207 and B answers +CONTINUE with nothing to send; C's backlog starts empty at 241208. (2) C stops again, and while it is down A writes 480 KB more. B's backlog keeps only its last whole blocks, so when C asks PSYNC <replid> 241208 the replid matches but that byte is gone: B answers +FULLRESYNC with its own offset 723298. (3) The writes that follow reach C after its new RDB, still in db 3, and C's fresh backlog (first byte 723299) drops whole blocks once it passes 16 KB.",
  'sc.i_masterauth_errors.title': 'masterauth: auth errors and retries',
  'sc.i_masterauth_errors.story':
    'A has requirepass. Without masterauth B gets -NOAUTH; with a wrong password AUTH gets -WRONGPASS and B retries every second; with the right one the handshake completes and a full sync follows.',
  'sc.k_offsets_bytes.title': 'Offsets are bytes',
  'sc.k_offsets_bytes.story':
    'Each write moves master_repl_offset by its RESP size; watch SELECT being inserted and 7.0 rewriting commands (relative expires → PXAT, …).',
  'sc.l_disk_sync_shared_bgsave.title': 'Disk-based full sync: one shared BGSAVE',
  'sc.l_disk_sync_shared_bgsave.story':
    'repl-diskless-sync no: the master BGSAVEs to dump.rdb, then sends it as $<len>. A second replica arriving during the BGSAVE shares it.',
  'sc.p_ping_period_chain.title': 'PINGs in the stream',
  'sc.p_ping_period_chain.story':
    'repl-ping-replica-period 1: A appends a PING (14 bytes) to the stream every second, so B and C (a chain) grow with it; B only proxies, it makes no PINGs of its own.',
  'sc.r_repl_timeout.title': 'repl-timeout: a frozen replica is dropped',
  'sc.r_repl_timeout.story':
    'B is frozen (SIGSTOP) and stops sending REPLCONF ACK; after repl-timeout the master drops it. Resumed, B resyncs partially.',
  'sc.s_min_replicas_to_write.title': 'min-replicas-to-write',
  'sc.s_min_replicas_to_write.story':
    'A needs one replica with lag ≤ 2 s. With B frozen, writes fail with -NOREPLICAS; after it resumes they succeed again.',
  'sc.t_backlog_ttl.title': 'repl-backlog-ttl: the backlog is freed',
  'sc.t_backlog_ttl.story':
    'After 2 s without replicas A frees its backlog and changes its replid; without a backlog writes do not move the offset. When B returns it needs a full sync.',
  'sc.b2_several_replicas.title': 'Four replicas, four fates: cut, restart with and without an RDB',
  'sc.b2_several_replicas.story':
    "A keeps writing while four replicas meet four fates: B is cut and healed → +CONTINUE; C restarts with SHUTDOWN SAVE and rebuilds its cached master from the RDB → +CONTINUE; D restarts without an RDB → PSYNC ? -1, full sync; E is left alone. Compare A's counters.",
  'sc.c2_backlog_block_granularity.title': 'The 7.0 backlog is trimmed in whole blocks',
  'sc.c2_backlog_block_granularity.story':
    'repl-backlog-size is 16384 bytes. B misses 17 569 bytes — more than the backlog size — yet no block has been dropped: still +CONTINUE. Write on until the first ~20 KB block goes: first_byte_offset jumps, and the next outage needs a full sync.',
  'sc.e2_replica_restart_nosave_sync_rdb.title':
    'Restart with NOSAVE, but the synced dump.rdb is still there',
  'sc.e2_replica_restart_nosave_sync_rdb.story':
    "A replica keeps the RDB of its full sync as dump.rdb, with the master's replid and the sync offset. Restarted with SHUTDOWN NOSAVE, B loads that file and PSYNCs from it: what counts is the RDB on disk, not SAVE or NOSAVE.",
  'sc.f2_promote_chain_middle.title': 'Promoting the middle of a chain',
  'sc.f2_promote_chain_middle.story':
    "Chain A → B → C. REPLICAOF NO ONE on B: B takes a new replid, keeps A's as replid2 and drops its replica C so that C learns the change. C reconnects at once with A's id and gets +CONTINUE through B's replid2.",
  'sc.g_failover_divergence_full.title': 'Failover after a divergence: the old master needs a full sync',
  'sc.g_failover_divergence_full.story':
    "B is promoted but A is not told: it keeps taking writes (and C receives them). When A finally does REPLICAOF B, its offset is past B's second_repl_offset: bytes B never had, so a full sync — the split-brain writes are thrown away.",
  'sc.h2_chain_partial_keeps_subreplica.title': 'A chain with a short cut: the sub-replica stays connected',
  'sc.h2_chain_partial_keeps_subreplica.story':
    "Chain A → B → C with a short cut between A and B. B resumes with +CONTINUE under the same replid, so C is not disconnected: it just receives the missed bytes as B relays them, with the same offsets. (Compare h, where B's full sync drops C.)",
  'sc.j2_master_restart_no_rdb_wipes_data.title': 'Master restart without an RDB wipes the data everywhere',
  'sc.j2_master_restart_no_rdb_wipes_data.story':
    'A stops with SHUTDOWN NOSAVE and has no dump.rdb. It returns as a brand-new master: new replid, offset 0, no backlog. B and C PSYNC with the old id and get a full sync — of an empty dataset: the data is gone everywhere.',
  'sc.j3_shutdown_save_lagging_replica_getack.title':
    'SHUTDOWN waits for a lagging replica (REPLCONF GETACK)',
  'sc.j3_shutdown_save_lagging_replica_getack.story':
    'B is frozen, then A takes 3 writes B cannot acknowledge. SHUTDOWN SAVE finds a lagging replica: it appends REPLCONF GETACK * (37 bytes) to the stream, pauses writes and waits for the ACK, at most shutdown-timeout.',
  'sc.j_master_restart_rdb_partial.title': 'Master restart with an RDB: partial resync (7.0+)',
  'sc.j_master_restart_rdb_partial.story':
    'A stops with SHUTDOWN SAVE; its dump.rdb records its replid and offset. Restarted from the RDB, A takes a new replid and keeps the old one as replid2: B and C reconnect through it and get +CONTINUE.',
  'sc.m_tiny_backlog_last_block.title': 'repl-backlog-size 1: the backlog keeps the last block',
  'sc.m_tiny_backlog_last_block.story':
    'repl-backlog-size 1 given at startup (only CONFIG SET raises values below 16 KB). The backlog is trimmed in whole ~20 KB blocks and always keeps the last one, so it still holds the tail of the stream.',
  'sc.n_restart_as_master_then_replicaof_full.title': 'Restarted as a master, then re-pointed: a full sync',
  'sc.n_restart_as_master_then_replicaof_full.story':
    'B stops with SHUTDOWN SAVE and starts again without its replicaof line: a master, keeping its data and offset but, like any restarting 7.0 master, a new replid. Re-pointed to A it offers that new history: a full sync.',
  'sc.o_masteruser_acl_auth.title': 'Replication through an ACL user (masteruser)',
  'sc.o_masteruser_acl_auth.story':
    "A has a password on the default user and an ACL user 'repl' allowed only PSYNC, REPLCONF and PING. B uses masteruser repl / masterauth replpass: its handshake sends AUTH repl replpass before the REPLCONFs.",
  'sc.o2_announce_ip_port_acl.title':
    'REPLCONF ip-address and listening-port: the address a replica announces',
  'sc.o2_announce_ip_port_acl.story':
    "Behind NAT or in a container the master cannot see a replica's real address, so the replica tells it. B (replica-announce-ip 10.0.0.2) pipelines AUTH, REPLCONF listening-port, REPLCONF ip-address and REPLCONF capa, gets four +OK and attaches: A lists slave0:ip=10.0.0.2. C also announces port 7999, and A lists exactly that. Then B stops announcing an ip and announces port 7888: its next handshake skips the ip-address step, resumes with +CONTINUE, and A lists 127.0.0.1:7888.",
  'sc.q_chain_upstream_outage_timeout.title':
    'A chain during an upstream outage: repl-timeout at the end of the chain',
  'sc.q_chain_upstream_outage_timeout.story':
    "Chain A → B → C with repl-timeout 3. B's link to A is cut. B never PINGs its own replicas (it only relays A's stream), so C hears nothing: after 3 s it gives up its link and reconnects.",
  'sc.s2_min_replicas_cut_link.title': 'min-replicas-to-write with a partitioned replica',
  'sc.s2_min_replicas_cut_link.story':
    "A requires 1 good replica. With B's link cut A counts 0 good replicas and refuses writes with -NOREPLICAS; once the link is back, writes succeed again.",
  'sc.t2_backlog_ttl_reattach_in_time.title': 'repl-backlog-ttl: back in time, or too late',
  'sc.t2_backlog_ttl_reattach_in_time.story':
    'repl-backlog-ttl 3. (1) B is cut for about a second: the backlog is still there → +CONTINUE. (2) Cut until the backlog is freed (repl_backlog_active:0), which also changes the replid: when B returns, a full sync.',
  'sc.u_replica_side_master_timeout.title': 'repl-timeout on the replica side',
  'sc.u_replica_side_master_timeout.story':
    'Master A is frozen: the connection stays open but nothing comes through it, not even PINGs. After repl-timeout B logs MASTER timeout and drops the link; when A resumes, B resyncs partially.',
  'sc.v_client_kill_reconnects.title': 'CLIENT KILL: killed links come back with a partial resync',
  'sc.v_client_kill_reconnects.story':
    '(1) CLIENT KILL TYPE master on replica B: B keeps its cached master and reconnects at once → +CONTINUE. (2) CLIENT KILL TYPE replica on master A: both replicas reconnect at once → +CONTINUE.',
  'sc.w_wait_getack.title': 'WAIT and REPLCONF GETACK',
  'sc.w_wait_getack.story':
    'WAIT numreplicas timeout blocks the client until that many replicas acknowledged its last write. With C frozen, WAIT makes the master send REPLCONF GETACK * and returns the count it got when the timeout ends.',
  'sc.x_writes_other_databases.title': 'Writes in other databases: SELECT in the stream',
  'sc.x_writes_other_databases.story':
    'Whenever a write is for another database than the previous one, the master puts SELECT <db> (23 bytes) into the stream. The replica applies each command in the right database.',
  'sc.y_command_rewrites.title': 'How 7.0 rewrites commands for the stream',
  'sc.y_command_rewrites.story':
    'Relative expirations become absolute: SET … EX → SET … PXAT <ms>, EXPIRE → PEXPIREAT; an EXPIRE in the past deletes the key and propagates a DEL; INCRBYFLOAT becomes SET … KEEPTTL. Offsets grow by the rewritten bytes.',
  'sc.pa_obuf_full_sync_loop.title': 'The full-sync loop: a replica over its output-buffer limit',
  'sc.pa_obuf_full_sync_loop.story':
    "During a full sync A keeps every write made since the fork for B, and counts it against client-output-buffer-limit replica (here 64kb; 7.0's default is 256mb hard, 64mb soft for 60 s). 70 KB of writes during a slow BGSAVE: at the 4th 20 440-byte block B's buffer counts 82 016 bytes, A closes B 'for overcoming of output buffer limits', B asks again at once, and the same happens on the next BGSAVE. A hard limit below repl-backlog-size counts as the backlog size: raising repl-backlog-size to 1 MB (or the limit) ends the loop.",
  'why.readsDuringSync.title': 'What a replica answers during a full sync',
  'why.readsDuringSync.text':
    "Until the RDB is loaded the replica cannot answer from the master's data. While the master produces and sends the RDB (REPL_STATE_TRANSFER) the replica answers from its old dataset if replica-serve-stale-data is yes (the default): stale data, maybe from another master. If it is no, every command not flagged stale (GET, DBSIZE, even PING) gets -MASTERDOWN. Then it flushes the old data and loads the RDB, which blocks: between chunks other clients get -LOADING Redis is loading the dataset in memory (INFO, ROLE, CONFIG, ECHO still work; MASTERDOWN is checked first). Only after 'MASTER <-> REPLICA sync: Finished with success' do reads return the master's data.",
  'sc.pa2_obuf_diskless_loop.title': 'The full-sync loop with diskless sync: the transfer is killed',
  'sc.pa2_obuf_diskless_loop.story':
    "Diskless sync (the 7.0 default) with repl-diskless-sync-delay 1. While A streams a slow RDB to B, 70 KB of writes push B's buffer to 82 016 bytes, over 'replica 64kb 0 0': A closes B and, its last target gone, kills the transfer child (terminated by signal 10). B asks again at once and waits out the delay for a new transfer. Raising client-output-buffer-limit back to the default lets the same writes through: B comes online.",
  'sc.pb_reads_during_full_sync.title': 'Reads on a replica during a full sync: stale, MASTERDOWN, LOADING',
  'sc.pb_reads_during_full_sync.story':
    "B has its own old data (k = old) when it becomes A's replica. While A slowly produces the RDB, B serves its old data: GET k → old (replica-serve-stale-data yes). Set to no, GET, DBSIZE and even PING get -MASTERDOWN; ECHO and ROLE still answer. Then B loads the RDB (key-load-delay makes it last ~5 s): GET, DBSIZE and REPLICAOF get -LOADING, INFO shows loading:1 and ROLE 'sync'. Once loaded, k is gone: B answers from A's data.",
  'why.expiredOnReplica.title': 'nil on the replica, yet the key is still there',
  'why.expiredOnReplica.text':
    "A replica never expires keys itself: it waits for its master's DEL, so that both hold the same keys. But a read treats a key whose TTL has passed as missing (since Redis 3.2): GET gives nil, EXISTS 0, TTL -2, KEYS skips it, while DBSIZE and INFO keyspace still count it. The key goes when the master expires it (lazily, or its active expire every 100 ms) and the DEL arrives in the stream. With the master frozen or cut off, that can take a while.",
  'sc.pc_expired_key_on_replica.title': 'An expired key read on a replica before the DEL arrives',
  'sc.pc_expired_key_on_replica.story':
    'A writes session with a 4 s TTL (SET … PXAT in the stream) and is then frozen, so it can neither expire the key nor send the DEL. 4.5 s later, on replica B: GET session → nil, EXISTS → 0, TTL → -2, KEYS * skips it — but DBSIZE still counts it. When A resumes its active expire deletes the key and sends DEL session (26 bytes); B applies it and DBSIZE drops.',
  'dur.lost': 'acknowledged but lost: {n}',
  'dur.wait': 'last WAIT on {node}: {got} of {asked} replicas',
  'why.ackedLost.title': 'Acknowledged, then lost',
  'why.ackedLost.text':
    "Redis replication is asynchronous: a master answers +OK once it executed a write, before any replica has it. A replica that had not received some writes was promoted; its history holds the old master's only up to second_repl_offset, so whoever resyncs from it (the old master, the other replicas) throws those writes away in a full sync. WAIT beside it only reports how many replicas acknowledged; min-replicas-to-write only refuses writes when too few replicas are connected. Neither makes Redis strongly consistent.",
  'why.waitNotConsistency.title': 'WAIT answered fewer replicas than asked',
  'why.waitNotConsistency.text':
    'WAIT numreplicas timeout blocks until that many replicas acknowledged this client’s last write, or until the timeout, and returns how many did. The write is not undone and stays acknowledged: if the master fails now, a replica that lacks it may be promoted and the write is lost.',
  'sc.pd_acked_writes_lost_failover.title':
    'Acknowledged writes lost in a failover (WAIT is not consistency)',
  'sc.pd_acked_writes_lost_failover.story':
    "C's link is cut at offset 113; A still answers +OK to two writes that only B receives. WAIT 2 500 returns 1: only one replica has them. C is promoted; its history keeps A's only up to second_repl_offset 114. B and then A, pointed at C, need a full sync and drop the two writes: acknowledged but lost (2).",
  'sc.z_diskless_sync_delay_shared.title': 'Diskless sync with a delay: one transfer for several replicas',
  'sc.z_diskless_sync_delay_shared.story':
    'repl-diskless-sync-delay 2: when B asks for a full sync A does not fork at once but waits up to 2 s, so that more replicas can share one transfer. B is listed as wait_bgsave and gets no +FULLRESYNC yet.',
};
