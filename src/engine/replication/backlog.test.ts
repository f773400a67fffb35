import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backlogCovers,
  createBacklog,
  entriesFrom,
  feedBacklog,
  jemallocSizeClass,
  newBlockSize,
  trimBacklog,
} from './backlog.ts';

describe('block sizes (7.0 feedReplicationBuffer)', () => {
  it('a small write opens a 20440-byte block: 16384 + 40 header → 20480 size class', () => {
    expect(jemallocSizeClass(16424)).toBe(20480);
    expect(newBlockSize(30, 1048576)).toBe(20440);
  });
  it('a large write is capped at repl-backlog-size/16 (1 MiB backlog → 65536 → 81920 class)', () => {
    expect(newBlockSize(100033, 1048576)).toBe(81880);
  });
});

describe('trimming in whole blocks (spec §4.3, observed on 7.0.15)', () => {
  it('keeps the first byte at 1 until histlen > 16384 + 20440, then jumps to 20441', () => {
    const bl = createBacklog(0);
    let off = 0;
    // 1033-byte writes like scenario c: SET big:N <1000 bytes>.
    while (off + 1033 <= 36824) {
      feedBacklog(bl, ['x'], 1033, 16384, off);
      off += 1033;
      trimBacklog(bl, 16384, off, Infinity);
      expect(bl.offset).toBe(1);
    }
    feedBacklog(bl, ['x'], 1033, 16384, off);
    off += 1033;
    trimBacklog(bl, 16384, off, Infinity);
    expect(bl.offset).toBe(20441);
    expect(bl.histlen).toBe(off - 20440);
  });
});

// A naive model: the whole stream as a list of (start, size); the backlog must hold a suffix of it
// that starts on a block boundary, is never shorter than the configured size (when that much was
// written) nor longer than size + one block (when nothing pins it), and never starts after a pin.
describe('backlog vs a naive model (property)', () => {
  it('holds for random writes, sizes and pins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16384, max: 200_000 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 70_000 }), fc.boolean()), {
          minLength: 1,
          maxLength: 120,
        }),
        fc.option(fc.integer({ min: 0, max: 60 })),
        (size, writes, pinAfter) => {
          const bl = createBacklog(0);
          const all: { start: number; size: number }[] = [];
          let off = 0;
          let pin = Number.POSITIVE_INFINITY;
          writes.forEach(([len], k) => {
            if (pinAfter !== null && k === pinAfter) pin = off + 1;
            feedBacklog(bl, [`w${k}`], len, size, off);
            all.push({ start: off + 1, size: len });
            off += len;
            trimBacklog(bl, size, off, pin);
            // offset = master_repl_offset - histlen + 1
            expect(bl.offset).toBe(off - bl.histlen + 1);
            expect(bl.blocks[0].start).toBe(bl.offset);
            expect(bl.blocks.reduce((a, b) => a + b.used, 0)).toBe(bl.histlen);
            expect(bl.histlen).toBeGreaterThanOrEqual(Math.min(off, size));
            if (bl.blocks.length > 1 && !Number.isFinite(pin))
              expect(bl.histlen - bl.blocks[0].size).toBeLessThanOrEqual(size);
            if (Number.isFinite(pin)) expect(bl.offset).toBeLessThanOrEqual(pin);
            // Every servable P is answered with exactly the bytes from P to the end.
            for (const e of all.filter((x) => backlogCovers(bl, x.start))) {
              const sent = entriesFrom(bl, e.start);
              expect(sent[0].start).toBe(e.start);
              expect(sent.reduce((a, x) => a + x.size, 0)).toBe(off + 1 - e.start);
            }
            expect(backlogCovers(bl, off + 1)).toBe(true);
            expect(backlogCovers(bl, bl.offset - 1)).toBe(false);
            expect(backlogCovers(bl, off + 2)).toBe(false);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
