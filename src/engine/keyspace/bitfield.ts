// BITFIELD and BITFIELD_RO (bitops.c bitfieldGeneric): integers of 1–64 bits (u1–u63, i1–i64) at
// any bit offset of a string, read and written high bit first. Observed on 7.0.15:
//   BITFIELD bf SET i8 0 100 GET u4 0 INCRBY i8 0 50 → [0, 6, -106] (100 + 50 wraps to -106)
//   OVERFLOW WRAP (the default) / SAT / FAIL applies to the SET and INCRBY after it; FAIL answers
//   nil and writes nothing. SET u8 0 -5 is 2^64 − 5 as an unsigned value: WRAP stores 251, SAT 255.
// Every operation is parsed before the key is looked up. A command with a SET or INCRBY creates or
// grows the string to its highest written bit first, then runs the operations in order (a GET after
// a SET reads the new value). Propagated as typed when at least one SET/INCRBY wrote: a command
// whose writes all failed (OVERFLOW FAIL) still created or grew the key on the master, and
// propagates nothing (`BITFIELD fk OVERFLOW FAIL INCRBY u8 16 300` leaves 3 zero bytes on the
// master only, as 7.0.15 does). The TTL stays.
import { arr, err, int, NIL, type Reply } from '../core/resp.ts';
import { bitAt, bitsForWrite, byteOf, parseBitOffset, readBytes, storeBits } from './bitops.ts';
import { fail, type Handler } from './call.ts';
import { NOT_INTEGER, SYNTAX } from './errors.ts';
import { intReplyValue, parseInt64 } from './numbers.ts';

type Overflow = 'wrap' | 'sat' | 'fail';

interface BitfieldOp {
  op: 'get' | 'set' | 'incrby';
  signed: boolean;
  bits: number;
  offset: number;
  value: bigint;
  overflow: Overflow;
}

const BAD_TYPE = err(
  'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.',
);

/** getBitfieldTypeFromArgument: `i` then 1–64, or `u` then 1–63 (lower case only). */
function parseType(text: string): { signed: boolean; bits: number } {
  const signed = text[0] === 'i';
  if (!signed && text[0] !== 'u') fail(BAD_TYPE);
  const bits = parseInt64(text.slice(1));
  if (bits === null || bits < 1n || bits > (signed ? 64n : 63n)) fail(BAD_TYPE);
  return { signed, bits: Number(bits) };
}

/**
 * The operations of BITFIELD key …, in order, each with the OVERFLOW in force when it was read.
 * A word with too few arguments after it is a syntax error (`GET i8`), so is an unknown one.
 */
function parseOps(argv: readonly string[]): BitfieldOp[] {
  const ops: BitfieldOp[] = [];
  let overflow: Overflow = 'wrap';
  for (let j = 2; j < argv.length; j++) {
    const word = argv[j].toLowerCase();
    const rest = argv.length - j - 1;
    if (word === 'overflow' && rest >= 1) {
      const type = argv[++j].toLowerCase();
      if (type !== 'wrap' && type !== 'sat' && type !== 'fail')
        fail(err('ERR Invalid OVERFLOW type specified'));
      overflow = type;
      continue;
    }
    if (!((word === 'get' && rest >= 2) || ((word === 'set' || word === 'incrby') && rest >= 3)))
      fail(SYNTAX);
    const { signed, bits } = parseType(argv[j + 1]);
    const offset = parseBitOffset(argv[j + 2], bits);
    const value = word === 'get' ? 0n : (parseInt64(argv[j + 3]) ?? fail(NOT_INTEGER));
    ops.push({ op: word, signed, bits, offset, value, overflow });
    j += word === 'get' ? 2 : 3;
  }
  return ops;
}

function readField(bytes: Uint8Array, offset: number, bits: number, signed: boolean): bigint {
  let v = 0n;
  for (let i = offset; i < offset + bits; i++) v = (v << 1n) | BigInt(bitAt(bytes, i));
  return signed ? BigInt.asIntN(bits, v) : v;
}

function writeField(bytes: Uint8Array, offset: number, bits: number, value: bigint): void {
  const v = BigInt.asUintN(bits, value);
  for (let k = 0; k < bits; k++) {
    const i = offset + k;
    const mask = 1 << (7 - (i & 7));
    if ((v >> BigInt(bits - 1 - k)) & 1n) bytes[byteOf(i)] |= mask;
    else bytes[byteOf(i)] &= ~mask;
  }
}

/**
 * What a SET or INCRBY stores (checkSignedBitfieldOverflow / checkUnsignedBitfieldOverflow), or
 * null when it overflows under FAIL. An unsigned SET takes its value as uint64 (-5 → 2^64 − 5).
 *   i8 at 100, INCRBY 50: 150 > 127 → WRAP -106, SAT 127.   u2 at 1, INCRBY 5: 6 > 3 → FAIL null.
 */
function fieldResult(o: BitfieldOp, old: bigint): bigint | null {
  const target = o.op === 'incrby' ? old + o.value : o.signed ? o.value : BigInt.asUintN(64, o.value);
  const max = o.signed ? (1n << BigInt(o.bits - 1)) - 1n : (1n << BigInt(o.bits)) - 1n;
  const min = o.signed ? -max - 1n : 0n;
  if (target >= min && target <= max) return target;
  if (o.overflow === 'fail') return null;
  if (o.overflow === 'sat') return target > max ? max : min;
  return o.signed ? BigInt.asIntN(o.bits, target) : BigInt.asUintN(o.bits, target);
}

function bitfieldGeneric(readonly: boolean): Handler {
  return (c) => {
    const key = c.argv[1];
    const ops = parseOps(c.argv);
    const writes = ops.filter((o) => o.op !== 'get');
    if (writes.length === 0) {
      const bytes = readBytes(c, key) ?? new Uint8Array(0);
      return arr(ops.map((o) => int(intReplyValue(readField(bytes, o.offset, o.bits, o.signed)))));
    }
    if (readonly) fail(err('ERR BITFIELD_RO only supports the GET subcommand'));
    const highest = Math.max(...writes.map((o) => o.offset + o.bits - 1));
    const { bytes, grew } = bitsForWrite(c, key, highest);
    let changes = 0;
    const replies: Reply[] = ops.map((o) => {
      const old = readField(bytes, o.offset, o.bits, o.signed);
      if (o.op === 'get') return int(intReplyValue(old));
      const next = fieldResult(o, old);
      if (next === null) return NIL;
      writeField(bytes, o.offset, o.bits, next);
      changes++;
      return int(intReplyValue(o.op === 'incrby' ? next : old));
    });
    if (grew || changes > 0) storeBits(c, key, bytes);
    if (changes > 0) c.propagateAsIs();
    return arr(replies);
  };
}

export const BITFIELD_COMMANDS: Record<string, Handler> = {
  bitfield: bitfieldGeneric(false),
  bitfield_ro: bitfieldGeneric(true),
};
