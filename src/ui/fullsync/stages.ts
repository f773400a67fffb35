// The stages of a replica's latest full sync, read from the history: the master's BGSAVE (fork),
// +FULLRESYNC, the temp file, the RDB header ($EOF:<mark> diskless, $<len> from disk), the bytes,
// flushing old data, rename temp → dump.rdb, load, the master client, the buffered writes streamed.
// Pure: history in, stages out.
import type { History } from '../../store/history.ts';
import { loadedKeys } from '../../worker/milestone.ts';

export type StageKey =
  | 'bgsave'
  | 'fullresync'
  | 'tempfile'
  | 'header'
  | 'transfer'
  | 'dropreplicas'
  | 'flush'
  | 'rename'
  | 'load'
  | 'masterclient'
  | 'stream';

export interface Stage {
  key: StageKey;
  at: number | null;
  /** Shown as it is, except `load`'s: the number of keys loaded (the panel says it in words). */
  detail: string;
}

export interface FullSync {
  replica: string;
  master: string;
  start: number;
  stages: Stage[];
  /** Index of the stage in progress, or -1 when finished (or abandoned). */
  current: number;
  /** When the load began (the card's key count climbs from 0 from then), or null. */
  loadStart: number | null;
  /** The RDB on the wire: bytes and timing (progress = share of its transfer time elapsed). */
  rdb: { sentAt: number; deliverAt: number; bytes: number } | null;
}

const ORDER: StageKey[] = [
  'bgsave',
  'fullresync',
  'tempfile',
  'header',
  'transfer',
  'dropreplicas',
  'flush',
  'rename',
  'load',
  'masterclient',
  'stream',
];

/** Replicas that had a full sync, newest first. */
export function fullSyncReplicas(h: History): string[] {
  const out: string[] = [];
  for (let i = h.results.length - 1; i >= 0; i--) {
    const r = h.results[i];
    if (r.result === 'FULLRESYNC' && !out.includes(r.replica)) out.push(r.replica);
  }
  return out;
}

export function latestFullSync(h: History, replica: string, now: number): FullSync | null {
  let res: History['results'][number] | undefined;
  for (let i = h.results.length - 1; i >= 0 && !res; i--)
    if (h.results[i].replica === replica && h.results[i].result === 'FULLRESYNC') res = h.results[i];
  if (!res) return null;
  const { master, at: t0 } = res;
  const at: Partial<Record<StageKey, { at: number; detail: string }>> = {};
  const set = (k: StageKey, t: number, detail = '') => {
    if (!at[k]) at[k] = { at: t, detail };
  };
  for (let i = h.phases.length - 1; i >= 0; i--) {
    const p = h.phases[i];
    if (p.node === master && p.phase === 'bgsave-start' && p.at <= t0) {
      set('bgsave', p.at, p.detail === 'socket' ? 'diskless (socket)' : 'disk');
      break;
    }
  }
  // The master sends +FULLRESYNC and (diskless) the RDB as its BGSAVE starts, one latency before the
  // replica reads the reply: look for the RDB from the BGSAVE on.
  const rdbFrom = at.bgsave?.at ?? t0 - h.maxFlight;
  set('fullresync', t0, `offset ${res.offset ?? '?'}`);
  let loadStart: number | null = null;
  let streamFrom: number | null = null;
  for (const p of h.phases) {
    if (p.at < t0) continue;
    if (p.node === replica) {
      if (p.phase === 'temp-file') set('tempfile', p.at, p.detail ?? '');
      else if (p.phase === 'drop-replicas') set('dropreplicas', p.at, p.detail ?? '');
      else if (p.phase === 'flush') {
        set('dropreplicas', p.at, '—'); // no replicas of its own: nothing to drop
        set('flush', p.at);
      } else if (p.phase === 'load') loadStart ??= p.at;
      else if (p.phase === 'rename') set('rename', p.at, p.detail ?? '');
      else if (p.phase === 'loaded') set('load', p.at, String(loadedKeys(p.detail)));
      else if (p.phase === 'master-client') set('masterclient', p.at, p.detail ?? '');
    } else if (p.node === master && p.peer === replica) {
      if (p.phase === 'streaming' || p.phase === 'transfer-done') streamFrom ??= p.at;
    }
  }
  // The stream flows once the master sends it and the replica, done loading, reads it: a disk
  // sync's master streams at transfer-done, while the replica is still flushing and loading.
  const mc = at.masterclient?.at;
  if (streamFrom !== null && mc !== undefined) set('stream', Math.max(streamFrom, mc));
  let rdb: FullSync['rdb'] = null;
  for (const m of h.messages) {
    if (m.sentAt < rdbFrom || m.kind !== 'RDB' || m.from !== master || m.to !== replica) continue;
    const header = m.resp.slice(0, m.resp.indexOf('\r\n'));
    set('header', m.sentAt, header.startsWith('$EOF:') ? `$EOF:<${header.length - 5} bytes>` : header);
    rdb = { sentAt: m.sentAt, deliverAt: m.deliverAt, bytes: m.bytes };
    if (m.deliverAt <= now) set('transfer', m.deliverAt, `${m.bytes} B`);
    break;
  }
  const stages = ORDER.map((key) => ({ key, at: at[key]?.at ?? null, detail: at[key]?.detail ?? '' }));
  let lastDone = -1;
  stages.forEach((s, i) => {
    if (s.at !== null) lastDone = i;
  });
  const current = lastDone === stages.length - 1 ? -1 : lastDone + 1;
  return { replica, master, start: t0, stages, current, rdb, loadStart: at.load ? null : loadStart };
}
