// RDB size against real 7.0.15 files (fixtures/record-rdb-sizes.py: each dataset built by known
// commands, fetched with `redis-cli --rdb`, its repl aux fields read back from the file).
import { describe, expect, it } from 'vitest';
import recorded from './fixtures/rdb-sizes-7.0.15.json';
import { Keyspace } from './keyspace.ts';
import { lzfCompressedLength } from './lzf.ts';
import type { ExecContext } from './types.ts';

const ctx: ExecContext = { nowMs: 1764000000000, random: () => 0.5, fromMaster: false };

interface Dataset {
  name: string;
  commands: [number, string[]][];
  replid: string;
  offset: number;
  streamDb: number;
  size: number;
}

// Redis runs LZF with an uninitialised hash table (liblzf's INIT_HTAB 0: stack memory left by
// earlier calls), which can find a match a clean table misses: the 200-field hash listpack
// compresses to 1554 bytes in the RDB but 1555 as a list node, the very same 3787 bytes (checked
// with DEBUG LISTPACK / DEBUG OBJECT). The lab's LZF equals liblzf with a zeroed table (checked on
// 3000 buffers against the C code), so such a dataset may differ by a byte or two.
const LZF_STACK_NOISE: Record<string, number> = { hashes: 1 };

describe('rdbSize', () => {
  for (const d of recorded.datasets as Dataset[]) {
    it(`matches the real RDB file: ${d.name} (${d.size} bytes)`, () => {
      const ks = new Keyspace();
      for (const [db, argv] of d.commands) expect(ks.exec(db, argv, ctx)?.reply.t).not.toBe('error');
      const size = ks.rdbSize({ replid: d.replid, offset: d.offset, streamDb: d.streamDb });
      expect(Math.abs(size - d.size)).toBeLessThanOrEqual(LZF_STACK_NOISE[d.name] ?? 0);
    });
  }

  it('calibration from the brief: 2000 seed keys and small repl offset → 31964 bytes', () => {
    const ks = new Keyspace();
    for (let i = 1; i <= 2000; i++) ks.exec(0, ['SET', `seed:${i}`, `s${i}`], ctx);
    // 31967 at offset 85388 (int32-encoded, 5 bytes) is 31964 with an offset under 128 (2 bytes).
    const replid = 'b9035af7932e6216de2680e6e233b29b2cc9c4cc';
    expect(ks.rdbSize({ replid, offset: 100, streamDb: 0 })).toBe(31964);
    expect(ks.rdbSize({ replid, offset: 85388, streamDb: 0 })).toBe(31967);
  });

  it('without replication info drops the three repl aux fields (empty: 89 bytes)', () => {
    expect(new Keyspace().rdbSize(null)).toBe(89);
  });
});

describe('lzfCompressedLength', () => {
  it('compresses runs to a few bytes and refuses what does not shrink', () => {
    const x = new Uint8Array(100).fill(120);
    expect(lzfCompressedLength(x, 96)).toBeGreaterThan(0);
    expect(lzfCompressedLength(x, 96)).toBeLessThan(10);
    const noise = Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 255);
    expect(lzfCompressedLength(noise, 60)).toBe(0);
  });
});
