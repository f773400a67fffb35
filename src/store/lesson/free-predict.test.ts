// The free lab's predict switch over frames, with a fake controller: what pauses and what is shown.
import { afterEach, describe, expect, it } from 'vitest';
import type { PsyncDecision } from '../../engine/replication/psync.ts';
import type { Frame } from '../../protocol.ts';
import type { Controller } from '../client.ts';
import { emitFrame } from '../frames.ts';
import { setController } from '../instance.ts';
import { answer, setPredicting, useFreePredict } from './free-predict.ts';

const calls: string[] = [];
setController({
  setStop: (p: unknown) => calls.push(`stop ${p ? JSON.stringify(p) : 'none'}`),
  setPlaying: (on: boolean) => calls.push(on ? 'play' : 'pause'),
} as unknown as Controller);

const frame = (events: unknown[]) => ({ events }) as unknown as Frame;
const psync = { type: 'message.sent', kind: 'PSYNC', from: 'B', to: 'A', label: 'PSYNC ? -1' };
const decided = (replica: string) => ({
  type: 'psync.decided',
  replica,
  decision: { outcome: 'FULLRESYNC', reason: 'no-history' } as unknown as PsyncDecision,
});

afterEach(() => {
  setPredicting(false);
  calls.length = 0;
});

describe('the free lab predict switch', () => {
  it('a PSYNC pauses the run and asks; an answer plays to the decision and reveals it', () => {
    setPredicting(true);
    emitFrame(frame([psync]), 'frame');
    expect(useFreePredict.getState()).toMatchObject({ phase: 'asking', replica: 'B', master: 'A' });
    answer('CONTINUE');
    emitFrame(frame([decided('B')]), 'frame');
    expect(useFreePredict.getState()).toMatchObject({
      phase: 'revealed',
      given: 'CONTINUE',
      asked: 1,
      right: 0,
    });
  });

  it('played past the decision without an answer: the decision is shown unanswered, not asked on', () => {
    // QA walk 5: Space while asked played on; the card kept asking about a PSYNC long answered.
    setPredicting(true);
    const before = useFreePredict.getState().asked;
    emitFrame(frame([psync]), 'frame');
    emitFrame(frame([decided('C')]), 'frame'); // another replica's decision changes nothing
    expect(useFreePredict.getState().phase).toBe('asking');
    emitFrame(frame([decided('B')]), 'frame');
    expect(useFreePredict.getState()).toMatchObject({ phase: 'revealed', given: null, asked: before });
    expect(useFreePredict.getState().decision?.outcome).toBe('FULLRESYNC');
    expect(calls.at(-1)).toBe('pause');
  });
});
