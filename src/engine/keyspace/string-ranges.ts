// Byte-range string commands (t_string.c): SETRANGE, GETRANGE and its old name SUBSTR.
// Offsets count UTF-8 bytes, as Redis's do (the lab keeps strings as JS text: utf8Decode).
//   SET s hello; SETRANGE s 7 xy → 9 ("hello\0\0xy": the gap is zero bytes), propagated as typed;
//   SETRANGE with an empty value changes nothing and replies the length (0 for a missing key,
//   which is not created); the TTL stays. GETRANGE g -3 -1 on "This is a string" → "ing".
import { bulk, err, int, isAscii, utf8Length } from '../core/resp.ts';
import { utf8Decode, utf8Encode } from './bytes.ts';
import { fail, type Handler } from './call.ts';
import { LAB_MAX_STRING_BYTES, LAB_STRING_TOO_LONG, NOT_INTEGER } from './errors.ts';
import { parseInt64 } from './numbers.ts';

/** proto-max-bulk-len's default (512 MB): checkStringLength refuses a longer result. */
const PROTO_MAX_BULK_LEN = 512n * 1024n * 1024n;
const TOO_BIG = err('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

/** One UTF-16 unit a byte: ASCII and raw bytes (slicing by bytes is slicing the text). */
const oneUnitPerByte = (s: string) => utf8Length(s) === s.length;

/** s with `value`'s bytes written at byte `offset`, zero bytes padding any gap. */
function writeAt(s: string, offset: number, value: string): string {
  if (isAscii(s) && isAscii(value)) {
    const head = s.length >= offset ? s.slice(0, offset) : s + '\0'.repeat(offset - s.length);
    return head + value + s.slice(offset + utf8Length(value));
  }
  const old = utf8Encode(s);
  const add = utf8Encode(value);
  const out = new Uint8Array(Math.max(old.length, offset + add.length));
  out.set(old);
  out.set(add, offset);
  return utf8Decode(out);
}

/** The bytes [start, end) of s as text. */
function bytesOf(s: string, start: number, end: number): string {
  return oneUnitPerByte(s) ? s.slice(start, end) : utf8Decode(utf8Encode(s).subarray(start, end));
}

/**
 * setrangeCommand: the offset first (negative → out of range), then the key; the size limit is
 * checked only when something is written, and not for the master's stream (mustObeyClient).
 */
const setrange: Handler = (c) => {
  const [, key, offsetText, value] = c.argv;
  const offset = parseInt64(offsetText) ?? fail(NOT_INTEGER);
  if (offset < 0n) fail(err('ERR offset is out of range'));
  const cur = c.writeAs(key, 'string');
  const add = utf8Length(value);
  if (add === 0) return int(cur === undefined ? 0 : utf8Length(cur));
  if (!c.ctx.fromMaster && offset + BigInt(add) > PROTO_MAX_BULK_LEN) fail(TOO_BIG);
  if (offset + BigInt(add) > BigInt(LAB_MAX_STRING_BYTES)) fail(LAB_STRING_TOO_LONG);
  const next = writeAt(cur ?? '', Number(offset), value);
  c.setString(key, next, true);
  c.propagateAsIs();
  return int(utf8Length(next));
};

/**
 * getrangeCommand: both indexes first, then the key. Negative indexes count from the end; a range
 * of two negative indexes the wrong way round is empty before any clamping:
 *   "This is a string": -100 -50 → "T" (both clamp to 0), -1 -5 → "", 10 100 → "string".
 */
const getrange: Handler = (c) => {
  let start = parseInt64(c.argv[2]) ?? fail(NOT_INTEGER);
  let end = parseInt64(c.argv[3]) ?? fail(NOT_INTEGER);
  const s = c.readAs(c.argv[1], 'string');
  if (s === undefined) return bulk('');
  if (start < 0n && end < 0n && start > end) return bulk('');
  const len = BigInt(utf8Length(s));
  if (start < 0n) start += len;
  if (end < 0n) end += len;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= len) end = len - 1n;
  if (start > end || len === 0n) return bulk('');
  return bulk(bytesOf(s, Number(start), Number(end) + 1));
};

export const STRING_RANGE_COMMANDS: Record<string, Handler> = { setrange, getrange, substr: getrange };
