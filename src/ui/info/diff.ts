// A replica's keys against its master's: what is missing, extra or different. Views hold at most
// 50 keys per node, so "missing"/"extra" are claimed only when the other side's list is complete.
export interface KeyRow {
  key: string;
  type: string;
  value: string;
  status: 'same' | 'differs' | 'missing' | 'extra';
  masterValue?: string;
}

interface Keys {
  keys: { key: string; type: string; value: unknown }[];
  truncated: boolean;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function diffKeys(mine: Keys, master: Keys | null): KeyRow[] {
  const rows: KeyRow[] = [];
  const m = new Map(master?.keys.map((k) => [k.key, k]) ?? []);
  const seen = new Set<string>();
  for (const k of mine.keys) {
    seen.add(k.key);
    const value = show(k.value);
    if (!master) {
      rows.push({ key: k.key, type: k.type, value, status: 'same' });
      continue;
    }
    const other = m.get(k.key);
    if (!other) rows.push({ key: k.key, type: k.type, value, status: master.truncated ? 'same' : 'extra' });
    else {
      const mv = show(other.value);
      rows.push({
        key: k.key,
        type: k.type,
        value,
        status: mv === value ? 'same' : 'differs',
        masterValue: mv,
      });
    }
  }
  if (master && !mine.truncated)
    for (const k of master.keys)
      if (!seen.has(k.key))
        rows.push({ key: k.key, type: k.type, value: '', status: 'missing', masterValue: show(k.value) });
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
