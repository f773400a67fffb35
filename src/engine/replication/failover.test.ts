// The coordinated FAILOVER and CLIENT PAUSE (the same pause): what the scenarios pe/pf/pg/ph (recorded from redis-server 7.0.15) do not
// pin down step by step — the held write and its late reply, reads of expired keys while writes are
// paused, no PING while a timed failover waits, and the command's absence before 6.2.
import { describe, expect, it } from 'vitest';
import type { Argv, Reply } from '../core/resp.ts';
import { call, newClient, runStep, runUntil, setupScenario } from '../index.ts';
import type { CallResult } from '../server/commands.ts';
import { SEC } from '../server/emit.ts';
import type { Node } from '../server/world.ts';
import type { Era } from './era.ts';

function cluster(era?: Era) {
  const nodes = { A: {}, B: { replicaof: 'A' }, C: { replicaof: 'A' } };
  const run = setupScenario({ name: 't', nodes, steps: [], ...(era ? { era } : {}) }, 7);
  runStep(run, { op: 'wait-sync' });
  const node = (n: string) => run.w.nodes.get(n)!;
  const client = newClient(run.w, node('A'));
  const send = (n: Node, ...argv: Argv): CallResult =>
    call(run.w, n, n === node('A') ? client : newClient(run.w, n), argv);
  const exec = (n: Node, ...argv: Argv): Reply => {
    const r = send(n, ...argv);
    if (!('reply' in r)) throw new Error(`blocked: ${r.pending.waiting}`);
    return r.reply;
  };
  return { run, w: run.w, node, send, exec };
}

const OK: Reply = { t: 'simple', v: 'OK' };
const ERR = (v: string): Reply => ({ t: 'error', v });

describe('FAILOVER', () => {
  it('hands the master role to the caught-up replica; nobody full-syncs', () => {
    const { run, w, node, exec } = cluster();
    const [a, b, c] = ['A', 'B', 'C'].map(node);
    exec(a, 'SET', 'k', 'v');
    runStep(run, { op: 'wait-sync' });
    const oldId = a.replid;
    const offset = a.masterReplOffset;
    expect(exec(a, 'FAILOVER')).toEqual(OK);
    runUntil(w, w.now + SEC);
    expect(b.link).toBeNull();
    expect(b.replid2).toBe(oldId);
    expect(b.secondReplOffset).toBe(offset + 1);
    expect(a.link?.master).toBe('B');
    expect(a.replid).toBe(b.replid);
    expect(c.link?.master).toBe('A'); // FAILOVER repoints nobody else: C is now chained under A
    expect(a.failover).toBeNull();
    for (const n of [a, b, c]) expect(n.stats.sync_full).toBe(n === a ? 2 : 0);
    expect(b.stats.sync_partial_ok).toBe(1);
    expect(a.stats.sync_partial_ok).toBe(1);
  });

  it('holds a write sent while it waits, and answers it when the failover ends', () => {
    const { run, w, node, send, exec } = cluster();
    const [a, , c] = ['A', 'B', 'C'].map(node);
    runStep(run, { op: 'stop', node: 'C' });
    exec(a, 'SET', 'lag', '1'); // C cannot acknowledge this
    expect(exec(a, 'FAILOVER', 'TO', '127.0.0.1', String(c.port), 'TIMEOUT', '2000')).toEqual(OK);
    const held = send(a, 'SET', 'held', '1');
    expect('pending' in held).toBe(true);
    if (!('pending' in held)) return;
    expect(held.pending.waiting).toMatch(/writes are paused/);
    expect(exec(a, 'GET', 'held')).toEqual({ t: 'bulk', v: null }); // reads still run
    expect(exec(a, 'INFO', 'replication').v).toContain('master_failover_state:waiting-for-sync');
    runUntil(w, w.now + 2.2 * SEC);
    expect(held.pending.reply).toEqual(OK); // aborted at the timeout: A is still the master
    expect(a.failover).toBeNull();
    expect(a.log.some((l) => l.includes('aborted: Replica never caught up before timeout'))).toBe(true);
  });

  it('answers a write held across a completed failover with -READONLY', () => {
    const { run, w, node, send, exec } = cluster();
    const [a, b] = ['A', 'B'].map(node);
    runStep(run, { op: 'stop', node: 'B' });
    exec(a, 'SET', 'lag', '1');
    exec(a, 'FAILOVER', 'TO', '127.0.0.1', String(b.port));
    const held = send(a, 'SET', 'held', '1');
    runStep(run, { op: 'cont', node: 'B' });
    runUntil(w, w.now + 3 * SEC); // B acknowledges within a second; then the switch
    expect(a.link?.master).toBe('B');
    expect('pending' in held && held.pending.reply).toEqual(
      ERR("READONLY You can't write against a read only replica."),
    );
  });

  it('keeps expired keys while writes are paused (no DEL moves the offset it waits for)', () => {
    const { run, w, node, exec } = cluster();
    const [a, , c] = ['A', 'B', 'C'].map(node);
    runStep(run, { op: 'stop', node: 'C' });
    exec(a, 'SET', 'soon', 'x', 'PX', '300');
    exec(a, 'FAILOVER', 'TO', '127.0.0.1', String(c.port), 'TIMEOUT', '5000');
    const offset = a.masterReplOffset;
    runUntil(w, w.now + SEC);
    expect(exec(a, 'GET', 'soon')).toEqual({ t: 'bulk', v: null }); // reads as gone…
    expect(a.keyspace.dbsize(0)).toBe(1); // …but is not deleted
    expect(a.masterReplOffset).toBe(offset); // no DEL, and no PING while a timed failover waits
    expect(exec(a, 'FAILOVER', 'ABORT')).toEqual(OK);
    runUntil(w, w.now + SEC);
    expect(a.keyspace.dbsize(0)).toBe(0); // active expiry resumes
  });

  it('refuses what Redis refuses, in its words', () => {
    const { node, exec } = cluster();
    const [a, b] = ['A', 'B'].map(node);
    expect(exec(b, 'FAILOVER')).toEqual(ERR('ERR FAILOVER is not valid when server is a replica.'));
    expect(exec(a, 'FAILOVER', 'TIMEOUT', '-1')).toEqual(ERR('ERR FAILOVER timeout must be greater than 0'));
    expect(exec(a, 'FAILOVER', 'TO', '127.0.0.1', String(b.port), 'TO', '127.0.0.1', '1')).toEqual(
      ERR('ERR syntax error'),
    );
    expect(exec(a, 'FAILOVER', 'ABORT')).toEqual(ERR('ERR No failover in progress.'));
    exec(a, 'FAILOVER', 'TO', '127.0.0.1', String(b.port), 'TIMEOUT', '60000');
    expect(exec(a, 'FAILOVER')).toEqual(ERR('ERR FAILOVER already in progress.'));
    expect(exec(a, 'REPLICAOF', 'NO', 'ONE')).toEqual(ERR('ERR REPLICAOF not allowed while failing over.'));
  });

  it('does not exist before 6.2', () => {
    const { node, exec } = cluster('psync1');
    expect(exec(node('A'), 'FAILOVER')).toEqual(
      ERR("ERR unknown command 'FAILOVER', with args beginning with: "),
    );
  });
});

