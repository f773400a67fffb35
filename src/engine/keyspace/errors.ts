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

/** `ERR invalid expire time in 'set' command`: the command's table name (setex, getex, expire, …). */
export function expireTimeError(name: string): Reply {
  return err(`ERR invalid expire time in '${name}' command`);
}
