// CLIENT LIST / INFO / KILL / SETNAME and SHUTDOWN ABORT, as redis-server 7.0.15 answered them
// (checked with redis-cli against a master with one replica, 2026-12-07). Before, CLIENT LIST
// ignored TYPE and ID, CLIENT INFO printed every client, SETNAME was forgotten, and SHUTDOWN ABORT
// shut the node down.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../core/resp.ts';
import { advanceLab, applyInput, runCommand, startedLab } from '../index.ts';

function lab() {
  const l = startedLab(1);
  advanceLab(l, l.w.now + 3_000_000);
  const exec = (node: string, ...argv: string[]): Reply => {
    const r = runCommand(l, l.w.nodes.get(node)!, argv);
    if (!('reply' in r)) throw new Error(`${argv.join(' ')} blocked`);
    return r.reply;
  };
  const text = (node: string, ...argv: string[]): string => {
    const r = exec(node, ...argv);
    if (r.t !== 'bulk' || r.v === null) throw new Error(`${argv.join(' ')}: ${JSON.stringify(r)}`);
    return r.v;
  };
  return { l, exec, text };
}

/** `field=value` of every line. */
const field = (lines: string, name: string) =>
  lines
    .trim()
    .split('\n')
    .map((line) => new RegExp(`(?:^| )${name}=(\\S*)`).exec(line)?.[1]);

