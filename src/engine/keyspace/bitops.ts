// Bit commands on strings (bitops.c): SETBIT GETBIT BITCOUNT BITPOS BITOP (BITFIELD: bitfield.ts).
// A string is its bytes, bit 0 the high bit of byte 0; the bytes live in the value's text with
// raw bytes as escapes (bytes.ts): `SETBIT b 0 1` on a missing key leaves the one byte 0x80 ('\udc80').
// What 7.0.15 propagates (observed with a replica's MONITOR and master_repl_offset):
//   SETBIT as typed when the key was created, grew or the bit flipped (`SETBIT b 0 1` twice: the
//     second propagates nothing); its TTL stays.
//   BITOP as typed when it wrote the destination (TTL dropped, as SET) or deleted it (every source
//     empty or missing: reply 0); `BITOP AND d nokey` with no d propagates nothing.
//   GETBIT, BITCOUNT, BITPOS never.
import { err, int } from '../core/resp.ts';
import { utf8Decode, utf8Encode } from './bytes.ts';
import { type Call, fail, type Handler } from './call.ts';
import { LAB_MAX_STRING_BYTES, LAB_STRING_TOO_LONG, NOT_INTEGER, SYNTAX } from './errors.ts';
import { parseInt64 } from './numbers.ts';

/** proto-max-bulk-len's default, 512 MB: no bit offset may address a byte at or past it. */
const PROTO_MAX_BULK_LEN = 512n * 1024n * 1024n;
export const BAD_OFFSET = err('ERR bit offset is not an integer or out of range');

/**
 * getBitOffsetFromArgument: a bit offset, `#n` (BITFIELD only: `hashBits` > 0) meaning n × hashBits.
 * Negative, or a byte at or past 512 MB, is `bit offset is not an integer or out of range`:
 * 4294967295 (byte 536870911) is the last one; BITFIELD … i8 #536870912 (bit 4294967296) is out.
 */
export function parseBitOffset(text: string, hashBits = 0): number {
  const hash = hashBits > 0 && text.startsWith('#');
  let v = parseInt64(hash ? text.slice(1) : text) ?? fail(BAD_OFFSET);
  if (hash) v *= BigInt(hashBits);
  if (v < 0n || v >> 3n >= PROTO_MAX_BULK_LEN) fail(BAD_OFFSET);
  return Number(v);
}

/** The bytes of the string at key (empty when missing); a value of another type is WRONGTYPE. */
export function readBytes(c: Call, key: string): Uint8Array | undefined {
  const s = c.readAs(key, 'string');
  return s === undefined ? undefined : utf8Encode(s);
}

/**
 * lookupStringForBitCommand: the string at key as bytes grown with zeros to hold bit `maxBit`
 * (created when missing; WRONGTYPE for another type), and whether that created or grew it.
 * Nothing is stored yet: the caller stores the bytes (storeBits) once it changed them.
 */
export function bitsForWrite(c: Call, key: string, maxBit: number): { bytes: Uint8Array; grew: boolean } {
  const s = c.writeAs(key, 'string');
  const need = Math.floor(maxBit / 8) + 1;
  if (need > LAB_MAX_STRING_BYTES) fail(LAB_STRING_TOO_LONG);
  const old = s === undefined ? new Uint8Array(0) : utf8Encode(s);
  if (s !== undefined && old.length >= need) return { bytes: old, grew: false };
  const bytes = new Uint8Array(need);
  bytes.set(old);
  return { bytes, grew: true };
}

/** Store a bit command's bytes at key; the TTL stays (the string is changed in place in Redis). */
export function storeBits(c: Call, key: string, bytes: Uint8Array): void {
  c.setString(key, utf8Decode(bytes), true);
}

/**
 * The byte holding bit `bit`. Offsets reach 2^32 + 63 (BITFIELD i64 at 4294967295), past what
 * `>> 3` keeps (32-bit): 4294967296 >> 3 is 0.
 */
export const byteOf = (bit: number) => Math.floor(bit / 8);

/** Bit `bit` of the bytes, high bit first; past the end a 0. */
export const bitAt = (b: Uint8Array, bit: number) => ((b[byteOf(bit)] ?? 0) >> (7 - (bit & 7))) & 1;

/** setbitCommand: offset, then the bit (0 or 1, else `bit is not an integer or out of range`), then the key. */
const setbit: Handler = (c) => {
  const [, key, offsetText, onText] = c.argv;
  const offset = parseBitOffset(offsetText);
  const on = parseInt64(onText);
  if (on !== 0n && on !== 1n) fail(err('ERR bit is not an integer or out of range'));
  const { bytes, grew } = bitsForWrite(c, key, offset);
  const old = bitAt(bytes, offset);
  if (grew || old !== Number(on)) {
    const mask = 1 << (7 - (offset & 7));
    const at = byteOf(offset);
    bytes[at] = on === 1n ? bytes[at] | mask : bytes[at] & ~mask;
    storeBits(c, key, bytes);
    c.propagateAsIs();
  }
  return int(old);
};

/** getbitCommand: the offset first; a missing key or a bit past the end reads 0. */
const getbit: Handler = (c) => {
  const offset = parseBitOffset(c.argv[2]);
  const bytes = readBytes(c, c.argv[1]);
  return int(bytes === undefined ? 0 : bitAt(bytes, offset));
};

