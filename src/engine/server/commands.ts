// The command entry of a node, as a redis-cli user (or the scenario runner) reaches it:
// processCommand's checks in Redis's order, then the server commands (REPLICAOF, CONFIG, INFO,
// ROLE, WAIT, SHUTDOWN, BGSAVE, CLIENT KILL, MULTI/EXEC, …) or the keyspace's data commands,
// then propagation. Every error is Redis's own text; a refused command changes nothing.

import {
  cfgInt,
  cfgStr,
  configSetError,
  findParam,
  globMatch,
  normalise,
  PARAMS,
  setConfig,
} from '../core/config.ts';
import { notModelledParam, REDIS_PARAMS } from '../core/redis-params.ts';
import {
  COMMAND_TABLE,
  type CommandSpec,
  checkArity,
  commandName,
  subcommandNotRun,
  unknownCommandError as unknownCommandReply,
} from '../keyspace/index.ts';
import { selectDbIndex } from '../keyspace/key-copy.ts';
import { parseInt64, toSafeNumber } from '../keyspace/numbers.ts';
import { type Pending, unblock } from './blocked.ts';
import { debugCommand } from './debug.ts';
import { clientAddr, emit, log, nodeAddr, unixMs } from './emit.ts';
import { ctxFor } from './exec.ts';
import { infoText, roleReply } from './info.ts';
import { allPaused, mayReplicate, postpone, writesPaused } from './pause.ts';
import { rememberSlaveKeysWithExpire } from './slave-keys.ts';

export function unknownCommandError(argv: Argv): string {
  const r = unknownCommandReply(argv);
  return r.t === 'error' ? r.v : 'ERR unknown command';
}

import { type Argv, arr, bulk, cliText, err, int, OK, type Reply, simple } from '../core/resp.ts';
import { recordAcked } from '../replication/acked.ts';
import { failoverCommand } from '../replication/failover.ts';
import {
  checkAuth,
  countAcks,
  refreshGoodSlaves,
  replconf,
  saveInfo,
  snapshotRdb,
} from '../replication/master.ts';
import { isLoading, setMaster, unsetMaster } from '../replication/replica.ts';
import { feedSlaves, propagate, trim } from '../replication/stream.ts';
import { clientCommand } from './client-cmd.ts';
import { abortShutdown, bgsave, emptyStats, shutdown } from './lifecycle.ts';
import type { BlockedClient, Micros, Node, World } from './world.ts';

/** One user connection to a node (redis-cli, the scenario runner, the lab console). */
export interface ClientCtx {
  id: number;
  db: number;
  authenticated: boolean;
  user: string;
  multi: Argv[] | null;
  multiError: boolean;
  /** Offset after this client's last write (WAIT counts ACKs against it). */
  woff: number;
  /** CLIENT INFO-like text used in log lines ("user request from '…'"). */
  desc: string;
  /** CLIENT SETNAME's name ('' = none). */
  name: string;
  /** CLIENT LIST's age, idle and cmd: when it connected, its last command's time and full name. */
  ctime: Micros;
  lastInteraction: Micros;
  lastcmd: string;
  /** CLIENT_CLOSE_AFTER_REPLY: CLIENT KILL hit the caller itself (SKIPME no, or the old form). */
  closeAfterReply: boolean;
  /**
   * CLIENT_DENY_BLOCKING: set while EXEC runs the queued commands — a WAIT among them answers
   * at once with the replicas that acknowledged so far, sends no GETACK and never blocks.
   */
  denyBlocking?: boolean;
}

export function newClient(w: World, node: Node, db = 0): ClientCtx {
  const id = w.nextClientId++;
  return {
    id,
    db,
    authenticated: true,
    user: 'default',
    multi: null,
    multiError: false,
    woff: 0,
    desc: `id=${id} addr=${clientAddr('console', id)} laddr=${nodeAddr(node.port)} fd=8 name= db=${db}`,
    name: '',
    ctime: w.now,
    lastInteraction: w.now,
    lastcmd: 'NULL',
    closeAfterReply: false,
  };
}

