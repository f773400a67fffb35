// Byte-level helpers. Redis strings are byte strings; the lab keeps them as JS strings and
// measures them in UTF-8 bytes, the way they travel on the wire (utf8Length in resp.ts).
//   Raw bytes: a byte 0x80–0xFF that is not part of valid UTF-8 is kept as the lone surrogate
//   U+DC00 + byte (Python's "surrogateescape"), one byte on the wire. `SETBIT b 0 1` leaves the one
//   byte 0x80: the text '\udc80', STRLEN 1, GET prints "\x80" as redis-cli does. Text built from
//   bytes by utf8Decode is canonical (an escape never stands where valid UTF-8 could), so two values
//   are the same bytes exactly when they are the same text.
import { utf8Length } from '../core/resp.ts';

/** A lone U+DC80–U+DCFF: one raw byte. */
const isRawByte = (c: number) => c >= 0xdc80 && c <= 0xdcff;

/**
 * The bytes of s: UTF-8, a raw-byte escape as its byte, any other lone surrogate as U+FFFD (as
 * TextEncoder does; ES2023 has no TextEncoder).
 */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else if (isRawByte(c)) {
        out[o++] = c & 0xff;
        continue;
      } else c = 0xfffd;
    }
    if (c < 0x80) out[o++] = c;
    else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else {
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
  }
  return out;
}

/**
 * The text of bytes, the exact inverse of utf8Encode: valid UTF-8 becomes its characters, a byte
 * that starts no valid sequence its raw-byte escape (SETRANGE u 1 x on "é", c3 a9, leaves c3 78:
 * '\udcc3x', 2 bytes, as Redis keeps them).
 */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n =
      c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    let cp = n === 1 ? c : n === 2 ? c & 0x1f : n === 3 ? c & 0x0f : c & 0x07;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) {
      ok = (b[i + k] & 0xc0) === 0x80;
      cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    // overlong forms, surrogates and values past U+10FFFF are not valid UTF-8 either
    if (
      ok &&
      n > 1 &&
      (cp < [0, 0, 0x80, 0x800, 0x10000][n] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
    ) {
      ok = false;
    }
    out += ok ? String.fromCodePoint(cp) : String.fromCharCode(0xdc00 + c);
    i += ok ? n : 1;
  }
  return out;
}

/**
 * The text of a's bytes followed by b's (APPEND): a + b, made canonical again when a raw byte meets
 * a raw byte ('\udce2' + '\udc82\udcac' are the bytes e2 82 ac: '€').
 */
export function joinBytes(a: string, b: string): string {
  const joined = a + b;
  if (a.length === 0 || b.length === 0) return joined;
  if (!isRawByte(a.charCodeAt(a.length - 1)) || !isRawByte(b.charCodeAt(0))) return joined;
  return utf8Decode(utf8Encode(joined));
}

/**
 * The longest prefix of s whose UTF-8 form fits in maxBytes. Redis's "%.128s" cuts bytes and may
 * split a character; a JS string cannot hold half a character, so the cut falls before it.
 *   truncateUtf8('é'.repeat(100), 128) → 64 × 'é'
 */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (s.length * 3 <= maxBytes || utf8Length(s) <= maxBytes) return s;
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const n = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes + n > maxBytes) break;
    bytes += n;
    i += pair ? 2 : 1;
  }
  return s.slice(0, i);
}

/**
 * Byte-order (memcmp) comparison of two strings, which is code point order: Redis sorts members
 * and keys by bytes, JS's `<` compares UTF-16 code units, which puts U+10000.. before U+E000...
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // A raw byte (0x80–0xFF, not the low half of a pair) against a character: compare what is left
    // byte by byte ('\udcc3' < 'é': c3 < c3 a9).
    const paired = i > 0 && a.charCodeAt(i - 1) >= 0xd800 && a.charCodeAt(i - 1) <= 0xdbff;
    if (!paired && (isRawByte(x) || isRawByte(y)))
      return compareByteArrays(utf8Encode(a.slice(i)), utf8Encode(b.slice(i)));
    // Surrogates (U+D800–DFFF, standing for U+10000 and up) must sort after U+E000–FFFF.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

function compareByteArrays(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
