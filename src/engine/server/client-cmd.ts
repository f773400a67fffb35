// CLIENT: a node's view of its connections (networking.c clientCommand). Three kinds are listed:
// the caller (a normal client: the console, the scenario runner), the server-side connections of
// other nodes (normal during the handshake, `replica` once their SYNC/PSYNC was accepted) and, on a
// replica, its master client. Lab console clients of other nodes are not connections of this node.
//
// A CLIENT LIST line carries Redis 7.0's fields in Redis's order, but only those the lab tracks:
//   id addr laddr fd name age idle flags db sub psub ssub multi cmd user redir resp
// The query/output buffer and event-loop fields (qbuf … tot-mem, events) are left out rather than
// invented; sub/psub/ssub are 0 (no client here subscribes), redir -1, resp 2.
// Checked on redis-server 7.0.15: `CLIENT LIST TYPE replica` on a master with one replica lists
// `id=3 … flags=S db=0 … cmd=replconf user=default …`; on that replica `CLIENT LIST TYPE master`
// lists `… addr=127.0.0.1:<master port> … flags=M … cmd=ping user=(superuser) …`.

import { type Argv, bulk, err, int, NIL, OK, type Reply } from '../core/resp.ts';
import { parseInt64 } from '../keyspace/numbers.ts';
import { dropReplicaClient, forgetClient } from '../replication/master.ts';
import { freeMasterClient } from '../replication/replica.ts';
import type { ClientCtx } from './commands.ts';
import { clientAddr, nodeAddr, secOf, unixMs, unixSec } from './emit.ts';
import { closeEnd } from './net.ts';
import { clientPause, writesPaused } from './pause.ts';
import type { Micros, Node, World } from './world.ts';

type ClientType = 'normal' | 'replica' | 'master' | 'pubsub';

/** One connection as CLIENT sees it; `kill` closes it. */
interface ClientRow {
  id: number;
  addr: string;
  laddr: string;
  fd: number;
  name: string;
  ctime: Micros;
  lastInteraction: Micros;
  flags: string;
  db: number;
  multi: number;
  cmd: string;
  user: string;
  type: ClientType;
  kill: () => void;
}

/** getClientTypeByName: `slave` is `replica`'s old name; anything else is unknown. */
function clientType(name: string): ClientType | null {
  const l = name.toLowerCase();
  if (l === 'slave') return 'replica';
  return l === 'normal' || l === 'replica' || l === 'master' || l === 'pubsub' ? l : null;
}

/** Every connection of `node`, in creation (= id) order, as Redis keeps server.clients. */
function clientRows(w: World, node: Node, caller: ClientCtx): ClientRow[] {
  const local = nodeAddr(node.port);
  const rows: ClientRow[] = [
    {
      ...callerFields(caller),
      addr: clientAddr('console', caller.id),
      laddr: local,
      fd: 8,
      type: 'normal',
      kill: () => {
        caller.closeAfterReply = true;
      },
    },
  ];
  for (const sc of node.clients.values()) {
    const s = sc.replica;
    rows.push({
      id: sc.id,
      addr: clientAddr('node', sc.id),
      laddr: local,
      fd: 9,
      name: '',
      ctime: sc.ctime,
      lastInteraction: sc.lastInteraction,
      flags: s ? 'S' : 'N',
      db: 0,
      multi: -1,
      cmd: sc.lastcmd,
      user: sc.user,
      type: s ? 'replica' : 'normal',
      kill: () => {
        if (s) dropReplicaClient(w, node, s, '');
        else {
          const conn = w.conns.get(sc.conn);
          if (conn) closeEnd(w, conn, node.name);
          forgetClient(w, node, sc.id);
        }
      },
    });
  }
  const m = node.master;
  if (m && node.link) {
    // The replica's end of the connection is the address the master lists for it.
    const onMaster = node.link.conn !== null ? w.conns.get(node.link.conn)?.serverClientId : undefined;
    rows.push({
      id: m.id,
      addr: `${node.link.masterHost}:${node.link.masterPort}`,
      laddr: onMaster ? clientAddr('node', onMaster) : nodeAddr(0),
      fd: 8,
      name: '',
      ctime: m.ctime,
      lastInteraction: m.lastInteraction,
      flags: 'M',
      db: m.db,
      multi: -1,
      cmd: m.lastcmd,
      user: '(superuser)',
      type: 'master',
      kill: () => freeMasterClient(w, node, 'cache'),
    });
  }
  return rows.sort((a, b) => a.id - b.id);
}

function callerFields(c: ClientCtx) {
  return {
    id: c.id,
    name: c.name,
    ctime: c.ctime,
    lastInteraction: c.lastInteraction,
    flags: c.multi !== null ? 'x' : 'N',
    db: c.db,
    multi: c.multi !== null ? c.multi.length : -1,
    cmd: c.lastcmd,
    user: c.user,
  };
}

/** catClientInfoString, for the fields the lab tracks (see the top of the file). */
function infoLine(w: World, r: ClientRow): string {
  const now = unixSec(w);
  return (
    `id=${r.id} addr=${r.addr} laddr=${r.laddr} fd=${r.fd} name=${r.name} ` +
    `age=${now - secOf(w, r.ctime)} idle=${now - secOf(w, r.lastInteraction)} flags=${r.flags} ` +
    `db=${r.db} sub=0 psub=0 ssub=0 multi=${r.multi} cmd=${r.cmd} user=${r.user} redir=-1 resp=2`
  );
}

