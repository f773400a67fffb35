// The end-of-run summary: a table (case, outcomes, compared fields, divergences per check) and the
// totals line. Random sequences that passed are folded into one row.
import { formatDiffTable } from './compare.ts';
import type { CaseResult, Check } from './suite.ts';

const SHORT: Record<string, string> = {
  'real run': 'run',
  'real vs reference': 'real~ref',
  'engine vs real': 'eng~real',
  'engine vs reference': 'eng~ref',
  'real vs real': 'real~real',
  engine: 'engine',
};

function cell(c: Check): string {
  const tag = SHORT[c.name] ?? c.name;
  if (c.diffs) return `${tag} ${c.diffs.length}`;
  return `${tag} ${c.ok ? 'ok' : 'FAIL'}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function passedFailed(cases: CaseResult[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const c of cases) for (const k of c.checks) k.ok ? passed++ : failed++;
  return { passed, failed };
}

export function summaryTable(cases: CaseResult[]): string {
  const head = ['case', 'outcomes (real)', 'fields', 'divergences / checks', 'secs'];
  const rows: string[][] = [head, head.map((h) => '-'.repeat(h.length))];
  const compared = (c: CaseResult) => String(Math.max(0, ...c.checks.map((k) => k.compared ?? 0)));
  const row = (c: CaseResult) => [
    c.name,
    clip(c.outcomes || '(none)', 60),
    compared(c),
    c.checks.map(cell).join(', '),
    (c.ms / 1000).toFixed(1),
  ];
  for (const c of cases.filter((x) => x.kind === 'scenario')) rows.push(row(c));
  const random = cases.filter((x) => x.kind === 'random');
  const bad = random.filter((c) => c.checks.some((k) => !k.ok));
  for (const c of bad) rows.push(row(c));
  const good = random.length - bad.length;
  if (good) {
    const fields = random.reduce((a, c) => a + Math.max(0, ...c.checks.map((k) => k.compared ?? 0)), 0);
    const secs = random.reduce((a, c) => a + c.ms, 0) / 1000;
    rows.push([`random ×${good} passing`, '', String(fields), '0 divergences', secs.toFixed(0)]);
  }
  return table(rows);
}

/** Details of every failed check: the divergence table or the note. */
export function failureDetails(cases: CaseResult[]): string {
  const out: string[] = [];
  for (const c of cases)
    for (const k of c.checks) {
      if (k.ok) continue;
      out.push(
        `✗ ${c.name}${c.seed !== undefined ? ` (seed ${c.seed})` : ''}: ${k.name}${k.note ? ` — ${k.note}` : ''}`,
      );
      if (k.diffs?.length) out.push(formatDiffTable(k.diffs, ...labels(k.name), 8).replace(/^/gm, '    '));
      if (c.failingFile && k.name === 'engine vs real') out.push(`    shrunk sequence: ${c.failingFile}`);
    }
  return out.join('\n');
}

function labels(check: string): [string, string] {
  const [a, b] = check.split(' vs ');
  return b ? [b, a] : ['reference', 'candidate'];
}

/**
 * The cases re-run alone after a failed first run: which passed only alone (the first run's
 * failure was the busy machine's), which failed again (a real difference: counted as failed).
 */
export function rerunReport(cases: CaseResult[]): string {
  const out: string[] = [];
  for (const c of cases) {
    if (c.firstRun === undefined) continue;
    const passed = c.checks.every((k) => k.ok);
    const notes = c.checks.filter((k) => k.ok && k.note).map((k) => `; ${k.name}: ${k.note}`);
    out.push(
      `${passed ? '↻ passed only on its alone re-run' : '✗ failed again alone'}: ${c.name}${c.seed !== undefined ? ` (seed ${c.seed})` : ''} — first run: ${c.firstRun}${notes.join('')}`,
    );
  }
  return out.join('\n');
}
