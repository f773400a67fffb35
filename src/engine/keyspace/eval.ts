// EVAL for the script shapes of lua-subset.ts. Each redis.call runs the data command through the
// same handlers as a client call (nested Call), so its effects land in the same propagation list:
// 7.0 replicates scripts by effects, with the command names in the case the script used:
//   EVAL "redis.call('set', KEYS[1], ARGV[1]) redis.call('incr', 'evalcount') return 1" 1 e 1
//   → reply 1, propagate [set e 1], [incr evalcount]  (the server wraps them: MULTI … EXEC, 85 bytes)
// A rewrite inside a script still applies (`redis.call('SET',k,v,'EX',100)` → SET k v PXAT …).
// A failing redis.call stops the script with `<error> script: <sha1>, on @user_script:<line>.`;
// what ran before it stays applied and propagated, as in Redis. redis.pcall returns the error.
import { type Argv, arr, bulk, err, int, NIL, OK, type Reply, simple } from '../core/resp.ts';
import { type Call, fail, type Handler, ReplyError } from './call.ts';
import { arityOk, COMMAND_TABLE, lookupCommand, subcommandNotRun } from './commands.ts';
import { formatDouble17g } from './decimal.ts';
import { NOT_INTEGER } from './errors.ts';
import { selectDbIndex } from './key-copy.ts';
import { type LuaExpr, LuaSubsetError, parseLuaSubset } from './lua-subset.ts';
import { parseInt64 } from './numbers.ts';
import { sha1Hex } from './sha1.ts';

/** A Lua value as the subset needs it: Redis's reply ⇄ Lua conversions (script_lua.c). */
type LuaValue =
  | { t: 'nil' }
  | { t: 'bool'; v: boolean }
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'table'; items: LuaValue[] }
  | { t: 'status'; field: 'ok' | 'err'; v: string };

/** Raised by redis.call: the script stops with this error text (before the script suffix). */
class ScriptError {
  constructor(
    readonly message: string,
    readonly line: number,
  ) {}
}

/** Server commands a script may call that the keyspace answers itself. */
const PURE_SERVER: Record<string, (argv: Argv) => Reply> = {
  ping: (a) => (a.length > 1 ? bulk(a[1]) : simple('PONG')),
  echo: (a) => bulk(a[1]),
};

/** Redis reply → Lua value: null bulk/array → false, status → {ok=…}, error → {err=…}. */
function toLua(r: Reply): LuaValue {
  switch (r.t) {
    case 'int':
      return { t: 'num', v: r.v };
    case 'bulk':
      return r.v === null ? { t: 'bool', v: false } : { t: 'str', v: r.v };
    case 'simple':
      return { t: 'status', field: 'ok', v: r.v };
    case 'error':
      return { t: 'status', field: 'err', v: r.v };
    case 'array':
      return r.v === null ? { t: 'bool', v: false } : { t: 'table', items: r.v.map(toLua) };
  }
}

/** Lua value → Redis reply: numbers truncate to an integer, true → 1, false/nil → nil, arrays stop at the first nil. */
function fromLua(v: LuaValue): Reply {
  switch (v.t) {
    case 'nil':
      return NIL;
    case 'bool':
      return v.v ? int(1) : NIL;
    case 'num': {
      // A C cast of an out-of-range double to long long gives LLONG_MIN on x86-64 (`return 1e20`).
      const n = Math.trunc(v.v);
      return int(Number.isFinite(n) && Math.abs(n) < 2 ** 63 ? n : -(2 ** 63));
    }
    case 'str':
      return bulk(v.v);
    case 'status':
      return v.field === 'ok' ? simple(v.v) : err(v.v);
    case 'table': {
      const end = v.items.findIndex((x) => x.t === 'nil');
      return arr((end < 0 ? v.items : v.items.slice(0, end)).map(fromLua));
    }
  }
}