/** A reply now, or a blocked call (blocked.ts) that resolves later. */
export type CallResult = { reply: Reply } | { pending: Pending };

function isWrite(typed: string): boolean {
  return isWriteSpec(COMMAND_TABLE.get(commandName(typed)));
}

/** Write commands, memoised per spec object (flags never change). */
const writeFlag = new WeakMap<object, boolean>();
function isWriteSpec(spec: { flags: readonly string[] } | undefined): boolean {
  if (!spec) return false;
  let v = writeFlag.get(spec);
  if (v === undefined) writeFlag.set(spec, (v = spec.flags.includes('write')));
  return v;
}

/**
 * The flags processCommand checks: those of the command it runs — a container's subcommand's own
 * (`SCRIPT LOAD` is `stale`, `SCRIPT EXISTS` is not; every CONFIG, CLIENT, ACL and COMMAND
 * subcommand is `stale` and `loading`). `stale`: still served by a replica whose link is down when
 * replica-serve-stale-data is no (PING and DBSIZE are not: -MASTERDOWN); `loading`: served while an
 * RDB loads (REPLICAOF is not: -LOADING).
 */
function runFlags(spec: CommandSpec, argv: Argv): readonly string[] {
  return (
    (spec.subcommands && argv.length > 1 && spec.subcommands.get(argv[1].toLowerCase())?.flags) || spec.flags
  );
}

/** Run one command from a user client on `node` at the current time. */
export function call(w: World, node: Node, c: ClientCtx, argv: Argv): CallResult {
  if (node.state !== 'running') return { reply: err('ERR node is not running') };
  // A node in DEBUG SLEEP reads nothing: the command waits in its socket, unread, and runs when the
  // node wakes (resumePostponed). A loading node answers -LOADING instead (processEventsWhileBlocked).
  const r =
    node.busyUntil > w.now && !isLoading(node)
      ? { pending: postpone(node, c, argv, 'busy') }
      : process(w, node, c, argv);
  if (w.emitEvents)
    emit(w, {
      type: 'command',
      node: node.name,
      argv,
      // The whole reply as redis-cli prints it (the console shows it as is).
      reply: 'reply' in r ? cliText(argv, r.reply) : `(blocked) ${r.pending.waiting}`,
    });
  return r;
}

/** A refused command: an error reply, and inside MULTI the transaction is flagged (EXECABORT). */
function reject(c: ClientCtx, e: string): CallResult {
  if (c.multi !== null) c.multiError = true;
  return { reply: err(e) };
}

function process(w: World, node: Node, c: ClientCtx, argv: Argv): CallResult {
  if (argv.length === 0) return { reply: err('ERR empty command') };
  const name = commandName(argv[0]);
  const spec = COMMAND_TABLE.get(name);
  const inMulti = c.multi !== null;
  c.lastInteraction = w.now;
  c.lastcmd = fullName(spec, name, argv);
  // Unknown command / subcommand and arity: the keyspace's table and Redis's exact texts.
  const bad = checkArity(argv, spec?.subcommands ? undefined : spec); // a container's: its subcommand
  if (bad || !spec) return reject(c, bad?.t === 'error' ? bad.v : unknownCommandError(argv));
  if (!c.authenticated && !spec.flags.includes('no_auth'))
    return reject(c, 'NOAUTH Authentication required.');
  const write = isWriteSpec(spec) || (name === 'exec' && (c.multi ?? []).some((a) => isWrite(a[0])));
  if (write && !node.link) {
    const n = cfgInt(node.config, 'min-replicas-to-write');
    if (n > 0 && cfgInt(node.config, 'min-replicas-max-lag') > 0 && node.goodSlaves < n)
      return reject(c, 'NOREPLICAS Not enough good replicas to write.');
  }
  if (write && node.link && node.config.get('replica-read-only') === 'yes')
    return reject(c, "READONLY You can't write against a read only replica.");
  if (
    node.link &&
    node.link.state !== 'REPL_STATE_CONNECTED' &&
    node.config.get('replica-serve-stale-data') === 'no' &&
    !runFlags(spec, argv).includes('stale')
  )
    return reject(c, "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.");
  if (isLoading(node) && !runFlags(spec, argv).includes('loading'))
    return reject(c, 'LOADING Redis is loading the dataset in memory');
  if (
    writesPaused(node) &&
    (allPaused(node) || write || mayReplicate(name) || (name === 'exec' && mayReplicateAny(c.multi)))
  )
    return { pending: postpone(node, c, argv) };
  if (inMulti && !['exec', 'discard', 'multi', 'watch', 'unwatch', 'quit', 'reset'].includes(name)) {
    c.multi!.push(argv);
    return { reply: simple('QUEUED') };
  }
  switch (name) {
    case 'multi':
      if (inMulti) return { reply: err('ERR MULTI calls can not be nested') };
      c.multi = [];
      c.multiError = false;
      return { reply: OK };
    case 'discard':
      if (!inMulti) return { reply: err('ERR DISCARD without MULTI') };
      c.multi = null;
      return { reply: OK };
    case 'exec':
      return { reply: execMulti(w, node, c) };
    case 'watch':
    case 'unwatch':
      if (inMulti && name === 'watch') return { reply: err('ERR WATCH inside MULTI is not allowed') };
      return { reply: OK };
  }
  const fx = new Effects();
  const r = execOne(w, node, c, argv, fx, name);
  if ('reply' in r) finishCall(w, node, c, fx);
  return r;
}

