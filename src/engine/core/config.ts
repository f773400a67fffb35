// Node configuration: the options that matter for replication (spec §12), Redis 7.0 defaults,
// CONFIG GET / CONFIG SET with Redis's error texts. Values are kept as Redis prints them
// (memory in bytes, booleans yes/no).

type Kind =
  | { k: 'int'; min: number; max: number }
  | { k: 'memory'; min: number }
  | { k: 'bool' }
  | { k: 'enum'; values: string[] }
  | { k: 'string' }
  | { k: 'save' }
  | { k: 'obuf' };

interface Param {
  name: string;
  def: string;
  kind: Kind;
  aliases?: string[];
  /** Only settable at start (command line / config file). */
  immutable?: boolean;
  /** Sensitive: CONFIG GET still returns it (Redis does), but the UI may mask it. */
  secret?: boolean;
  /** HIDDEN_CONFIG (testing knobs): CONFIG GET shows it only when asked by its exact name. */
  hidden?: boolean;
}

const INT_MAX = 2147483647;
const int = (min: number, max = INT_MAX): Kind => ({ k: 'int', min, max });
const bool: Kind = { k: 'bool' };
const str: Kind = { k: 'string' };

export const PARAMS: Param[] = [
  { name: 'port', def: '6379', kind: int(0, 65535), immutable: true },
  { name: 'bind', def: '127.0.0.1', kind: str },
  { name: 'protected-mode', def: 'yes', kind: bool },
  { name: 'daemonize', def: 'no', kind: bool, immutable: true },
  { name: 'loglevel', def: 'notice', kind: { k: 'enum', values: ['debug', 'verbose', 'notice', 'warning'] } },
  { name: 'dbfilename', def: 'dump.rdb', kind: str },
  { name: 'dir', def: '/var/lib/redis', kind: str },
  { name: 'hz', def: '10', kind: int(1, 500) },
  { name: 'save', def: '3600 1 300 100 60 10000', kind: { k: 'save' } },
  { name: 'appendonly', def: 'no', kind: bool },
  {
    name: 'enable-debug-command',
    def: 'no',
    kind: { k: 'enum', values: ['no', 'yes', 'local'] },
    immutable: true,
  },
  { name: 'requirepass', def: '', kind: str, secret: true },
  { name: 'masterauth', def: '', kind: str, secret: true },
  { name: 'masteruser', def: '', kind: str },
  { name: 'replicaof', def: '', kind: str, aliases: ['slaveof'], immutable: true },
  { name: 'repl-backlog-size', def: '1048576', kind: { k: 'memory', min: 1 } },
  { name: 'repl-backlog-ttl', def: '3600', kind: int(0) },
  { name: 'repl-timeout', def: '60', kind: int(1) },
  { name: 'repl-ping-replica-period', def: '10', kind: int(1), aliases: ['repl-ping-slave-period'] },
  { name: 'repl-diskless-sync', def: 'yes', kind: bool },
  { name: 'repl-diskless-sync-delay', def: '5', kind: int(0) },
  { name: 'repl-diskless-sync-max-replicas', def: '0', kind: int(0) },
  {
    name: 'repl-diskless-load',
    def: 'disabled',
    kind: { k: 'enum', values: ['disabled', 'on-empty-db', 'swapdb'] },
  },
  { name: 'repl-disable-tcp-nodelay', def: 'no', kind: bool },
  { name: 'replica-read-only', def: 'yes', kind: bool, aliases: ['slave-read-only'] },
  { name: 'replica-serve-stale-data', def: 'yes', kind: bool, aliases: ['slave-serve-stale-data'] },
  { name: 'replica-priority', def: '100', kind: int(0), aliases: ['slave-priority'] },
  { name: 'replica-announced', def: 'yes', kind: bool },
  { name: 'replica-announce-ip', def: '', kind: str, aliases: ['slave-announce-ip'] },
  { name: 'replica-announce-port', def: '0', kind: int(0, 65535), aliases: ['slave-announce-port'] },
  { name: 'replica-lazy-flush', def: 'no', kind: bool, aliases: ['slave-lazy-flush'] },
  { name: 'min-replicas-to-write', def: '0', kind: int(0), aliases: ['min-slaves-to-write'] },
  { name: 'min-replicas-max-lag', def: '10', kind: int(0), aliases: ['min-slaves-max-lag'] },
  { name: 'rdb-key-save-delay', def: '0', kind: int(-INT_MAX - 1), hidden: true },
  { name: 'key-load-delay', def: '0', kind: int(-INT_MAX - 1), hidden: true },
  {
    name: 'loading-process-events-interval-bytes',
    def: '2097152',
    kind: int(1024),
    hidden: true,
  },
  { name: 'rdb-del-sync-files', def: 'no', kind: bool },
  { name: 'shutdown-timeout', def: '10', kind: int(0) },
  {
    name: 'client-output-buffer-limit',
    def: 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
    kind: { k: 'obuf' },
  },
];

