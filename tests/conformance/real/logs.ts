// A node's log file as the trace shows it: lines in Redis's own words with the
// `pid:role dd Mon yyyy hh:mm:ss.mmm` prefix stripped to `M * …` (role, level, text); start-up and
// shutdown chatter that says nothing about replication left out; long runs capped head + tail.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const PREFIX = /^\d+:([A-Z]) (\d{1,2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) (.) (.*)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Lines that are not about replication (left out of `log`). */
const BORING = [
  /^. # Redis version=/,
  /^. # Configuration loaded/,
  /^. \* monotonic clock/,
  /^. \* Running mode=/,
  /^. # Server initialized/,
  /Redis is now ready to exit/,
  /Background saving started by pid/,
  /Background saving terminated with success/,
];

/** The lines worth showing first (`highlights`). */
const HIGHLIGHT = [
  /Connection with (master|replica .*) lost/,
  /Disconnecting timedout replica/,
  /Setting secondary replication ID/,
  /Caching the disconnected master state/,
  /Discarding previously cached master state/,
  /Full resync (requested|from master)/,
  /MASTER MODE enabled/,
  /Partial resynchronization (not accepted|not possible|request from)/,
  /Replication backlog (created|freed)/,
  /Starting BGSAVE for SYNC/,
  /Unable to partial resync/,
  /Waiting for end of BGSAVE/,
  /MASTER aborted replication/,
  /Master replication ID changed/,
  /Unable to AUTH to MASTER/,
  /Unexpected reply to PSYNC/,
  /\(Non critical\)/,
  /Before turning into a replica/,
  /MASTER <-> REPLICA sync: (Finished with success|Master accepted|receiving)/,
  /Retrying with SYNC/,
  /Successful partial resynchronization/,
  /Trying a partial resynchronization/,
  /MASTER timeout/,
  /Timeout (connecting to the MASTER|receiving bulk data)/,
  /Master is currently unable to PSYNC/,
  /Error reply to PING from master/,
  /Waiting for replicas before shutting down/,
  /lines omitted/,
];

/** `12:M 26 Nov 2024 14:57:00.123 * text` → `M * text`; null for lines left out. */
export function stripLine(raw: string): string | null {
  const m = PREFIX.exec(raw);
  const line = m ? `${m[1]} ${m[9]} ${m[10]}` : raw;
  if (!line.trim()) return null;
  return BORING.some((re) => re.test(line)) ? null : line;
}

/** The wall-clock time (epoch ms) a log line was written, from its prefix (local time). */
export function lineTime(raw: string): number {
  const m = PREFIX.exec(raw);
  if (!m) return Number.NaN;
  const [, , d, mon, y, hh, mm, ss, ms] = m;
  return new Date(+y, MONTHS.indexOf(mon), +d, +hh, +mm, +ss, +ms).getTime();
}

export function isHighlight(line: string): boolean {
  return HIGHLIGHT.some((re) => re.test(line));
}

/** The first `head` and last `tail` lines with a marker for what is in between. */
export function capLines(lines: string[], head: number, tail: number): string[] {
  if (lines.length <= head + tail + 1) return lines;
  return [
    ...lines.slice(0, head),
    `... (${lines.length - head - tail} more lines omitted) ...`,
    ...lines.slice(lines.length - tail),
  ];
}

export function logView(lines: string[]): { log: string[]; highlights: string[] } {
  return { log: capLines(lines, 40, 40), highlights: capLines(lines.filter(isHighlight), 20, 20) };
}

/** Follows one log file (appended to across restarts); every line gets a run-wide index. */
export class LogTail {
  readonly lines: string[] = [];
  /** When each line was written (epoch ms). */
  readonly times: number[] = [];
  private offset = 0;
  private partial = '';

  constructor(readonly file: string) {}

  /** Reads what was appended since the last poll; returns the number of lines so far. */
  poll(): number {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return this.lines.length;
    }
    if (size <= this.offset) return this.lines.length;
    const fd = openSync(this.file, 'r');
    try {
      const buf = Buffer.alloc(size - this.offset);
      const n = readSync(fd, buf, 0, buf.length, this.offset);
      this.offset += n;
      const text = this.partial + buf.toString('utf8', 0, n);
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      for (const p of parts) {
        const l = stripLine(p);
        if (l === null) continue;
        this.lines.push(l);
        this.times.push(lineTime(p));
      }
    } finally {
      closeSync(fd);
    }
    return this.lines.length;
  }

  since(index: number): string[] {
    this.poll();
    return this.lines.slice(index);
  }

  /** Time of the last line matching `re` (NaN if none). */
  lastTime(re: RegExp): number {
    this.poll();
    for (let i = this.lines.length - 1; i >= 0; i--) if (re.test(this.lines[i])) return this.times[i];
    return Number.NaN;
  }
}
