// Every reason the engine gives for a new replid has words in both languages (the genealogy table
// showed the engine's English in the zh page before).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../engine/index.ts';
import { historyGroups } from './Genealogy.tsx';
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

describe('who shares which history', () => {
  const view = (replid: string, replid2 = '0'.repeat(40), secondReplOffset = -1) =>
    ({ replid, replid2, secondReplOffset }) as NodeView;

  it("lists a promoted node under its old master's history too, up to second_repl_offset", () => {
    // Chapter 1's end: B promoted after its full sync from A keeps A's replid as replid2 ≤ 1.
    const groups = historyGroups({ A: view('aaa'), B: view('bbb', 'aaa', 1) }, ['A', 'B']);
    expect(groups).toEqual([
      { id: 'aaa', nodes: ['A'], kept: [{ node: 'B', upTo: 1 }] },
      { id: 'bbb', nodes: ['B'], kept: [] },
    ]);
  });

  it('groups replicas with their master; a history only kept as replid2 still shows', () => {
    const groups = historyGroups({ A: view('aaa'), B: view('aaa'), C: view('ccc', 'old', 40) }, [
      'A',
      'B',
      'C',
    ]);
    expect(groups.map((g) => [g.id, g.nodes, g.kept.map((k) => k.node)])).toEqual([
      ['aaa', ['A', 'B'], []],
      ['ccc', ['C'], []],
      ['old', [], ['C']],
    ]);
  });
});
