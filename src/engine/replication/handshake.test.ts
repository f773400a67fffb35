import { describe, expect, it } from 'vitest';
import { drainEvents, runStep, setupScenario } from '../index.ts';
import { snapshotNode } from '../scenario/snapshot.ts';
import type { SimEvent } from '../server/events.ts';
import { REPL_STATES } from './handshake.ts';

type Sent = Extract<SimEvent, { type: 'message.sent' }>;

function attach(config: Record<string, string> = {}, nodeB: Record<string, string> = {}, aclUser?: string[]) {
  const run = setupScenario({ name: 't', nodes: { A: { config }, B: { config: nodeB } }, steps: [] }, 1);
  if (aclUser) runStep(run, { op: 'cmd', node: 'A', cmds: [['ACL', 'SETUSER', ...aclUser]] });
  drainEvents(run.w);
  runStep(run, { op: 'replicaof', node: 'B', master: 'A' });
  return drainEvents(run.w);
}

describe('the replica handshake on the wire (exact RESP bytes, spec §2.2)', () => {
  it('PING, the pipelined REPLCONFs, PSYNC with its own replid and offset+1, then +FULLRESYNC and the RDB', () => {
    const ev = attach();
    const sent = ev.filter((e): e is Sent => e.type === 'message.sent' && e.kind !== 'newline');
    const wire = sent.slice(0, 9).map((m) => [m.from, m.resp.length > 80 ? m.kind : m.resp, m.bytes]);
    expect(wire.slice(0, 7)).toEqual([
      ['B', '*1\r\n$4\r\nPING\r\n', 14],
      ['A', '+PONG\r\n', 7],
      ['B', '*3\r\n$8\r\nREPLCONF\r\n$14\r\nlistening-port\r\n$4\r\n7102\r\n', 49],
      ['B', '*5\r\n$8\r\nREPLCONF\r\n$4\r\ncapa\r\n$3\r\neof\r\n$4\r\ncapa\r\n$6\r\npsync2\r\n', 59],
      ['A', '+OK\r\n', 5],
      ['A', '+OK\r\n', 5],
      ['B', expect.stringMatching(/^\*3\r\n\$5\r\nPSYNC\r\n\$40\r\n[0-9a-f]{40}\r\n\$1\r\n1\r\n$/), 69],
    ]);
    expect(sent[7].resp).toMatch(/^\+FULLRESYNC [0-9a-f]{40} 0\r\n$/);
    expect(sent[8].kind).toBe('RDB');
    expect(sent[8].resp).toMatch(/^\$EOF:[0-9a-z]{40}\r\n/);
    const ack = sent.find((m) => m.kind === 'REPLCONF ACK');
    expect(ack?.resp).toBe('*3\r\n$8\r\nREPLCONF\r\n$3\r\nACK\r\n$1\r\n0\r\n');
  });

  it('walks the REPL_STATE_* sequence in protocol order', () => {
    const states = attach()
      .filter((e) => e.type === 'replica.state' && e.node === 'B')
      .map((e) => (e as Extract<SimEvent, { type: 'replica.state' }>).state);
    expect(states).toEqual([
      'REPL_STATE_CONNECT',
      'REPL_STATE_CONNECTING',
      'REPL_STATE_RECEIVE_PING_REPLY',
      'REPL_STATE_SEND_HANDSHAKE',
      'REPL_STATE_RECEIVE_PORT_REPLY',
      'REPL_STATE_RECEIVE_CAPA_REPLY',
      'REPL_STATE_SEND_PSYNC',
      'REPL_STATE_RECEIVE_PSYNC_REPLY',
      'REPL_STATE_TRANSFER',
      'REPL_STATE_CONNECTED',
    ]);
    const order = states.map((s) => REPL_STATES.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('sends AUTH <user> <pass> first with masteruser (38 bytes for repl/replpass)', () => {
    const ev = attach({ requirepass: 'x' }, { masteruser: 'repl', masterauth: 'replpass' });
    const auth = ev.find((e): e is Sent => e.type === 'message.sent' && e.kind === 'AUTH');
    expect(auth?.resp).toBe('*3\r\n$4\r\nAUTH\r\n$4\r\nrepl\r\n$8\r\nreplpass\r\n');
    expect(auth?.bytes).toBe(38);
  });

  it('without masterauth against requirepass: PING gets -NOAUTH (accepted), PSYNC -NOAUTH, then the SYNC fallback', () => {
    const lines = attach({ requirepass: 's3cret' })
      .filter((e) => e.type === 'log' && e.node === 'B')
      .map((e) => (e as Extract<SimEvent, { type: 'log' }>).line);
    expect(lines).toContain('S * Master replied to PING, replication can continue...');
    expect(lines).toContain('S # Unexpected reply to PSYNC from master: -NOAUTH Authentication required.');
    expect(lines).toContain('S * Retrying with SYNC...');
    expect(lines).toContain('S # MASTER aborted replication with an error: NOAUTH Authentication required.');
  });

  it('with replica-announce-ip: REPLCONF ip-address between listening-port and capa, each +OK, then it attaches (o2)', () => {
    const ev = attach(
      { requirepass: 's3cret' },
      { masteruser: 'repl', masterauth: 'replpass', 'replica-announce-ip': '10.0.0.2' },
      ['repl', 'on', '>replpass', '+psync', '+replconf', '+ping'],
    );
    const sent = ev.filter((e): e is Sent => e.type === 'message.sent' && e.kind !== 'newline');
    // As the proxy captured it on 7.0.15: PING → -NOAUTH, then the pipelined batch, one +OK per command.
    expect(sent.slice(0, 10).map((m) => [m.from, m.resp, m.bytes])).toEqual([
      ['B', '*1\r\n$4\r\nPING\r\n', 14],
      ['A', '-NOAUTH Authentication required.\r\n', 34],
      ['B', '*3\r\n$4\r\nAUTH\r\n$4\r\nrepl\r\n$8\r\nreplpass\r\n', 38],
      ['B', '*3\r\n$8\r\nREPLCONF\r\n$14\r\nlistening-port\r\n$4\r\n7102\r\n', 49],
      ['B', '*3\r\n$8\r\nREPLCONF\r\n$10\r\nip-address\r\n$8\r\n10.0.0.2\r\n', 49],
      ['B', '*5\r\n$8\r\nREPLCONF\r\n$4\r\ncapa\r\n$3\r\neof\r\n$4\r\ncapa\r\n$6\r\npsync2\r\n', 59],
      ['A', '+OK\r\n', 5],
      ['A', '+OK\r\n', 5],
      ['A', '+OK\r\n', 5],
      ['A', '+OK\r\n', 5],
    ]);
    const states = ev.filter((e) => e.type === 'replica.state').map((e) => (e as { state: string }).state);
    expect(states).toContain('REPL_STATE_RECEIVE_IP_REPLY');
    expect(states.at(-1)).toBe('REPL_STATE_CONNECTED');
    const logs = ev.filter((e) => e.type === 'log').map((e) => (e as { line: string }).line);
    expect(logs).toContain('M * Replica 10.0.0.2:7102 asks for synchronization');
  });

  it('an announced address shows in INFO slaveN and ROLE; one of 256+ bytes is refused but not critical', () => {
    const run = setupScenario(
      {
        name: 't',
        nodes: {
          A: {},
          B: { config: { 'replica-announce-ip': 'h'.repeat(256) } },
          C: { config: { 'replica-announce-ip': 'replica-c.example', 'replica-announce-port': '7999' } },
        },
        steps: [],
      },
      1,
    );
    runStep(run, { op: 'replicaof', node: 'B', master: 'A' });
    runStep(run, { op: 'replicaof', node: 'C', master: 'A' });
    runStep(run, { op: 'wait-sync' });
    const a = snapshotNode(run.w, run.w.nodes.get('A')!, 0);
    expect(a.replication?.slave0).toMatchObject({ ip: '127.0.0.1', port: 7102, state: 'online' });
    expect(a.replication?.slave1).toMatchObject({ ip: 'replica-c.example', port: 7999, state: 'online' });
    expect(a.role?.[2]).toEqual([
      ['127.0.0.1', '7102', String(run.w.nodes.get('A')!.masterReplOffset)],
      ['replica-c.example', '7999', String(run.w.nodes.get('A')!.masterReplOffset)],
    ]);
    expect(run.w.nodes.get('B')!.log).toContain(
      'S * (Non critical) Master does not understand REPLCONF ip-address: -ERR REPLCONF ip-address provided by replica instance is too long: 256 bytes',
    );
  });
});
