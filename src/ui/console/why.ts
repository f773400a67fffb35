// Which "why" cards a console reply deserves: the answers that surprise on a replica (texts in
// the catalogs, the same cards the decision panel shows). Pure: tested with the replies Redis gives.
import type { WhyCard } from '../decision/why.ts';

export interface ConsoleWhyContext {
  /** The engine reported that this command read keys whose TTL had passed on a replica. */
  expiredRead: boolean;
}

export function consoleCards(argv: string[], reply: string, ctx: ConsoleWhyContext): WhyCard[] {
  if (/^\(error\) (LOADING|MASTERDOWN) /.test(reply)) return ['readsDuringSync'];
  // A command or parameter real Redis 7.0 has and the lab leaves out (keyspace/redis-names.ts,
  // core/redis-params.ts).
  if (
    /^\(error\) ERR (CONFIG SET )?'[^']+' is a Redis 7\.0 (command|parameter) that PSYNC Lab does not/.test(
      reply,
    )
  )
    return ['notModelled'];
  if (ctx.expiredRead) return ['expiredOnReplica'];
  // WAIT n answered fewer than n: the write is acknowledged anyway, on fewer replicas than asked.
  const got = /^\(integer\) (\d+)$/.exec(reply);
  if (got && argv[0]?.toLowerCase() === 'wait' && Number(got[1]) < Number(argv[1]))
    return ['waitNotConsistency'];
  return [];
}
