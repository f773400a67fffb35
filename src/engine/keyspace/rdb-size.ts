// The size of the RDB file (version 10, Redis 7.0) this keyspace would be saved as: what a full
// sync transfers after `$<size>\r\n`. Layout (rdb.c rdbSaveRio):
//   "REDIS0010"                                                                  9 bytes
//   aux fields, each 0xFA + key string + value string: redis-ver "7.0.15", redis-bits 64, ctime,
//   used-mem, [repl-stream-db, repl-id, repl-offset when the save carries replication info],
//   aof-base 0
//   per non-empty db: 0xFE + len(db), 0xFB + len(keys) + len(keys with TTL)
//   per key: [0xFC + 8-byte ms expire] + type byte + key string + value
//   0xFF + 8-byte CRC64
// Strings: up to 11 chars that are a canonical integer fitting int32 use the int encodings (2, 3
// or 5 bytes); longer than 20 bytes, LZF when it saves 4+ bytes; else length + bytes.
// Lengths: < 64 → 1 byte, < 16384 → 2, < 2^32 → 5, else 9.
// Calibration (real 7.0.15, redis-cli --rdb): empty keyspace with repl info at offset 9579 →
// 173 bytes; 2000 keys `seed:{i}` → `s{i}` at offset 85388 → 31967 bytes (both exact here).
// Estimates, not exact: ctime and used-mem are taken as 5-byte int32 values (true while used
// memory is under 2 GB); expired keys are saved like live ones (so does Redis); a list is packed
// into 8 KB quicklist nodes in order, as if built by RPUSH (pushes and pops at the head can split
// Redis's nodes differently by a few bytes).
import { utf8Encode } from './bytes.ts';
import type { Db } from './db.ts';
import { formatDouble17g } from './decimal.ts';
import { intsetBytes, listpackBytes, listpackEntrySize } from './listpack.ts';
import { lzfCompressedLength } from './lzf.ts';
import { setMembers } from './sets.ts';
import type { Value } from './values.ts';
import { zsetEntries } from './zsets.ts';

/** Replication info saved as aux fields (rdbPopulateSaveInfo); null for a plain save. */
export interface RdbAux {
  replid: string;
  offset: number;
  streamDb: number;
}

const REDIS_VERSION = '7.0.15';
/** A 10-digit unix time and a ~1 MB used-mem: both int32-encoded, 5 bytes each. */
const CTIME_SAMPLE = '1764000000';
const USED_MEM_SAMPLE = '1048576';

/** rdbSaveLen. */
export function lenSize(n: number): number {
  return n < 64 ? 1 : n < 16384 ? 2 : n <= 0xffffffff ? 5 : 9;
}

/** rdbTryIntegerEncoding's result size, or 0 when the string is not int-encodable. */
function intEncodingSize(s: string): number {
  if (s.length === 0 || s.length > 11 || !/^(0|-?[1-9][0-9]*)$/.test(s)) return 0;
  const v = Number(s);
  if (v >= -128 && v <= 127) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 0;
}

/** rdbSaveRawString of raw bytes: LZF when longer than 20 bytes and worth it, else len + bytes. */
function rawSize(bytes: Uint8Array): number {
  const len = bytes.length;
  if (len > 20) {
    const c = lzfCompressedLength(bytes, len - 4);
    if (c > 0) return 1 + lenSize(c) + lenSize(len) + c;
  }
  return lenSize(len) + len;
}

/** A string as the RDB writer stores it (key names, string values, members, fields). */
export function stringSize(s: string): number {
  return intEncodingSize(s) || rawSize(utf8Encode(s));
}

/** Quicklist nodes: elements packed in order while node bytes + element + 8 stay ≤ 8192 (fill -2). */
function quicklistNodes(items: readonly string[]): string[][] {
  const nodes: string[][] = [];
  let cur: string[] = [];
  let curBytes = 7;
  for (const item of items) {
    const raw = utf8Encode(item).length;
    if (cur.length > 0 && curBytes + raw + 8 > 8192) {
      nodes.push(cur);
      cur = [];
      curBytes = 7;
    }
    cur.push(item);
    curBytes += listpackEntrySize(item);
  }
  if (cur.length > 0) nodes.push(cur);
  return nodes;
}

/** d2string: how a listpack zset stores a score ("1", "1.5", "inf", "-0"). */
function scoreText(s: number): string {
  if (Object.is(s, -0)) return '-0';
  if (Number.isInteger(s) && Math.abs(s) < 2 ** 52) return String(s);
  return formatDouble17g(s);
}

/** Type byte + value, by 7.0's encoding of the value. */
function valueSize(v: Value): number {
  if (typeof v === 'string') return 1 + stringSize(v);
  switch (v.type) {
    case 'list': {
      const nodes = quicklistNodes(v.items);
      let n = 1 + lenSize(nodes.length);
      for (const node of nodes) n += lenSize(2) + rawSize(listpackBytes(node));
      return n;
    }
    case 'set': {
      if (v.enc === 'intset') return 1 + rawSize(intsetBytes(setMembers(v)));
      let n = 1 + lenSize(v.members.size);
      for (const m of v.members) n += stringSize(m);
      return n;
    }
    case 'hash': {
      if (v.enc === 'listpack') return 1 + rawSize(listpackBytes([...v.fields].flat()));
      let n = 1 + lenSize(v.fields.size);
      for (const [f, val] of v.fields) n += stringSize(f) + stringSize(val);
      return n;
    }
    case 'zset': {
      const entries = zsetEntries(v);
      if (v.enc === 'listpack')
        return 1 + rawSize(listpackBytes(entries.flatMap(([m, s]) => [m, scoreText(s)])));
      let n = 1 + lenSize(entries.length);
      for (const [m] of entries) n += stringSize(m) + 8;
      return n;
    }
  }
}

function auxSize(key: string, value: string): number {
  return 1 + stringSize(key) + stringSize(value);
}

export function rdbSize(dbs: readonly Db[], aux: RdbAux | null): number {
  let n = 9;
  n += auxSize('redis-ver', REDIS_VERSION);
  n += auxSize('redis-bits', '64');
  n += auxSize('ctime', CTIME_SAMPLE);
  n += auxSize('used-mem', USED_MEM_SAMPLE);
  if (aux) {
    n += auxSize('repl-stream-db', String(aux.streamDb));
    n += auxSize('repl-id', aux.replid);
    n += auxSize('repl-offset', String(aux.offset));
  }
  n += auxSize('aof-base', '0');
  dbs.forEach((db, i) => {
    if (db.data.size === 0) return;
    n += 1 + lenSize(i) + 1 + lenSize(db.data.size) + lenSize(db.expires.size);
    for (const [key, v] of db.data) {
      if (db.expires.has(key)) n += 9;
      n += stringSize(key) + valueSize(v);
    }
  });
  return n + 1 + 8;
}
