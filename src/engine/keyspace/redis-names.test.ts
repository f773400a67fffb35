import { describe, expect, it } from 'vitest';
import { err } from '../core/resp.ts';
import { COMMAND_TABLE, checkArity, subcommandNotRun } from './commands.ts';
import recorded from './fixtures/command-list-7.0.15.json';
import { REDIS_COMMANDS } from './redis-names.ts';

describe('REDIS_COMMANDS', () => {
  it('is exactly COMMAND LIST of a real 7.0.15', () => {
    expect([...REDIS_COMMANDS].sort()).toEqual([...recorded.names].sort());
  });

  it('holds every command and subcommand the lab runs (the lab invents none)', () => {
    for (const [name, spec] of COMMAND_TABLE) {
      expect(REDIS_COMMANDS.has(name), name).toBe(true);
      for (const sub of spec.subcommands?.keys() ?? [])
        expect(REDIS_COMMANDS.has(`${name}|${sub}`), sub).toBe(true);
    }
  });
});

describe('a command Redis has and the lab does not run', () => {
  const notRun = (name: string) =>
    err(
      `ERR '${name}' is a Redis 7.0 command that PSYNC Lab does not run (it runs replication and the common data commands)`,
    );

  it('says so instead of "unknown command" (the name as typed, upper-cased)', () => {
    expect(checkArity(['LoLwUt'])).toEqual(notRun('LOLWUT'));
    expect(checkArity(['geoadd', 'k', '1', '2', 'm'])).toEqual(notRun('GEOADD'));
  });

  it('names both words for a subcommand (checked by the server command that has the container)', () => {
    expect(subcommandNotRun(['client', 'no-evict', 'on'])).toEqual(notRun('CLIENT NO-EVICT'));
    expect(subcommandNotRun(['Config', 'Nosuch'])).toEqual(
      err("ERR unknown subcommand 'Nosuch'. Try CONFIG HELP."),
    );
  });

  it("keeps Redis's own errors for names Redis does not have", () => {
    expect(checkArity(['setrang', 'k'])).toEqual(
      err("ERR unknown command 'setrang', with args beginning with: 'k' "),
    );
    expect(checkArity(['config', 'nosuch'])).toEqual(
      err("ERR unknown subcommand 'nosuch'. Try CONFIG HELP."),
    );
  });
});
