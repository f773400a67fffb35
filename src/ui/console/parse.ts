// Splitting a console line into arguments the way redis-cli does (sdssplitargs): spaces separate,
// "double quotes" understand \n \r \t \b \a \\ \" and \xHH, 'single quotes' only \'. A closing
// quote must be followed by a space or the end. An unbalanced line returns null: redis-cli then
// prints "Invalid argument(s)".
import { joinBytes, utf8Decode } from '../../engine/keyspace/bytes.ts';

const HEX = /^[0-9a-fA-F]{2}$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && /\s/.test(line[i])) i++;
    if (i >= n) return out;
    let cur = '';
    const pending: number[] = [];
    let inDq = false;
    let inSq = false;
    for (;;) {
      if (inDq) {
        if (i >= n) return null;
        const c = line[i];
        if (c === '\\' && line[i + 1] === 'x' && HEX.test(line.slice(i + 2, i + 4))) {
          pending.push(Number.parseInt(line.slice(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        // a run of \xHH is bytes (a byte past 0x7f a raw byte, engine/keyspace/bytes.ts): "\xc3\xa9"
        // is 'é', "\xff" one byte 0xff
        if (pending.length > 0) {
          cur = joinBytes(cur, utf8Decode(Uint8Array.from(pending)));
          pending.length = 0;
        }
        if (c === '\\' && i + 1 < n) {
          const e = line[i + 1];
          cur += ESCAPES[e] ?? e;
          i++;
        } else if (c === '"') {
          if (i + 1 < n && !/\s/.test(line[i + 1])) return null;
          inDq = false;
          i++;
          break;
        } else cur += c;
      } else if (inSq) {
        if (i >= n) return null;
        const c = line[i];
        if (c === '\\' && line[i + 1] === "'") {
          cur += "'";
          i++;
        } else if (c === "'") {
          if (i + 1 < n && !/\s/.test(line[i + 1])) return null;
          inSq = false;
          i++;
          break;
        } else cur += c;
      } else {
        if (i >= n) break;
        const c = line[i];
        if (/\s/.test(c)) break;
        if (c === '"') inDq = true;
        else if (c === "'") inSq = true;
        else cur += c;
      }
      i++;
    }
    out.push(cur);
  }
}