/** c->lastcmd's full name (CLIENT LIST cmd=): `client|list` for a subcommand, NULL when unknown. */
function fullName(spec: CommandSpec | undefined, name: string, argv: Argv): string {
  if (!spec) return 'NULL';
  if (!spec.subcommands) return name;
  const sub = argv[1]?.toLowerCase();
  return sub !== undefined && spec.subcommands.has(sub) ? `${name}|${sub}` : 'NULL';
}

function mayReplicateAny(queued: Argv[] | null): boolean {
  return (queued ?? []).some((a) => mayReplicate(commandName(a[0])));
}

/**
 * Writes resumed: the held commands run again from the start, oldest first (on a node that became
 * a replica meanwhile they get -READONLY). Each answers its caller through `unblock`.
 */
export function resumePostponed(w: World, node: Node): void {
  if (writesPaused(node) || node.busyUntil > w.now) return; // paused or asleep again: they keep waiting
  const held = node.postponed;
  node.postponed = [];
  for (const p of held) {
    const r = process(w, node, p.client, p.argv);
    unblock(w, p, 'reply' in r ? r.reply : err('ERR the command blocked again after the pause'));
  }
}

/**
 * The effects of one call (a transaction's: of all its commands), to propagate in order. The first
 * is held in fields and only a second one makes a list: most calls propagate one SET, and the
 * one-element list and its { db, argv } were 2 of the ~10 objects a SET allocated on a master.
 */
class Effects {
  count = 0;
  db = 0;
  argv: Argv = NO_ARGV;
  more: { db: number; argv: Argv }[] | null = null;

  add(db: number, argv: Argv): void {
    if (this.count++ === 0) {
      this.db = db;
      this.argv = argv;
    } else (this.more ??= []).push({ db, argv });
  }
}
const NO_ARGV: Argv = Object.freeze([]) as unknown as Argv;

function finishCall(w: World, node: Node, c: ClientCtx, fx: Effects): void {
  if (fx.count === 0) return;
  node.dirty += fx.count;
  // One command goes as it is; more are wrapped in MULTI … EXEC by propagate.
  if (fx.more === null) feedSlaves(w, node, fx.db, fx.argv);
  else propagate(w, node, [{ db: fx.db, argv: fx.argv }, ...fx.more]);
  c.woff = node.masterReplOffset;
  recordAcked(node);
}

