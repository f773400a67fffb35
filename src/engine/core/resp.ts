// RESP encoding and byte lengths. Replication offsets are byte counts of the RESP stream,
// so every length here is in UTF-8 bytes, not UTF-16 code units.
//   respSize(['SET','a','1']) = len("*3\r\n") + (4+3+2) + (4+1+2) + (4+1+2) = 4+9+7+7 = 27

export type Argv = string[];

/**
 * Byte length of a JS string as the lab writes it on the wire: UTF-8, except that a lone U+DC80–U+DCFF
 * stands for one raw byte 0x80–0xFF that is not part of valid UTF-8 (keyspace/bytes.ts: a bitmap's
 * bytes), and other lone surrogates count as U+FFFD, 3 bytes, as TextEncoder does.
 */
// Any UTF-16 code unit above 0x7f (surrogates included): the string is not plain ASCII.
const NON_ASCII = /[\u0080-\uffff]/;

export function utf8Length(s: string): number {
  if (s.length <= 64 ? isAscii(s) : !NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else if (c >= 0xdc80 && c <= 0xdcff) n += 1;
    else n += 3;
  }
  return n;
}

/** A short string is scanned: cheaper than a regular expression call (3 per SET propagated). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Digits of a non-negative integer (no string made: respSize runs once per propagated command). */
function decimalLength(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** Bytes of `*<argc>\r\n` + Σ `$<len>\r\n<arg>\r\n`: what replicationFeedSlaves appends for argv. */
export function respSize(argv: Argv): number {
  let n = 1 + decimalLength(argv.length) + 2;
  for (const a of argv) {
    const len = utf8Length(a);
    n += 1 + decimalLength(len) + 2 + len + 2;
  }
  return n;
}

/** The multi-bulk text of argv, as sent on the wire. */
export function encodeArgv(argv: Argv): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${utf8Length(a)}\r\n${a}\r\n`;
  return s;
}

/** A RESP reply as data. The engine keeps replies typed so redis-cli-style printing is exact. */
export type Reply =
  | { t: 'simple'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string | null }
  | { t: 'array'; v: Reply[] | null };

export const OK: Reply = { t: 'simple', v: 'OK' };
export const NIL: Reply = { t: 'bulk', v: null };
export const simple = (v: string): Reply => ({ t: 'simple', v });
export const err = (v: string): Reply => ({ t: 'error', v });
export const int = (v: number): Reply => ({ t: 'int', v });
export const bulk = (v: string | null): Reply => ({ t: 'bulk', v });
export const arr = (v: Reply[] | null): Reply => ({ t: 'array', v });

/** The reply's wire bytes (`+OK\r\n`, `-ERR …\r\n`, `:1\r\n`, `$1\r\na\r\n`, `*2\r\n…`). */
export function encodeReply(r: Reply): string {
  switch (r.t) {
    case 'simple':
      return `+${r.v}\r\n`;
    case 'error':
      return `-${r.v}\r\n`;
    case 'int':
      return `:${r.v}\r\n`;
    case 'bulk':
      return r.v === null ? '$-1\r\n' : `$${utf8Length(r.v)}\r\n${r.v}\r\n`;
    case 'array':
      return r.v === null ? '*-1\r\n' : `*${r.v.length}\r\n${r.v.map(encodeReply).join('')}`;
  }
}

/** A reply as a plain JSON value, as the scenario traces record it: errors as {error}. */
export function replyToJson(r: Reply): unknown {
  switch (r.t) {
    case 'simple':
    case 'int':
    case 'bulk':
      return r.v;
    case 'error':
      return { error: r.v };
    case 'array':
      return r.v === null ? null : r.v.map(replyToJson);
  }
}

/** redis-cli's rendering of a reply (`OK`, `(integer) 1`, `"v"`, `(nil)`, `1) "a"`, `(error) ERR …`). */
/** What redis-cli prints for `argv`'s reply: INFO raw (redis-cli forces raw output for INFO), others formatted. */
export function cliText(argv: Argv, r: Reply): string {
  if (r.t === 'bulk' && r.v !== null && argv[0]?.toLowerCase() === 'info')
    return r.v.replaceAll('\r\n', '\n');
  return formatReply(r);
}

export function formatReply(r: Reply, indent = 0): string {
  switch (r.t) {
    case 'simple':
      return r.v;
    case 'error':
      return `(error) ${r.v}`;
    case 'int':
      return `(integer) ${r.v}`;
    case 'bulk':
      return r.v === null ? '(nil)' : quoted(r.v);
    case 'array': {
      if (r.v === null) return '(nil)';
      if (r.v.length === 0) return '(empty array)';
      const width = String(r.v.length).length;
      return r.v
        .map((x, i) => {
          const prefix = `${String(i + 1).padStart(width)}) `;
          const body = formatReply(x, indent + prefix.length);
          return (i === 0 ? '' : ' '.repeat(indent)) + prefix + body;
        })
        .join('\n');
    }
  }
}

/** A bulk string in double quotes, a raw byte (keyspace/bytes.ts) as redis-cli prints it: "\x80". */
function quoted(s: string): string {
  // JSON writes a lone surrogate as \udcXX; a typed backslash is doubled, so an even run before it.
  return JSON.stringify(s).replace(/(?<!\\)((?:\\\\)*)\\udc([89a-f][0-9a-f])/g, '$1\\x$2');
}
