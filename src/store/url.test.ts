// The URL contract and the request queue to the worker.
import { describe, expect, it, vi } from 'vitest';
import { ENGINE_RUN_VERSION } from '../engine/index.ts';
import { type FromWorker, PROTOCOL_VERSION, type ToWorker } from '../protocol.ts';
import { decodeRun } from './run-codec.ts';
import { type Port, Transport } from './transport.ts';
import { buildSearch, encodeRun, parseUrl } from './url.ts';

describe('parseUrl', () => {
  it('reads scenario, seed and lang', () => {
    expect(parseUrl('?scenario=b_short_drop_partial&seed=42&lang=zh', '')).toMatchObject({
      scenario: 'b_short_drop_partial',
      seed: 42,
      seedGiven: true,
      lang: 'zh',
      problems: [],
    });
    expect(parseUrl('?lang=zh-CN', '').lang).toBe('zh');
  });
  it('states each bad part and falls back', () => {
    const r = parseUrl('?scenario=../etc/passwd&seed=-3&lang=fr', '');
    expect(r.scenario).toBeNull();
    expect(r.seed).toBe(1);
    expect(r.lang).toBeNull();
    expect(r.problems.map((p) => p.kind)).toEqual(['seed', 'lang', 'scenario-name']);
  });
  it('hands on whatever follows #run= (text that is no run fails to decode, and says so); an empty one is stated', async () => {
    expect(parseUrl('', '#run=eJx_ab-9&t=1')).toMatchObject({ run: 'eJx_ab-9', problems: [] });
    const r = parseUrl('', '#run=@@@broken&t=1');
    expect(r).toMatchObject({ run: '@@@broken', problems: [] });
    await expect(decodeRun(r.run!)).rejects.toThrow(/#run=/);
    expect(parseUrl('', '#run=&t=1')).toMatchObject({ run: null, problems: [{ kind: 'run', value: '' }] });
  });
  it('round-trips a run through #run=', async () => {
    const record = {
      engineVersion: ENGINE_RUN_VERSION,
      seed: 5,
      setup: { nodes: [{ name: 'A', replicaof: null }] },
      inputs: [
        { at: 10, input: { type: 'write', node: 'A', count: 3 } },
        // A raw byte (keyspace/bytes.ts: "\xff" typed in the console is '\udcff') survives the link:
        // JSON writes the lone surrogate as an escape before the text is encoded.
        { at: 20, input: { type: 'command', node: 'A', argv: ['SET', 'b', '\udcff\udc80'] } },
      ],
    };
    // biome-ignore lint/suspicious/noExplicitAny: a minimal record for the codec
    const text = await encodeRun(record as any);
    expect(parseUrl('', `#run=${text}`).run).toBe(text);
    expect(await decodeRun(text)).toEqual(record);
    await expect(decodeRun('garbage')).rejects.toThrow(/not a run/);
  });
  it('builds the search part', () => {
    expect(buildSearch({ scenario: null, seed: 3, lang: 'en' })).toBe('?seed=3&lang=en');
  });
  it('keeps presenter mode in the address (present=1; anything else is off)', () => {
    expect(parseUrl('?scenario=b_short_drop_partial&present=1', '').present).toBe(true);
    expect(parseUrl('?present=yes', '').present).toBe(false);
    expect(parseUrl('', '').present).toBe(false);
    const search = buildSearch({ scenario: 'b_short_drop_partial', seed: 1, lang: 'zh', present: true });
    expect(search).toBe('?scenario=b_short_drop_partial&seed=1&lang=zh&present=1');
    expect(parseUrl(search, '').present).toBe(true);
  });
});

describe('Transport', () => {
  function fakePort() {
    const sent: ToWorker[] = [];
    const port: Port = {
      postMessage: (m) => sent.push(m),
      onmessage: null,
      onerror: null,
      terminate: () => {},
    };
    const answer = (id: number) =>
      port.onmessage?.({
        data: { v: PROTOCOL_VERSION, id, res: { type: 'run', record: {} } } as FromWorker,
      } as MessageEvent);
    return { port, sent, answer };
  }
  it('keeps one request in flight and coalesces queued seeks', async () => {
    const { port, sent, answer } = fakePort();
    const t = new Transport(port, () => {});
    const a = t.send({ type: 'advance', to: 1 });
    const b = t.send({ type: 'seek', to: 5 });
    const c = t.send({ type: 'seek', to: 9 });
    expect(sent).toHaveLength(1);
    expect(t.idle).toBe(false);
    answer(sent[0].id);
    await a;
    expect(sent).toHaveLength(2);
    expect(sent[1].req).toEqual({ type: 'seek', to: 9 });
    answer(sent[1].id);
    await Promise.all([b, c]);
    expect(t.idle).toBe(true);
  });
  it('a worker that stops answering is stopped and reported by the watchdog (fake timers)', () => {
    vi.useFakeTimers();
    try {
      const { port, sent, answer } = fakePort();
      let terminated = 0;
      port.terminate = () => terminated++;
      let crash = '';
      const t = new Transport(port, (m) => (crash = m), 5000);
      void t.send({ type: 'advance', to: 1 });
      vi.advanceTimersByTime(4999);
      answer(sent[0].id); // answered in time: no fault
      void t.send({ type: 'debug-die' });
      vi.advanceTimersByTime(4999);
      expect(crash).toBe('');
      vi.advanceTimersByTime(1);
      expect(crash).toBe(
        "the simulation worker stopped answering (no reply to 'debug-die' in 5 s): it died or hangs, and was stopped",
      );
      expect(terminated).toBe(1);
      expect(t.dead).toBe(true);
      void t.send({ type: 'advance', to: 2 });
      expect(sent).toHaveLength(2); // nothing more is sent to a dead worker
    } finally {
      vi.useRealTimers();
    }
  });
  it('reports a crashed worker', () => {
    const { port } = fakePort();
    let crash = '';
    new Transport(port, (m) => (crash = m));
    port.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    expect(crash).toBe('boom');
  });
});