function execMulti(w: World, node: Node, c: ClientCtx): Reply {
  if (c.multi === null) return err('ERR EXEC without MULTI');
  const queued = c.multi;
  const aborted = c.multiError;
  c.multiError = false;
  if (aborted) {
    c.multi = null;
    return err('EXECABORT Transaction discarded because of previous errors.');
  }
  const fx = new Effects();
  const replies: Reply[] = [];
  // The client stays in MULTI until the queue ran (a queued CLIENT INFO shows flags=x multi=2 on 7.0.15).
  c.denyBlocking = true;
  for (const a of queued) {
    const r =
      commandName(a[0]) === 'debug' ? debugCommand(w, node, a, c.db, true) : execOne(w, node, c, a, fx);
    replies.push('reply' in r ? r.reply : err('ERR command not allowed inside a transaction'));
  }
  c.denyBlocking = false;
  c.multi = null;
  finishCall(w, node, c, fx);
  return arr(replies);
}

/** Execute one command (already checked); data-command effects are added to `fx`. */
function execOne(
  w: World,
  node: Node,
  c: ClientCtx,
  argv: Argv,
  fx: Effects,
  name = commandName(argv[0]),
): CallResult {
  const server = SERVER_COMMANDS[name];
  if (server) return server(w, node, c, argv);
  if (name === 'publish') {
    // No subscribers live in the lab; PUBLISH is still replicated (spec §1: 38 bytes for chan/hello).
    if (!node.link) fx.add(c.db, argv);
    return { reply: int(0) };
  }
  const res = node.keyspace.exec(c.db, argv, ctxFor(w, false, node, name), name);
  if (!res) return { reply: err(unknownCommandError(argv)) };
  // A writable replica's local writes are not propagated (replicationFeedSlaves returns on a replica).
  if (!node.link) {
    const dbs = res.dbs; // a script's SELECT: each entry in its own db
    for (let i = 0; i < res.propagate.length; i++) fx.add(dbs ? dbs[i] : c.db, res.propagate[i]);
  }
  if (node.link && res.changed.length > 0) rememberSlaveKeysWithExpire(node, c.db, res.changed);
  if (w.emitEvents && res.changed.length > 0)
    emit(w, { type: 'data.changed', node: node.name, keys: res.changed, dbsize: node.keyspace.dbsize(0) });
  if (res.expiredOnReplica && node.link)
    emit(w, { type: 'replica.expired-read', node: node.name, keys: res.expiredOnReplica });
  return res; // an ExecResult is a CallResult (it has `reply`): no second object per command
}

/**
 * COMMAND COUNT, and COMMAND LIST [FILTERBY PATTERN p | MODULE m]: the commands and subcommands
 * this lab runs (`container|sub`, as Redis lists them), so a console user can see what it runs.
 * Other subcommands (bare COMMAND, INFO, DOCS) answer an empty list.
 */
function commandCmd(a: Argv): Reply {
  const sub = a[1]?.toLowerCase();
  if (sub === 'count') return int(COMMAND_TABLE.size);
  if (sub !== 'list') return arr([]);
  const by = a[3]?.toLowerCase();
  if (a.length !== 2 && (a.length !== 5 || a[2].toLowerCase() !== 'filterby')) return err('ERR syntax error');
  if (by === 'aclcat')
    return err('ERR COMMAND LIST FILTERBY ACLCAT: PSYNC Lab does not model ACL categories');
  if (a.length === 5 && by !== 'pattern' && by !== 'module') return err('ERR syntax error');
  if (by === 'module') return arr([]);
  const names = [...COMMAND_TABLE].flatMap(([n, spec]) => [
    n,
    ...[...(spec.subcommands?.keys() ?? [])].map((s) => `${n}|${s}`),
  ]);
  return arr(names.filter((n) => by !== 'pattern' || globMatch(a[4], n)).map((n) => bulk(n)));
}

type Handler = (w: World, node: Node, c: ClientCtx, argv: Argv) => CallResult;
const ok = (reply: Reply): CallResult => ({ reply });

function addrOf(c: ClientCtx): string {
  return c.desc;
}

