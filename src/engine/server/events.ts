// SimEvent: everything the UI may know. Each event carries `at` (virtual µs) and `seq`
// (a total order). Words are Redis's words.

import type { ReplState } from '../replication/handshake.ts';
import type { PsyncDecision } from '../replication/psync.ts';

interface Base {
  at: number;
  seq: number;
}

export type MessageKind =
  | 'PING'
  | '+PONG'
  | 'AUTH'
  | 'REPLCONF listening-port'
  | 'REPLCONF ip-address'
  | 'REPLCONF capa'
  | 'PSYNC'
  | 'SYNC'
  | '+FULLRESYNC'
  | '+CONTINUE'
  | 'RDB'
  | 'stream'
  | 'REPLCONF ACK'
  | 'REPLCONF GETACK'
  | 'newline'
  | 'reply'
  | 'error';

export type SimEvent =
  | (Base & {
      type: 'message.sent';
      id: number;
      conn: number;
      from: string;
      to: string;
      kind: MessageKind;
      /** A short label (`PSYNC 9f3c… 326`, `SET k:1 v1`, `RDB 31964 bytes`). */
      label: string;
      /** RESP text, cut at 4 KiB for big payloads. */
      resp: string;
      bytes: number;
      sentAt: number;
      deliverAt: number;
      /** For stream chunks: the offset range carried. */
      offsets?: [number, number];
    })
  | (Base & { type: 'message.delivered'; id: number })
  | (Base & { type: 'message.dropped'; id: number; reason: string })
  | (Base & { type: 'node.started'; node: string; port: number; role: 'master' | 'slave' })
  | (Base & { type: 'node.state'; node: string; state: 'running' | 'stopped' | 'down' })
  | (Base & { type: 'node.role'; node: string; role: 'master' | 'slave'; master: string | null })
  | (Base & { type: 'replica.state'; node: string; state: ReplState })
  | (Base & {
      /**
       * The master answered a handshake step with an error. `fatal`: the attempt ends here
       * (AUTH -WRONGPASS, SYNC -NOAUTH: back to REPL_STATE_CONNECT, a retry at the next
       * replicationCron); otherwise Redis goes on (PING -NOAUTH is accepted, a REPLCONF error is
       * "non critical", a PSYNC error falls back to SYNC).
       */
      type: 'handshake.error';
      node: string;
      /** The REPL_STATE_* the replica was in when the reply came. */
      state: ReplState;
      /** The reply as redis-cli shows it: `-WRONGPASS invalid username-password pair…`. */
      reply: string;
      fatal: boolean;
    })
  | (Base & {
      type: 'link.state';
      replica: string;
      master: string;
      state: 'connecting' | 'handshake' | 'transfer' | 'online' | 'down' | 'cut';
    })
  | (Base & { type: 'psync.decided'; master: string; replica: string; decision: PsyncDecision })
  | (Base & {
      type: 'psync.result';
      replica: string;
      master: string;
      /** SYNC: a replica of the sync era (Redis ≤ 2.6) asked with SYNC: a full transfer follows. */
      result: 'CONTINUE' | 'FULLRESYNC' | 'SYNC' | 'ERROR';
      /**
       * FULLRESYNC: the replid the master sent ('' when malformed). It can differ from the replid
       * the master decided with: a master's first replica makes it create its backlog, and 7.0
       * takes a new replid then (replicationCreateMasterClient… `changeReplicationId`).
       */
      replid?: string;
      offset?: number;
      detail?: string;
    })
  | (Base & {
      type: 'backlog.written';
      node: string;
      offset: number;
      histlen: number;
      masterReplOffset: number;
      bytes: number;
    })
  | (Base & { type: 'backlog.trimmed'; node: string; offset: number; histlen: number })
  | (Base & { type: 'backlog.created'; node: string; offset: number })
  | (Base & {
      type: 'backlog.freed';
      node: string;
      reason: 'ttl' | 'fullsync' | 'restart' | 'replicaof' | 'promotion';
    })
  | (Base & {
      type: 'rdb.phase';
      node: string;
      phase:
        | 'bgsave-start'
        | 'bgsave-done'
        | 'transfer-start'
        | 'transfer-done'
        | 'temp-file'
        | 'drop-replicas'
        | 'rename'
        | 'flush'
        | 'load'
        | 'loaded'
        | 'master-client'
        | 'streaming';
      detail?: string;
      bytes?: number;
      peer?: string;
    })
  | (Base & { type: 'offset.acked'; master: string; replica: string; offset: number })
  | (Base & {
      /** A replica over client-output-buffer-limit, flagged to be closed (obuf.ts). */
      type: 'obuf.closed';
      master: string;
      replica: string;
      /** Its SLAVE_STATE_* then: wait_bgsave_end / send_bulk mean a full sync was cut. */
      replstate: string;
      /** Bytes its share of the replication buffer counted, and the limit it reached. */
      used: number;
      limit: number;
      over: 'hard' | 'soft';
    })
  | (Base & { type: 'offset.changed'; node: string; masterReplOffset: number })
  | (Base & {
      type: 'replid.shifted';
      node: string;
      replid: string;
      replid2: string;
      secondReplOffset: number;
      why: string;
    })
  | (Base & { type: 'data.changed'; node: string; keys: string[]; dbsize: number })
  | (Base & {
      /** A WAIT returned: it asked for `asked` replicas and `got` had acknowledged the write. */
      type: 'wait.answered';
      node: string;
      asked: number;
      got: number;
    })
  | (Base & {
      /** Writes `node` acknowledged as a master, thrown away by a full sync from `master` (acked.ts). */
      type: 'writes.lost';
      node: string;
      master: string | null;
      count: number;
      /** The last offset of the node's history that the new master holds. */
      kept: number;
    })
  | (Base & {
      /** A read on a replica found keys whose TTL passed: answered as missing, kept until the DEL. */
      type: 'replica.expired-read';
      node: string;
      keys: string[];
    })
  | (Base & { type: 'log'; node: string; line: string })
  /**
   * A command and its reply as redis-cli prints it. A blocked call (WAIT, SHUTDOWN waiting for
   * replicas) first answers `(blocked) <what it waits for>`; its reply, when it comes, is a second
   * event with `resumed`.
   */
  | (Base & { type: 'command'; node: string; argv: string[]; reply: string; resumed?: true });

export type SimEventType = SimEvent['type'];
