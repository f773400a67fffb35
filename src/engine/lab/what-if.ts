// "What if…" (issue 11): a run record forked with exactly one change, for the ghost run played
// beside the live one. Pure: a record in, a new record out; the seed and every input the change
// does not touch stay as they were, so the two runs differ by that one thing only.
//
// How each change is applied (the record keeps all its inputs, the recorded future included, so
// both timelines play the same story from the fork on):
//   era          setup.era; the inputs replay from t = 0 under the other protocol era;
//   config       repl-backlog-size / repl-backlog-ttl in the setup config of every node (the
//                "config file": it holds from t = 0 and across restarts, as a CONFIG SET would not);
//   outage       the cut of `replica` in effect at the fork moment (else the next one) is healed
//                `seconds` after it was made: its heal input moves (or is added);
//   write-rate   a `traffic` input at the fork moment, and every later positive rate of that node
//                becomes the new one (a recorded stop stays a stop).
// `from` is where the two runs start to differ, the start of the diff's span: t = 0 for an era
// or a config (the setup differs), the cut for an outage, the fork moment for a write rate.
// Example: cut B at 2 s, heal at 5 s, fork at 3 s with {outage B 30 s} → the heal moves to 32 s
// and `from` = 2 s. (A lesson compares eras after a case happened: from 0, the diff still shows it.)
import { configValueError } from '../core/config.ts';
import { type Era, isEra } from '../replication/era.ts';
import { SEC } from '../server/emit.ts';
import { type LabInput, LabInputError } from './lab.ts';
import type { RunRecord, TimedInput } from './timeline.ts';

export const WHAT_IF_CONFIG = ['repl-backlog-size', 'repl-backlog-ttl'] as const;
export type WhatIfConfig = (typeof WHAT_IF_CONFIG)[number];

export type WhatIfChange =
  | { kind: 'era'; era: Era }
  | { kind: 'config'; name: WhatIfConfig; value: string }
  | { kind: 'outage'; replica: string; seconds: number }
  | { kind: 'write-rate'; node: string; perSecond: number };

/** Longest outage a what-if may ask for (s), and the highest write rate (the lab's own bound). */
export const MAX_OUTAGE_S = 3600;
export const MAX_WRITE_RATE = 2000;

export interface WhatIf {
  record: RunRecord;
  /** Virtual µs where the runs start to differ (the diff's span starts here). */
  from: number;
}

/** `r` forked at virtual time `at` (µs) with `change`. Throws LabInputError on a change that cannot apply. */
export function forkRecord(r: RunRecord, at: number, change: WhatIfChange): WhatIf {
  if (!Number.isInteger(at) || at < 0) throw new LabInputError(`ERR fork time ${at} is not a virtual time`);
  const inputs = r.inputs.map((i) => ({ ...i }));
  const base = { ...r, setup: { ...r.setup }, inputs };
  switch (change.kind) {
    case 'era':
      if (!isEra(change.era)) throw new LabInputError(`ERR unknown era '${String(change.era)}'`);
      base.setup.era = change.era;
      return { record: base, from: 0 };
    case 'config':
      return { record: withConfig(base, change.name, change.value), from: 0 };
    case 'outage':
      return outage(base, at, change.replica, change.seconds);
    case 'write-rate':
      return { record: writeRate(base, at, change.node, change.perSecond), from: at };
  }
}

function withConfig(r: RunRecord, name: string, value: string): RunRecord {
  if (!(WHAT_IF_CONFIG as readonly string[]).includes(name))
    throw new LabInputError(`ERR a what-if changes ${WHAT_IF_CONFIG.join(' or ')}, not '${name}'`);
  const err = configValueError(name, value);
  if (err) throw new LabInputError(`ERR CONFIG ${name} ${value}: ${err}`);
  // A node's own config would win over the setup's: the value goes into each node's too.
  r.setup.config = { ...(r.setup.config ?? {}), [name]: value };
  r.setup.nodes = r.setup.nodes.map((n) =>
    n.config?.[name] ? { ...n, config: { ...n.config, [name]: value } } : n,
  );
  return r;
}

function outage(r: RunRecord, at: number, replica: string, seconds: number): WhatIf {
  if (!(seconds > 0 && seconds <= MAX_OUTAGE_S))
    throw new LabInputError(
      `ERR an outage lasts more than 0 and at most ${MAX_OUTAGE_S} seconds, not ${seconds}`,
    );
  const ins = r.inputs;
  const isCut = (i: TimedInput) => i.input.type === 'cut' && i.input.replica === replica;
  const before = ins.findLastIndex((i) => isCut(i) && i.at <= at);
  const cut = before >= 0 ? before : ins.findIndex((i) => isCut(i) && i.at > at);
  if (cut < 0) throw new LabInputError(`ERR no cut of ${replica}'s link in this run: cut it first`);
  const heal = ins.findIndex((i, k) => k > cut && i.input.type === 'heal' && i.input.replica === replica);
  const healAt = ins[cut].at + Math.round(seconds * SEC);
  const healInput: TimedInput = { at: healAt, input: { type: 'heal', replica } };
  if (heal >= 0) ins.splice(heal, 1);
  insertAt(ins, healInput);
  return { record: r, from: Math.min(at, ins[cut].at) };
}

function writeRate(r: RunRecord, at: number, node: string, perSecond: number): RunRecord {
  if (!r.setup.nodes.some((n) => n.name === node)) throw new LabInputError(`ERR no such node '${node}'`);
  if (!Number.isInteger(perSecond) || perSecond < 0 || perSecond > MAX_WRITE_RATE)
    throw new LabInputError(`ERR a write rate is a whole number of writes/s from 0 to ${MAX_WRITE_RATE}`);
  const traffic = (i: TimedInput) => i.input.type === 'traffic' && i.input.node === node;
  r.inputs = r.inputs.map((i) =>
    i.at > at && traffic(i) && (i.input as { perSecond: number }).perSecond > 0
      ? { at: i.at, input: { type: 'traffic', node, perSecond } }
      : i,
  );
  insertAt(r.inputs, { at, input: { type: 'traffic', node, perSecond } satisfies LabInput });
  return r;
}

/** Insert after every input at or before its time (a recorded input applies after those). */
function insertAt(ins: TimedInput[], x: TimedInput): void {
  const k = ins.findIndex((i) => i.at > x.at);
  ins.splice(k < 0 ? ins.length : k, 0, x);
}
