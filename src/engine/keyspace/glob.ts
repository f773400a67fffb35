// KEYS pattern matching: Redis's stringmatchlen (util.c) rules, on UTF-8 bytes as Redis sees keys.
//   *  any run (also empty)      ?  one byte      [ae] [^e] [a-z] [z-a]  a set (reversed ranges swap)
//   \x the byte x literally; an unclosed `[` takes the rest of the pattern as the set.
// Checked on 7.0.15: h?llo, h*llo, h[ae]llo, h[^e]llo, h[a-b]llo, h[b-a]llo, h\*llo, h[e, h**o.
import { utf8Encode } from './bytes.ts';

/** Byte at i, or 0 past the end (the C code reads the terminating NUL there). */
const at = (b: Uint8Array, i: number) => (i < b.length ? b[i] : 0);

function match(p: Uint8Array, pi: number, s: Uint8Array, si: number): boolean {
  let plen = p.length - pi;
  let slen = s.length - si;
  while (plen > 0 && slen > 0) {
    const c = p[pi];
    if (c === 42 /* * */) {
      while (plen > 1 && p[pi + 1] === 42) {
        pi++;
        plen--;
      }
      if (plen === 1) return true;
      for (; slen > 0; si++, slen--) if (match(p, pi + 1, s, si)) return true;
      return false;
    }
    if (c === 63 /* ? */) {
      si++;
      slen--;
    } else if (c === 91 /* [ */) {
      pi++;
      plen--;
      const not = at(p, pi) === 94; /* ^ */
      if (not) {
        pi++;
        plen--;
      }
      let hit = false;
      for (;;) {
        if (at(p, pi) === 92 /* \ */ && plen >= 2) {
          pi++;
          plen--;
          if (p[pi] === s[si]) hit = true;
        } else if (at(p, pi) === 93 /* ] */) {
          break;
        } else if (plen === 0) {
          pi--;
          plen++;
          break;
        } else if (plen >= 3 && p[pi + 1] === 45 /* - */) {
          const lo = Math.min(p[pi], p[pi + 2]);
          const hi = Math.max(p[pi], p[pi + 2]);
          pi += 2;
          plen -= 2;
          if (s[si] >= lo && s[si] <= hi) hit = true;
        } else if (p[pi] === s[si]) {
          hit = true;
        }
        pi++;
        plen--;
      }
      if (not) hit = !hit;
      if (!hit) return false;
      si++;
      slen--;
    } else {
      if (c === 92 /* \ */ && plen >= 2) {
        pi++;
        plen--;
      }
      if (p[pi] !== s[si]) return false;
      si++;
      slen--;
    }
    pi++;
    plen--;
    if (slen === 0) {
      while (at(p, pi) === 42) {
        pi++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}

/** A matcher for one pattern (the pattern is encoded once, each key per call). */
export function globMatcher(pattern: string): (key: string) => boolean {
  if (pattern === '*') return () => true;
  const p = utf8Encode(pattern);
  return (key) => match(p, 0, utf8Encode(key), 0);
}
