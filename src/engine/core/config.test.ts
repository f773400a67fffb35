import { describe, expect, it } from 'vitest';
import { findParam, globMatch, normalise, parseMemory } from './config.ts';

describe('configuration values', () => {
  it('memory units as memtoull reads them', () => {
    expect(parseMemory('1mb')).toBe(1048576);
    expect(parseMemory('16kb')).toBe(16384);
    expect(parseMemory('1k')).toBe(1000);
    expect(parseMemory('16384')).toBe(16384);
    expect(parseMemory('lots')).toBeNull();
  });
  it('normalises or refuses with the reason Redis gives', () => {
    const p = findParam('repl-diskless-sync')!;
    expect(normalise(p, 'YES')).toEqual({ value: 'yes' });
    expect(normalise(p, 'maybe')).toEqual({ error: "argument must be 'yes' or 'no'" });
    expect(normalise(findParam('repl-timeout')!, '0')).toEqual({
      error: 'argument must be between 1 and 2147483647 inclusive',
    });
    expect(findParam('slave-read-only')?.name).toBe('replica-read-only');
  });
  it('CONFIG GET patterns', () => {
    expect(globMatch('repl-*', 'repl-backlog-size')).toBe(true);
    expect(globMatch('repl-?imeout', 'repl-timeout')).toBe(true);
    expect(globMatch('maxmemory', 'repl-timeout')).toBe(false);
  });
});