const BY_NAME = new Map<string, Param>();
for (const p of PARAMS) {
  BY_NAME.set(p.name, p);
  for (const a of p.aliases ?? []) BY_NAME.set(a, p);
}

export function findParam(name: string): Param | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function defaultConfig(): Map<string, string> {
  return new Map(PARAMS.map((p) => [p.name, p.def]));
}

/** memtoull: 1k = 1000, 1kb = 1024, 1m = 1000², 1mb = 1024², 1g, 1gb; plain digits = bytes. */
export function parseMemory(v: string): number | null {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (!m) return null;
  const mul: Record<string, number> = {
    b: 1,
    k: 1e3,
    kb: 1024,
    m: 1e6,
    mb: 1024 ** 2,
    g: 1e9,
    gb: 1024 ** 3,
  };
  const n = Number(m[1]) * (m[2] ? mul[m[2].toLowerCase()] : 1);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Normalise a value for `name`, or return the reason it is refused (Redis's words). `current` is
 * the value now in force: a multi-class option (client-output-buffer-limit) only changes the
 * classes it names.
 */
export function normalise(p: Param, raw: string, current = p.def): { value: string } | { error: string } {
  const v = raw;
  switch (p.kind.k) {
    case 'obuf':
      return setObufLimits(current, v);
    case 'int': {
      if (!/^-?\d+$/.test(v.trim())) return { error: "argument couldn't be parsed into an integer" };
      const n = Number(v);
      if (n < p.kind.min || n > p.kind.max)
        return { error: `argument must be between ${p.kind.min} and ${p.kind.max} inclusive` };
      return { value: String(n) };
    }
    case 'memory': {
      const n = parseMemory(v);
      if (n === null) return { error: 'argument must be a memory value' };
      if (n < p.kind.min)
        return { error: `argument must be between ${p.kind.min} and 9223372036854775807 inclusive` };
      return { value: String(n) };
    }
    case 'bool': {
      const l = v.toLowerCase();
      if (l !== 'yes' && l !== 'no') return { error: "argument must be 'yes' or 'no'" };
      return { value: l };
    }
    case 'enum': {
      const l = v.toLowerCase();
      if (!p.kind.values.includes(l))
        return { error: `argument(s) must be one of the following: ${p.kind.values.join(', ')}` };
      return { value: l };
    }
    case 'save': {
      const parts = v.trim() === '' ? [] : v.trim().split(/\s+/);
      if (parts.length % 2 !== 0 || parts.some((x) => !/^\d+$/.test(x)))
        return { error: 'Invalid save parameters' };
      return { value: parts.join(' ') };
    }
    case 'string':
      return { value: v };
  }
}

/**
 * Why `value` is not a valid value for config `key` (CONFIG SET's reason), or null when it is (or
 * when the key is not one the lab models: it is passed through, as the real runner passes it on
 * redis-server's command line). For scenario files and shared runs.
 */
export function configValueError(key: string, value: string): string | null {
  const p = findParam(key);
  if (!p) return null;
  const v = normalise(p, value);
  return 'error' in v ? v.error : null;
}

/**
 * A value given at start (command line / config file), as CONFIG GET then shows it: parsed like
 * CONFIG SET parses it (7.0.15 started with `--repl-backlog-size 1mb --hz 010` shows 1048576 and
 * 10), so cfgInt reads a number. Kept as given if invalid (Redis would refuse to start).
 */
export function startValue(name: string, raw: string): string {
  const p = findParam(name);
  if (!p) return raw;
  const v = normalise(p, raw);
  return 'value' in v ? v.value : raw;
}

export function configSetError(name: string, why: string): string {
  return `ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`;
}

/** One client class's limits (clientBufferLimitsConfig). */
export interface ObufLimit {
  hard: number;
  soft: number;
  softSeconds: number;
}

const OBUF_CLASSES = ['normal', 'slave', 'pubsub'] as const;
export type ObufClass = (typeof OBUF_CLASSES)[number];

/**
 * updateClientOutputBufferLimit: `<class> <hard> <soft> <soft_seconds>` groups split on single
 * spaces (no quoting), all checked before any is applied; classes not named keep their limits.
 * `replica` is `slave`; `master` is refused. Printed back as CONFIG GET prints it:
 *   "replica 64kb 0 0" over the defaults → "normal 0 0 0 slave 65536 0 0 pubsub 33554432 8388608 60".
 */
function setObufLimits(current: string, raw: string): { value: string } | { error: string } {
  const args = raw === '' ? [] : raw.split(' ');
  if (args.length % 4 !== 0) return { error: 'Wrong number of arguments in buffer limit configuration.' };
  const limits = parseObuf(current);
  for (let j = 0; j < args.length; j += 4) {
    const cls = args[j].toLowerCase() === 'replica' ? 'slave' : args[j].toLowerCase();
    if (!(OBUF_CLASSES as readonly string[]).includes(cls))
      return { error: 'Invalid client class specified in buffer limit configuration.' };
    const hard = parseMemory(args[j + 1]);
    const soft = parseMemory(args[j + 2]);
    const secs = softSeconds(args[j + 3]);
    if (hard === null || soft === null || secs === null)
      return { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    limits[cls as ObufClass] = { hard, soft, softSeconds: secs };
  }
  return {
    value: OBUF_CLASSES.map((c) => `${c} ${limits[c].hard} ${limits[c].soft} ${limits[c].softSeconds}`).join(
      ' ',
    ),
  };
}

/** strtoll into an int (32-bit wrap, as Redis stores it), refused when negative or not all digits. */
function softSeconds(v: string): number | null {
  if (!/^[+-]?\d*$/.test(v)) return null;
  const digits = v.replace(/^[+-]/, '');
  const n = digits === '' ? 0n : BigInt(digits) * (v.startsWith('-') ? -1n : 1n);
  const wrapped = Number(BigInt.asIntN(32, n));
  return wrapped < 0 ? null : wrapped;
}

function parseObuf(text: string): Record<ObufClass, ObufLimit> {
  const out = {} as Record<ObufClass, ObufLimit>;
  const parts = text.split(' ');
  for (const c of OBUF_CLASSES) {
    const i = parts.indexOf(c);
    out[c] = { hard: Number(parts[i + 1]), soft: Number(parts[i + 2]), softSeconds: Number(parts[i + 3]) };
  }
  return out;
}

/** The last value parsed: every node of a lab has the same one, read at each new backlog block. */
let lastObuf: { text: string; limits: Record<ObufClass, ObufLimit> } | null = null;

/** The limits of one client class now in force (the value is always normalised). */
export function obufLimit(cfg: Map<string, string>, cls: ObufClass): ObufLimit {
  const text = cfgStr(cfg, 'client-output-buffer-limit');
  if (lastObuf?.text !== text) lastObuf = { text, limits: parseObuf(text) };
  return { ...lastObuf.limits[cls] };
}

/** Glob match for CONFIG GET patterns (`*`, `?`, `[abc]`), case-insensitive like stringmatchlen(nocase). */
export function globMatch(pattern: string, s: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const j = pattern.indexOf(']', i + 1);
      if (j < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, j).replace(/\\/g, '\\\\')}]`;
        i = j;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`, 'i').test(s);
}

