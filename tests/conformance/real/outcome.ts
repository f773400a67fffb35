// `outcome.events` of a real trace, derived after each step's snapshot:
// - per node whose INFO stats moved (since the previous snapshot of the same process; a restart
//   starts from zero): { step, op, master, full, partialOk, partialErr } with the deltas;
// - per replica log line of that step: `Full resync from master: <id>:<off>` → FULLRESYNC@off,
//   `Successful partial resynchronization` → CONTINUE, a failed attempt → ERROR (with the line;
//   ERRORs are not compared, and like the log they are capped to the first and last few).
// Nodes in declaration order, each node's master event before its replica events.
import type { NodeSnapshot, OutcomeEvent, Trace } from '../../../src/engine/scenario/types.ts';

const FULL = /Full resync from master: [0-9a-f]{40}:(\d+)/;
const CONTINUE = /Successful partial resynchronization with master/;
const ERROR = /MASTER aborted replication with an error|Unable to AUTH to MASTER/;
const MAX_ERRORS = 3;

type Stats = NonNullable<NodeSnapshot['stats']>;

export class OutcomeTracker {
  readonly events: OutcomeEvent[] = [];
  private readonly prev = new Map<string, { incarnation: number; stats: Stats }>();
  private readonly last = new Map<string, Stats>();

  constructor(private readonly order: string[]) {}

  /** `lines`: every new log line of each node this step (uncapped). */
  record(
    step: number,
    op: string,
    snapshot: Record<string, NodeSnapshot>,
    lines: Record<string, string[]>,
    incarnation: Record<string, number>,
  ): void {
    for (const name of this.order) {
      const stats = snapshot[name]?.stats;
      if (stats) {
        const p = this.prev.get(name);
        const base = p && p.incarnation === incarnation[name] ? p.stats : undefined;
        const full = stats.sync_full - (base?.sync_full ?? 0);
        const partialOk = stats.sync_partial_ok - (base?.sync_partial_ok ?? 0);
        const partialErr = stats.sync_partial_err - (base?.sync_partial_err ?? 0);
        if (full || partialOk || partialErr)
          this.events.push({ step, op, master: name, full, partialOk, partialErr });
        this.prev.set(name, { incarnation: incarnation[name], stats });
        this.last.set(name, stats);
      }
      const errors: OutcomeEvent[] = [];
      for (const line of lines[name] ?? []) {
        const f = FULL.exec(line);
        if (f) this.events.push({ step, op, replica: name, result: 'FULLRESYNC', offset: Number(f[1]) });
        else if (CONTINUE.test(line)) this.events.push({ step, op, replica: name, result: 'CONTINUE' });
        else if (ERROR.test(line)) {
          const e: OutcomeEvent = { step, op, replica: name, result: 'ERROR', line };
          if (errors.length < MAX_ERRORS) this.events.push(e);
          errors.push(e);
        }
      }
      // the last few errors too (the log shows head and tail)
      for (const e of errors.slice(Math.max(MAX_ERRORS, errors.length - MAX_ERRORS))) this.events.push(e);
    }
  }

  outcome(): Trace['outcome'] & { finalCounters: Record<string, string> } {
    const finalCounters: Record<string, string> = {};
    for (const name of this.order) {
      const s = this.last.get(name);
      if (s) finalCounters[name] = `full=${s.sync_full} pok=${s.sync_partial_ok} perr=${s.sync_partial_err}`;
    }
    const line = this.events
      .filter((e) => e.replica)
      .map((e) => `s${e.step}:${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`)
      .filter((x, i, a) => i === 0 || a[i - 1] !== x)
      .join(' ');
    return { events: this.events, finalCounters, line };
  }
}
