// The command table: Redis 7.0.15's arity and flags (as `COMMAND INFO` prints them) for every
// command the lab knows, data commands and server commands alike. The server layer uses it for
// the generic checks Redis makes before calling a command (unknown command, unknown subcommand,
// wrong arity) and to classify writes (`READONLY` on replicas, `min-replicas-to-write`).
//
// Checked against a real 7.0.15 by commands.test.ts (fixtures/command-info-7.0.15.json).
import { type Argv, err, type Reply, utf8Length } from '../core/resp.ts';
import { truncateUtf8 } from './bytes.ts';
import { notModelledError, REDIS_COMMANDS } from './redis-names.ts';
import type { CommandSpec, Flag } from './types.ts';

// [name, arity, flags]; `container|sub` rows are subcommands of a container command.
const ROWS: readonly [string, number, string][] = [
  // strings
  ['get', 2, 'readonly fast'],
  ['set', -3, 'write denyoom'],
  ['setnx', 3, 'write denyoom fast'],
  ['setex', 4, 'write denyoom'],
  ['psetex', 4, 'write denyoom'],
  ['getset', 3, 'write denyoom fast'],
  ['getdel', 2, 'write fast'],
  ['getex', -2, 'write fast'],
  ['mget', -2, 'readonly fast'],
  ['mset', -3, 'write denyoom'],
  ['msetnx', -3, 'write denyoom'],
  ['append', 3, 'write denyoom fast'],
  ['strlen', 2, 'readonly fast'],
  ['incr', 2, 'write denyoom fast'],
  ['decr', 2, 'write denyoom fast'],
  ['incrby', 3, 'write denyoom fast'],
  ['decrby', 3, 'write denyoom fast'],
  ['incrbyfloat', 3, 'write denyoom fast'],
  ['setrange', 4, 'write denyoom'],
  ['getrange', 4, 'readonly'],
  ['substr', 4, 'readonly'],
  ['setbit', 4, 'write denyoom'],
  ['getbit', 3, 'readonly fast'],
  ['bitcount', -2, 'readonly'],
  ['bitpos', -3, 'readonly'],
  ['bitop', -4, 'write denyoom'],
  ['bitfield', -2, 'write denyoom'],
  ['bitfield_ro', -2, 'readonly fast'],
  // keys and expiry
  ['del', -2, 'write'],
  ['unlink', -2, 'write fast'],
  ['exists', -2, 'readonly fast'],
  ['type', 2, 'readonly fast'],
  ['keys', 2, 'readonly'],
  ['dbsize', 1, 'readonly fast'],
  ['flushall', -1, 'write'],
  ['flushdb', -1, 'write'],
  ['rename', 3, 'write'],
  ['renamenx', 3, 'write fast'],
  ['touch', -2, 'readonly fast'],
  ['copy', -3, 'write denyoom'],
  ['move', 3, 'write fast'],
  ['swapdb', 3, 'write fast'],
  ['randomkey', 1, 'readonly'],
  ['scan', -2, 'readonly'],
  ['sscan', -3, 'readonly'],
  ['hscan', -3, 'readonly'],
  ['zscan', -3, 'readonly'],
  ['expire', -3, 'write fast'],
  ['pexpire', -3, 'write fast'],
  ['expireat', -3, 'write fast'],
  ['pexpireat', -3, 'write fast'],
  ['persist', 2, 'write fast'],
  ['ttl', 2, 'readonly fast'],
  ['pttl', 2, 'readonly fast'],
  ['expiretime', 2, 'readonly fast'],
  ['pexpiretime', 2, 'readonly fast'],
  // lists
  ['lpush', -3, 'write denyoom fast'],
  ['rpush', -3, 'write denyoom fast'],
  ['lpop', -2, 'write fast'],
  ['rpop', -2, 'write fast'],
  ['lmpop', -4, 'write movablekeys'],
  ['llen', 2, 'readonly fast'],
  ['lrange', 4, 'readonly'],
  ['lindex', 3, 'readonly'],
  ['lpushx', -3, 'write denyoom fast'],
  ['rpushx', -3, 'write denyoom fast'],
  ['lmove', 5, 'write denyoom'],
  ['rpoplpush', 3, 'write denyoom'],
  ['lrem', 4, 'write'],
  ['ltrim', 4, 'write'],
  ['lset', 4, 'write denyoom'],
  ['linsert', 5, 'write denyoom'],
  ['lpos', -3, 'readonly'],
  // sets
  ['sadd', -3, 'write denyoom fast'],
  ['srem', -3, 'write fast'],
  ['smembers', 2, 'readonly'],
  ['sismember', 3, 'readonly fast'],
  ['scard', 2, 'readonly fast'],
  ['spop', -2, 'write fast'],
  ['srandmember', -2, 'readonly'],
  ['smove', 4, 'write fast'],
  ['sinter', -2, 'readonly'],
  ['sunion', -2, 'readonly'],
  ['sdiff', -2, 'readonly'],
  ['sinterstore', -3, 'write denyoom'],
  ['sunionstore', -3, 'write denyoom'],
  ['sdiffstore', -3, 'write denyoom'],
  ['smismember', -3, 'readonly fast'],
  // hashes
  ['hset', -4, 'write denyoom fast'],
  ['hmset', -4, 'write denyoom fast'],
  ['hget', 3, 'readonly fast'],
  ['hdel', -3, 'write fast'],
  ['hgetall', 2, 'readonly'],
  ['hlen', 2, 'readonly fast'],
  ['hexists', 3, 'readonly fast'],
  ['hkeys', 2, 'readonly'],
  ['hvals', 2, 'readonly'],
  ['hincrby', 4, 'write denyoom fast'],
  ['hincrbyfloat', 4, 'write denyoom fast'],
  ['hsetnx', 4, 'write denyoom fast'],
  ['hmget', -3, 'readonly fast'],
  ['hstrlen', 3, 'readonly fast'],
  ['hrandfield', -2, 'readonly'],
  // sorted sets
  ['zadd', -4, 'write denyoom fast'],
  ['zrange', -4, 'readonly'],
  ['zscore', 3, 'readonly fast'],
  ['zcard', 2, 'readonly fast'],
  ['zrem', -3, 'write fast'],
  ['zincrby', 4, 'write denyoom fast'],
  ['zrank', 3, 'readonly fast'],
  ['zrevrank', 3, 'readonly fast'],
  ['zrevrange', -4, 'readonly'],
  ['zcount', 4, 'readonly fast'],
  ['zrangebyscore', -4, 'readonly'],
  ['zpopmin', -2, 'write fast'],
  ['zpopmax', -2, 'write fast'],
  ['zmpop', -4, 'write movablekeys'],
  ['zmscore', -3, 'readonly fast'],
  ['zremrangebyrank', 4, 'write'],
  ['zremrangebyscore', 4, 'write'],
  ['zremrangebylex', 4, 'write'],
  ['zunionstore', -4, 'write denyoom movablekeys'],
  ['zinterstore', -4, 'write denyoom movablekeys'],
  ['zdiffstore', -4, 'write denyoom movablekeys'],
  ['zunion', -3, 'readonly movablekeys'],
  ['zinter', -3, 'readonly movablekeys'],
  ['zdiff', -3, 'readonly movablekeys'],
  ['zintercard', -3, 'readonly movablekeys'],
  ['zrangestore', -5, 'write denyoom'],
  // SORT is a write command even without STORE (a read-only replica refuses it; SORT_RO exists for that)
  ['sort', -2, 'write denyoom movablekeys'],
  ['sort_ro', -2, 'readonly movablekeys'],
  // scripting and pub/sub: EVAL carries no write flag (its writes are checked per call inside)
  ['eval', -3, 'noscript stale skip_monitor no_mandatory_keys movablekeys'],
  ['evalsha', -3, 'noscript stale skip_monitor no_mandatory_keys movablekeys'],
  ['script', -2, ''],
  ['script|debug', 3, 'noscript'],
  ['script|exists', -3, 'noscript'],
  ['script|flush', -2, 'noscript'],
  ['script|help', 2, 'loading stale'],
  ['script|kill', 2, 'noscript allow_busy'],
  ['script|load', 3, 'noscript stale'],
  ['publish', 3, 'pubsub loading stale fast'],
  // server commands: implemented by the server layer
  ['select', 2, 'loading stale fast'],
  ['ping', -1, 'fast'],
  ['echo', 2, 'loading stale fast'],
  ['auth', -2, 'noscript loading stale fast no_auth allow_busy'],
  ['quit', -1, 'noscript loading stale fast no_auth allow_busy'],
  ['reset', 1, 'noscript loading stale fast no_auth allow_busy'],
  ['info', -1, 'loading stale'],
  ['role', 1, 'noscript loading stale fast'],
  ['replicaof', 3, 'admin noscript stale no_async_loading'],
  ['slaveof', 3, 'admin noscript stale no_async_loading'],
  ['config', -2, ''],
  ['config|get', -3, 'admin noscript loading stale'],
  ['config|help', 2, 'loading stale'],
  ['config|resetstat', 2, 'admin noscript loading stale'],
  ['config|rewrite', 2, 'admin noscript loading stale'],
  ['config|set', -4, 'admin noscript loading stale'],
  ['wait', 3, 'noscript'],
  ['shutdown', -1, 'admin noscript loading stale no_multi allow_busy'],
  ['bgsave', -1, 'admin noscript no_async_loading'],
  ['save', 1, 'admin noscript no_async_loading no_multi'],
  ['client', -2, ''],
  ['client|caching', 3, 'noscript loading stale'],
  ['client|getname', 2, 'noscript loading stale'],
  ['client|getredir', 2, 'noscript loading stale'],
  ['client|help', 2, 'loading stale'],
  ['client|id', 2, 'noscript loading stale'],
  ['client|info', 2, 'noscript loading stale'],
  ['client|kill', -3, 'admin noscript loading stale'],
  ['client|list', -2, 'admin noscript loading stale'],
  ['client|no-evict', 3, 'admin noscript loading stale'],
  ['client|pause', -3, 'admin noscript loading stale'],
  ['client|reply', 3, 'noscript loading stale'],
  ['client|setname', 3, 'noscript loading stale'],
  ['client|tracking', -3, 'noscript loading stale'],
  ['client|trackinginfo', 2, 'noscript loading stale'],
  ['client|unblock', -3, 'admin noscript loading stale'],
  ['client|unpause', 2, 'admin noscript loading stale'],
  ['multi', 1, 'noscript loading stale fast allow_busy'],
  ['exec', 1, 'noscript loading stale skip_slowlog'],
  ['discard', 1, 'noscript loading stale fast allow_busy'],
  ['watch', -2, 'noscript loading stale fast allow_busy'],
  ['unwatch', 1, 'noscript loading stale fast allow_busy'],
  ['replconf', -1, 'admin noscript loading stale allow_busy'],
  ['psync', -3, 'admin noscript no_async_loading no_multi'],
  ['sync', 1, 'admin noscript no_async_loading no_multi'],
  ['acl', -2, ''],
  ['acl|cat', -2, 'noscript loading stale'],
  ['acl|deluser', -3, 'admin noscript loading stale'],
  ['acl|dryrun', -4, 'admin noscript loading stale'],
  ['acl|genpass', -2, 'noscript loading stale'],
  ['acl|getuser', 3, 'admin noscript loading stale'],
  ['acl|help', 2, 'loading stale'],
  ['acl|list', 2, 'admin noscript loading stale'],
  ['acl|load', 2, 'admin noscript loading stale'],
  ['acl|log', -2, 'admin noscript loading stale'],
  ['acl|save', 2, 'admin noscript loading stale'],
  ['acl|setuser', -3, 'admin noscript loading stale'],
  ['acl|users', 2, 'admin noscript loading stale'],
  ['acl|whoami', 2, 'noscript loading stale'],
  ['debug', -2, 'admin noscript loading stale'],
  ['command', -1, 'loading stale'],
  ['command|count', 2, 'loading stale'],
  ['command|docs', -2, 'loading stale'],
  ['command|getkeys', -4, 'loading stale'],
  ['command|getkeysandflags', -4, 'loading stale'],
  ['command|help', 2, 'loading stale'],
  ['command|info', -2, 'loading stale'],
  ['command|list', -2, 'loading stale'],
  ['lastsave', 1, 'loading stale fast'],
  ['time', 1, 'loading stale fast'],
  ['failover', -1, 'admin noscript stale'],
];

