// The comparison rules of the spec (scenarios.md, "Comparison rules"), as a module: the same
// rules and the same divergence count as the reference tool compare-traces.js (the vitest
// test tests/compare.test.ts holds the two together), but structured divergences
// { step, op, node, field, ref, cand } and a readable formatter.
//
// - Replication ids are renamed R1, R2, … per trace in order of first appearance (all-zero = "0").
// - Ports are mapped back to node names (a proxy port stands for the master behind it).
// - After a wait-sync step and after the last step every node is compared on every field below;
//   after any other step only nodes whose role is master, without slaveN and master_sync_in_progress.
// - The sequence of per-replica outcomes (CONTINUE, FULLRESYNC@offset; not ERROR) must be identical.
import type { NodeSnapshot, Trace } from '../../src/engine/scenario/types.ts';

export const REPL_FIELDS = [
  'role',
  'master_port',
  'master_link_status',
  'master_sync_in_progress',
  'slave_repl_offset',
  'connected_slaves',
  'master_replid',
  'master_replid2',
  'master_repl_offset',
  'second_repl_offset',
  'repl_backlog_active',
  'repl_backlog_size',
  'repl_backlog_first_byte_offset',
  'repl_backlog_histlen',
] as const;
export const STAT_FIELDS = ['sync_full', 'sync_partial_ok', 'sync_partial_err'] as const;
const ZERO_ID = '0000000000000000000000000000000000000000';

export interface Divergence {
  /** Trace step index; null for the outcome sequence. */
  step: number | null;
  /** The reference's op at that step. */
  op: string | null;
  /** Node name; null for step-level or outcome divergences. */
  node: string | null;
  /** INFO/stats field, `replica:<name>`, dbsize, data, state; or `step`, `op`, `outcomes`. */
  field: string;
  ref: string;
  cand: string;
}

export interface Comparison {
  diffs: Divergence[];
  /** Number of field comparisons made. */
  compared: number;
}

type Canon = (id: unknown) => unknown;
type View = Record<string, unknown>;

function canonicalizer(): Canon {
  const map = new Map<string, string>();
  return (id) => {
    if (typeof id !== 'string' || !/^[0-9a-f]{40}$/.test(id)) return id;
    if (id === ZERO_ID) return '0';
    if (!map.has(id)) map.set(id, `R${map.size + 1}`);
    return map.get(id);
  };
}

/** A flat view of one node at one step: the fields that must agree. */
function view(node: NodeSnapshot | undefined, canon: Canon, ports: Record<string, string>): View {
  if (!node) return { state: 'absent' };
  const v: View = { state: node.state === 'running' ? 'running' : 'not-running' };
  if (v.state !== 'running' || !node.replication) return v;
  const r = node.replication as Record<string, unknown>;
  for (const f of REPL_FIELDS) {
    if (!(f in r)) continue;
    let x = r[f];
    if (f === 'master_replid' || f === 'master_replid2') x = canon(x);
    if (f === 'master_port') x = ports[String(x)] || x;
    v[f] = x;
  }
  for (let i = 0; r[`slave${i}`]; i++) {
    const s = r[`slave${i}`] as { port: number; state: string; offset: number };
    v[`replica:${ports[String(s.port)] || s.port}`] = `${s.state}@${s.offset}`;
  }
  const stats = node.stats as Record<string, unknown> | undefined;
  for (const f of STAT_FIELDS) if (stats && f in stats) v[f] = stats[f];
  if ('dbsize' in node) v.dbsize = node.dbsize;
  if (node.data) v.data = JSON.stringify(node.data);
  return v;
}

/**
 * Port → node name. A real run may route a replica through a loopback proxy, so its master_port
 * is the proxy's: each proxy port serves one master for the whole trace, learned from
 * trace.proxies and from any step where that master lists the replica among its slaveN.
 */
export function portsOf(trace: Trace): Record<string, string> {
  const ports: Record<string, string> = {};
  for (const [name, n] of Object.entries(trace.nodes || {})) if (n?.port) ports[n.port] = name;
  for (const st of trace.steps || [])
    for (const [name, n] of Object.entries(st.snapshot || {})) if (n?.port) ports[n.port] = name;
  for (const p of Object.values(trace.proxies || {}))
    if (p?.listenPort && ports[p.targetPort]) ports[p.listenPort] = ports[p.targetPort];
  for (const st of trace.steps || []) {
    const snap = st.snapshot || {};
    for (const n of Object.values(snap)) {
      const r = n?.replication as Record<string, unknown> | undefined;
      if (r?.role !== 'slave' || ports[String(r.master_port)]) continue;
      for (const [mName, m] of Object.entries(snap)) {
        const mr = m?.replication as Record<string, unknown> | undefined;
        if (!mr) continue;
        for (let i = 0; mr[`slave${i}`]; i++) {
          if (Number((mr[`slave${i}`] as { port: number }).port) === Number(n.port))
            ports[String(r.master_port)] = mName;
        }
      }
    }
  }
  return ports;
}

/** The compared outcome sequence: `s<step>:<replica>=CONTINUE|FULLRESYNC@<offset>`. */
export function outcomes(trace: Trace): string[] {
  const ev = trace.outcome?.events || [];
  return ev
    .filter((e) => e.replica && e.result !== 'ERROR')
    .map((e) => `s${e.step}:${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`)
    .filter((x, i, a) => i === 0 || a[i - 1] !== x);
}