describe('CLIENT on a master with two replicas (default lab)', () => {
  it('LIST has one line per connection in id order, with 7.0 field names; TYPE and ID filter it', () => {
    const { text } = lab();
    const all = text('A', 'CLIENT', 'LIST');
    expect(field(all, 'flags')).toEqual(['S', 'S', 'N']);
    expect(field(all, 'cmd')).toEqual(['replconf', 'replconf', 'client|list']);
    const ids = field(all, 'id').map(Number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(all.split('\n')[0]).toMatch(
      /^id=\d+ addr=127\.0\.0\.1:\d+ laddr=127\.0\.0\.1:7101 fd=\d+ name= age=\d+ idle=[01] flags=S db=0 sub=0 psub=0 ssub=0 multi=-1 cmd=replconf user=default redir=-1 resp=2$/,
    );
    expect(field(text('A', 'CLIENT', 'LIST', 'TYPE', 'replica'), 'flags')).toEqual(['S', 'S']);
    expect(field(text('A', 'CLIENT', 'LIST', 'TYPE', 'SLAVE'), 'flags')).toEqual(['S', 'S']);
    expect(field(text('A', 'CLIENT', 'LIST', 'TYPE', 'normal'), 'cmd')).toEqual(['client|list']);
    expect(text('A', 'CLIENT', 'LIST', 'TYPE', 'master')).toBe('');
    // ID: in the order asked, unknown ids skipped
    expect(field(text('A', 'CLIENT', 'LIST', 'ID', String(ids[1]), '999', String(ids[0])), 'id')).toEqual([
      String(ids[1]),
      String(ids[0]),
    ]);
  });

  it('a replica lists its master client: flags M, user (superuser), the master as addr', () => {
    const { exec, text } = lab();
    exec('A', 'SET', 'k', 'v');
    const m = text('B', 'CLIENT', 'LIST', 'TYPE', 'master');
    expect(m).toMatch(/addr=127\.0\.0\.1:7101 laddr=127\.0\.0\.1:(\d+) .*flags=M .*user=\(superuser\)/);
    // its local address is the one the master lists for B
    const port = /laddr=127\.0\.0\.1:(\d+)/.exec(m)![1];
    expect(text('A', 'CLIENT', 'LIST', 'TYPE', 'replica')).toContain(`addr=127.0.0.1:${port} `);
  });

  it('INFO is the caller alone; SETNAME names it; MULTI shows as flags x', () => {
    const { exec, text } = lab();
    expect(exec('A', 'CLIENT', 'SETNAME', 'a b')).toEqual({
      t: 'error',
      v: 'ERR Client names cannot contain spaces, newlines or special characters.',
    });
    expect(exec('A', 'CLIENT', 'SETNAME', 'teacher')).toEqual({ t: 'simple', v: 'OK' });
    expect(exec('A', 'CLIENT', 'GETNAME')).toEqual({ t: 'bulk', v: 'teacher' });
    exec('A', 'SELECT', '2');
    const info = text('A', 'CLIENT', 'INFO');
    expect(info.trim().split('\n')).toHaveLength(1);
    expect(info).toMatch(/ name=teacher .* flags=N db=2 .* cmd=client\|info /);
    exec('A', 'MULTI');
    exec('A', 'SET', 'k', 'v');
    exec('A', 'CLIENT', 'INFO');
    const r = exec('A', 'EXEC');
    const queued = r.t === 'array' && r.v !== null ? r.v[1] : null;
    expect(queued?.t === 'bulk' ? queued.v : null).toMatch(/ flags=x db=2 .* multi=2 cmd=exec /); // as 7.0.15 inside EXEC
    expect(text('A', 'CLIENT', 'INFO')).toMatch(/ flags=N db=2 .* multi=-1 /);
    exec('A', 'CLIENT', 'SETNAME', '');
    expect(exec('A', 'CLIENT', 'GETNAME')).toEqual({ t: 'bulk', v: null });
  });

  it('answers bad arguments with 7.0.15 texts', () => {
    const { exec } = lab();
    const e = (v: string) => ({ t: 'error', v });
    expect(exec('A', 'CLIENT', 'LIST', 'TYPE')).toEqual(e('ERR syntax error'));
    expect(exec('A', 'CLIENT', 'LIST', 'foo')).toEqual(e('ERR syntax error'));
    expect(exec('A', 'CLIENT', 'LIST', 'TYPE', 'foo')).toEqual(e("ERR Unknown client type 'foo'"));
    expect(exec('A', 'CLIENT', 'LIST', 'ID', '3', 'abc')).toEqual(e('ERR Invalid client ID'));
    expect(exec('A', 'CLIENT', 'INFO', 'x')).toEqual(
      e("ERR wrong number of arguments for 'client|info' command"),
    );
    expect(exec('A', 'CLIENT', 'KILL', 'ID', 'abc')).toEqual(e('ERR client-id should be greater than 0'));
    expect(exec('A', 'CLIENT', 'KILL', '1.2.3.4:5')).toEqual(e('ERR No such client'));
    expect(exec('A', 'CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'maybe')).toEqual(e('ERR syntax error'));
    expect(exec('A', 'CLIENT', 'KILL', 'USER', 'nobody')).toEqual(e("ERR No such user 'nobody'"));
  });

  it('KILL ID drops that replica, which reconnects with +CONTINUE; KILL of the caller needs SKIPME no', () => {
    const { l, exec, text } = lab();
    const b = field(text('A', 'CLIENT', 'LIST', 'TYPE', 'replica'), 'id')[0]!;
    const partial = l.w.nodes.get('A')!.stats.sync_partial_ok;
    expect(exec('A', 'CLIENT', 'KILL', 'ID', b)).toEqual({ t: 'int', v: 1 });
    expect(exec('A', 'CLIENT', 'KILL', 'TYPE', 'normal')).toEqual({ t: 'int', v: 0 }); // SKIPME yes
    advanceLab(l, l.w.now + 2_000_000);
    expect(l.w.nodes.get('A')!.stats.sync_partial_ok).toBe(partial + 1);
    expect(field(text('A', 'CLIENT', 'LIST', 'TYPE', 'replica'), 'id')).not.toContain(b);
    // the console is killed after its reply, then reconnects (a new id) in the same db
    exec('A', 'SELECT', '3');
    const me = Number(field(text('A', 'CLIENT', 'INFO'), 'id')[0]);
    expect(exec('A', 'CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'no')).toEqual({ t: 'int', v: 1 });
    const next = text('A', 'CLIENT', 'INFO');
    expect(Number(field(next, 'id')[0])).toBeGreaterThan(me);
    expect(field(next, 'db')).toEqual(['3']);
  });
});

describe('QUIT, RESET, PING (as 7.0.15 answered them)', () => {
  it('RESET leaves MULTI, db and name behind, even inside MULTI; QUIT reconnects the console', () => {
    const { exec, text } = lab();
    exec('A', 'SELECT', '3');
    exec('A', 'CLIENT', 'SETNAME', 'n1');
    exec('A', 'MULTI');
    exec('A', 'SET', 'a', '1');
    expect(exec('A', 'RESET')).toEqual({ t: 'simple', v: 'RESET' });
    expect(text('A', 'CLIENT', 'INFO')).toMatch(/ name= .* flags=N db=0 .* multi=-1 /);
    expect(exec('A', 'EXEC')).toEqual({ t: 'error', v: 'ERR EXEC without MULTI' });
    expect(exec('A', 'GET', 'a')).toEqual({ t: 'bulk', v: null });
    expect(exec('A', 'ACL', 'WHOAMI')).toEqual({ t: 'bulk', v: 'default' });
    const before = field(text('A', 'CLIENT', 'INFO'), 'id')[0];
    expect(exec('A', 'QUIT')).toEqual({ t: 'simple', v: 'OK' });
    expect(field(text('A', 'CLIENT', 'INFO'), 'id')[0]).not.toBe(before);
  });

  it('PING takes one message at most', () => {
    const { exec } = lab();
    expect(exec('A', 'PING', 'hi')).toEqual({ t: 'bulk', v: 'hi' });
    expect(exec('A', 'PING', 'a', 'b')).toEqual({
      t: 'error',
      v: "ERR wrong number of arguments for 'ping' command",
    });
  });
});

describe('SHUTDOWN options', () => {
  it('ABORT goes alone, SAVE and NOSAVE not together; ABORT with nothing to abort is an error', () => {
    const { l, exec } = lab();
    const syntax = { t: 'error', v: 'ERR syntax error' };
    expect(exec('A', 'SHUTDOWN', 'SAVE', 'NOSAVE')).toEqual(syntax);
    expect(exec('A', 'SHUTDOWN', 'ABORT', 'NOW')).toEqual(syntax);
    expect(exec('A', 'SHUTDOWN', 'FOO')).toEqual(syntax);
    expect(exec('A', 'SHUTDOWN', 'ABORT')).toEqual({ t: 'error', v: 'ERR No shutdown in progress.' });
    expect(l.w.nodes.get('A')!.state).toBe('running');
  });

  it('ABORT cancels a SHUTDOWN waiting for a lagging replica: its caller gets an error, writes resume', () => {
    const { l, exec } = lab();
    applyInput(l, { type: 'freeze', node: 'B' });
    exec('A', 'SET', 'k', '1');
    const a = l.w.nodes.get('A')!;
    const waiting = runCommand(l, a, ['SHUTDOWN']);
    expect('pending' in waiting).toBe(true);
    advanceLab(l, l.w.now + 1_000_000);
    const held = runCommand(l, a, ['SET', 'k', '2']); // writes are paused during the wait
    expect('pending' in held).toBe(true);
    expect(exec('A', 'SHUTDOWN', 'ABORT')).toEqual({ t: 'simple', v: 'OK' });
    advanceLab(l, l.w.now + 1000);
    if (!('pending' in waiting) || !('pending' in held)) throw new Error('not blocked');
    expect(waiting.pending.reply).toEqual({ t: 'error', v: 'ERR Errors trying to SHUTDOWN. Check logs.' });
    expect(held.pending.reply).toEqual({ t: 'simple', v: 'OK' });
    expect(a.state).toBe('running');
    expect(exec('A', 'GET', 'k')).toEqual({ t: 'bulk', v: '2' });
    // the shutdown-timeout passes: nothing exits
    advanceLab(l, l.w.now + 15_000_000);
    expect(a.state).toBe('running');
  });
});
