// Byte images of Redis 7.0's compact encodings, as they are written into an RDB file (as one
// string each, which the RDB writer may LZF-compress): listpacks (small hashes and sorted sets,
// every quicklist node of a list) and intsets (small all-integer sets).
//   listpack ["a","1"] = 6-byte header, 0x81 'a' 0x02 (string), 0x01 0x01 (7-bit int), 0xFF → 12 bytes
import { utf8Encode } from './bytes.ts';
import { parseInt64 } from './numbers.ts';

class ByteWriter {
  private buf = new Uint8Array(64);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b & 0xff;
  }

  /** Little-endian integer of `width` bytes (two's complement for negatives). */
  le(v: bigint, width: number): void {
    let u = BigInt.asUintN(width * 8, v);
    for (let i = 0; i < width; i++) {
      this.byte(Number(u & 0xffn));
      u >>= 8n;
    }
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** lpEncodeBacklen: the entry's own length, stored after it so a listpack can be walked backwards. */
function backlen(w: ByteWriter, l: number): void {
  if (l <= 127) w.byte(l);
  else if (l < 16383) {
    w.byte(l >> 7);
    w.byte((l & 127) | 128);
  } else if (l < 2097151) {
    w.byte(l >> 14);
    w.byte(((l >> 7) & 127) | 128);
    w.byte((l & 127) | 128);
  } else if (l < 268435455) {
    w.byte(l >> 21);
    w.byte(((l >> 14) & 127) | 128);
    w.byte(((l >> 7) & 127) | 128);
    w.byte((l & 127) | 128);
  } else {
    w.byte(Math.floor(l / 2 ** 28));
    w.byte(((l >> 21) & 127) | 128);
    w.byte(((l >> 14) & 127) | 128);
    w.byte(((l >> 7) & 127) | 128);
    w.byte((l & 127) | 128);
  }
}

/** One listpack entry: an integer encoding when the text is a canonical int64, else a string. */
function entry(w: ByteWriter, s: string): void {
  const start = w.length;
  const v = parseInt64(s);
  if (v !== null) {
    if (v >= 0n && v <= 127n) w.byte(Number(v));
    else if (v >= -4096n && v <= 4095n) {
      const u = Number(BigInt.asUintN(13, v));
      w.byte((u >> 8) | 0xc0);
      w.byte(u & 0xff);
    } else if (v >= -32768n && v <= 32767n) {
      w.byte(0xf1);
      w.le(v, 2);
    } else if (v >= -8388608n && v <= 8388607n) {
      w.byte(0xf2);
      w.le(v, 3);
    } else if (v >= -2147483648n && v <= 2147483647n) {
      w.byte(0xf3);
      w.le(v, 4);
    } else {
      w.byte(0xf4);
      w.le(v, 8);
    }
  } else {
    const b = utf8Encode(s);
    if (b.length < 64) w.byte(0x80 | b.length);
    else if (b.length < 4096) {
      w.byte((b.length >> 8) | 0xe0);
      w.byte(b.length & 0xff);
    } else {
      w.byte(0xf0);
      w.le(BigInt(b.length), 4);
    }
    w.bytes(b);
  }
  backlen(w, w.length - start);
}

/** The listpack holding these entries in order: total bytes (u32), count (u16), entries, 0xFF. */
export function listpackBytes(entries: readonly string[]): Uint8Array {
  const w = new ByteWriter();
  w.le(0n, 4);
  w.le(BigInt(Math.min(entries.length, 65535)), 2);
  for (const e of entries) entry(w, e);
  w.byte(0xff);
  const out = w.result();
  new DataView(out.buffer).setUint32(0, out.length, true);
  return out;
}

/** Bytes `s` adds to a listpack (for quicklist node filling without building the node). */
export function listpackEntrySize(s: string): number {
  const w = new ByteWriter();
  entry(w, s);
  return w.length;
}

/** An intset: encoding width (u32), count (u32), the values sorted ascending, little-endian. */
export function intsetBytes(members: readonly string[]): Uint8Array {
  const values = members.map((m) => BigInt(m)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fits = (bits: number) => values.every((v) => BigInt.asIntN(bits, v) === v);
  const width = fits(16) ? 2 : fits(32) ? 4 : 8;
  const w = new ByteWriter();
  w.le(BigInt(width), 4);
  w.le(BigInt(values.length), 4);
  for (const v of values) w.le(v, width);
  return w.result();
}