export function compareTraces(ref: Trace, cand: Trace): Comparison {
  const diffs: Divergence[] = [];
  const cr = canonicalizer();
  const cc = canonicalizer();
  const pr = portsOf(ref);
  const pc = portsOf(cand);
  const n = Math.max(ref.steps.length, cand.steps.length);
  let compared = 0;
  for (let i = 0; i < n; i++) {
    const a = ref.steps[i];
    const b = cand.steps[i];
    if (!a || !b) {
      diffs.push({
        step: i,
        op: (a ?? b).op,
        node: null,
        field: 'step',
        ref: a ? 'present' : '(missing)',
        cand: b ? 'present' : '(missing)',
      });
      continue;
    }
    if (a.op !== b.op) diffs.push({ step: i, op: a.op, node: null, field: 'op', ref: a.op, cand: b.op });
    // After a wait-sync (and at the end) every node is settled and everything must agree. After any
    // other step real Redis is still propagating, so only a master's own figures are settled then.
    const settled = a.op === 'wait-sync' || i === n - 1;
    const names = new Set([...Object.keys(a.snapshot || {}), ...Object.keys(b.snapshot || {})]);
    for (const name of [...names].sort()) {
      const ra = a.snapshot?.[name];
      if (!settled && ra?.replication && (ra.replication as Record<string, unknown>).role !== 'master')
        continue;
      const va = view(ra, cr, pr);
      const vb = view(b.snapshot?.[name], cc, pc);
      const keys = new Set([...Object.keys(va), ...Object.keys(vb)]);
      for (const k of keys) {
        if (!settled && (k.startsWith('replica:') || k === 'master_sync_in_progress')) continue;
        compared++;
        if (String(va[k]) !== String(vb[k]))
          diffs.push({ step: i, op: a.op, node: name, field: k, ref: show(va[k]), cand: show(vb[k]) });
      }
    }
  }
  const oa = outcomes(ref).join(' ');
  const ob = outcomes(cand).join(' ');
  if (oa !== ob)
    diffs.push({
      step: null,
      op: null,
      node: null,
      field: 'outcomes',
      ref: oa || '(none)',
      cand: ob || '(none)',
    });
  return { diffs, compared };
}

/**
 * compareTraces, then DEBUG DIGEST (the lab's own check, not the reference tool's: a digest covers
 * every db and each key's TTL flag, where `data` is db 0's values). Compared where compareTraces
 * compares `data` — every node at a settled step (after a wait-sync, the last step), a master at
 * any other — when both traces have one (a node that is down or frozen has none).
 */
export function compareWithDigests(ref: Trace, cand: Trace): Comparison {
  const c = compareTraces(ref, cand);
  const last = Math.max(ref.steps.length, cand.steps.length) - 1;
  for (const [i, a] of ref.steps.entries()) {
    const settled = a.op === 'wait-sync' || i === last;
    for (const [name, ra] of Object.entries(a.snapshot ?? {}).sort(([x], [y]) => (x < y ? -1 : 1))) {
      const rb = cand.steps[i]?.snapshot?.[name];
      if (!ra.digest || !rb?.digest) continue;
      if (!settled && (ra.replication as Record<string, unknown> | undefined)?.role !== 'master') continue;
      c.compared++;
      if (ra.digest !== rb.digest)
        c.diffs.push({ step: i, op: a.op, node: name, field: 'digest', ref: ra.digest, cand: rb.digest });
    }
  }
  return c;
}

function show(x: unknown): string {
  return x === undefined ? '(missing)' : String(x);
}

function cut(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** One divergence as one line, worded exactly as compare-traces.js prints it. */
export function formatDivergence(d: Divergence): string {
  if (d.field === 'outcomes') return `outcomes: ${d.ref}  vs  ${d.cand}`;
  if (d.field === 'step') return `step ${d.step}: present in only one trace`;
  if (d.field === 'op' && d.node === null) return `step ${d.step}: op ${d.ref} vs ${d.cand}`;
  return `step ${d.step} (${d.op}) ${d.node}.${d.field}: ${cut(d.ref)} vs ${cut(d.cand)}`;
}

/** A readable report: the first `max` divergences, then `name: N divergences in M compared fields`. */
export function formatComparison(name: string, c: Comparison, max = 40): string {
  const lines = c.diffs.slice(0, max).map(formatDivergence);
  if (c.diffs.length > max) lines.push(`... ${c.diffs.length - max} more`);
  lines.push(`${name}: ${c.diffs.length} divergences in ${c.compared} compared fields`);
  return lines.join('\n');
}

/** Divergences grouped as a table: step | op | node | field | reference | candidate. */
export function formatDiffTable(
  diffs: Divergence[],
  refLabel = 'reference',
  candLabel = 'candidate',
  max = 30,
): string {
  const rows = diffs
    .slice(0, max)
    .map((d) => [
      d.step === null ? '-' : String(d.step),
      d.op ?? '-',
      d.node ?? '-',
      d.field,
      cut(d.ref).slice(0, 60),
      cut(d.cand).slice(0, 60),
    ]);
  const head = ['step', 'op', 'node', 'field', refLabel, candLabel];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)];
  if (diffs.length > max) out.push(`… ${diffs.length - max} more`);
  return out.join('\n');
}
