// Scenario validation: a malformed scenario is refused with an error that names the step and
// the field, in Redis's style: "ERR scenario steps[3] (write): field 'node': unknown node 'Z'".
import { configValueError } from '../core/config.ts';
import { startOrder } from '../lab/start.ts';
import { ERAS, isEra } from '../replication/era.ts';
import type { Scenario, Step } from './types.ts';

export class ScenarioError extends Error {}

const OPS: Record<string, { required: string[]; optional: string[] }> = {
  write: { required: ['node'], optional: ['cmd', 'cmds', 'repeat', 'valueSize', 'db', 'measure'] },
  cmd: { required: ['node', 'cmds'], optional: [] },
  replicaof: { required: ['node', 'master'], optional: [] },
  config: { required: ['node', 'key', 'value'], optional: [] },
  'disconnect-link': { required: ['replica'], optional: ['method'] },
  'reconnect-link': { required: ['replica'], optional: ['wait'] },
  stop: { required: ['node'], optional: [] },
  cont: { required: ['node'], optional: [] },
  shutdown: { required: ['node'], optional: ['save', 'deleteRdb'] },
  start: { required: ['node'], optional: ['asReplicaOf'] },
  restart: { required: ['node'], optional: ['save', 'deleteRdb', 'downMs', 'asReplicaOf'] },
  'wait-sync': { required: [], optional: ['nodes', 'timeoutMs'] },
  wait: { required: ['node', 'until'], optional: ['section', 'timeoutMs'] },
  'wait-log': { required: ['node', 'match'], optional: ['timeoutMs'] },
  sleep: { required: ['ms'], optional: [] },
  snapshot: { required: [], optional: ['label'] },
};
const COMMON = ['op', 'expect', 'settleMs', 'note'];
/** 64 MB of values per write step (the largest recorded scenario writes a few hundred KB). */
const MAX_WRITE_BYTES = 64 * 1024 * 1024;

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isArgv(x: unknown): x is string[] {
  return Array.isArray(x) && x.length > 0 && x.every((a) => typeof a === 'string');
}

/** Validate parsed JSON as a Scenario; throws ScenarioError naming the first bad place. */
export function validateScenario(x: unknown): Scenario {
  const fail = (where: string, why: string): never => {
    throw new ScenarioError(`ERR scenario ${where}: ${why}`);
  };
  if (!isObj(x)) fail('(top level)', 'must be a JSON object');
  const s = x as Record<string, unknown>;
  if (typeof s.name !== 'string' || s.name === '') fail("field 'name'", 'must be a non-empty string');
  if (s.description !== undefined && typeof s.description !== 'string')
    fail("field 'description'", 'must be a string');
  if (s.era !== undefined && !isEra(s.era))
    fail("field 'era'", `unknown era ${JSON.stringify(s.era)} (one of ${ERAS.join(', ')})`);
  if (s.config !== undefined) checkConfig(s.config, "field 'config'", fail);
  if (!isObj(s.nodes) || Object.keys(s.nodes).length === 0)
    fail("field 'nodes'", 'must be an object with at least one node');
  const nodes = s.nodes as Record<string, unknown>;
  const names = Object.keys(nodes);
  if (names.length > 20) fail("field 'nodes'", 'at most 20 nodes');
  for (const n of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(n))
      fail(`nodes.${n}`, 'a node name is a letter followed by letters, digits or _');
    const def = nodes[n];
    if (!isObj(def)) fail(`nodes.${n}`, 'must be an object');
    const d = def as Record<string, unknown>;
    for (const k of Object.keys(d))
      if (!['replicaof', 'proxy', 'config'].includes(k)) fail(`nodes.${n}`, `unknown field '${k}'`);
    if (
      d.replicaof !== undefined &&
      (typeof d.replicaof !== 'string' || !names.includes(d.replicaof) || d.replicaof === n)
    )
      fail(`nodes.${n}.replicaof`, `must name another node (${names.filter((m) => m !== n).join(', ')})`);
    if (d.config !== undefined) checkConfig(d.config, `nodes.${n}.config`, fail);
  }
  try {
    startOrder(nodes as Record<string, { replicaof?: string }>);
  } catch {
    fail("field 'nodes'", 'replicaof cycle: no node can start first');
  }
  if (!Array.isArray(s.steps)) fail("field 'steps'", 'must be an array');
  for (const [i, st] of (s.steps as unknown[]).entries()) checkStep(st, i, names, fail);
  return x as unknown as Scenario;
}

