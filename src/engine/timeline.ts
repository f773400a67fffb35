// Time travel: a run is { seed, setup, inputs }. Going back = rebuild and replay the inputs up to
// the target (deterministic, so exact); acting in the past forks: the recorded future is dropped.
import { MS } from './emit.ts';
import {
  advanceLab,
  applyInput,
  createLab,
  DEFAULT_SETUP,
  type Lab,
  type LabInput,
  LabInputError,
  type LabSetup,
  setupFromScenario,
} from './lab.ts';
import { matches } from './scenario/conditions.ts';
import { infoField, inSync } from './scenario/run.ts';
import type { Scenario, Step } from './scenario/types.ts';
import { validateScenario } from './scenario/validate.ts';
import { runUntil, runUntilCondition } from './simulation.ts';
import { streamsLanded } from './stream.ts';

export const ENGINE_RUN_VERSION = 1;

export interface TimedInput {
  at: number;
  input: LabInput;
}

export interface RunRecord {
  engineVersion: number;
  seed: number;
  setup: LabSetup;
  scenario?: string;
  inputs: TimedInput[];
}

export interface Timeline {
  record: RunRecord;
  lab: Lab;
  /** Index of the next recorded input not yet applied. */
  cursor: number;
}

export function createTimeline(
  seed: number,
  setup: LabSetup = DEFAULT_SETUP,
  inputs: TimedInput[] = [],
  scenario?: string,
): Timeline {
  const record: RunRecord = {
    engineVersion: ENGINE_RUN_VERSION,
    seed,
    setup,
    scenario,
    inputs: [...inputs].sort((a, b) => a.at - b.at),
  };
  return { record, lab: createLab(seed, setup), cursor: 0 };
}

/** Advance to virtual time `to`, applying recorded inputs on the way. */
export function advance(tl: Timeline, to: number): void {
  const ins = tl.record.inputs;
  while (tl.cursor < ins.length && ins[tl.cursor].at <= to) {
    const { at, input } = ins[tl.cursor++];
    advanceLab(tl.lab, at);
    try {
      applyInput(tl.lab, input);
    } catch (e) {
      if (!(e instanceof LabInputError)) throw e;
    }
  }
  advanceLab(tl.lab, to);
}

/** Go to `t` (back or forward). Going back rebuilds the world and replays. Returns true if rebuilt. */
export function seek(tl: Timeline, t: number): boolean {
  if (t >= tl.lab.w.now) {
    advance(tl, t);
    return false;
  }
  tl.lab = createLab(tl.record.seed, tl.record.setup);
  tl.cursor = 0;
  advance(tl, t);
  return true;
}

/**
 * A user input now. Returns 'forked' when recorded inputs after now were dropped (acting in the
 * past), else 'appended'. Throws LabInputError (a Redis-style message) when it cannot apply.
 */
export function input(tl: Timeline, inp: LabInput): 'forked' | 'appended' {
  const now = tl.lab.w.now;
  const ins = tl.record.inputs;
  let forked = false;
  if (tl.cursor < ins.length) {
    ins.splice(tl.cursor);
    forked = true;
  }
  applyInput(tl.lab, inp);
  ins.push({ at: now, input: inp });
  tl.cursor = ins.length;
  return forked ? 'forked' : 'appended';
}

/** The virtual time of the last recorded input (the end of the known future). */
export function horizon(tl: Timeline): number {
  const ins = tl.record.inputs;
  return ins.length ? ins[ins.length - 1].at : 0;
}

/**
 * A scenario file as a lab run: its setup, and its steps as timed inputs. Waits become the time
 * they took in this engine with the lab's network, so the lab replays the story exactly.
 * Returns the inputs and the time each step started (for "jump to step").
 */
export function scenarioToRun(raw: unknown, seed: number): { record: RunRecord; stepTimes: number[] } {
  const s: Scenario = validateScenario(raw);
  const setup = setupFromScenario(s);
  const lab = createLab(seed, setup);
  const w = lab.w;
  const inputs: TimedInput[] = [];
  const stepTimes: number[] = [];
  const add = (input: LabInput) => {
    inputs.push({ at: w.now, input });
    applyInput(lab, input);
  };
  // Setup: wait until the configured replicas are attached.
  runUntilCondition(
    w,
    () => [...w.nodes.values()].every((n) => !n.link || n.link.state === 'REPL_STATE_CONNECTED'),
    w.now + 60_000 * MS,
  );
  for (const step of s.steps) {
    stepTimes.push(w.now);
    runScenarioStepAsInputs(lab, step, add);
    // As the engine runner does between steps: bytes in flight land first (scenario h3).
    runUntilCondition(w, () => streamsLanded(w), w.now + 2000 * MS);
  }
  return { record: { engineVersion: ENGINE_RUN_VERSION, seed, setup, scenario: s.name, inputs }, stepTimes };
}