const lines = (w: World, rows: ClientRow[]) => bulk(rows.map((r) => `${infoLine(w, r)}\n`).join(''));

/** A client id argument: 1 … LONG_MAX, else `msg` (getRangeLongFromObjectOrReply). */
function clientId(text: string, msg: string): number | Reply {
  const v = parseInt64(text);
  return v === null || v < 1n ? err(`ERR ${msg}`) : Number(v);
}

/** CLIENT LIST [TYPE type | ID id [id …]]: with IDs, in the order given, unknown ones skipped. */
function clientList(w: World, node: Node, c: ClientCtx, argv: Argv): Reply {
  const rows = clientRows(w, node, c);
  const opt = argv[2]?.toLowerCase();
  if (argv.length === 4 && opt === 'type') {
    const type = clientType(argv[3]);
    if (!type) return err(`ERR Unknown client type '${argv[3]}'`);
    return lines(
      w,
      rows.filter((r) => r.type === type),
    );
  }
  if (argv.length > 3 && opt === 'id') {
    const picked: ClientRow[] = [];
    for (const a of argv.slice(3)) {
      const id = clientId(a, 'Invalid client ID');
      if (typeof id !== 'number') return id;
      const r = rows.find((x) => x.id === id);
      if (r) picked.push(r);
    }
    return lines(w, picked);
  }
  if (argv.length !== 2) return err('ERR syntax error');
  return lines(w, rows);
}

interface KillFilter {
  addr?: string;
  laddr?: string;
  type?: ClientType;
  id?: number;
  user?: string;
  skipme: boolean;
}

/** CLIENT KILL's filters: `CLIENT KILL addr` (old form, may kill the caller) or option/value pairs. */
function killFilter(node: Node, argv: Argv): KillFilter | Reply {
  if (argv.length === 3) return { addr: argv[2], skipme: false };
  if (argv.length < 3) return err('ERR syntax error');
  const f: KillFilter = { skipme: true };
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    const v = argv[i + 1];
    if (v === undefined) return err('ERR syntax error');
    if (opt === 'id') {
      const id = clientId(v, 'client-id should be greater than 0');
      if (typeof id !== 'number') return id;
      f.id = id;
    } else if (opt === 'type') {
      const type = clientType(v);
      if (!type) return err(`ERR Unknown client type '${v}'`);
      f.type = type;
    } else if (opt === 'addr') f.addr = v;
    else if (opt === 'laddr') f.laddr = v;
    else if (opt === 'user') {
      if (v !== 'default' && !node.users.has(v)) return err(`ERR No such user '${v}'`);
      f.user = v;
    } else if (opt === 'skipme') {
      const l = v.toLowerCase();
      if (l !== 'yes' && l !== 'no') return err('ERR syntax error');
      f.skipme = l === 'yes';
    } else return err('ERR syntax error');
  }
  return f;
}

/** CLIENT KILL: the old form answers OK / "No such client", the new one the number killed. */
function clientKill(w: World, node: Node, c: ClientCtx, argv: Argv): Reply {
  const f = killFilter(node, argv);
  if (!('skipme' in f)) return f;
  const hit = clientRows(w, node, c).filter(
    (r) =>
      (f.addr === undefined || r.addr === f.addr) &&
      (f.laddr === undefined || r.laddr === f.laddr) &&
      (f.type === undefined || r.type === f.type) &&
      (f.id === undefined || r.id === f.id) &&
      (f.user === undefined || r.user === f.user) &&
      !(f.skipme && r.id === c.id),
  );
  for (const r of hit) r.kill();
  if (argv.length === 3) return hit.length === 0 ? err('ERR No such client') : OK;
  return int(hit.length);
}

/** CLIENT SETNAME: printable ASCII without spaces ('!' … '~'); an empty name clears it. */
function setName(c: ClientCtx, name: string): Reply {
  if (!/^[!-~]*$/.test(name))
    return err('ERR Client names cannot contain spaces, newlines or special characters.');
  c.name = name;
  return OK;
}

/**
 * The CLIENT subcommands the lab runs; null for the others (the caller answers with its "does not
 * run" error). Arity was checked against the 7.0 table before.
 */
export function clientCommand(w: World, node: Node, c: ClientCtx, argv: Argv): Reply | null {
  switch (argv[1].toLowerCase()) {
    case 'id':
      return int(c.id);
    case 'setname':
      return setName(c, argv[2]);
    case 'getname':
      return c.name === '' ? NIL : bulk(c.name);
    case 'info': {
      const self = clientRows(w, node, c).find((r) => r.id === c.id)!;
      return bulk(`${infoLine(w, self)}\n`);
    }
    case 'list':
      return clientList(w, node, c, argv);
    case 'kill':
      return clientKill(w, node, c, argv);
    case 'pause':
    case 'unpause': {
      const e = clientPause(node, unixMs(w), argv);
      if (e) return err(e);
      // UNPAUSE: the held commands run (a pause that lapses is lifted by serverCron).
      if (!writesPaused(node)) w.queue.push(w.now, { t: 'unpause', node: node.name, gen: node.gen });
      return OK;
    }
  }
  return null;
}