describe('CLIENT PAUSE (the same pause, by hand: the old way to stop writes before a switch)', () => {
  it('WRITE holds writes (not reads) until the timeout; UNPAUSE lets them run at once', () => {
    const { w, node, send, exec } = cluster();
    const a = node('A');
    expect(exec(a, 'CLIENT', 'PAUSE', '1000', 'WRITE')).toEqual(OK);
    const held = send(a, 'SET', 'k', '1');
    expect(exec(a, 'GET', 'k')).toEqual({ t: 'bulk', v: null });
    runUntil(w, w.now + 0.5 * SEC);
    expect('pending' in held && held.pending.reply).toBe(null);
    runUntil(w, w.now + 0.7 * SEC); // lifted by serverCron once past its end
    expect('pending' in held && held.pending.reply).toEqual(OK);
    exec(a, 'CLIENT', 'PAUSE', '60000', 'WRITE');
    const again = send(a, 'SET', 'k', '2');
    expect(exec(a, 'CLIENT', 'UNPAUSE')).toEqual(OK);
    runUntil(w, w.now + 1);
    expect('pending' in again && again.pending.reply).toEqual(OK);
  });

  it('ALL holds every command, CLIENT UNPAUSE included (7.0.15 waits for the timeout)', () => {
    const { w, node, send, exec } = cluster();
    const a = node('A');
    expect(exec(a, 'CLIENT', 'PAUSE', '1500')).toEqual(OK); // ALL by default
    const unpause = send(a, 'CLIENT', 'UNPAUSE');
    expect('pending' in unpause).toBe(true);
    runUntil(w, w.now + 1.7 * SEC);
    expect('pending' in unpause && unpause.pending.reply).toEqual(OK);
  });

  it("refuses bad arguments in Redis's words", () => {
    const { node, exec } = cluster();
    const a = node('A');
    expect(exec(a, 'CLIENT', 'PAUSE', 'abc')).toEqual(ERR('ERR timeout is not an integer or out of range'));
    expect(exec(a, 'CLIENT', 'PAUSE', '-1')).toEqual(ERR('ERR timeout is negative'));
    expect(exec(a, 'CLIENT', 'PAUSE', '100', 'bogus')).toEqual(
      ERR('ERR CLIENT PAUSE mode must be WRITE or ALL'),
    );
    expect(exec(a, 'CLIENT', 'PAUSE', '100', 'write', 'x')).toEqual(
      ERR("ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP."),
    );
    expect(exec(a, 'CLIENT', 'PAUSE')).toEqual(
      ERR("ERR wrong number of arguments for 'client|pause' command"),
    );
    expect(exec(a, 'CLIENT', 'UNPAUSE', 'x')).toEqual(
      ERR("ERR wrong number of arguments for 'client|unpause' command"),
    );
  });
});
