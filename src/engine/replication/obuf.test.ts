// client-output-buffer-limit for replicas: CONFIG syntax and errors as redis-server 7.0.15 gives
// them, the 7.0 buffer accounting with worked numbers, hard and soft limits, and what freeing a
// replica does to the BGSAVE it waited for (all checked on real Redis; scenario pa_obuf_full_sync_loop).
import { describe, expect, it } from 'vitest';
import type { Reply } from '../core/resp.ts';
import { call, newClient, runStep, setupScenario } from '../index.ts';
import type { Node } from '../server/world.ts';

function cluster(config: Record<string, string>, aConfig: Record<string, string> = {}) {
  const run = setupScenario({ name: 't', config, nodes: { A: { config: aConfig }, B: {} }, steps: [] }, 1);
  const a = run.w.nodes.get('A')!;
  const b = run.w.nodes.get('B')!;
  const exec = (node: Node, ...argv: string[]): Reply => {
    const r = call(run.w, node, newClient(run.w, node), argv);
    if (!('reply' in r)) throw new Error('blocked');
    return r.reply;
  };
  return { run, a, b, exec };
}

const GET = ['CONFIG', 'GET', 'client-output-buffer-limit'];
const why = (text: string) => ({
  t: 'error',
  v: `ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - ${text}`,
});

