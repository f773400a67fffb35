// rdbLoadObject's encodings. A server loading an RDB builds every aggregate afresh, so a value that
// grew out of its compact encoding and shrank again gets it back: checked on redis-server 7.0.15, a
// hash grown to 600 fields then cut to 10 is `hashtable` on the master and `listpack` on its
// replica after the full sync (and on the master itself after a restart from its dump.rdb). The
// encoding decides SMEMBERS order (an intset is sorted), HSCAN/SSCAN/ZSCAN in one call, and the
// size of the next RDB that node writes. Lists have one encoding in 7.0 (quicklist).
import type { Db } from './db.ts';
import { hashListpackFits } from './hashes.ts';
import { intsetFits } from './sets.ts';
import type { Aggregate } from './values.ts';
import { zsetListpackFits } from './zsets.ts';

/** The encoding a loading server gives `v` (the same config on both sides: the lab's defaults). */
export function loadedEncoding(v: Aggregate): string | null {
  switch (v.type) {
    case 'list':
      return null;
    case 'set':
      return intsetFits(v.members) ? 'intset' : 'hashtable';
    case 'hash':
      return hashListpackFits(v.fields) ? 'listpack' : 'hashtable';
    case 'zset':
      return zsetListpackFits(v.scores) ? 'listpack' : 'skiplist';
  }
}

/** Re-encode a just-loaded database's aggregates (copy-on-write: the RDB file's own stay as saved). */
export function reencodeLoaded(db: Db): void {
  for (const [key, v] of db.data) {
    if (typeof v === 'string' || v.type === 'list') continue;
    const enc = loadedEncoding(v);
    if (enc === null || enc === v.enc) continue;
    const mine = db.mutable(key, v);
    (mine as { enc: string }).enc = enc;
  }
}
