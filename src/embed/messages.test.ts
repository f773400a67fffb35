// The embed API's incoming messages: every way a host's message can be wrong gets its own
// Redis-style error (and the caller's id when it gave one); a good one becomes a typed call.
import { describe, expect, it } from 'vitest';
import { METHODS, parseMessage } from './messages.ts';

const msg = (method: unknown, args?: unknown, id: unknown = 7) => ({ psyncLab: 1, id, method, args });

describe('parseMessage', () => {
  it('reads each method with its arguments', () => {
    expect(parseMessage(msg('play'))).toEqual({ ok: true, call: { id: 7, method: 'play', args: undefined } });
    expect(parseMessage(msg('play', { speed: 0.5 }))).toEqual({
      ok: true,
      call: { id: 7, method: 'play', args: { speed: 0.5 } },
    });
    expect(parseMessage(msg('seek', { t: 2_000_000 }, 'a'))).toEqual({
      ok: true,
      call: { id: 'a', method: 'seek', args: { t: 2_000_000 } },
    });
    expect(parseMessage(msg('seek', { milestone: 'continue', node: 'B' }))).toMatchObject({
      ok: true,
      call: { args: { milestone: 'continue', node: 'B' } },
    });
    expect(parseMessage(msg('seek', { step: 3 }))).toMatchObject({ ok: true, call: { args: { step: 3 } } });
    expect(parseMessage(msg('load', { scenario: 'c2_backlog_block_granularity', seed: 4 }))).toMatchObject({
      ok: true,
      call: { method: 'load', args: { scenario: 'c2_backlog_block_granularity', seed: 4 } },
    });
    expect(parseMessage(msg('load', { chapter: 2 }))).toMatchObject({
      ok: true,
      call: { args: { chapter: 2 } },
    });
    expect(parseMessage(msg('step', { until: 'milestone' }))).toMatchObject({ ok: true });
    expect(parseMessage(msg('input', { type: 'cut', replica: 'B' }))).toMatchObject({
      ok: true,
      call: { method: 'input', args: { type: 'cut', replica: 'B' } },
    });
    expect(parseMessage({ psyncLab: 1, method: 'state' })).toEqual({
      ok: true,
      call: { id: undefined, method: 'state', args: undefined },
    });
    expect(METHODS).toEqual(['load', 'play', 'pause', 'seek', 'step', 'input', 'state']);
  });

  it('refuses what is not an API message, or speaks another version', () => {
    for (const data of [null, 'play', 42, [], { method: 'play' }])
      expect(parseMessage(data)).toEqual({
        ok: false,
        message: 'ERR not a PSYNC Lab message: expected {psyncLab: 1, method, args}',
      });
    expect(parseMessage({ psyncLab: 2, method: 'play' })).toEqual({
      ok: false,
      message: "ERR unsupported API version '2': this lab speaks psyncLab 1",
    });
  });

  it('names an unknown method, including the names every object has', () => {
    expect(parseMessage(msg('foo'))).toEqual({ ok: false, id: 7, message: "ERR unknown method 'foo'" });
    for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(parseMessage(msg(m))).toEqual({ ok: false, id: 7, message: `ERR unknown method '${m}'` });
    expect(parseMessage(msg(42))).toEqual({
      ok: false,
      id: 7,
      message: 'ERR no method: expected a method name',
    });
    expect(parseMessage(msg('x'.repeat(500)))).toMatchObject({
      message: `ERR unknown method '${'x'.repeat(40)}'`,
    });
  });

  it('refuses a bad id before anything else', () => {
    for (const id of [{}, 1.5, 'x'.repeat(101), Number.MAX_VALUE])
      expect(parseMessage(msg('play', undefined, id))).toEqual({
        ok: false,
        message: 'ERR invalid id: a string (at most 100 characters) or an integer',
      });
  });

  it('says which argument is wrong', () => {
    expect(parseMessage(msg('seek', { t: -1 }))).toMatchObject({
      ok: false,
      id: 7,
      method: 'seek',
      message: expect.stringMatching(/^ERR wrong arguments for 'seek': t: /),
    });
    // A union names the field the host sent, not the first branch's missing one ("t: Invalid key").
    expect(parseMessage(msg('seek', { milestone: 'lunch' }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'seek': milestone: .*"lunch"/),
    });
    expect(parseMessage(msg('step', { until: 'forever' }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'step': until: .*"forever"/),
    });
    expect(parseMessage(msg('load', { chapter: 0 }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'load': chapter: /),
    });
    expect(parseMessage(msg('load', { scenario: '../../etc/passwd' }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'load'/),
    });
    expect(parseMessage(msg('play', { speed: 1e9 }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'play'/),
    });
    expect(parseMessage(msg('pause', { extra: 1 }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'pause'/),
    });
    // The lab input schema is the one a shared run's inputs pass (node names, bounds).
    expect(parseMessage(msg('input', { type: 'write', node: 'A', count: 1e6 }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'input': count: /),
    });
    expect(parseMessage(msg('input', { type: 'eval', code: 'alert(1)' }))).toMatchObject({
      message: expect.stringMatching(/^ERR wrong arguments for 'input': type: /),
    });
    expect(parseMessage(msg('input', { type: 'command', node: 'a', argv: ['PING'] }))).toMatchObject({
      message: "ERR wrong arguments for 'input': node: a node name is one capital letter",
    });
  });
});
