// SHA-1 (FIPS 180-4). Redis names an EVAL script f_<sha1 of its body> and quotes that sha in script
// errors (`… script: d587f11a…, on @user_script:1.`); DEBUG DIGEST chains SHA-1s of raw bytes (digest.ts).
//   sha1Hex('abc') = 'a9993e364706816aba3e25717850c26c9cd0d89d'
import { utf8Encode } from './bytes.ts';

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** SHA-1 of a string's UTF-8 bytes, as hex. */
export function sha1Hex(text: string): string {
  return toHex(sha1(utf8Encode(text)));
}

/** Bytes as lower-case hex ('%02x' each, as Redis prints a digest). */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The 20-byte SHA-1 of `msg`. */
export function sha1(msg: Uint8Array): Uint8Array {
  const bitLen = msg.length * 8;
  const total = (((msg.length + 8) >> 6) + 1) * 64;
  const buf = new Uint8Array(total);
  buf.set(msg);
  buf[msg.length] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(total - 8, Math.floor(bitLen / 2 ** 32));
  view.setUint32(total - 4, bitLen >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      // No array a round: DEBUG DIGEST takes several SHA-1s a key.
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = t;
    }
    h[0] = (h[0] + a) >>> 0;
    h[1] = (h[1] + b) >>> 0;
    h[2] = (h[2] + c) >>> 0;
    h[3] = (h[3] + d) >>> 0;
    h[4] = (h[4] + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 5; i++) ov.setUint32(i * 4, h[i]);
  return out;
}