function buildTable(): Map<string, CommandSpec> {
  const table = new Map<string, CommandSpec>();
  for (const [name, arity, flagText] of ROWS) {
    const flags = (flagText === '' ? [] : flagText.split(' ')) as Flag[];
    const bar = name.indexOf('|');
    if (bar < 0) {
      table.set(name, { name, arity, flags });
      continue;
    }
    const parent = table.get(name.slice(0, bar))!;
    const subs = (parent.subcommands ?? new Map<string, CommandSpec>()) as Map<string, CommandSpec>;
    subs.set(name.slice(bar + 1), { name, arity, flags });
    table.set(parent.name, { ...parent, subcommands: subs });
  }
  return table;
}

/** Every command the lab knows, by lower-case name. Containers carry their subcommands. */
export const COMMAND_TABLE: ReadonlyMap<string, CommandSpec> = buildTable();

/**
 * Redis's lookupCommand: the spec for argv, descending into a container's subcommand when argv has
 * one (`CONFIG SET …` → `config|set`; a bare `CONFIG` is the container itself, which then fails
 * arity). undefined when unknown.
 */
/** Spellings lowered so far ('SET' → 'set'), bounded: a command name is typed in few spellings. */
const LOWERED = new Map<string, string>();

/**
 * argv[0] in lower case (the table's name). The same spelling recurs on every call, so each is
 * lowered once: the hot paths (call, stream entry, keyspace) make no new string per command.
 */