class ScriptRun {
  /** The db the script's calls run in: its EVAL's until a redis.call('select', n). */
  db: number;

  constructor(
    readonly c: Call,
    readonly keys: string[],
    readonly args: string[],
  ) {
    this.db = c.dbIndex;
  }

  value(e: LuaExpr): LuaValue {
    switch (e.k) {
      case 'str':
        return { t: 'str', v: e.v };
      case 'num':
        return { t: 'num', v: e.v };
      case 'keys':
      case 'argv': {
        const list = e.k === 'keys' ? this.keys : this.args;
        const v = Number.isInteger(e.i) ? list[e.i - 1] : undefined;
        return v === undefined ? { t: 'nil' } : { t: 'str', v };
      }
      case 'nil':
        return { t: 'nil' };
      case 'bool':
        return { t: 'bool', v: e.v };
      case 'table':
        return { t: 'table', items: e.items.map((x) => this.value(x)) };
      case 'status': {
        const v = this.value(e.v);
        return {
          t: 'status',
          field: e.field,
          v: v.t === 'str' ? v.v : v.t === 'num' ? formatDouble17g(v.v) : '',
        };
      }
      case 'call':
        return this.call(e);
    }
  }

  /** luaRedisGenericCommand: arguments, then the checks Redis makes for scripts, then the command. */
  call(e: Extract<LuaExpr, { k: 'call' }>): LuaValue {
    const raise = (message: string): LuaValue => {
      if (e.pcall) return { t: 'status', field: 'err', v: message };
      throw new ScriptError(message, e.line);
    };
    if (e.args.length === 0) return raise('ERR Please specify at least one argument for this redis lib call');
    const argv: Argv = [];
    for (const a of e.args) {
      const v = this.value(a);
      if (v.t === 'str') argv.push(v.v);
      else if (v.t === 'num') argv.push(formatDouble17g(v.v));
      else return raise('ERR Lua redis lib command arguments must be strings or integers');
    }
    const reply = this.dispatch(argv);
    if (reply.t === 'error') return raise(reply.v);
    return toLua(reply);
  }

  dispatch(argv: Argv): Reply {
    const c = this.c;
    const spec = lookupCommand(argv);
    if (!spec) return err('ERR Unknown Redis command called from script');
    if (!arityOk(spec.arity, argv.length))
      return err('ERR Wrong number of args calling Redis command from script');
    if (spec.flags.includes('noscript')) return err('ERR This Redis command is not allowed from script');
    const name = argv[0].toLowerCase();
    const pure = PURE_SERVER[name];
    if (pure) return pure(argv);
    if (name === 'select') return this.select(argv[1]);
    const handler = COMMAND_TABLE.has(name) ? c.ks.handler(name) : undefined;
    if (!handler) {
      return err(`ERR PSYNC Lab scripts can call data commands, SELECT, PING and ECHO only, not '${name}'`);
    }
    if (spec.flags.includes('write') && c.ctx.scriptWriteDenied) return err(c.ctx.scriptWriteDenied);
    try {
      return handler(c.nested(argv, this.db));
    } catch (e) {
      if (e instanceof ReplyError) return e.reply;
      throw e;
    }
  }

  /**
   * SELECT in a script: the script's later calls run in that db, and since 7.0 the caller's own
   * db is unchanged. Each write goes with its db's SELECT (real 7.0.15, probe p19: a client in
   * db 2, `EVAL "redis.call('select','5') redis.call('set','s','1') return 1" 0` put SELECT 5 +
   * SET, 50 bytes, in the stream, and its next `SET d 4` SELECT 2 + SET, 50 more).
   */
  select(text: string): Reply {
    const db = selectDbIndex(text, this.c.ks.dbs.length);
    if (typeof db !== 'number') return db;
    this.db = db;
    return OK;
  }
}

const NOSCRIPT = err('NOSCRIPT No matching script. Please use EVAL.');

