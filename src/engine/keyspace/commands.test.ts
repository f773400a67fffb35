import { describe, expect, it } from 'vitest';
import { err } from '../core/resp.ts';
import { COMMAND_TABLE, checkArity, isWriteCommand, lookupCommand } from './commands.ts';
import recorded from './fixtures/command-info-7.0.15.json';

interface Info {
  arity: number;
  flags: string[];
  subcommands?: Record<string, { arity: number; flags: string[] }>;
}
const real: Record<string, Info> = recorded.commands;

describe('COMMAND_TABLE', () => {
  it('has exactly the arity and flags of COMMAND INFO on a real 7.0.15, subcommands included', () => {
    expect([...COMMAND_TABLE.keys()].sort()).toEqual(Object.keys(real).sort());
    for (const [name, info] of Object.entries(real)) {
      const spec = COMMAND_TABLE.get(name)!;
      expect({ name, arity: spec.arity, flags: spec.flags }).toEqual({
        name,
        arity: info.arity,
        flags: info.flags,
      });
      const subs = Object.entries(info.subcommands ?? {});
      expect(spec.subcommands?.size ?? 0).toBe(subs.length);
      for (const [sub, s] of subs) {
        expect(spec.subcommands!.get(sub)).toEqual({
          name: `${name}|${sub}`,
          arity: s.arity,
          flags: s.flags,
        });
      }
    }
  });

  it('classifies writes: SET and EXPIRE are writes, GET and EVAL are not', () => {
    expect(isWriteCommand(['SET', 'a', '1'])).toBe(true);
    expect(isWriteCommand(['expire', 'a', '1'])).toBe(true);
    expect(isWriteCommand(['GET', 'a'])).toBe(false);
    expect(isWriteCommand(['EVAL', 'return 1', '0'])).toBe(false);
    expect(isWriteCommand(['PUBLISH', 'c', 'm'])).toBe(false);
    expect(isWriteCommand(['nosuch'])).toBe(false);
  });

  it('looks subcommands up case-insensitively and stops at the container without one', () => {
    expect(lookupCommand(['Config', 'SET', 'a', 'b'])?.name).toBe('config|set');
    expect(lookupCommand(['CONFIG'])?.name).toBe('config');
    expect(lookupCommand(['config', 'nosuch'])).toBeUndefined();
  });
});

// Every expected text below was printed by a real redis-server 7.0.15.
describe('checkArity', () => {
  it('accepts well-formed calls', () => {
    expect(checkArity(['SET', 'a', '1'])).toBeNull();
    expect(checkArity(['set', 'a', '1', 'EX', '10'])).toBeNull();
    expect(checkArity(['PING'])).toBeNull();
    expect(checkArity(['CONFIG', 'GET', 'maxmemory'])).toBeNull();
  });

  it('names the command from the table in lower case, whatever case was typed', () => {
    const e = err("ERR wrong number of arguments for 'set' command");
    expect(checkArity(['set', 'a'])).toEqual(e);
    expect(checkArity(['SET', 'a'])).toEqual(e);
    expect(checkArity(['SeT', 'a'])).toEqual(e);
    expect(checkArity(['GET', 'a', 'b'])).toEqual(err("ERR wrong number of arguments for 'get' command"));
    // PING's arity is -1: its "at most one argument" error comes from pingCommand (the server layer).
    expect(checkArity(['PING', 'a', 'b'])).toBeNull();
    expect(checkArity(['dbsize', 'x'])).toEqual(err("ERR wrong number of arguments for 'dbsize' command"));
    expect(checkArity(['EVAL', 'x'])).toEqual(err("ERR wrong number of arguments for 'eval' command"));
  });

  it('uses the container|sub name for subcommands and the container name alone without one', () => {
    expect(checkArity(['CONFIG'])).toEqual(err("ERR wrong number of arguments for 'config' command"));
    expect(checkArity(['CLIENT'])).toEqual(err("ERR wrong number of arguments for 'client' command"));
    expect(checkArity(['CONFIG', 'Set', 'a'])).toEqual(
      err("ERR wrong number of arguments for 'config|set' command"),
    );
    expect(checkArity(['CLIENT', 'KILL'])).toEqual(
      err("ERR wrong number of arguments for 'client|kill' command"),
    );
  });

  it('reports unknown subcommands with the container upper-cased', () => {
    expect(checkArity(['config', 'foo'])).toEqual(err("ERR unknown subcommand 'foo'. Try CONFIG HELP."));
    expect(checkArity(['Config', 'foo'])).toEqual(err("ERR unknown subcommand 'foo'. Try CONFIG HELP."));
    expect(checkArity(['client', 'foo', 'bar'])).toEqual(
      err("ERR unknown subcommand 'foo'. Try CLIENT HELP."),
    );
    expect(checkArity(['command', 'nosuch'])).toEqual(
      err("ERR unknown subcommand 'nosuch'. Try COMMAND HELP."),
    );
  });

  it('reports unknown commands as typed, with up to 128 bytes of quoted arguments', () => {
    const u = (s: string) => err(`ERR unknown command ${s}`);
    expect(checkArity(['foo', 'a', 'b'])).toEqual(u("'foo', with args beginning with: 'a' 'b' "));
    expect(checkArity(['FOO', 'a', 'b'])).toEqual(u("'FOO', with args beginning with: 'a' 'b' "));
    expect(checkArity(['foo'])).toEqual(u("'foo', with args beginning with: "));
    expect(checkArity(['foo', 'a b', "c'd", ''])).toEqual(
      u("'foo', with args beginning with: 'a b' 'c'd' '' "),
    );
    expect(checkArity(['fo\r\no', 'a\nb'])).toEqual(u("'fo  o', with args beginning with: 'a b' "));
    const many = Array.from({ length: 200 }, (_, i) => `x${i}`);
    const listed = many
      .slice(0, 23)
      .map((x) => `'${x}' `)
      .join('');
    expect(checkArity(['foo', ...many])).toEqual(u(`'foo', with args beginning with: ${listed}`));
    expect(checkArity(['foo', 'a'.repeat(200), 'b', 'c'])).toEqual(
      u(`'foo', with args beginning with: '${'a'.repeat(128)}' `),
    );
    expect(checkArity(['b'.repeat(200)])).toEqual(u(`'${'b'.repeat(128)}', with args beginning with: `));
    expect(checkArity(['foo', 'é'.repeat(100)])).toEqual(
      u(`'foo', with args beginning with: '${'é'.repeat(64)}' `),
    );
  });
});
