// The replica's link states (src/server.h `repl_state`, 6.2+), in protocol order, and the exact
// bytes of each handshake message. Since 6.2 AUTH / REPLCONF listening-port / REPLCONF ip-address
// (only with replica-announce-ip) / REPLCONF capa are written in one go (SEND_HANDSHAKE) and their
// replies consumed one per RECEIVE_* state, in that order.
import type { Argv } from '../core/resp.ts';

export const REPL_STATES = [
  'REPL_STATE_NONE', // not a replica
  'REPL_STATE_CONNECT', // must (re)connect; replicationCron calls connectWithMaster
  'REPL_STATE_CONNECTING', // non-blocking connect in progress
  'REPL_STATE_RECEIVE_PING_REPLY', // PING sent, waiting for +PONG (or -NOAUTH)
  'REPL_STATE_SEND_HANDSHAKE', // about to write AUTH + REPLCONFs in one batch
  'REPL_STATE_RECEIVE_AUTH_REPLY', // only with masterauth
  'REPL_STATE_RECEIVE_PORT_REPLY', // REPLCONF listening-port
  'REPL_STATE_RECEIVE_IP_REPLY', // only with replica-announce-ip
  'REPL_STATE_RECEIVE_CAPA_REPLY', // REPLCONF capa eof capa psync2
  'REPL_STATE_SEND_PSYNC', // about to send PSYNC
  'REPL_STATE_RECEIVE_PSYNC_REPLY', // waiting for +FULLRESYNC / +CONTINUE / an error
  'REPL_STATE_TRANSFER', // receiving the RDB
  'REPL_STATE_CONNECTED', // streaming
] as const;

export type ReplState = (typeof REPL_STATES)[number];

/** ROLE's state word (replicationGetSlaveStateName-like mapping used by ROLE). */
export function roleStateName(s: ReplState): string {
  switch (s) {
    case 'REPL_STATE_NONE':
      return 'none';
    case 'REPL_STATE_CONNECT':
      return 'connect';
    case 'REPL_STATE_CONNECTING':
      return 'connecting';
    case 'REPL_STATE_TRANSFER':
      return 'sync';
    case 'REPL_STATE_CONNECTED':
      return 'connected';
    default:
      return 'handshake';
  }
}

/** True in the states where cron's "Timeout connecting to the MASTER" applies. */
export function isHandshakeState(s: ReplState): boolean {
  const i = REPL_STATES.indexOf(s);
  return (
    i >= REPL_STATES.indexOf('REPL_STATE_CONNECTING') &&
    i <= REPL_STATES.indexOf('REPL_STATE_RECEIVE_PSYNC_REPLY')
  );
}

export const PING_ARGV: Argv = ['PING'];

export function authArgv(masteruser: string, masterauth: string): Argv {
  return masteruser ? ['AUTH', masteruser, masterauth] : ['AUTH', masterauth];
}

export function listeningPortArgv(port: number): Argv {
  return ['REPLCONF', 'listening-port', String(port)];
}

/** Only with replica-announce-ip: e.g. 10.0.0.2 → 49 bytes (`*3 $8 REPLCONF $10 ip-address $8 10.0.0.2`). */
export function ipAddressArgv(ip: string): Argv {
  return ['REPLCONF', 'ip-address', ip];
}

/** REPLCONF capa …: 7.0 sends `capa eof capa psync2`; each era its own (era.ts `capa`), 2.6 none. */
export function capaArgv(capa: readonly string[] | null): Argv | null {
  return capa ? ['REPLCONF', ...capa] : null;
}

/** PSYNC <replid> <offset+1>, or PSYNC ? -1 without a cached master. */
export function psyncArgv(cached: { replid: string; reploff: number } | null): Argv {
  return cached ? ['PSYNC', cached.replid, String(cached.reploff + 1)] : ['PSYNC', '?', '-1'];
}

export function ackArgv(offset: number): Argv {
  return ['REPLCONF', 'ACK', String(offset)];
}
