import { describe, expect, it } from 'vitest';
import { PARAMS } from './config.ts';
import recorded from './fixtures/config-names-7.0.15.json';
import { notModelledParam, REDIS_PARAMS } from './redis-params.ts';

describe('REDIS_PARAMS', () => {
  it('is exactly the names CONFIG GET * lists on a real 7.0.15', () => {
    expect([...REDIS_PARAMS].sort()).toEqual([...recorded.names].sort());
  });

  it('holds every parameter the lab models, except the hidden testing knobs (the lab invents none)', () => {
    for (const p of PARAMS) if (!p.hidden) expect(REDIS_PARAMS.has(p.name), p.name).toBe(true);
  });

  it('names the parameter as typed in the error', () => {
    expect(notModelledParam('MaxMemory')).toBe(
      "ERR CONFIG SET 'MaxMemory' is a Redis 7.0 parameter that PSYNC Lab does not model (CONFIG GET * lists the ones it does)",
    );
  });
});
