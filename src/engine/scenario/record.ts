// Recording a run as a scenario: the inverse of the op table (ops.ts). Each lab input becomes the
// steps whose ops act through that same input (`cut` → disconnect-link, `write` → cmd of the exact
// SETs, …); the time between inputs becomes `sleep` steps. The steps are played through play.ts
// while they are written, so each sleep is measured on the clock the scenario itself will run on
// (an op's own waits — a cut waits until the master drops the replica — are not slept twice).
// The result is checked the same way: the run's PSYNC outcomes and final offsets against the
// scenario's, played on the same network (the page's LAB_NET).

import {
  applyInput,
  createLab,
  dueTraffic,
  LAB_NET,
  type Lab,
  type LabInput,
  LabInputError,
  trafficTick,
  writeArgv,
} from '../lab/lab.ts';
import type { RunRecord } from '../lab/timeline.ts';
import { MS } from '../server/emit.ts';
import { runUntil } from '../server/simulation.ts';
import type { World } from '../server/world.ts';
import { settles } from './contract.ts';
import { playStep, setupScenario } from './play.ts';
import type { LocalText, Scenario, Step } from './types.ts';
import { ScenarioError, validateScenario } from './validate.ts';
import { inSync } from './waits.ts';

/** Most steps a recorded scenario may have (traffic writes become one step each). */
export const MAX_RECORDED_STEPS = 20_000;

export interface RecordOptions {
  /** The scenario's name: letters, digits, _ and - (it becomes `?scenario=` and a file name). */
  name: string;
  title?: LocalText;
  text?: LocalText;
  /** Record up to this virtual time (µs): the moment on screen. */
  until: number;
}

export interface RecordedScenario {
  scenario: Scenario;
  /** The run's and the scenario's PSYNC outcomes and final offsets, one line each; `same` if equal. */
  check: { run: string; scenario: string; same: boolean };
}

/** A recorded action: the steps that redo one input (or one traffic write) at its time. */
interface Action {
  at: number;
  steps: Step[];
}

type Inverse<K extends LabInput['type']> = (
  lab: Lab,
  input: Extract<LabInput, { type: K }>,
  done: readonly Action[],
) => Step[];

const refuse = (why: string): never => {
  throw new ScenarioError(`ERR this run cannot be saved as a scenario: ${why}`);
};

/**
 * The inverse of ops.ts, one entry per lab input type (the compiler wants every type). Each is
 * read before the input applies (the lab as it stood then) and returns the steps that apply the
 * same input when ops.ts plays them.
 */
