// Every reason the engine gives for a new replid has words in both languages (the genealogy table
// showed the engine's English in the zh page before).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIFT_WHY } from './text.ts';

function engineWhys(): string[] {
  const dir = join(__dirname, '../../engine/replication');
  const found = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/changeReplicationId\(w, node, '([^']+)'\)|why: '([^']+)'/g))
      found.add(m[1] ?? m[2]);
  }
  return [...found].sort();
}

describe('replid shift reasons', () => {
  it('finds the engine reasons and translates each one', () => {
    const whys = engineWhys();
    expect(whys.length).toBeGreaterThanOrEqual(5);
    expect(whys.filter((w) => !SHIFT_WHY[w]?.zh || !SHIFT_WHY[w]?.en)).toEqual([]);
  });
});
