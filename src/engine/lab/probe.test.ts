import { describe, expect, it } from 'vitest';
import { probeBacklog } from './probe.ts';

describe('backlog probe: the engine decides, not a formula', () => {
  it('100 writes/s for 10 s: a 16 KB backlog lost the offset, 64 KB still holds it', () => {
    const small = probeBacklog({ perSecond: 100, outageS: 10, backlogBytes: 16384 });
    expect(small).toMatchObject({ outcome: 'FULLRESYNC', reason: 'offset-before-backlog' });
    expect(small.missing).toBeGreaterThan(0);
    expect(small.missing).toBeLessThan(small.written);
    const big = probeBacklog({ perSecond: 100, outageS: 10, backlogBytes: 65536 });
    expect(big).toMatchObject({ outcome: 'CONTINUE', missing: 0, written: small.written });
  });

  it('a shorter outage fits the small backlog', () => {
    expect(probeBacklog({ perSecond: 100, outageS: 2, backlogBytes: 16384 }).outcome).toBe('CONTINUE');
  });

  it('refuses values outside its bounds with a Redis-style error', () => {
    expect(() => probeBacklog({ perSecond: 0, outageS: 1, backlogBytes: 16384 })).toThrow(
      /ERR probe perSecond/,
    );
    expect(() => probeBacklog({ perSecond: 1, outageS: 1, backlogBytes: 100 })).toThrow(
      /ERR probe backlogBytes/,
    );
  });
});