const INVERSE: { [K in LabInput['type']]: Inverse<K> } = {
  command: (_lab, i) =>
    i.db === undefined
      ? [{ op: 'cmd', node: i.node, cmds: [i.argv] }]
      : [{ op: 'write', node: i.node, cmd: i.argv, db: i.db }],
  // The exact SETs the lab sends (key:k for the run's k-th write): same keys, same offsets.
  write: (lab, i) => [
    {
      op: 'cmd',
      node: i.node,
      cmds: Array.from({ length: i.count }, (_, k) => writeArgv(lab.writeCounter + k + 1)),
    },
  ],
  // A generator's writes are recorded one by one as they happen (trafficTick), not the generator.
  traffic: () => [],
  cut: (_lab, i) => [
    { op: 'disconnect-link', replica: i.replica, ...(i.method ? { method: i.method } : {}) },
  ],
  heal: (_lab, i) => [{ op: 'reconnect-link', replica: i.replica, wait: false }],
  freeze: (_lab, i) => [{ op: 'stop', node: i.node }],
  unfreeze: (_lab, i) => [{ op: 'cont', node: i.node }],
  // SHUTDOWN to a node that is not running changes nothing (an error reply).
  shutdown: (lab, i) =>
    lab.w.nodes.get(i.node)?.state === 'running' ? [{ op: 'shutdown', node: i.node, save: i.save }] : [],
  start: (_lab, i) => [
    { op: 'start', node: i.node, ...(i.asReplicaOf !== undefined ? { asReplicaOf: i.asReplicaOf } : {}) },
  ],
  // The lab's restart: SIGCONT if frozen, SHUTDOWN … NOW (no wait for lagging replicas), down
  // for downMs, start with the replicaof it had.
  restart: (lab, i) => {
    const state = lab.w.nodes.get(i.node)?.state;
    const steps: Step[] = [];
    if (state === 'stopped') steps.push({ op: 'cont', node: i.node });
    if (state !== 'down')
      steps.push({ op: 'cmd', node: i.node, cmds: [['SHUTDOWN', i.save ? 'SAVE' : 'NOSAVE', 'NOW']] });
    if (i.downMs > 0) steps.push({ op: 'sleep', ms: i.downMs });
    steps.push({ op: 'start', node: i.node });
    return steps;
  },
  // dump.rdb deleted while down = deleted right after the shutdown that took the node down.
  'delete-rdb': (lab, i, done) => {
    if (lab.w.nodes.get(i.node)?.state !== 'down') return []; // refused by the lab too
    const last = done
      .flatMap((a) => a.steps)
      .findLast((s) => ('node' in s ? s.node : null) === i.node && (s.op === 'shutdown' || s.op === 'cmd'));
    if (last?.op !== 'shutdown')
      refuse(
        `dump.rdb of ${i.node} was deleted after a SHUTDOWN typed in the console (use the Shut down button)`,
      );
    (last as Extract<Step, { op: 'shutdown' }>).deleteRdb = true;
    return [];
  },
  'add-replica': (_lab, i) =>
    refuse(`a replica was added to ${i.of} (a scenario's nodes are fixed when it starts)`),
  'remove-node': (_lab, i) => refuse(`node ${i.node} was removed (a scenario's nodes are fixed)`),
};

/** The record's inputs after its setup's node starts, with the traffic writes, as timed steps. */
function actionsOf(record: RunRecord, until: number): { actions: Action[]; lab: Lab; outcomes: string[] } {
  const lab = createLab(record.seed, record.setup);
  const actions: Action[] = [];
  const outcomes: string[] = [];
  // A heal whose replica was in sync again before the next input may wait for it (`wait: true`
  // heals at once); otherwise it heals without waiting, after the replica's next failed attempt.
  let heals: Extract<Step, { op: 'reconnect-link' }>[] = [];
  const settleHeals = () => {
    for (const h of heals) if (inSync(lab, [h.replica])) delete h.wait;
    heals = [];
  };
  const traffic = (to: number) => {
    for (let who = dueTraffic(lab, to); who !== null; who = dueTraffic(lab, to)) {
      const at = lab.traffic.get(who)!.next;
      runUntil(lab.w, at);
      settleHeals();
      const argv = trafficTick(lab, who);
      if (argv) actions.push({ at, steps: [{ op: 'cmd', node: who, cmds: [argv] }] });
    }
    runUntil(lab.w, to);
    outcomes.push(...drainOutcomes(lab.w));
  };
  // A run begins with its setup's node starts (startCluster): the scenario's setup plays them.
  const starts = record.setup.nodes.length;
  record.inputs.forEach(({ at, input }, k) => {
    if (at > until) return;
    traffic(at);
    settleHeals();
    const steps = k < starts ? [] : (INVERSE[input.type] as Inverse<LabInput['type']>)(lab, input, actions);
    try {
      applyInput(lab, input);
    } catch (e) {
      if (!(e instanceof LabInputError)) throw e;
      return; // refused when recorded too: a replay skips it
    }
    if (steps.length) actions.push({ at, steps });
    heals.push(...steps.filter((x) => x.op === 'reconnect-link'));
  });
  traffic(until);
  settleHeals();
  return { actions, lab, outcomes };
}

/**
 * Commands to one node less than a millisecond apart (a scenario's `write` sends its commands
 * 20 µs apart) become one `cmd` step: steps are at least the stream's landing time apart.
 */
