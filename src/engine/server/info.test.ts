import { describe, expect, it } from 'vitest';
import { formatReply } from '../core/resp.ts';
import { call, newClient, runStep, setupScenario } from '../index.ts';

function cluster(masterConfig: Record<string, string> = {}) {
  const run = setupScenario(
    { name: 't', nodes: { A: { config: masterConfig }, B: { replicaof: 'A' } }, steps: [] },
    1,
  );
  const a = run.w.nodes.get('A')!;
  const b = run.w.nodes.get('B')!;
  return { run, a, b };
}

function info(run: ReturnType<typeof cluster>['run'], name: string): string {
  const n = run.w.nodes.get(name)!;
  const r = call(run.w, n, newClient(run.w, n), ['INFO', 'replication']);
  if (!('reply' in r) || r.reply.t !== 'bulk') throw new Error('no reply');
  return r.reply.v!;
}

describe('INFO replication and ROLE print what Redis 7.0 prints (spec §11)', () => {
  it('master with one replica and min-replicas-to-write 1', () => {
    const { run, a } = cluster({ 'min-replicas-to-write': '1' });
    const c = newClient(run.w, a);
    call(run.w, a, c, ['SET', 'a', '1']);
    runStep(run, { op: 'wait-sync' });
    const text = info(run, 'A').replace(/[0-9a-f]{40}/, 'ID');
    expect(text).toBe(
      [
        '# Replication',
        'role:master',
        'connected_slaves:1',
        'min_slaves_good_slaves:1',
        'slave0:ip=127.0.0.1,port=7102,state=online,offset=50,lag=0',
        'master_failover_state:no-failover',
        'master_replid:ID',
        'master_replid2:0000000000000000000000000000000000000000',
        'master_repl_offset:50',
        'second_repl_offset:-1',
        'repl_backlog_active:1',
        'repl_backlog_size:1048576',
        'repl_backlog_first_byte_offset:1',
        'repl_backlog_histlen:50',
        '',
      ].join('\r\n'),
    );
    expect(formatReply((call(run.w, a, c, ['ROLE']) as { reply: never }).reply)).toBe(
      '1) "master"\n2) (integer) 50\n3) 1) 1) "127.0.0.1"\n      2) "7102"\n      3) "50"',
    );
  });

  it('replica in sync, then with its link cut: ROLE shows -1, INFO keeps the cached offset', () => {
    const { run, a, b } = cluster();
    call(run.w, a, newClient(run.w, a), ['SET', 'a', '1']);
    runStep(run, { op: 'wait-sync' });
    const up = info(run, 'B');
    expect(up).toContain(
      'role:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:7101\r\nmaster_link_status:up\r\n',
    );
    expect(up).toContain(
      'master_sync_in_progress:0\r\nslave_read_repl_offset:50\r\nslave_repl_offset:50\r\nslave_priority:100\r\nslave_read_only:1\r\nreplica_announced:1\r\nconnected_slaves:0\r\n',
    );
    runStep(run, { op: 'disconnect-link', replica: 'B' });
    runStep(run, { op: 'sleep', ms: 2000 });
    const down = info(run, 'B');
    expect(down).toContain(
      'master_link_status:down\r\nmaster_last_io_seconds_ago:-1\r\nmaster_sync_in_progress:0\r\nslave_read_repl_offset:50\r\nslave_repl_offset:50\r\nmaster_link_down_since_seconds:2\r\n',
    );
    const role = call(run.w, b, newClient(run.w, b), ['ROLE']);
    expect('reply' in role && formatReply(role.reply)).toBe(
      '1) "slave"\n2) "127.0.0.1"\n3) (integer) 7101\n4) "connect"\n5) (integer) -1',
    );
  });
});

describe('INFO sections', () => {
  const titles = (run: ReturnType<typeof cluster>['run'], ...argv: string[]) => {
    const a = run.w.nodes.get('A')!;
    const r = call(run.w, a, newClient(run.w, a), ['INFO', ...argv]);
    if (!('reply' in r) || r.reply.t !== 'bulk') throw new Error('no reply');
    return (r.reply.v ?? '').split('\r\n').filter((l) => l.startsWith('#'));
  };

  it("several at once, in Redis's order whatever the order asked; Keyspace last (as 7.0.15)", () => {
    const { run } = cluster();
    expect(titles(run, 'keyspace', 'REPLICATION')).toEqual(['# Replication', '# Keyspace']);
    expect(titles(run, 'replication', 'replication')).toEqual(['# Replication']);
    expect(titles(run)).toEqual(['# Server', '# Persistence', '# Stats', '# Replication', '# Keyspace']);
    expect(titles(run, 'default', 'keyspace')).toEqual(titles(run));
    expect(titles(run, 'foo')).toEqual([]);
  });
});
