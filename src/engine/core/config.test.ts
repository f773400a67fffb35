import { describe, expect, it } from 'vitest';
import {
  cfgInt,
  defaultConfig,
  findParam,
  globMatch,
  normalise,
  parseMemory,
  setConfig,
  startValue,
} from './config.ts';

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
  it('start values are parsed as CONFIG SET parses them (7.0.15: --repl-backlog-size 1mb --hz 010)', () => {
    expect(startValue('repl-backlog-size', '1mb')).toBe('1048576');
    expect(startValue('hz', '010')).toBe('10');
    expect(startValue('repl-diskless-sync', 'YES')).toBe('yes');
    expect(startValue('repl-backlog-size', 'lots')).toBe('lots'); // kept as given: Redis would not start
    expect(startValue('not-modelled', '1mb')).toBe('1mb');
    const cfg = new Map([['repl-backlog-size', startValue('repl-backlog-size', '1mb')]]);
    expect(cfgInt(cfg, 'repl-backlog-size')).toBe(1048576);
  });
  it('cfgInt keeps each map its own numbers, and setConfig drops them', () => {
    const a = defaultConfig();
    const b = defaultConfig();
    setConfig(b, 'repl-backlog-size', '16384');
    for (let i = 0; i < 3; i++) {
      // Alternating maps, as a master and its replicas alternate.
      expect(cfgInt(a, 'repl-backlog-size')).toBe(1048576);
      expect(cfgInt(b, 'repl-backlog-size')).toBe(16384);
    }
    setConfig(a, 'repl-backlog-size', '32768');
    expect(cfgInt(a, 'repl-backlog-size')).toBe(32768);
    expect(cfgInt(b, 'repl-backlog-size')).toBe(16384);
    expect([...a.keys()]).toEqual([...defaultConfig().keys()]); // nothing else shows on the map
    expect(cfgInt(Object.freeze(new Map([['hz', '20']])), 'hz')).toBe(20);
  });
  it('CONFIG GET patterns', () => {
    expect(globMatch('repl-*', 'repl-backlog-size')).toBe(true);
    expect(globMatch('repl-?imeout', 'repl-timeout')).toBe(true);
    expect(globMatch('maxmemory', 'repl-timeout')).toBe(false);
  });
});