/** The lab's refusal of a script outside the subset (as Redis refuses one that does not compile). */
function compile(body: string): ReturnType<typeof parseLuaSubset> {
  try {
    return parseLuaSubset(body);
  } catch (e) {
    if (!(e instanceof LuaSubsetError)) throw e;
    fail(
      err(
        `ERR PSYNC Lab supports only scripts made of redis.call()/redis.pcall() statements and a final return (user_script:${e.line}: unsupported near '${e.near}')`,
      ),
    );
  }
}

/** luaCreateFunction: compile `body` and keep it in the node's script cache under its sha1. */
function createFunction(c: Call, body: string, sha: string): ReturnType<typeof parseLuaSubset> {
  const script = compile(body);
  c.ctx.scripts?.set(sha, body);
  return script;
}

/**
 * evalGenericCommand: numkeys checks (`Number of keys can't be negative`, `… greater than number
 * of args`), then the script — EVAL's body, compiled and cached (luaCreateFunction); EVALSHA's from
 * the cache by sha1 (any case), else NOSCRIPT — then the run.
 */
function evalGeneric(evalsha: boolean): Handler {
  return (c) => {
    const [, text, numText] = c.argv;
    if (evalsha && text.length !== 40) fail(NOSCRIPT); // before numkeys, as evalShaCommand
    const numkeys = parseInt64(numText) ?? fail(NOT_INTEGER);
    if (numkeys > BigInt(c.argv.length - 3))
      fail(err("ERR Number of keys can't be greater than number of args"));
    if (numkeys < 0n) fail(err("ERR Number of keys can't be negative"));
    const sha = evalsha ? text.toLowerCase() : sha1Hex(text);
    const body = evalsha ? (c.ctx.scripts?.get(sha) ?? fail(NOSCRIPT)) : text;
    const script = createFunction(c, body, sha);
    const n = Number(numkeys);
    const run = new ScriptRun(c, c.argv.slice(3, 3 + n), c.argv.slice(3 + n));
    try {
      for (const call of script.calls) run.value(call);
      return script.ret ? fromLua(run.value(script.ret)) : NIL;
    } catch (e) {
      if (!(e instanceof ScriptError)) throw e;
      return err(`${e.message} script: ${sha}, on @user_script:${e.line}.`);
    }
  };
}

/**
 * SCRIPT LOAD / EXISTS / FLUSH (eval.c scriptCommand). Nothing is propagated: since 7.0 a replica
 * gets a script's effects, so `EVALSHA` of a script loaded only on the master answers NOSCRIPT on
 * its replica. KILL: no script is ever running between two commands here. DEBUG and HELP are not run.
 */
const scriptCommand: Handler = (c) => {
  const sub = c.argv[1].toLowerCase();
  const cache = c.ctx.scripts ?? new Map<string, string>();
  switch (sub) {
    case 'load': {
      const sha = sha1Hex(c.argv[2]);
      createFunction(c, c.argv[2], sha);
      return bulk(sha);
    }
    case 'exists': // the cache's keys compare case-insensitively (dictSdsKeyCaseCompare)
      return arr(c.argv.slice(2).map((s) => int(cache.has(s.toLowerCase()) ? 1 : 0)));
    case 'flush':
      if (c.argv.length > 3 || (c.argv.length === 3 && !/^(sync|async)$/i.test(c.argv[2])))
        fail(err('ERR SCRIPT FLUSH only support SYNC|ASYNC option'));
      cache.clear();
      return OK;
    case 'kill':
      return err('NOTBUSY No scripts in execution right now.');
    default:
      return subcommandNotRun(c.argv);
  }
};

export const EVAL_COMMANDS: Record<string, Handler> = {
  eval: evalGeneric(false),
  evalsha: evalGeneric(true),
  script: scriptCommand,
};

/** The commands that run a script: the server works out scriptWriteDenied for these alone. */
export const SCRIPT_COMMANDS: ReadonlySet<string> = new Set(['eval', 'evalsha']);