describe('CONFIG SET / GET client-output-buffer-limit', () => {
  it('merges the classes named over the others and prints bytes, as CONFIG GET does', () => {
    const { a, exec } = cluster({ 'client-output-buffer-limit': 'replica 64kb 0 0' });
    const get = () => (exec(a, ...GET) as { v: { v: string }[] }).v[1].v;
    expect(get()).toBe('normal 0 0 0 slave 65536 0 0 pubsub 33554432 8388608 60');
    expect(exec(a, 'CONFIG', 'SET', 'client-output-buffer-limit', 'replica 1mb 512kb 10')).toEqual({
      t: 'simple',
      v: 'OK',
    });
    expect(get()).toBe('normal 0 0 0 slave 1048576 524288 10 pubsub 33554432 8388608 60');
    exec(a, 'CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1 2 3 pubsub 1k 2kb 0');
    expect(get()).toBe('normal 1 2 3 slave 1048576 524288 10 pubsub 1000 2048 0');
    exec(a, 'CONFIG', 'SET', 'client-output-buffer-limit', 'REPLICA 1GB 0 0 slave 2mb 0 0');
    expect(get()).toBe('normal 1 2 3 slave 2097152 0 0 pubsub 1000 2048 0');
    exec(a, 'CONFIG', 'SET', 'client-output-buffer-limit', '');
    expect(get()).toBe('normal 1 2 3 slave 2097152 0 0 pubsub 1000 2048 0');
    // soft_seconds is strtoll stored in an int: 99999999999999 wraps to 276447231.
    exec(a, 'CONFIG', 'SET', 'client-output-buffer-limit', 'slave 1mb 0 99999999999999');
    expect(get()).toBe('normal 1 2 3 slave 1048576 0 276447231 pubsub 1000 2048 0');
  });

  it("refuses a bad value whole, in Redis's words, and changes nothing", () => {
    const { a, exec } = cluster({});
    const set = (v: string) => exec(a, 'CONFIG', 'SET', 'client-output-buffer-limit', v);
    const before = a.config.get('client-output-buffer-limit');
    expect(set('replica 1mb 0')).toEqual(why('Wrong number of arguments in buffer limit configuration.'));
    expect(set('master 1mb 0 0')).toEqual(
      why('Invalid client class specified in buffer limit configuration.'),
    );
    const bad = why('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
    for (const v of ['slave x 0 0', 'slave 1mb 0 -1', 'slave 1mb 0 1x', 'slave 1.5mb 0 0', 'slave -1 0 0'])
      expect(set(v)).toEqual(bad);
    expect(set('slave "1mb" 0 0')).toEqual(bad); // no quoting: split on single spaces
    expect(set('slave 1mb 0 0 pubsub 1mb 0 x')).toEqual(bad); // all or nothing
    expect(a.config.get('client-output-buffer-limit')).toBe(before);
  });
});

/** A slow disk BGSAVE (1000 keys × 2 ms) that B waits for, then `n` 10 KB writes on A. */
function fullSyncWithWrites(n: number, config: Record<string, string>, aConfig: Record<string, string>) {
  const c = cluster(
    { 'repl-diskless-sync': 'no', 'repl-backlog-size': '16384', ...config },
    { 'rdb-key-save-delay': '2000', ...aConfig },
  );
  runStep(c.run, { op: 'write', node: 'A', cmd: ['SET', 'seed:{i}', 's{i}'], repeat: 1000 });
  runStep(c.run, { op: 'replicaof', node: 'B', master: 'A' });
  runStep(c.run, { op: 'write', node: 'A', cmd: ['SET', 'big:{i}', '{val}'], repeat: n, valueSize: 10000 });
  return c;
}

const closedAsap = /Client id=\d+ .*oll=(\d+) omem=(\d+) .*scheduled to be closed ASAP for overcoming/;

describe('a replica over its output-buffer limit during a full sync', () => {
  it('hard limit: closed at the block that takes it over, 4 × (20440 + 64) = 82016 bytes', () => {
    const six = fullSyncWithWrites(6, { 'client-output-buffer-limit': 'replica 64kb 0 0' }, {});
    expect(six.a.log.some((l) => closedAsap.test(l))).toBe(false); // 3 blocks: 61512 < 65536
    const { run, a, b } = fullSyncWithWrites(7, { 'client-output-buffer-limit': 'replica 64kb 0 0' }, {});
    runStep(run, { op: 'sleep', ms: 50 });
    const line = a.log.find((l) => closedAsap.test(l))!;
    expect(closedAsap.exec(line)!.slice(1)).toEqual(['4', '82016']);
    expect(a.log).toContain('M # Connection with replica 127.0.0.1:7102 lost.');
    // B reconnects at once and asks for a full sync again.
    expect(b.log).toContain('S * Reconnecting to MASTER 127.0.0.1:7101 after failure');
    expect(a.stats.sync_full).toBe(2);
    // Nobody waited for that BGSAVE and there are no save points: it was killed, and once reaped
    // the next one starts for B.
    expect(a.log).toContain('M # Background saving terminated by signal 10');
    expect(a.child?.killed).toBe(false);
    expect(a.slaves.map((s) => s.replstate)).toEqual(['wait_bgsave_end']);
  });

  it('a hard limit below repl-backlog-size counts as the backlog size', () => {
    const { a } = fullSyncWithWrites(
      7,
      { 'client-output-buffer-limit': 'replica 64kb 0 0', 'repl-backlog-size': '1mb' },
      {},
    );
    expect(a.log.some((l) => closedAsap.test(l))).toBe(false);
    expect(a.slaves.map((s) => s.replstate)).toEqual(['wait_bgsave_end']);
  });

  it('save points keep the BGSAVE running; the replica waits for the next one', () => {
    const { run, a } = fullSyncWithWrites(
      7,
      { 'client-output-buffer-limit': 'replica 64kb 0 0' },
      { save: '3600 1' },
    );
    runStep(run, { op: 'sleep', ms: 50 });
    expect(a.child?.killed).toBe(false);
    expect(a.log).toContain(
      "M * Can't attach the replica to the current BGSAVE. Waiting for next BGSAVE for SYNC",
    );
  });

  it('soft limit: closed by clientsCron once over it for more than soft_seconds', () => {
    const { run, a } = fullSyncWithWrites(
      4,
      { 'client-output-buffer-limit': 'replica 0 40000 1' },
      { 'rdb-key-save-delay': '5000' },
    );
    // 2 blocks = 41008 bytes ≥ 40000 since the 3rd write: not closed at once.
    expect(a.slaves[0].obufSoftSince).toBeGreaterThan(0);
    expect(a.log.some((l) => /overcoming of output buffer limits/.test(l))).toBe(false);
    runStep(run, { op: 'sleep', ms: 2500 });
    expect(a.log.some((l) => /M # Client id=\d+ .*omem=41008 .*closed for overcoming/.test(l))).toBe(true);
  });

  it('diskless: the last target dropped kills the transfer child', () => {
    const { a } = fullSyncWithWrites(
      7,
      { 'repl-diskless-sync': 'yes', 'client-output-buffer-limit': 'replica 64kb 0 0' },
      {},
    );
    expect(a.log).toContain('M # Diskless rdb transfer, last replica dropped, killing fork child.');
  });
});
