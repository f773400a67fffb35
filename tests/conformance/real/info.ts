// INFO text → objects the trace stores: integers as numbers (other text, e.g. "-0.00", stays
// text), `slaveN` lines parsed into { ip, port, state, offset, lag }.
import type { NodeSnapshot, ReplicationInfo, SlaveLine } from '../../../src/engine/scenario/types.ts';

export type InfoSection = Record<string, string | number | SlaveLine>;

const INTEGER = /^-?\d+$/;

function parseSlave(v: string): SlaveLine {
  const kv: Record<string, string> = {};
  for (const part of v.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) kv[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return {
    ip: kv.ip,
    port: Number(kv.port),
    state: kv.state,
    offset: Number(kv.offset),
    lag: Number(kv.lag),
  };
}

/** All sections of an INFO reply, keyed by lower-case section name. */
export function parseInfo(text: string): Record<string, InfoSection> {
  const out: Record<string, InfoSection> = {};
  let cur: InfoSection | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('# ')) {
      cur = {};
      out[line.slice(2).trim().toLowerCase()] = cur;
      continue;
    }
    if (!line || !cur) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (/^slave\d+$/.test(key)) cur[key] = parseSlave(value);
    else cur[key] = INTEGER.test(value) ? Number(value) : value;
  }
  return out;
}

/** The one section of an `INFO <section>` reply. */
export function parseInfoSection(text: string): InfoSection {
  const all = parseInfo(text);
  return Object.values(all)[0] ?? {};
}

export function slaveLines(r: ReplicationInfo | InfoSection): SlaveLine[] {
  const out: SlaveLine[] = [];
  for (let i = 0; r[`slave${i}`]; i++) out.push(r[`slave${i}`] as SlaveLine);
  return out;
}

/** A slaveN line as INFO prints it (for text conditions on it). */
export function slaveText(s: SlaveLine): string {
  return `ip=${s.ip},port=${s.port},state=${s.state},offset=${s.offset},lag=${s.lag}`;
}

export const STAT_FIELDS = [
  'sync_full',
  'sync_partial_ok',
  'sync_partial_err',
  'total_net_repl_input_bytes',
  'total_net_repl_output_bytes',
  'expired_keys',
] as const;

export function pickStats(stats: InfoSection): NonNullable<NodeSnapshot['stats']> {
  const out: Record<string, number> = {};
  for (const f of STAT_FIELDS) out[f] = Number(stats[f] ?? 0);
  return out as unknown as NonNullable<NodeSnapshot['stats']>;
}
