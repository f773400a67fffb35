import { describe, expect, it } from 'vitest';
import { drainEvents } from '../server/simulation.ts';
import { DEFAULT_SETUP, LabInputError } from './lab.ts';
import { emptyResyncLog, foldResync, resyncDiff, resyncSummary } from './resync.ts';
import { advance, createTimeline, input, type RunRecord, timelineOf } from './timeline.ts';
import { forkRecord } from './what-if.ts';

const S = 1_000_000;

/** A run: traffic on A from 3 s, B's link cut at 4 s and healed at 6 s, recorded through a timeline. */
function recorded(): RunRecord {
  const tl = createTimeline(1, DEFAULT_SETUP);
  const at = (t: number, i: Parameters<typeof input>[1]) => {
    advance(tl, t);
    input(tl, i);
  };
  at(3 * S, { type: 'traffic', node: 'A', perSecond: 100 });
  at(4 * S, { type: 'cut', replica: 'B' });
  at(6 * S, { type: 'heal', replica: 'B' });
  return structuredClone(tl.record);
}

/** Play a record to `until` and fold what each replica went through. */
function play(r: RunRecord, until: number) {
  const tl = timelineOf(r);
  const log = emptyResyncLog();
  for (let t = 0; t < until; t += S / 4) {
    advance(tl, t);
    foldResync(log, drainEvents(tl.lab.w));
  }
  return log;
}

describe('forkRecord: one change, everything else as recorded', () => {
  it('outage: the heal moves to cut + seconds; `from` is the cut; the record given is untouched', () => {
    const r = recorded();
    const copy = structuredClone(r);
    const { record, from } = forkRecord(r, 5 * S, { kind: 'outage', replica: 'B', seconds: 30 });
    expect(r).toEqual(copy);
    expect(from).toBe(4 * S);
    const heals = record.inputs.filter((i) => i.input.type === 'heal');
    expect(heals).toEqual([{ at: 34 * S, input: { type: 'heal', replica: 'B' } }]);
    expect(record.inputs.length).toBe(r.inputs.length);
    expect(record.seed).toBe(r.seed);
    expect(record.inputs.map((i) => i.at)).toEqual([...record.inputs.map((i) => i.at)].sort((a, b) => a - b));
  });

  it('outage: a cut never healed gets its heal; no cut is a Redis-style error', () => {
    const r = recorded();
    r.inputs = r.inputs.filter((i) => i.input.type !== 'heal');
    const { record } = forkRecord(r, 5 * S, { kind: 'outage', replica: 'B', seconds: 1.5 });
    expect(record.inputs.at(-1)).toEqual({ at: 5.5 * S, input: { type: 'heal', replica: 'B' } });
    expect(() => forkRecord(r, 5 * S, { kind: 'outage', replica: 'C', seconds: 3 })).toThrow(
      /ERR no cut of C's link/,
    );
    expect(() => forkRecord(r, 5 * S, { kind: 'outage', replica: 'B', seconds: 0 })).toThrow(LabInputError);
  });

  it('config: the setup carries the value for every node (a node of its own too); a bad value is refused', () => {
    const r = recorded();
    r.setup = {
      ...r.setup,
      nodes: r.setup.nodes.map((n, i) => (i === 1 ? { ...n, config: { 'repl-backlog-size': '1mb' } } : n)),
    };
    const { record, from } = forkRecord(r, 5 * S, {
      kind: 'config',
      name: 'repl-backlog-size',
      value: '2097152',
    });
    expect(from).toBe(0); // the setup differs from t = 0
    expect(record.setup.config?.['repl-backlog-size']).toBe('2097152');
    expect(record.setup.nodes[1].config?.['repl-backlog-size']).toBe('2097152');
    expect(record.inputs).toEqual(r.inputs);
    expect(() => forkRecord(r, 0, { kind: 'config', name: 'repl-backlog-ttl', value: 'x' })).toThrow(
      /ERR CONFIG repl-backlog-ttl x/,
    );
  });

  it('era: the setup carries the era, the inputs replay as they are', () => {
    const r = recorded();
    const { record, from } = forkRecord(r, 5 * S, { kind: 'era', era: 'psync1' });
    expect(record.setup.era).toBe('psync1');
    expect(from).toBe(0);
    expect(record.inputs).toEqual(r.inputs);
    expect(r.setup.era).toBeUndefined();
    // biome-ignore lint/suspicious/noExplicitAny: a bad era from outside
    expect(() => forkRecord(r, 0, { kind: 'era', era: 'psync3' as any })).toThrow(/ERR unknown era/);
  });

  it('write rate: a traffic input at the fork moment; later positive rates follow, a stop stays', () => {
    const r = recorded();
    r.inputs.push({ at: 8 * S, input: { type: 'traffic', node: 'A', perSecond: 50 } });
    r.inputs.push({ at: 9 * S, input: { type: 'traffic', node: 'A', perSecond: 0 } });
    const { record } = forkRecord(r, 5 * S, { kind: 'write-rate', node: 'A', perSecond: 400 });
    const traffic = record.inputs.filter((i) => i.input.type === 'traffic');
    expect(traffic.map((i) => [i.at / S, (i.input as { perSecond: number }).perSecond])).toEqual([
      [3, 100],
      [5, 400],
      [8, 400],
      [9, 0],
    ]);
    expect(() => forkRecord(r, 0, { kind: 'write-rate', node: 'Z', perSecond: 1 })).toThrow(
      /no such node 'Z'/,
    );
    expect(() => forkRecord(r, 0, { kind: 'write-rate', node: 'A', perSecond: 2.5 })).toThrow(LabInputError);
  });
});

describe('the fork played: one change flips the outcome', () => {
  it('a 2 s outage resyncs B with +CONTINUE; the same run with a 20 s outage needs +FULLRESYNC', () => {
    const r = recorded();
    const { record, from } = forkRecord(r, 5 * S, { kind: 'outage', replica: 'B', seconds: 20 });
    const a = resyncSummary(play(r, 40 * S), from, 40 * S);
    const b = resyncSummary(play(record, 40 * S), from, 40 * S);
    const rowB = (x: typeof a) => x.find((y) => y.replica === 'B')!;
    expect(rowB(a).outcome).toBe('CONTINUE');
    expect(rowB(b).outcome).toBe('FULLRESYNC');
    // The backlog's few KB against a whole RDB; both back online, the long outage later.
    expect(rowB(b).bytes).toBeGreaterThan(rowB(a).bytes);
    expect(rowB(a).downAt).toBeGreaterThanOrEqual(4 * S);
    expect(rowB(a).backAfter).toBeGreaterThan(2 * S - 1);
    expect(rowB(b).backAfter).toBeGreaterThan(20 * S - 1);
    const diff = resyncDiff(a, b);
    expect(diff[0]).toMatchObject({ replica: 'B', outcomeDiffers: true });
    // C was never cut: the same in both, after B.
    expect(diff.find((d) => d.replica === 'C')?.outcomeDiffers ?? false).toBe(false);
  });

  it('a bigger backlog turns the 20 s outage back into +CONTINUE', () => {
    const long = forkRecord(recorded(), 5 * S, { kind: 'outage', replica: 'B', seconds: 20 }).record;
    const big = forkRecord(long, 5 * S, { kind: 'config', name: 'repl-backlog-size', value: '1048576' });
    const b = resyncSummary(play(big.record, 40 * S), big.from, 40 * S).find((x) => x.replica === 'B');
    expect(b?.outcome).toBe('CONTINUE');
  });
});