/**
 * The numbers cfgInt parsed from one config map, kept on the map itself (non-enumerable, so no
 * copy, comparison or checkpoint sees it; a map restored from a checkpoint parses again) and
 * emptied by setConfig. On the map, not in one "last map read" slot: the nodes of a lab take turns
 * (a master's SET, then each replica's message), and a single slot missed at every turn.
 */
const NUMS = Symbol('parsed config numbers');
type Parsed = Map<string, string> & { [NUMS]?: Map<string, number> };

/** A number config's value now in force (every reader of a number goes through here). */
export function cfgInt(cfg: Map<string, string>, name: string): number {
  let nums = (cfg as Parsed)[NUMS];
  if (nums === undefined) {
    nums = new Map();
    // A frozen map (none in the engine today) is parsed at every read instead.
    if (Object.isExtensible(cfg)) Object.defineProperty(cfg, NUMS, { value: nums, enumerable: false });
  }
  let v = nums.get(name);
  if (v === undefined) nums.set(name, (v = Number(cfg.get(name) ?? findParam(name)?.def ?? 0)));
  return v;
}

/** Write a config value (always through here, so cached numbers stay right). */
export function setConfig(cfg: Map<string, string>, name: string, value: string): void {
  cfg.set(name, value);
  (cfg as Parsed)[NUMS]?.clear();
}

/** Typed accessors over a node's textual config. */
export function cfgBool(cfg: Map<string, string>, name: string): boolean {
  return (cfg.get(name) ?? findParam(name)?.def) === 'yes';
}
export function cfgStr(cfg: Map<string, string>, name: string): string {
  return cfg.get(name) ?? findParam(name)?.def ?? '';
}