/** REPLICAOF host port | NO ONE. The host must be 127.0.0.1/localhost: the lab runs on one machine. */
const replicaof: Handler = (w, node, c, argv) => {
  if (node.failover) return ok(err('ERR REPLICAOF not allowed while failing over.'));
  const [host, portText] = [argv[1], argv[2]];
  if (host.toLowerCase() === 'no' && portText.toLowerCase() === 'one') {
    if (node.link) unsetMaster(w, node, `user request from '${addrOf(c)}'`);
    return ok(OK);
  }
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) return ok(err('ERR Invalid master port'));
  const port = Number(portText);
  if (!['127.0.0.1', 'localhost'].includes(host.toLowerCase()))
    return ok(err(`ERR PSYNC Lab nodes live on 127.0.0.1: can't reach ${host}`));
  // The host as typed, case-insensitively (7.0.15: following 127.0.0.1:7101, `REPLICAOF localhost 7101`
  // answers OK, reconnects and resyncs partially; `REPLICAOF LOCALHOST 7101` then is "Already connected").
  if (
    node.link &&
    node.link.masterHost.toLowerCase() === host.toLowerCase() &&
    node.link.masterPort === port
  ) {
    log(
      w,
      node,
      'REPLICAOF would result into synchronization with the master we are already connected with. No operation performed.',
    );
    return ok(simple('OK Already connected to specified master'));
  }
  if (port === node.port) return ok(err('ERR Cannot replicate from myself'));
  const master = w.ports.get(port) ?? `:${port}`;
  setMaster(w, node, master, host, port, addrOf(c));
  return ok(OK);
};

