// Console fuzz: 10 000 generated lines per run, through the path the console uses — consoleLine
// (redis-cli splitting, lab commands) then the worker's Session (the `input` request, the engine,
// the wire events) — on the default lab (A master, B and C replicas), with time moving between
// lines. Every line must get a redis-cli-style answer (a console line for a Redis command, OK or
// a Redis-style error for a lab command, "Invalid argument(s)" for a bad quote), nothing may
// throw, and a command Redis refuses (an `(error)` reply) must leave the world as it was.
//   CONSOLE_FUZZ_SEED=<seed> npx vitest run tests/console-fuzz.test.ts   replays one run.
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../src/engine/core/config.ts';
import type { World } from '../src/engine/index.ts';
import { COMMAND_TABLE } from '../src/engine/keyspace/index.ts';
import type { Response } from '../src/protocol.ts';
import { consoleLine } from '../src/ui/console/line.ts';
import { Session } from '../src/worker/session.ts';
import { Prng } from './conformance/random/prng.ts';

const LINES = 10_000;
const SEC = 1_000_000;

/** Words arguments are drawn from: numbers at and past every limit, option names, ports, keys. */
const WORDS = [
  '0',
  '1',
  '-1',
  '2',
  '10',
  '100',
  '16384',
  '65535',
  '65536',
  '2147483647',
  '2147483648',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '99999999999999999999',
  '1e308',
  '1e309',
  '-inf',
  '+inf',
  'inf',
  'nan',
  '0x10',
  '1.5',
  '-0',
  '',
  ' ',
  'k',
  'k2',
  'list',
  'set',
  'hash',
  'zset',
  '*',
  '?',
  '[a-',
  'NX',
  'XX',
  'EX',
  'PX',
  'EXAT',
  'KEEPTTL',
  'GET',
  'GT',
  'LT',
  'CH',
  'INCR',
  'WITHSCORES',
  'LIMIT',
  'COUNT',
  'MATCH',
  'TYPE',
  'master',
  'replica',
  'normal',
  'NO',
  'ONE',
  '127.0.0.1',
  'localhost',
  '10.0.0.1',
  '7101',
  '7102',
  '7103',
  '7199',
  'SAVE',
  'NOSAVE',
  'NOW',
  'FORCE',
  'ABORT',
  'replication',
  'all',
  'everything',
  'yes',
  'no',
  'default',
  'on',
  'off',
  '>pw',
  'nopass',
  '+@all',
  '~*',
  'return 1',
  "return redis.call('set','k','v')",
  "redis.call('incr','k')",
  'SLEEP',
  '1000000000',
  'GETACK',
  'ACK',
  'listening-port',
];

const UNICODE = [
  'é',
  'ß',
  '中文',
  '🙂',
  '👩‍👩‍👧',
  '\u202e',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u00a0',
  '\t',
  'ǅ',
];

type Gen = (r: Prng) => string;

const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
const word = (r: Prng) =>
  r.chance(0.1) ? quote(r.pick(UNICODE) + r.pick(WORDS)) : quoteIfNeeded(r.pick(WORDS));
