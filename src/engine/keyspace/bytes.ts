// Byte-level helpers. Redis strings are byte strings; the lab keeps them as JS strings and
// measures them in UTF-8 bytes, the way they travel on the wire (utf8Length in resp.ts).
import { utf8Length } from '../core/resp.ts';

/** UTF-8 bytes of s (lone surrogates become U+FFFD, as TextEncoder does; ES2023 has no TextEncoder). */
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
 * The text of UTF-8 bytes. A byte that starts no valid sequence becomes U+FFFD: a JS string cannot
 * hold a lone byte, so SETRANGE / GETRANGE cutting a character in two are lossy there (Redis keeps
 * the raw bytes). Over valid UTF-8 it is the exact inverse of utf8Encode.
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
    out += ok ? String.fromCodePoint(cp) : '\ufffd';
    i += ok ? n : 1;
  }
  return out;
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
    // Surrogates (U+D800–DFFF, standing for U+10000 and up) must sort after U+E000–FFFF.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}