function runScenarioStepAsInputs(lab: Lab, step: Step, add: (i: LabInput) => void): void {
  const w = lab.w;
  const settle = () => runUntil(w, w.now + (step.settleMs ?? 250) * MS);
  const until = (cond: () => boolean, ms = 60_000) => runUntilCondition(w, cond, w.now + ms * MS);
  switch (step.op) {
    case 'write': {
      const groups = step.cmds ?? [step.cmd!];
      const db = step.db ?? 0;
      if (db !== 0) add({ type: 'command', node: step.node, argv: ['SELECT', String(db)] });
      for (let i = 1; i <= (step.repeat ?? 1); i++)
        for (const g of groups) {
          const argv = g.map((a) =>
            a
              .replaceAll('{i}', String(i))
              .replaceAll('{val}', () => `v${i}-`.padEnd(step.valueSize ?? 0, 'x')),
          );
          add({ type: 'command', node: step.node, argv });
          runUntil(w, w.now + 20);
        }
      if (db !== 0) add({ type: 'command', node: step.node, argv: ['SELECT', '0'] });
      return;
    }
    case 'cmd':
      for (const argv of step.cmds) add({ type: 'command', node: step.node, argv });
      settle();
      return;
    case 'replicaof': {
      const port = step.master === null ? null : w.nodes.get(step.master)?.port;
      add({
        type: 'command',
        node: step.node,
        argv: port ? ['REPLICAOF', '127.0.0.1', String(port)] : ['REPLICAOF', 'NO', 'ONE'],
      });
      settle();
      return;
    }
    case 'config':
      add({ type: 'command', node: step.node, argv: ['CONFIG', 'SET', step.key, step.value] });
      settle();
      return;
    case 'disconnect-link':
      if (step.method === 'client-kill')
        add({ type: 'command', node: step.replica, argv: ['CLIENT', 'KILL', 'TYPE', 'master'] });
      else {
        const m = w.nodes.get(w.nodes.get(step.replica)?.link?.master ?? '');
        add({ type: 'cut', replica: step.replica });
        until(() => !m?.slaves.some((x) => x.peer === step.replica), 10_000);
      }
      settle();
      return;
    case 'reconnect-link':
      add({ type: 'heal', replica: step.replica });
      if (step.wait !== false) until(() => inSync(lab, [step.replica]));
      settle();
      return;
    case 'stop':
      add({ type: 'freeze', node: step.node });
      settle();
      return;
    case 'cont':
      add({ type: 'unfreeze', node: step.node });
      settle();
      return;
    case 'shutdown':
      add({ type: 'shutdown', node: step.node, save: !!step.save });
      until(() => w.nodes.get(step.node)?.state === 'down', 15_000);
      if (step.deleteRdb) add({ type: 'delete-rdb', node: step.node });
      settle();
      return;
    case 'start':
      add({ type: 'start', node: step.node });
      settle();
      return;
    case 'restart':
      add({ type: 'restart', node: step.node, save: !!step.save, downMs: step.downMs ?? 0 });
      settle();
      return;
    case 'wait-sync':
      until(() => inSync(lab, step.nodes), step.timeoutMs ?? 60_000);
      return;
    case 'wait': {
      const n = w.nodes.get(step.node)!;
      until(
        () => Object.entries(step.until).every(([f, c]) => matches(infoField(lab, n, f), c)),
        step.timeoutMs ?? 30_000,
      );
      return;
    }
    case 'wait-log': {
      const n = w.nodes.get(step.node)!;
      const re = new RegExp(step.match);
      const from = n.log.length;
      until(() => n.log.slice(from).some((l) => re.test(l)), step.timeoutMs ?? 30_000);
      return;
    }
    case 'sleep':
      runUntil(w, w.now + step.ms * MS);
      return;
    case 'snapshot':
      return;
  }
}