export function commandName(typed: string): string {
  let name = LOWERED.get(typed);
  if (name === undefined) {
    name = typed.toLowerCase();
    if (LOWERED.size < 1024) LOWERED.set(typed, name);
  }
  return name;
}

export function lookupCommand(argv: Argv): CommandSpec | undefined {
  if (argv.length === 0) return undefined;
  const base = COMMAND_TABLE.get(commandName(argv[0]));
  if (!base?.subcommands || argv.length === 1) return base;
  return base.subcommands.get(argv[1].toLowerCase());
}

/** True when argv names a command flagged `write` (EVAL is not: its calls are checked one by one). */
export function isWriteCommand(argv: Argv): boolean {
  return lookupCommand(argv)?.flags.includes('write') ?? false;
}

/** `ERR wrong number of arguments for 'set' command`: the table's name, not the typed case. */
export function arityError(name: string): Reply {
  return err(`ERR wrong number of arguments for '${name}' command`);
}

// Redis builds its rejections with "%.128s" and turns CR/LF into spaces so the error stays one line.
function oneLine(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

const cut128 = (s: string) => truncateUtf8(s, 128);

/**
 * 7.0's processCommand text for an unknown command: the name cut to 128 chars, then each argument
 * quoted and followed by a space while the list is under 128 chars, each cut to what is left of 128.
 *   ["foo","a","b"] → `ERR unknown command 'foo', with args beginning with: 'a' 'b' `
 */
export function unknownCommandError(argv: Argv): Reply {
  let args = '';
  let bytes = 0;
  for (let i = 1; i < argv.length && bytes < 128; i++) {
    const arg = `'${truncateUtf8(argv[i], 128 - bytes)}' `;
    args += arg;
    bytes += utf8Length(arg);
  }
  return err(oneLine(`ERR unknown command '${cut128(argv[0])}', with args beginning with: ${args}`));
}

/** `ERR unknown subcommand 'foo'. Try CONFIG HELP.` (the container name as typed, upper-cased). */
export function unknownSubcommandError(argv: Argv): Reply {
  return err(oneLine(`ERR unknown subcommand '${cut128(argv[1])}'. Try ${argv[0].toUpperCase()} HELP.`));
}

/**
 * A container's subcommand the lab does not run: Redis's "unknown subcommand" when Redis has none by
 * that name either, else notModelledError (`CLIENT NO-EVICT on` is a real 7.0 subcommand).
 */
export function subcommandNotRun(argv: Argv): Reply {
  const full = `${argv[0].toLowerCase()}|${argv[1]?.toLowerCase()}`;
  return REDIS_COMMANDS.has(full) ? notModelledError(argv, true) : unknownSubcommandError(argv);
}

/** Redis arity: N exact (the name included), -N at least N. */
export function arityOk(arity: number, argc: number): boolean {
  return arity >= 0 ? argc === arity : argc >= -arity;
}

/**
 * The checks Redis makes before running any command, in its order: unknown command, unknown
 * subcommand of a container, wrong arity. null when argv may run. (Commands with their own
 * argument-count rules, such as MSET's pairs, check those themselves.)
 */
export function checkArity(argv: Argv, spec = lookupCommand(argv)): Reply | null {
  if (!spec) {
    const name = argv.length > 0 ? argv[0].toLowerCase() : '';
    if (COMMAND_TABLE.get(name)?.subcommands) return subcommandNotRun(argv);
    return REDIS_COMMANDS.has(name)
      ? notModelledError(argv, false)
      : unknownCommandError(argv.length ? argv : ['']);
  }
  return arityOk(spec.arity, argv.length) ? null : arityError(spec.name);
}