const configCmd: Handler = (w, node, _c, argv) => {
  const sub = argv[1].toLowerCase();
  if (sub === 'get') {
    if (argv.length < 3) return ok(err("ERR wrong number of arguments for 'config|get' command"));
    const out: Reply[] = [];
    const seen = new Set<string>();
    for (const pat of argv.slice(2)) {
      for (const p of PARAMS) {
        if (p.hidden && /[*?[]/.test(pat)) continue;
        const names = [p.name, ...(p.aliases ?? [])];
        for (const n of names) {
          if (!seen.has(n) && globMatch(pat, n) && (n === p.name || !/[*?[]/.test(pat))) {
            seen.add(n);
            out.push(bulk(n), bulk(node.config.get(p.name) ?? p.def));
          }
        }
      }
    }
    return ok(arr(out));
  }
  if (sub === 'set') {
    if (argv.length < 4 || argv.length % 2 !== 0)
      return ok(err("ERR wrong number of arguments for 'config|set' command"));
    const updates: [string, string][] = [];
    for (let i = 2; i < argv.length; i += 2) {
      const p = findParam(argv[i]);
      if (!p && REDIS_PARAMS.has(argv[i].toLowerCase())) return ok(err(notModelledParam(argv[i])));
      if (!p) return ok(err(`ERR Unknown option or number of arguments for CONFIG SET - '${argv[i]}'`));
      if (p.immutable) return ok(err(configSetError(argv[i], "can't set immutable config")));
      const v = normalise(p, argv[i + 1], node.config.get(p.name));
      if ('error' in v) return ok(err(configSetError(argv[i], v.error)));
      updates.push([p.name, v.value]);
    }
    for (const [k, v] of updates) applyConfig(w, node, k, v);
    return ok(OK);
  }
  if (sub === 'resetstat') {
    node.stats = emptyStats();
    return ok(OK);
  }
  return ok(subcommandNotRun(argv));
};

/** CONFIG SET side effects: resizing the backlog (min 16384) and refreshing derived state. */
function applyConfig(w: World, node: Node, key: string, value: string): void {
  if (key === 'repl-backlog-size') value = String(Math.max(16384, Number(value)));
  setConfig(node.config, key, value);
  if (key === 'repl-backlog-size') trim(w, node);
  if (key === 'requirepass' && value !== '') {
    /* existing connections stay authenticated, as in Redis */
  }
  if (key.startsWith('min-replicas')) refreshGoodSlaves(w, node);
}

const waitCmd: Handler = (w, node, c, argv) => {
  if (node.link)
    return ok(
      err(
        'ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.',
      ),
    );
  // string2ll on both (7.0.15: `WAIT 99999999999999999999 0` → value error, `WAIT 1 9223372036854775807`
  // blocks with no error: the timeout is not checked against the clock).
  const n = parseInt64(argv[1]);
  if (n === null) return ok(err('ERR value is not an integer or out of range'));
  const t = parseInt64(argv[2]);
  if (t === null) return ok(err('ERR timeout is not an integer or out of range'));
  const numreplicas = toSafeNumber(n);
  const timeout = toSafeNumber(t);
  if (timeout < 0) return ok(err('ERR timeout is negative'));
  const acked = countAcks(node, c.woff);
  // Inside EXEC (denyBlocking) the count so far is the answer (real 7.0.15, probe p34: B's ACK
  // not yet in, `MULTI, SET b 1, WAIT 1 100, EXEC` → [OK, 0] and no GETACK in the stream).
  if (acked >= numreplicas || c.denyBlocking) {
    // The lab shows WAIT's answer beside the "acknowledged but lost" counter (a late one: unblock).
    emit(w, { type: 'wait.answered', node: node.name, asked: numreplicas, got: acked });
    return ok(int(acked));
  }
  const deadline = timeout > 0 ? w.now + timeout * 1000 : null;
  const holder: BlockedClient = {
    kind: 'wait',
    numreplicas,
    offset: c.woff,
    deadline,
    reply: null,
    waiting: `WAIT ${argv[1]} ${argv[2]}: waiting for ${plural(numreplicas, 'replica')} to acknowledge offset ${c.woff} (${acked} so far, ${timeout > 0 ? `timeout ${timeout} ms` : 'no timeout'})`,
    node: node.name,
    argv,
  };
  node.blocked.push(holder);
  if (deadline !== null) w.queue.push(deadline, { t: 'wait-timeout', node: node.name, gen: node.gen });
  if (!node.getackPending) {
    node.getackPending = true;
    // beforeSleep sends one REPLCONF GETACK * per event-loop iteration.
    w.queue.push(w.now, { t: 'flush', node: node.name, gen: node.gen });
  }
  return { pending: holder };
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]: ABORT goes alone, SAVE and NOSAVE not together
 * (both "ERR syntax error" on 7.0.15). ABORT cancels a SHUTDOWN waiting for lagging replicas.
 */
const shutdownCmd: Handler = (w, node, _c, argv) => {
  const seen = new Set<string>();
  for (const a of argv.slice(1)) {
    const l = a.toLowerCase();
    if (!['save', 'nosave', 'now', 'force', 'abort'].includes(l)) return ok(err('ERR syntax error'));
    seen.add(l);
  }
  if ((seen.has('abort') && seen.size > 1) || (seen.has('save') && seen.has('nosave')))
    return ok(err('ERR syntax error'));
  if (seen.has('abort')) return ok(abortShutdown(w, node) ? OK : err('ERR No shutdown in progress.'));
  const save = seen.has('save') ? true : seen.has('nosave') ? false : null;
  const r = shutdown(w, node, { save, now: seen.has('now') }, argv);
  return r.reply ? ok(r.reply) : { pending: r };
};

const clientCmd: Handler = (w, node, c, argv) =>
  ok(clientCommand(w, node, c, argv) ?? subcommandNotRun(argv));

const aclCmd: Handler = (_w, node, c, argv) => {
  const sub = argv[1].toLowerCase();
  if (sub === 'setuser') {
    if (argv.length < 3) return ok(err("ERR wrong number of arguments for 'acl|setuser' command"));
    const name = argv[2];
    const u = node.users.get(name) ?? { on: false, passwords: [] };
    for (const rule of argv.slice(3)) {
      if (rule === 'on') u.on = true;
      else if (rule === 'off') u.on = false;
      else if (rule.startsWith('>')) u.passwords.push(rule.slice(1));
      else if (rule === 'nopass' || rule === 'resetpass') u.passwords = [];
      else if (
        !/^[+\-~&%]|^(allkeys|allcommands|allchannels|nocommands|reset|resetkeys|resetchannels)$/.test(rule)
      )
        return ok(err(`ERR Error in ACL SETUSER modifier '${rule}': Syntax error`));
    }
    node.users.set(name, u);
    return ok(OK);
  }
  if (sub === 'users') return ok(arr(['default', ...node.users.keys()].sort().map((n) => bulk(n))));
  if (sub === 'whoami') return ok(bulk(c.user));
  return ok(subcommandNotRun(argv));
};

/**
 * RESET (clearClientConnectionState): out of MULTI, db 0, no name, back to the default user —
 * authenticated only when that user needs no password. Answers +RESET.
 */
const resetCmd: Handler = (_w, node, c) => {
  c.multi = null;
  c.multiError = false;
  c.db = 0;
  c.name = '';
  c.user = 'default';
  c.authenticated = cfgStr(node.config, 'requirepass') === '';
  return ok(simple('RESET'));
};

const SERVER_COMMANDS: Record<string, Handler> = {
  // PING's arity is -1, but it takes one message at most (pingCommand checks).
  ping: (_w, _n, _c, a) =>
    ok(
      a.length > 2
        ? err("ERR wrong number of arguments for 'ping' command")
        : a.length > 1
          ? bulk(a[1])
          : simple('PONG'),
    ),
  // QUIT answers OK, then the connection closes (the console reconnects for its next command).
  quit: (_w, _n, c) => {
    c.closeAfterReply = true;
    return ok(OK);
  },
  reset: resetCmd,
  echo: (_w, _n, _c, a) => ok(bulk(a[1])),
  select: (_w, node, c, a) => {
    const db = selectDbIndex(a[1], node.keyspace.dbs.length);
    if (typeof db !== 'number') return ok(db);
    c.db = db;
    return ok(OK);
  },
  auth: (_w, node, c, a) => {
    if (a.length > 3) return ok(err('ERR syntax error'));
    const r = checkAuth(node, a);
    if (r === OK) {
      c.authenticated = true;
      c.user = a.length === 3 ? a[1] : 'default';
    }
    return ok(r);
  },
  info: (w, node, _c, a) => ok(bulk(infoText(w, node, a.length > 1 ? a.slice(1) : ['default']))),
  role: (_w, node) => ok(roleReply(node)),
  replicaof,
  slaveof: replicaof,
  config: configCmd,
  wait: waitCmd,
  shutdown: shutdownCmd,
  client: clientCmd,
  acl: aclCmd,
  bgsave: (w, node) => {
    if (node.child) return ok(err('ERR Background save already in progress'));
    bgsave(w, node);
    return ok(simple('Background saving started'));
  },
  save: (w, node) => {
    if (node.child) return ok(err('ERR Background save already in progress'));
    node.disk = snapshotRdb(w, node, saveInfo(node));
    node.lastSaveMs = unixMs(w);
    node.dirty = 0;
    log(w, node, 'DB saved on disk');
    return ok(OK);
  },
  lastsave: (w, node) => ok(int(Math.floor((node.lastSaveMs || unixMs(w)) / 1000))),
  time: (w) => {
    const ms = unixMs(w);
    return ok(arr([bulk(String(Math.floor(ms / 1000))), bulk(String((ms % 1000) * 1000 + (w.now % 1000)))]));
  },
  command: (_w, _n, _c, a) => ok(commandCmd(a)),
  debug: (w, node, c, a) => debugCommand(w, node, a, c.db),
  replconf: (_w, _n, _c, a) => {
    // A console client is no replica: its ACK/GETACK change nothing (Redis sends no reply at all;
    // the console shows OK rather than hang).
    const r = replconf({ listeningPort: 0, announcedIp: '', capaEof: false, capaPsync2: false }, a);
    return ok(r === 'getack' || 'ack' in r ? OK : r);
  },
  psync: () =>
    ok(err('ERR PSYNC from a console client is not supported in PSYNC Lab: use REPLICAOF on a node')),
  sync: () =>
    ok(err('ERR SYNC from a console client is not supported in PSYNC Lab: use REPLICAOF on a node')),
  failover: (w, node, _c, argv) => ok(failoverCommand(w, node, argv)),
  hello: () => ok(err('NOPROTO unsupported protocol version')),
};