/**
 * The bits [first, last] that start..end select in a string of `len` bytes (BYTE units, or BIT),
 * negative indexes counting from the end, clamped as bitcountCommand / bitposCommand clamp them;
 * null when nothing is left. "foobar" (6 bytes): 1 1 → bits [8, 15]; 5 30 BIT → [5, 30]; 5 2 → null.
 */
function bitRange(start: bigint, end: bigint, isBit: boolean, len: number): [number, number] | null {
  const total = BigInt(isBit ? len * 8 : len);
  if (start < 0n) start += total;
  if (end < 0n) end += total;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= total) end = total - 1n;
  if (start > end) return null;
  return isBit ? [Number(start), Number(end)] : [Number(start) * 8, Number(end) * 8 + 7];
}

/** BYTE or BIT, any case; anything else a syntax error. */
function isBitUnit(word: string): boolean {
  const w = word.toLowerCase();
  if (w !== 'bit' && w !== 'byte') fail(SYNTAX);
  return w === 'bit';
}

function popcount(b: number): number {
  let n = 0;
  for (let x = b; x !== 0; x &= x - 1) n++;
  return n;
}

/** The set bits in [first, last]: whole bytes counted at once, the edges bit by bit. */
function countBits(bytes: Uint8Array, first: number, last: number): number {
  let n = 0;
  let bit = first;
  for (; bit <= last && (bit & 7) !== 0; bit++) n += bitAt(bytes, bit);
  for (; bit + 7 <= last; bit += 8) n += popcount(bytes[byteOf(bit)]);
  for (; bit <= last; bit++) n += bitAt(bytes, bit);
  return n;
}

/**
 * bitcountCommand: the key first (missing: 0 whatever follows), then start end [BYTE|BIT]. Two
 * negative indexes the wrong way round answer 0 before the unit is read ("foobar" -1 -5 NIBBLE → 0).
 */
const bitcount: Handler = (c) => {
  const bytes = readBytes(c, c.argv[1]);
  if (bytes === undefined) return int(0);
  const argc = c.argv.length;
  if (argc === 2) return int(countBits(bytes, 0, bytes.length * 8 - 1));
  if (argc !== 4 && argc !== 5) fail(SYNTAX);
  const start = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  const end = parseInt64(c.argv[3]) ?? fail(NOT_INTEGER);
  if (start < 0n && end < 0n && start > end) return int(0);
  const range = bitRange(start, end, argc === 5 && isBitUnit(c.argv[4]), bytes.length);
  return int(range ? countBits(bytes, range[0], range[1]) : 0);
};

/**
 * bitposCommand: the bit (0 or 1) first, then the key (missing: an endless run of zeros, so 0 for
 * a clear bit and -1 for a set one), then start [end [BYTE|BIT]]. Looking for a clear bit with no
 * end given, a string of ones answers the first bit after it ("\xff\xff" → 16); with an end, -1.
 */
const bitpos: Handler = (c) => {
  const argc = c.argv.length;
  const bit = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  if (bit !== 0n && bit !== 1n) fail(err('ERR The bit argument must be 1 or 0.'));
  const want = Number(bit);
  const bytes = readBytes(c, c.argv[1]);
  if (bytes === undefined) return int(want === 1 ? -1 : 0);
  if (argc > 6) fail(SYNTAX);
  const start = argc >= 4 ? (parseInt64(c.argv[3]) ?? fail(NOT_INTEGER)) : 0n;
  const isBit = argc === 6 && isBitUnit(c.argv[5]);
  const endGiven = argc >= 5;
  const end = endGiven ? (parseInt64(c.argv[4]) ?? fail(NOT_INTEGER)) : -1n;
  const range = bitRange(start, end, isBit, bytes.length);
  if (!range) return int(-1);
  for (let i = range[0]; i <= range[1]; i++) if (bitAt(bytes, i) === want) return int(i);
  return int(want === 0 && !endGiven ? range[1] + 1 : -1);
};

type BitopName = 'and' | 'or' | 'xor' | 'not';

/**
 * bitopCommand: BITOP AND|OR|XOR|NOT dest key …; the operation word first (else a syntax error),
 * NOT with one source only, then each source in order (missing: empty; another type: WRONGTYPE).
 * The result is as long as the longest source, shorter ones padded with zeros; the reply is its length.
 */
const bitop: Handler = (c) => {
  const op = c.argv[1].toLowerCase() as BitopName;
  if (!['and', 'or', 'xor', 'not'].includes(op)) fail(SYNTAX);
  if (op === 'not' && c.argv.length !== 4)
    fail(err('ERR BITOP NOT must be called with a single source key.'));
  const dest = c.argv[2];
  const sources = c.argv.slice(3).map((k) => readBytes(c, k) ?? new Uint8Array(0));
  const maxlen = Math.max(...sources.map((s) => s.length));
  if (maxlen === 0) {
    c.storeOrDelete(dest, null);
    return int(0);
  }
  const out = new Uint8Array(maxlen);
  for (let j = 0; j < maxlen; j++) {
    let x = sources[0][j] ?? 0;
    if (op === 'not') x = ~x & 0xff;
    for (let i = 1; i < sources.length; i++) {
      const y = sources[i][j] ?? 0;
      x = op === 'and' ? x & y : op === 'or' ? x | y : x ^ y;
    }
    out[j] = x;
  }
  c.storeOrDelete(dest, utf8Decode(out));
  return int(maxlen);
};

export const BIT_COMMANDS: Record<string, Handler> = { setbit, getbit, bitcount, bitpos, bitop };
