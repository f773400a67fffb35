// The ghost's part of a share link: short when the ghost was not acted on, and read back to the
// very inputs it had; a bad &ghost= part is refused with a message that names it.
import { describe, expect, it } from 'vitest';
import {
  advance,
  createTimeline,
  DEFAULT_SETUP,
  forkRecord,
  input,
  type RunRecord,
} from '../engine/index.ts';
import { decodeGhost, ghostPart } from './run-codec.ts';
import { encodeRun, parseUrl } from './url.ts';
import { ghostInputs, ghostLink } from './what-if.ts';

const S = 1_000_000;

function main(): RunRecord {
  const tl = createTimeline(1, DEFAULT_SETUP);
  advance(tl, 2 * S);
  input(tl, { type: 'cut', replica: 'B' });
  advance(tl, 3 * S);
  input(tl, { type: 'heal', replica: 'B' });
  return structuredClone(tl.record);
}

describe('the ghost in the share link', () => {
  const change = { kind: 'outage', replica: 'B', seconds: 20 } as const;

  it('an untouched ghost is its fork: no inputs in the link', async () => {
    const m = main();
    const ghost = forkRecord(m, 2.5 * S, change).record;
    const link = ghostLink(m, ghost, { at: 2.5 * S, change });
    expect(link).toEqual({ at: 2.5 * S, change });
    expect(ghostInputs(m, link)).toBeUndefined();
    const text = await encodeRun(link);
    expect(text.length).toBeLessThan(120);
    expect(await decodeGhost(text)).toEqual(link);
  });

  it('a ghost acted on keeps the common prefix and carries only its own tail', async () => {
    const m = main();
    const ghost = forkRecord(m, 2.5 * S, change).record;
    ghost.inputs.splice(ghost.inputs.length - 1, 1, {
      at: 2.6 * S,
      input: { type: 'write', node: 'A', count: 7 },
    });
    const link = ghostLink(m, ghost, { at: 2.5 * S, change });
    expect(link.tail).toEqual([{ at: 2.6 * S, input: { type: 'write', node: 'A', count: 7 } }]);
    const back = await decodeGhost(await encodeRun(link));
    expect(ghostInputs(m, back)).toEqual(ghost.inputs);
  });

  it('refuses a bad part with its name; &ghost= is read only beside #run=', async () => {
    await expect(decodeGhost('not-deflate')).rejects.toThrow(/^the &ghost= part/);
    const bad = await encodeRun({ at: 0, change: { kind: 'era', era: 'psync9' } });
    await expect(decodeGhost(bad)).rejects.toThrow(/^the &ghost= part is not a valid what-if: change/);
    expect(parseUrl('', '#run=abc&ghost=def').run).toBe('abc');
    expect(ghostPart('#run=abc&ghost=def')).toBe('def');
    expect(ghostPart('#ghost=def')).toBeNull();
  });
});
