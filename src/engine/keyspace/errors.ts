// Redis 7.0's error replies for the data commands, word for word (checked against 7.0.15 by
// golden.test.ts). Shared objects in Redis (shared.wrongtypeerr, shared.syntaxerr, …) become
// constants here.
import { err, type Reply } from '../core/resp.ts';

export const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
export const NOT_INTEGER = err('ERR value is not an integer or out of range');
export const NOT_FLOAT = err('ERR value is not a valid float');
export const SYNTAX = err('ERR syntax error');
export const OVERFLOW = err('ERR increment or decrement would overflow');
export const MUST_BE_POSITIVE = err('ERR value is out of range, must be positive');
export const NO_SUCH_KEY = err('ERR no such key');

/**
 * The lab's own limits, where a short command would make a real server build something huge (it
 * tries, and may run out of memory): `SRANDMEMBER s -5000000000` answers 5 000 000 000 members;
 * `SETRANGE s 500000000 x` makes a 500 MB string. Not Redis errors: the lab refuses instead of dying.
 */
export const LAB_MAX_REPLY_ELEMENTS = 1_000_000;
export const LAB_MAX_STRING_BYTES = 64 * 1024 * 1024;
export const LAB_REPLY_TOO_LONG = err(
  `ERR the lab builds no reply of more than ${LAB_MAX_REPLY_ELEMENTS} elements (a real server would try)`,
);
export const LAB_STRING_TOO_LONG = err(
  'ERR the lab keeps no string over 64 MB (a real server allows up to proto-max-bulk-len, 512 MB)',
);
/**
 * SORT … BY … ALPHA where values tie: Redis outputs them in its input order, which for a set or a
 * sorted set is its hash table's (and with a narrowing LIMIT its partial quicksort's): the lab
 * cannot know it, so it refuses rather than answer (or STORE) another order (sort.ts).
 */
export const LAB_SORT_TIES = err(
  "ERR the lab cannot order equal BY … ALPHA values as Redis does here (they follow its hash table's or partial quicksort's order)",
);

/** `ERR invalid expire time in 'set' command`: the command's table name (setex, getex, expire, …). */
export function expireTimeError(name: string): Reply {
  return err(`ERR invalid expire time in '${name}' command`);
}
