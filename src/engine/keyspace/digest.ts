// DEBUG DIGEST and DEBUG DIGEST-VALUE (debug.c in 7.0.15): a fingerprint of a dataset, equal on two
// nodes exactly when they hold the same keys with the same values, TTL flags and databases — how a
// Redis engineer checks that a replica caught up (`DEBUG DIGEST` on master and replica).
//
// Built from two SHA-1 steps over raw bytes (the UTF-8 of the lab's strings):
//   xorDigest(d, data):  d ^= SHA1(data)                  (order-free: sets, hashes, zsets, keys)
//   mixDigest(d, data):  d = SHA1(d ^ SHA1(data))          (ordered: a list's items, type then value)
// A key's digest starts at zeros: mix(key), mix(type code as 4 big-endian bytes: string 0, list 1,
// set 2, zset 3, hash 4), then the value (a string: mix(text); a list: mix(item) each; a set:
// xor(member) each; a hash / zset: xor of each pair's own digest mix(field)+mix(value) / mix(member)
// +mix(score as %.17g)), then xor("!!expire!!") when the key has a TTL. The dataset: for each db
// holding keys, mix(db index as 4 bytes), then xor(SHA1 of each key's digest). An empty dataset is
// forty zeros. Keys whose TTL passed but are still stored count, as Redis walks its dict.
//   SET a 1 on an empty server → 943d800368fb9c0e951138f1bc0e313ac769d91f (scenario y, step 2)
import { utf8Encode } from './bytes.ts';
import type { Db } from './db.ts';
import { formatDouble17g } from './decimal.ts';
import { sha1, toHex } from './sha1.ts';
import { type KeyType, typeOf, type Value } from './values.ts';

/** server.h OBJ_STRING … OBJ_HASH. */
const TYPE_CODE: Record<KeyType, number> = { string: 0, list: 1, set: 2, zset: 3, hash: 4 };
const EXPIRE_MARK = utf8Encode('!!expire!!');

function xorDigest(digest: Uint8Array, data: Uint8Array): void {
  const h = sha1(data);
  for (let j = 0; j < 20; j++) digest[j] ^= h[j];
}

function mixDigest(digest: Uint8Array, data: Uint8Array): void {
  xorDigest(digest, data);
  digest.set(sha1(digest));
}

/** htonl(n): the 4 bytes Redis mixes for a type code or a db index. */
function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

/** The digest of one element made of two texts (a hash's field and value, a zset's member and score). */
function pairDigest(a: string, b: string): Uint8Array {
  const d = new Uint8Array(20);
  mixDigest(d, utf8Encode(a));
  mixDigest(d, utf8Encode(b));
  return d;
}

/** xorObjectDigest: the value stored at `key` (and its TTL flag) mixed into `digest`. */
function mixValue(db: Db, key: string, digest: Uint8Array, v: Value): void {
  mixDigest(digest, u32(TYPE_CODE[typeOf(v)]));
  if (typeof v === 'string') mixDigest(digest, utf8Encode(v));
  else if (v.type === 'list') for (const item of v.items) mixDigest(digest, utf8Encode(item));
  else if (v.type === 'set') for (const m of v.members) xorDigest(digest, utf8Encode(m));
  else if (v.type === 'hash') for (const [f, x] of v.fields) xorDigest(digest, pairDigest(f, x));
  else for (const [m, score] of v.scores) xorDigest(digest, pairDigest(m, formatDouble17g(score)));
  if (db.expires.has(key)) xorDigest(digest, EXPIRE_MARK);
}

/** DEBUG DIGEST: the whole dataset (computeDatasetDigest), 40 hex digits. */
export function datasetDigest(dbs: readonly Db[]): string {
  const final = new Uint8Array(20);
  for (const [j, db] of dbs.entries()) {
    if (db.data.size === 0) continue;
    mixDigest(final, u32(j));
    for (const [key, v] of db.data) {
      const d = new Uint8Array(20);
      mixDigest(d, utf8Encode(key));
      mixValue(db, key, d, v);
      xorDigest(final, d);
    }
  }
  return toHex(final);
}

/** DEBUG DIGEST-VALUE key: one value without its key's name (zeros for a missing key). */
export function valueDigest(db: Db, key: string): string {
  const d = new Uint8Array(20);
  const v = db.data.get(key);
  if (v !== undefined) mixValue(db, key, d, v);
  return toHex(d);
}
