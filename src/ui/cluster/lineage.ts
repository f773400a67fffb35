// Colours by lineage: every replication id gets a colour the first time it is seen, so "B's
// replid2 is A's old replid" reads as "the same colour". The all-zero id is neutral grey.
import { NO_REPLID } from '../format.ts';

const PALETTE = ['#c2410c', '#0369a1', '#15803d', '#7e22ce', '#be123c', '#a16207', '#0f766e', '#4338ca'];
const seen = new Map<string, number>();

export function lineageColor(replid: string): string {
  if (!replid || replid === NO_REPLID) return '#6b7280';
  let k = seen.get(replid);
  if (k === undefined) {
    k = seen.size;
    seen.set(replid, k);
  }
  return PALETTE[k % PALETTE.length];
}

/** Node identity colours (chart lines, node letters). */
export const NODE_COLORS: Record<string, string> = {
  A: '#c0262d',
  B: '#1d4ed8',
  C: '#047857',
  D: '#a16207',
  E: '#7c3aed',
  F: '#be185d',
  G: '#0e7490',
};

export function nodeColor(name: string): string {
  return NODE_COLORS[name] ?? '#374151';
}
