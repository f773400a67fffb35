import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePsync, decideSync, psyncLogLines } from './psync.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('decidePsync: the worked cases of the spec', () => {
  it('short cut: same replid, P inside the window → CONTINUE with the missing bytes', () => {
    const d = decidePsync(
      { replid: A, offset: 326 },
      {
        replid: A,
        replid2: Z,
        secondReplOffset: -1,
        masterReplOffset: 500,
        backlog: { offset: 1, histlen: 500 },
      },
    );
    expect(d.outcome).toBe('CONTINUE');
    expect(d.backlogBytes).toBe(175);
    expect(psyncLogLines(d, '127.0.0.1:7102')[0]).toBe(
      'Partial resynchronization request from 127.0.0.1:7102 accepted. Sending 175 bytes of backlog starting from offset 326.',
    );
  });
  it('failover: the old id through replid2 up to second_repl_offset (f) and not past it (g)', () => {
    const m = {
      replid: B,
      replid2: A,
      secondReplOffset: 326,
      masterReplOffset: 483,
      backlog: { offset: 1, histlen: 483 },
    };
    expect(decidePsync({ replid: A, offset: 326 }, m).reason).toBe('accepted-replid2');
    const g = decidePsync({ replid: A, offset: 521 }, m);
    expect(g.reason).toBe('replid2-offset-too-high');
    expect(g.countsAsPartialErr).toBe(true);
  });
  it('PSYNC ? -1 is a full resync that is not a partial error', () => {
    const d = decidePsync(
      { replid: '?', offset: -1 },
      { replid: A, replid2: Z, secondReplOffset: -1, masterReplOffset: 0, backlog: null },
    );
    expect(d).toMatchObject({ outcome: 'FULLRESYNC', reason: 'full-requested', countsAsPartialErr: false });
  });
  it('nothing missing (P = master_repl_offset + 1) is servable; one past is not', () => {
    const m = {
      replid: A,
      replid2: Z,
      secondReplOffset: -1,
      masterReplOffset: 407,
      backlog: { offset: 408, histlen: 0 },
    };
    expect(decidePsync({ replid: A, offset: 408 }, m).outcome).toBe('CONTINUE');
    expect(decidePsync({ replid: A, offset: 409 }, m).reason).toBe('offset-after-master');
  });
});

describe('decidePsync against the rule of the spec (property)', () => {
  it('CONTINUE ⟺ (R = replid ∨ (R = replid2 ∧ P ≤ second)) ∧ backlog ∧ first ≤ P ≤ first + histlen', () => {
    const id = fc.constantFrom(A, B, 'c'.repeat(40), '?');
    fc.assert(
      fc.property(
        id,
        fc.integer({ min: -1, max: 3000 }),
        id,
        id,
        fc.integer({ min: -1, max: 3000 }),
        fc.option(
          fc.record({
            offset: fc.integer({ min: 1, max: 2000 }),
            histlen: fc.integer({ min: 0, max: 1000 }),
          }),
        ),
        (R, P, replid, replid2, second, backlog) => {
          const masterReplOffset = backlog ? backlog.offset + backlog.histlen - 1 : 0;
          const d = decidePsync(
            { replid: R, offset: P },
            { replid, replid2, secondReplOffset: second, masterReplOffset, backlog },
          );
          const history = R === replid || (R === replid2 && P <= second);
          const data = backlog !== null && P >= backlog.offset && P <= backlog.offset + backlog.histlen;
          expect(d.outcome === 'CONTINUE').toBe(history && data);
          if (d.outcome === 'FULLRESYNC') expect(d.countsAsPartialErr).toBe(R !== '?');
          else expect(d.backlogBytes).toBe(backlog!.offset + backlog!.histlen - P);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('decidePsync in the older eras (era.ts)', () => {
  const m = {
    replid: B,
    replid2: A,
    secondReplOffset: 326,
    masterReplOffset: 483,
    backlog: { offset: 2, histlen: 482 },
  };
  it('psync1 (2.8/3.2 masterTryPartialResynchronization): one id, the run id; no second history', () => {
    // The same failover request that 7.0 accepts through replid2 is a run id mismatch before 4.0.
    const d = decidePsync({ replid: A, offset: 326 }, m, 'psync1');
    expect(d).toMatchObject({ outcome: 'FULLRESYNC', reason: 'runid-mismatch', era: 'psync1' });
    expect(d.countsAsPartialErr).toBe(true);
    expect(psyncLogLines(d, '127.0.0.1:7102')).toEqual([
      `Partial resynchronization not accepted: Runid mismatch (Client asked for runid '${A}', my runid is '${B}')`,
    ]);
    const ok = decidePsync({ replid: B, offset: 326 }, m, 'psync1');
    expect(ok).toMatchObject({ outcome: 'CONTINUE', reason: 'accepted', backlogBytes: 158 });
    expect(ok.eraNote).toBe('psync1: same run id and the offset is in the backlog');
  });
  it('psync1: PSYNC ? -1 says why the replica had no cached master', () => {
    const d = decidePsync({ replid: '?', offset: -1, cause: 'restarted' }, m, 'psync1');
    expect(d.reason).toBe('full-requested');
    expect(d.eraNote).toBe('psync1: replica restarted: no cached master');
    expect(decidePsync({ replid: '?', offset: -1, cause: 'restarted' }, m).eraNote).toBeNull();
  });
  it('sync (2.6 syncCommand): always a full transfer, never a failed partial', () => {
    const d = decideSync(m, 'sync', 'link-lost');
    expect(d).toMatchObject({ outcome: 'FULLRESYNC', reason: 'sync-only', countsAsPartialErr: false });
    expect(d.eraNote).toBe(
      'sync: this Redis has no partial resync (SYNC is always a full transfer); the link was lost: the master is forgotten',
    );
    expect(psyncLogLines(d, '127.0.0.1:7102')).toEqual([]);
  });
});