const quoteIfNeeded = (s: string) => (s === '' || /[\s"']/.test(s) ? quote(s) : s);
const words = (r: Prng, n: number) => Array.from({ length: n }, () => word(r)).join(' ');

/** Every command the engine's table knows (with its subcommands), upper or lower case. */
const COMMANDS = [...COMMAND_TABLE.values()].flatMap((c) => [
  c.name,
  ...[...(c.subcommands?.keys() ?? [])].map((s) => `${c.name} ${s}`),
]);

const GENERATORS: [number, Gen][] = [
  // random bytes (every code unit 0–255, quotes and backslashes included)
  [8, (r) => Array.from({ length: r.int(0, 40) }, () => String.fromCharCode(r.int(0, 255))).join('')],
  // unicode, lone surrogates, RTL marks
  [5, (r) => Array.from({ length: r.int(1, 8) }, () => r.pick(UNICODE)).join(r.pick(['', ' ']))],
  // a 100 kB line: a value, an argument list, or garbage
  [
    0.4,
    (r) =>
      r.pick([
        () => `SET big ${'x'.repeat(100_000)}`,
        () => `${'a '.repeat(50_000)}`,
        () => `:write ${'9'.repeat(100_000)}`,
        () => `"${'\\x41'.repeat(25_000)}"`,
      ])(),
  ],
  // every command with random arguments (wrong arities included)
  [40, (r) => `${caseOf(r, r.pick(COMMANDS))} ${words(r, r.int(0, 6))}`],
  // CONFIG SET with garbage values (and sometimes sane ones)
  [10, (r) => `CONFIG SET ${r.pick(PARAMS).name} ${word(r)}`],
  [2, (r) => `CONFIG SET ${r.pick(PARAMS).name} ${word(r)} ${r.pick(PARAMS).name} ${word(r)}`],
  // huge timeouts
  [
    3,
    (r) =>
      `WAIT ${r.pick(['0', '1', '2', '3', '-1', '99999999999999999999'])} ${r.pick(['0', '1', '100', '9223372036854775807', '99999999999999999999', '-5'])}`,
  ],
  // A sleeping node holds every later line sent to it until it wakes (as Redis reads nothing): a
  // sleep of years would silence that node for the rest of the run, so the sleeps here are short.
  [1, (r) => `DEBUG SLEEP ${r.pick(['0', '0.5', '3', '-1'])}`],
  // writes, so there is something to replicate
  [
    10,
    (r) =>
      `${r.pick(['SET', 'INCR', 'LPUSH', 'SADD', 'HSET', 'ZADD', 'DEL'])} k${r.int(0, 9)} ${r.int(0, 99)} ${r.int(0, 99)}`,
  ],
  // topology changes (loops included) and process commands
  [
    3,
    (r) =>
      `REPLICAOF ${r.pick(['127.0.0.1', 'NO', 'localhost'])} ${r.pick(['7101', '7102', '7103', 'ONE', '7199'])}`,
  ],
  [0.3, (r) => `SHUTDOWN ${r.pick(['', 'SAVE', 'NOSAVE', 'NOW', 'ABORT', 'bogus'])}`],
  // lab commands as the help lists them
  [
    5,
    (r) =>
      r.pick([
        ':cut',
        ':heal',
        ':freeze',
        ':unfreeze',
        ':restart save',
        ':restart nosave',
        ':shutdown save',
        ':shutdown nosave',
        ':start',
        ':delete-rdb',
        ':write',
        ':write 50',
        ':traffic 20',
        ':traffic off',
        ':add-replica',
        ':remove',
      ]),
  ],
  // lab commands with random arguments
  [
    6,
    (r) =>
      `${r.pick([':cut', ':heal', ':freeze', ':unfreeze', ':restart', ':shutdown', ':start', ':delete-rdb', ':write', ':traffic', ':add-replica', ':remove', ':bogus'])} ${words(r, r.int(0, 2))}`,
  ],
  // quoting: unbalanced, escapes, quotes glued to words
  [
    4,
    (r) =>
      r.pick([
        '"',
        "'",
        '"a"b',
        "'a'b",
        'SET "k',
        'GET \\',
        'SET "\\x4" v',
        'ECHO "\\xZZ"',
        "ECHO 'it\\'s'",
        '""',
        "''",
      ]),
  ],
  // multi/exec around anything
  [3, (r) => r.pick(['MULTI', 'EXEC', 'DISCARD', 'WATCH k', 'UNWATCH'])],
];

function caseOf(r: Prng, s: string): string {
  return r.chance(0.5) ? s.toUpperCase() : s;
}

/** What must not move when Redis refuses a command: everything a node is and holds. */
function projection(w: World, traffic: ReadonlyMap<string, { perSecond: number }>): string {
  const nodes = [...w.nodes.values()].map((n) => ({
    name: n.name,
    state: n.state,
    config: [...n.config].sort(),
    data: Array.from({ length: 16 }, (_, db) => (n.keyspace.dbsize(db) ? n.keyspace.dump(db) : null)),
    replid: n.replid,
    replid2: n.replid2,
    off: [n.masterReplOffset, n.secondReplOffset],
    backlog: n.backlog ? [n.backlog.offset, n.backlog.histlen] : null,
    link: n.link ? [n.link.master, n.link.state] : null,
    slaves: n.slaves.map((s) => [s.peer, s.replstate, s.ackOff]),
    child: n.child?.id ?? null,
    disk: n.disk ? n.disk.bytes : null,
    stats: n.stats,
    users: [...n.users],
    blocked: n.blocked.length,
    shutdown: n.shuttingDown !== null,
  }));
  return JSON.stringify({ nodes, cuts: [...w.cuts].sort(), traffic: [...traffic] });
}

function consoleReply(res: Response, node: string, argv: string[]): string | null {
  if (res.type !== 'input') return null;
  const e = res.frame.events.find(
    (x) =>
      x.type === 'console' &&
      x.node === node &&
      x.argv.length === argv.length &&
      x.argv.every((a, i) => a === argv[i]),
  );
  return e?.type === 'console' ? e.reply : null;
}

interface Tally {
  local: number;
  refusedLab: number;
  lab: number;
  errors: number;
  replies: number;
  blocked: number;
}

/** One run: the first problem as text (with the line and the seed), or null; and what was seen. */
function fuzzRun(seed: number, lines: number, tally: Tally): string | null {
  const r = new Prng(seed);
  const s = new Session();
  s.handle({ type: 'load', seed, source: { kind: 'default' } });
  s.handle({ type: 'advance', to: 2 * SEC });
  const world = () => s.lab!.w;
  for (let k = 0; k < lines; k++) {
    const line = r.weighted(GENERATORS)(r);
    const names = [...world().nodes.keys()];
    const node = names.length ? r.pick(names) : 'A';
    const fail = (why: string) =>
      `seed ${seed}, line ${k} on ${node}: ${JSON.stringify(line.length > 300 ? `${line.slice(0, 300)}…(${line.length} chars)` : line)}\n  ${why}`;
    try {
      const a = consoleLine(node, line);
      if (a.kind === 'local') {
        if (!/^(Invalid argument\(s\)|\(error\) [A-Z]+ )/.test(a.reply))
          return fail(`local reply ${a.reply}`);
        tally.local++;
      } else if (a.kind === 'input') {
        const before = projection(world(), s.lab!.traffic);
        const res = s.handle({ type: 'input', input: a.input });
        structuredClone(res); // what postMessage does: it must not throw
        if (res.type === 'input-error') {
          if (!/^[A-Z]+ \S/.test(res.message)) return fail(`input error not Redis-style: ${res.message}`);
          if (projection(world(), s.lab!.traffic) !== before)
            return fail(`refused (${res.message}) but the world changed`);
          tally.refusedLab++;
        } else if (res.type !== 'input')
          return fail(`answered ${res.type}: ${JSON.stringify(res).slice(0, 300)}`);
        else if (a.input.type !== 'command') tally.lab++;
        else {
          const reply = consoleReply(res, node, a.input.argv);
          if (reply === null) return fail('no console reply'); // '' is INFO of an unknown section, as redis-cli prints it
          if (reply.startsWith('(error)') && !/^\(error\) [A-Z]+ ?/.test(reply))
            return fail(`reply ${reply}`);
          if (reply.startsWith('(error)') && projection(world(), s.lab!.traffic) !== before)
            return fail(`refused (${reply.slice(0, 200)}) but the world changed`);
          if (reply.startsWith('(error)')) tally.errors++;
          else if (reply.startsWith('(blocked)')) tally.blocked++;
          else tally.replies++;
        }
      }
      if (r.chance(0.05)) {
        const to = world().now + r.int(1, 1500) * 1000;
        const res = s.handle({ type: 'advance', to });
        if (res.type !== 'frame') return fail(`advance answered ${res.type}`);
      }
      // A run that has lost every node cannot test much more: start again from the default lab.
      if (![...world().nodes.values()].some((n) => n.state === 'running') || world().nodes.size === 0) {
        s.handle({ type: 'load', seed: seed + k, source: { kind: 'default' } });
        s.handle({ type: 'advance', to: 2 * SEC });
      }
    } catch (e) {
      return fail(`threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  return null;
}

describe('console fuzz', () => {
  const pinned = process.env.CONSOLE_FUZZ_SEED;
  const seed = pinned ? Number(pinned) : 20261206;
  it(`${LINES} generated lines (seed ${seed}): every line answered, nothing thrown, refusals change nothing`, () => {
    const tally: Tally = { local: 0, refusedLab: 0, lab: 0, errors: 0, replies: 0, blocked: 0 };
    expect(fuzzRun(seed, LINES, tally)).toBeNull();
    console.log(`console fuzz seed ${seed}: ${JSON.stringify(tally)}`);
    // Not vacuous: every kind of answer was seen and checked.
    expect(tally.errors).toBeGreaterThan(1000);
    expect(tally.replies).toBeGreaterThan(1000);
    expect(tally.lab + tally.refusedLab).toBeGreaterThan(200);
    expect(tally.local).toBeGreaterThan(200);
  }, 600_000); // ~20 s on an idle 2-core machine; a loaded one may take several times that
});
