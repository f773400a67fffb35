// While a master's FAILOVER waits for a replica to catch up: whom it waits for, the offset that
// replica must acknowledge, and how far its last ACK is short. A FAILOVER without TIMEOUT keeps
// PINGing (7.0), and over the lab's slow links each PING can reach the target just after its ACK
// left — then every ACK is one PING short until the crons drift apart (server/lifecycle.ts
// FAILOVER_TICK_LATE_US). Once the wait has outlasted one ACK, saying so turns what looks like a
// hang into the lesson it is.
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';

/** One ACK period (once a second) and a round trip: waited longer, the last ACK came after FAILOVER. */
const PAST_ONE_ACK_US = 1_200_000;

/** The replica FAILOVER waits for: its target, else the one closest to caught up. */
function waitedFor(name: string) {
  return (s: ReturnType<typeof useLab.getState>) => {
    const v = s.views[name];
    if (v?.failover !== 'waiting-for-sync' || !v.failoverTo) return null;
    const { port, timed, since } = v.failoverTo;
    const online = v.replicas.filter((r) => r.state === 'online');
    const r =
      port === null
        ? online.reduce<(typeof online)[0] | null>((b, x) => (b && b.ackOffset >= x.ackOffset ? b : x), null)
        : v.replicas.find((x) => x.port === port);
    const long = s.t - since > PAST_ONE_ACK_US;
    return r ? { replica: r.name, ack: r.ackOffset, offset: v.masterReplOffset, timed, long } : null;
  };
}

export function FailoverWait({ name }: { name: string }) {
  const t = useT();
  const w = useLab(useShallow(waitedFor(name)));
  if (!w) return null;
  const short = w.offset - w.ack;
  return (
    <section className="failover-wait" aria-label={t('failover.title', { replica: w.replica })}>
      <p>
        <strong>{t('failover.title', { replica: w.replica })}</strong>{' '}
        {short > 0
          ? t('failover.ack', { replica: w.replica, offset: w.offset, ack: w.ack, short })
          : t('failover.caughtUp', { replica: w.replica, name, ack: w.ack })}
      </p>
      {short > 0 && w.long && (
        <p className="dim">
          {w.timed ? t('failover.timed', { name }) : t('failover.pings', { name, replica: w.replica })}
        </p>
      )}
    </section>
  );
}
