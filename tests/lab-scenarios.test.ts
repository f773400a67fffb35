// Every scenario in scenarios/, played through the lab's timeline exactly as the page plays it
// (src/worker/session.ts: scenarioToRun → createTimeline → advance), ends with the outcomes and
// the sync counters of its recorded real-Redis trace. The lab plays on its own slow network
// (LAB_NET: 40 ms per message), so times differ from the trace; the story must not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, createTimeline, drainEvents, scenarioToRun, type Trace } from '../src/engine/index.ts';

const DIR = join(import.meta.dirname, '../scenarios');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
  .map((f) => f.slice(0, -5))
  .filter((n) => existsSync(join(DIR, `${n}.trace.json`)));

const COUNTERS = ['sync_full', 'sync_partial_ok', 'sync_partial_err'] as const;

/** Per replica, its PSYNC results in order (ERROR entries are not compared, as in compare.ts). */
function resultsByReplica(events: { replica?: string; result?: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    if (!e.replica || !e.result || e.result === 'ERROR') continue;
    (out[e.replica] ??= []).push(e.result);
  }
  return out;
}

describe('the lab plays every scenario as its recorded trace ends', () => {
  it('has the scenarios', () => expect(names.length).toBeGreaterThanOrEqual(35));
  for (const name of names) {
    it(name, () => {
      const raw = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
      const ref = JSON.parse(readFileSync(join(DIR, `${name}.trace.json`), 'utf8')) as Trace;
      const { record, endAt } = scenarioToRun(raw, 1);
      const tl = createTimeline(record.seed, record.setup, record.inputs, record.scenario);
      const events: { replica?: string; result: string }[] = [];
      for (let t = 0; ; t = Math.min(endAt, t + 1_000_000)) {
        advance(tl, t);
        for (const ev of drainEvents(tl.lab.w)) if (ev.type === 'psync.result') events.push(ev);
        if (t >= endAt) break;
      }
      expect(resultsByReplica(events)).toEqual(resultsByReplica(ref.outcome.events));
      const last = ref.steps[ref.steps.length - 1].snapshot;
      const got: Record<string, Record<string, number | undefined>> = {};
      const want: typeof got = {};
      for (const [n, snap] of Object.entries(last)) {
        const node = tl.lab.w.nodes.get(n)!;
        got[n] = Object.fromEntries(
          COUNTERS.map((c) => [c, node.state === 'down' ? undefined : node.stats[c]]),
        );
        want[n] = Object.fromEntries(
          COUNTERS.map((c) => [c, snap.state === 'down' ? undefined : snap.stats?.[c]]),
        );
      }
      expect(got).toEqual(want);
    });
  }
});
