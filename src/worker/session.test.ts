// The worker session as plain functions, with the real engine: loading, bounded frames, console
// replies, stepping, milestones, forks, and going back in time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NodeView } from '../engine/index.ts';
import { FRAME_EVENT_BOUND, type Frame, type Response } from '../protocol.ts';
import { Session } from './session.ts';

const MS = 1000;
const SEC = 1_000_000;

function frameOf(r: Response): Frame {
  if (r.type === 'ready' || r.type === 'frame' || r.type === 'reset' || r.type === 'input') return r.frame;
  throw new Error(`no frame in ${r.type}: ${JSON.stringify(r)}`);
}

/** A frame's views: every answer but a play frame that asked for none carries them. */
function viewsOf(r: Response): NodeView[] {
  const v = frameOf(r).views;
  if (!v) throw new Error('the frame has no views');
  return v;
}

function loaded(): Session {
  const s = new Session();
  const r = s.handle({ type: 'load', seed: 1, source: { kind: 'default' } });
  expect(r.type).toBe('ready');
  return s;
}

describe('Session', () => {
  it('loads the default lab: A master, B and C replicas, views at t = 0', () => {
    const s = new Session();
    const r = s.handle({ type: 'load', seed: 1, source: { kind: 'default' } });
    const views = viewsOf(r);
    expect(views.map((v) => v.name)).toEqual(['A', 'B', 'C']);
    expect(views.every((v) => v.log.length === 0)).toBe(true);
    expect(frameOf(r).to).toBeLessThan(100 * MS); // the engine staggers node starts
  });

  it('advances to the asked time and reports the initial full syncs', () => {
    const s = loaded();
    const r = s.handle({ type: 'advance', to: 2 * SEC });
    const f = frameOf(r);
    expect(f.to).toBe(2 * SEC);
    const results = f.events.filter((e) => e.type === 'psync.result');
    expect(results.map((e) => (e.type === 'psync.result' ? `${e.replica}:${e.result}` : ''))).toEqual(
      expect.arrayContaining(['B:FULLRESYNC', 'C:FULLRESYNC']),
    );
    expect(f.samples.length).toBeGreaterThan(10);
    const b = viewsOf(r).find((v) => v.name === 'B')!;
    expect(b.linkState).toBe('REPL_STATE_CONNECTED');
  });

  it('leaves the views out of a play frame that asks for none unless it is discrete', () => {
    const s = loaded();
    // The handshake: link states change, so the frame is discrete and carries views anyway.
    const handshake = frameOf(s.handle({ type: 'advance', to: 2 * SEC, views: false }));
    expect(handshake.discrete).toBe(true);
    expect(handshake.views?.find((v) => v.name === 'B')?.linkState).toBe('REPL_STATE_CONNECTED');
    s.handle({ type: 'input', input: { type: 'traffic', node: 'A', perSecond: 200 } });
    // Traffic alone: offsets move, nothing else happens.
    const bare = frameOf(s.handle({ type: 'advance', to: 2500 * MS, views: false }));
    expect(bare.discrete).toBeUndefined();
    expect(bare.views).toBeUndefined();
    expect(bare.to).toBe(2500 * MS);
    expect(bare.events.length).toBeGreaterThan(0); // the events still come
    const next = viewsOf(s.handle({ type: 'advance', to: 2600 * MS }));
    expect(next.find((v) => v.name === 'A')?.masterReplOffset).toBeGreaterThan(
      handshake.views?.find((v) => v.name === 'A')?.masterReplOffset ?? Number.POSITIVE_INFINITY,
    );
  });

  it('answers a console INFO replication with the full text redis-cli prints', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 1 * SEC });
    const r = s.handle({
      type: 'input',
      input: { type: 'command', node: 'A', argv: ['INFO', 'replication'] },
    });
    const line = frameOf(r).events.find((e) => e.type === 'console');
    expect(line?.type).toBe('console');
    if (line?.type !== 'console') return;
    expect(line.reply.startsWith('# Replication\nrole:master\nconnected_slaves:2\n')).toBe(true);
    expect(line.reply).toContain('master_repl_offset:');
  });

  it("answers a line typed before the setup's last node started, and names that input, not C's start", () => {
    // QA walk 5: at t = 0.05 s C's recorded start still lies ahead and stays after the typed input;
    // the frame claimed that start as the input just applied, so the console showed "# C started"
    // and never the line typed (the command ran, its reply was dropped).
    const s = new Session();
    const load = s.handle({ type: 'load', seed: 1, source: { kind: 'default' } });
    expect(viewsOf(load).find((v) => v.name === 'C')?.run).toBe('down');
    const f = frameOf(
      s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] } }),
    );
    expect(f.events.filter((e) => e.type === 'console').map((e) => e.type === 'console' && e.argv)).toEqual([
      ['SET', 'k', 'v'],
    ]);
    expect(f.events.filter((e) => e.type === 'action')).toEqual([]);
    const cut = frameOf(s.handle({ type: 'input', input: { type: 'cut', replica: 'B' } }));
    const acts = cut.events.flatMap((e) => (e.type === 'action' ? [e.input.type] : []));
    expect(acts).toEqual(['cut']);
  });

  it('returns a Redis-style error for an input that cannot apply, and stays usable', () => {
    const s = loaded();
    const r = s.handle({ type: 'input', input: { type: 'cut', replica: 'Z' } });
    expect(r).toEqual({ type: 'input-error', message: "ERR no such node 'Z'" });
    expect(s.handle({ type: 'advance', to: 100 * MS }).type).toBe('frame');
  });

  it('turns a burst into one action event, not a console line per write', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 1 * SEC });
    const f = frameOf(s.handle({ type: 'input', input: { type: 'write', node: 'A', count: 20 } }));
    expect(f.events.filter((e) => e.type === 'action')).toHaveLength(1);
    expect(f.events.filter((e) => e.type === 'console')).toHaveLength(0);
  });

  it('keeps a frame under the bound and says how many bulk events it left out', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 1 * SEC });
    s.handle({ type: 'input', input: { type: 'traffic', node: 'A', perSecond: 1000 } });
    const f = frameOf(s.handle({ type: 'advance', to: 6 * SEC }));
    expect(f.events.length).toBeLessThanOrEqual(FRAME_EVENT_BOUND);
    expect(f.dropped).toBeGreaterThan(0);
    expect(f.traffic).toEqual({ A: 1000 });
  });

  it('steps to the next event and to the next milestone', () => {
    const s = loaded();
    const e = frameOf(s.handle({ type: 'step', until: 'event', limitUs: 10 * SEC }));
    expect(e.events.length).toBeGreaterThan(0);
    expect(e.to).toBeGreaterThan(0);
    const r = s.handle({ type: 'step', until: 'milestone', limitUs: 60 * SEC });
    expect(r.type === 'frame' && r.milestone?.kind).toBe('handshake');
  });

  it('a failed handshake is no milestone: AUTH -WRONGPASS and PSYNC -NOAUTH retries are passed by', () => {
    for (const masterauth of ['wrong-password', '']) {
      const s = new Session();
      const config: Record<string, string> = masterauth ? { masterauth } : {};
      const b = { name: 'B', replicaof: 'A', config };
      const setup = { nodes: [{ name: 'A', replicaof: null, config: { requirepass: 's3cret' } }, b] };
      s.handle({ type: 'load', seed: 1, source: { kind: 'lab', setup } });
      const r = s.handle({ type: 'step', until: 'milestone', limitUs: 5 * SEC });
      expect(r.type === 'frame' && r.milestone).toBeNull();
      const errors = frameOf(r).events.filter((e) => e.type === 'handshake.error');
      expect(errors.length).toBeGreaterThan(2); // one attempt a second
      const fatal = errors.find((e) => e.type === 'handshake.error' && e.fatal);
      expect(fatal?.type === 'handshake.error' && `${fatal.state} ${fatal.reply}`).toMatch(
        masterauth ? /^REPL_STATE_RECEIVE_AUTH_REPLY -WRONGPASS/ : /^REPL_STATE_TRANSFER -NOAUTH/,
      );
    }
  });

  it('going back rebuilds quietly; going forward again replays the same events', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 500 * MS });
    s.handle({ type: 'input', input: { type: 'write', node: 'A', count: 5 } });
    const first = frameOf(s.handle({ type: 'advance', to: 1500 * MS }));
    const back = s.handle({ type: 'seek', to: 500 * MS });
    expect(back.type).toBe('reset');
    expect(frameOf(back).events).toEqual([]);
    const again = frameOf(s.handle({ type: 'advance', to: 1500 * MS }));
    // The recorded write replays at its time: the same events, in the same order (seq numbers
    // differ: a quiet replay does not count events).
    const noSeq = (f: Frame) => f.events.filter((e) => e.at > 500 * MS).map(({ seq, ...e }) => e);
    expect(noSeq(again)).toEqual(noSeq(first));
  });

  it('acting in the past forks the recorded future', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 500 * MS });
    s.handle({ type: 'input', input: { type: 'write', node: 'A', count: 1 } });
    s.handle({ type: 'advance', to: 1 * SEC });
    s.handle({ type: 'seek', to: 200 * MS });
    const r = s.handle({ type: 'input', input: { type: 'cut', replica: 'B' } });
    expect(r.type === 'input' && r.result).toBe('forked');
  });

  it('a stray key in a scrubbed-back scenario leaves it; undo brings back the same record', () => {
    const json = JSON.parse(readFileSync('scenarios/b_short_drop_partial.json', 'utf8'));
    const s = new Session();
    const ready = s.handle({ type: 'load', seed: 1, source: { kind: 'scenario', name: json.name, json } });
    const steps = ready.type === 'ready' ? ready.stepTimes : [];
    s.handle({ type: 'advance', to: steps[steps.length - 1] + SEC });
    const original = structuredClone(s.record);
    s.handle({ type: 'seek', to: steps[2] });
    const r = s.handle({ type: 'input', input: { type: 'write', node: 'A', count: 1 } });
    expect(r).toMatchObject({ type: 'input', result: 'forked', leftAt: steps[2], undo: 1 });
    expect(r.type === 'input' && r.dropped).toBeGreaterThan(0);
    s.handle({ type: 'advance', to: steps[2] + 2 * SEC });
    const back = s.handle({ type: 'undo' });
    expect(back).toMatchObject({ type: 'reset', reason: 'undo', at: steps[2], leftAt: null, undo: 0 });
    expect(s.record).toEqual(original);
    expect(s.handle({ type: 'undo' })).toEqual({ type: 'input-error', message: 'ERR nothing to undo' });
  });

  it('opens a scenario with its step times, and rejects a broken one with a message', () => {
    const json = JSON.parse(readFileSync('scenarios/b_short_drop_partial.json', 'utf8'));
    const s = new Session();
    const r = s.handle({ type: 'load', seed: 1, source: { kind: 'scenario', name: json.name, json } });
    expect(r.type === 'ready' && r.stepTimes.length).toBe(json.steps.length);
    const bad = s.handle({
      type: 'load',
      seed: 1,
      source: { kind: 'scenario', name: 'x', json: { nodes: 3 } },
    });
    expect(bad.type).toBe('load-error');
  });

  it('a blocked WAIT says what it waits for, and its reply comes as a console line when it arrives', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 2 * SEC });
    s.handle({ type: 'input', input: { type: 'cut', replica: 'B' } });
    s.handle({ type: 'input', input: { type: 'cut', replica: 'C' } });
    s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] } });
    const off = s.lab!.w.nodes.get('A')!.masterReplOffset;
    const consoles = (f: Frame) => f.events.flatMap((e) => (e.type === 'console' ? [e.reply] : []));
    const r = frameOf(
      s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['WAIT', '1', '0'] } }),
    );
    expect(consoles(r)).toEqual([
      `(blocked) WAIT 1 0: waiting for 1 replica to acknowledge offset ${off} (0 so far, no timeout)`,
    ]);
    s.handle({ type: 'input', input: { type: 'heal', replica: 'B' } });
    const later = frameOf(s.handle({ type: 'advance', to: 6 * SEC }));
    expect(consoles(later)).toEqual(['(integer) 1']);
  });

  it('a SHUTDOWN waiting for lagging replicas names them, then answers when it exits', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 2 * SEC });
    s.handle({ type: 'input', input: { type: 'freeze', node: 'B' } });
    s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['SET', 'k', 'v'] } });
    const off = s.lab!.w.nodes.get('A')!.masterReplOffset;
    const consoles = (f: Frame) => f.events.flatMap((e) => (e.type === 'console' ? [e.reply] : []));
    const r = frameOf(s.handle({ type: 'input', input: { type: 'command', node: 'A', argv: ['SHUTDOWN'] } }));
    expect(consoles(r)).toEqual([
      // the offset after the REPLCONF GETACK * it sent first (37 bytes)
      `(blocked) SHUTDOWN: waiting up to 10 s for B, C to acknowledge offset ${off + 37} (writes paused), then exiting`,
    ]);
    const later = frameOf(s.handle({ type: 'advance', to: 14 * SEC }));
    expect(consoles(later)).toEqual(['OK']);
    expect(s.lab!.w.nodes.get('A')!.state).toBe('down');
  });
});

describe('focus', () => {
  it('details only the focused nodes, with the same numbers as the full views', () => {
    const s = loaded();
    s.handle({ type: 'advance', to: 1 * SEC });
    s.handle({ type: 'input', input: { type: 'write', node: 'A', count: 10 } });
    const full = viewsOf(s.handle({ type: 'advance', to: 1100 * MS }));
    const focused = viewsOf(s.handle({ type: 'focus', nodes: ['B'] }));
    const b = focused.find((v) => v.name === 'B')!;
    const a = focused.find((v) => v.name === 'A')!;
    expect(b.keys).toHaveLength(10);
    expect(b.info).toContain('role:slave');
    expect(a.keys).toEqual([]);
    expect(a.info).toBe('');
    const strip = (v: (typeof full)[number]) => ({ ...v, keys: [], info: '', role_: '', log: [] });
    expect(focused.map(strip)).toEqual(full.map(strip));
  });
});