function mergeBursts(actions: Action[]): Action[] {
  const out: Action[] = [];
  for (const a of actions) {
    const prev = out.at(-1);
    const [p, s] = [prev?.steps.at(-1), a.steps[0]];
    if (
      prev &&
      a.at - prev.at < MS &&
      a.steps.length === 1 &&
      p?.op === 'cmd' &&
      s.op === 'cmd' &&
      p.node === s.node
    )
      prev.steps[prev.steps.length - 1] = { ...p, cmds: [...p.cmds, ...s.cmds] };
    else out.push({ at: a.at, steps: [...a.steps] });
  }
  return out;
}

/** `B=FULLRESYNC@0`, `B=CONTINUE` for each PSYNC answered since the last drain (ERRORs left out). */
function drainOutcomes(w: World): string[] {
  const out: string[] = [];
  for (const e of w.events)
    if (e.type === 'psync.result' && e.result !== 'ERROR')
      out.push(`${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`);
  w.events = [];
  return out;
}

/** `A@1234 B@1234 …`: each running node's master_repl_offset. */
function offsets(w: World): string {
  return [...w.nodes.values()]
    .filter((n) => n.state !== 'down')
    .map((n) => `${n.name}@${n.masterReplOffset}`)
    .join(' ');
}

/**
 * The run (up to `opts.until`) as a scenario file: its setup as the scenario's nodes and config,
 * each input as the steps of INVERSE, `sleep` steps for the time between. Throws ScenarioError
 * (Redis-style) for a run a scenario cannot express (a node added or removed) or one too long.
 */
export function recordScenario(record: RunRecord, opts: RecordOptions): RecordedScenario {
  const { actions, lab, outcomes } = actionsOf(record, opts.until);
  const description = opts.text?.en ?? opts.text?.zh ?? `Recorded in PSYNC Lab (seed ${record.seed}).`;
  const scenario: Scenario = {
    name: opts.name,
    ...(opts.title ? { title: opts.title } : {}),
    description,
    ...(opts.text ? { text: opts.text } : {}),
    ...(actions.some((a) => a.steps.some((s) => s.op === 'disconnect-link')) ? { proxyLinks: true } : {}),
    ...(record.setup.config ? { config: record.setup.config } : {}),
    nodes: Object.fromEntries(
      record.setup.nodes.map((n) => [
        n.name,
        { ...(n.replicaof ? { replicaof: n.replicaof } : {}), ...(n.config ? { config: n.config } : {}) },
      ]),
    ),
    steps: [],
  };
  validateScenario(scenario); // a bad name or setup is stated before anything is played
  const play = setupScenario(scenario, record.seed, record.setup.net ?? LAB_NET);
  const played: string[] = drainOutcomes(play.w);
  const add = (step: Step) => {
    if (scenario.steps.length >= MAX_RECORDED_STEPS)
      refuse(`it needs more than ${MAX_RECORDED_STEPS} steps (stop the traffic, or save an earlier moment)`);
    // Sleeps carry the timing: no settle time after an op (it would shift every later step).
    const s: Step = settles(step) && step.op !== 'sleep' ? { ...step, settleMs: 0 } : step;
    scenario.steps.push(s);
    playStep(play, s);
    played.push(...drainOutcomes(play.w));
  };
  // Each input keeps its distance to the one before: when an op applied its input late (a heal
  // waits for the replica's failed attempt, as the real runner does), the rest shift with it.
  let late = 0;
  const sleepTo = (at: number) => {
    const ms = Math.round((at + late - play.w.now) / MS);
    if (ms > 0) add({ op: 'sleep', ms });
  };
  for (const a of mergeBursts(actions)) {
    sleepTo(a.at);
    const k = play.inputs.length;
    for (const s of a.steps) add(s);
    if (play.inputs[k]) late = Math.max(0, play.inputs[k].at - a.at);
  }
  sleepTo(opts.until);
  const run = `${outcomes.join(' ')} | ${offsets(lab.w)}`;
  const got = `${played.join(' ')} | ${offsets(play.w)}`;
  return { scenario: validateScenario(scenario), check: { run, scenario: got, same: run === got } };
}