function checkConfig(c: unknown, where: string, fail: (w: string, why: string) => never): void {
  if (!isObj(c)) fail(where, 'must be an object of option → value strings');
  for (const [k, v] of Object.entries(c as object)) {
    if (typeof v !== 'string') fail(`${where}.${k}`, 'must be a string (as on the command line)');
    const bad = configValueError(k, v);
    if (bad) fail(`${where}.${k}`, bad);
  }
}

function checkStep(st: unknown, i: number, names: string[], fail: (w: string, why: string) => never): void {
  const at = (field?: string) =>
    `steps[${i}]${isObj(st) && typeof st.op === 'string' ? ` (${st.op})` : ''}${field ? `: field '${field}'` : ''}`;
  if (!isObj(st)) fail(`steps[${i}]`, 'must be an object');
  const s = st as Record<string, unknown>;
  const spec = typeof s.op === 'string' ? OPS[s.op] : undefined;
  if (!spec) fail(at('op'), `unknown op ${JSON.stringify(s.op)} (one of ${Object.keys(OPS).join(', ')})`);
  for (const r of spec!.required) if (!(r in s)) fail(at(r), 'is required');
  for (const k of Object.keys(s))
    if (!spec!.required.includes(k) && !spec!.optional.includes(k) && !COMMON.includes(k))
      fail(at(k), 'unknown field');
  const node = (f: string, allowNull = false) => {
    const v = s[f];
    if (v === undefined) return;
    if (v === null && allowNull) return;
    if (typeof v !== 'string' || !names.includes(v))
      fail(at(f), `unknown node ${JSON.stringify(v)} (nodes: ${names.join(', ')})`);
  };
  const num = (f: string, min: number, max: number) => {
    const v = s[f];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(at(f), `must be an integer from ${min} to ${max}`);
  };
  node('node');
  node('replica');
  node('master', true);
  node('asReplicaOf', true);
  num('repeat', 1, 1_000_000);
  num('valueSize', 0, 64 * 1024 * 1024);
  num('db', 0, 15);
  num('ms', 0, 3_600_000);
  num('timeoutMs', 0, 3_600_000);
  num('downMs', 0, 3_600_000);
  num('settleMs', 0, 3_600_000);
  // What one write step may ask the lab to hold: repeat × value size (a page has a few hundred MB).
  const bytes = ((s.repeat as number) ?? 1) * ((s.valueSize as number) ?? 0);
  if (bytes > MAX_WRITE_BYTES)
    fail(at('repeat'), `repeat × valueSize is ${bytes} bytes: at most ${MAX_WRITE_BYTES} per step`);
  const op = s.op as Step['op'];
  if (op === 'write') {
    if (s.cmd === undefined && s.cmds === undefined) fail(at('cmd'), "a write needs 'cmd' or 'cmds'");
    if (s.cmd !== undefined && !isArgv(s.cmd)) fail(at('cmd'), 'must be a non-empty array of strings');
  }
  if (s.cmds !== undefined && (!Array.isArray(s.cmds) || s.cmds.length === 0 || !s.cmds.every(isArgv)))
    fail(at('cmds'), 'must be a non-empty array of commands (arrays of strings)');
  if (op === 'config' && (typeof s.key !== 'string' || typeof s.value !== 'string'))
    fail(at(typeof s.key !== 'string' ? 'key' : 'value'), 'must be a string');
  if (
    op === 'disconnect-link' &&
    s.method !== undefined &&
    !['proxy', 'sigstop-kill', 'client-kill'].includes(s.method as string)
  )
    fail(at('method'), "must be 'proxy', 'sigstop-kill' or 'client-kill'");
  for (const f of ['wait', 'save', 'deleteRdb'])
    if (s[f] !== undefined && typeof s[f] !== 'boolean') fail(at(f), 'must be true or false');
  if (op === 'wait' && !isObj(s.until))
    fail(at('until'), 'must be an object of INFO field → value or condition');
  if (op === 'wait-log') {
    try {
      new RegExp(s.match as string);
    } catch {
      fail(at('match'), 'must be a valid regular expression');
    }
  }
  if (
    s.nodes !== undefined &&
    (!Array.isArray(s.nodes) || !s.nodes.every((n) => typeof n === 'string' && names.includes(n)))
  )
    fail(at('nodes'), `must be an array of node names (${names.join(', ')})`);
  if (s.expect !== undefined && !isObj(s.expect))
    fail(at('expect'), 'must be an object of snapshot path → value or condition');
}
