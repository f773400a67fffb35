// The reveal's words, on decisions the engine makes with the lesson's own numbers (QA walk 3: the
// answer read "FULLRESYNC" under buttons saying "+FULLRESYNC", chapter 4's just-created backlog read
// "64131 … 64130", and a wrong number came with no arithmetic).
import { describe, expect, it } from 'vitest';
import { decidePsync } from '../../engine/replication/psync.ts';
import { answerWords, backlogWords, newReplidWords, workedNumber } from './reveal-words.ts';

const ID = '88ea750d6595e8774f50b63bb57e80457f2049e8';
const master = (offset: number, histlen: number, masterReplOffset: number) => ({
  replid: ID,
  replid2: '0'.repeat(40),
  secondReplOffset: -1,
  masterReplOffset,
  backlog: { offset, histlen },
});

describe('reveal words', () => {
  it('an outcome in the words of its buttons; a reason with its words', () => {
    expect(answerWords('outcome', 'FULLRESYNC', 'zh')).toBe('+FULLRESYNC');
    expect(answerWords('reason', 'offset-before-backlog', 'en')).toBe(
      'offset-before-backlog — the offset is too old: no longer in the backlog',
    );
    expect(answerWords('backlog-bytes', '903', 'en')).toBe('903');
  });

  it("chapter 4: B's backlog just created after its full sync is empty, not 64131 … 64130", () => {
    const d = decidePsync({ replid: ID, offset: 1176 }, master(64131, 0, 64130));
    expect(d.reason).toBe('offset-before-backlog');
    expect(backlogWords(d.values, 'en')).toBe('empty (histlen 0, the next byte is 64131)');
    expect(backlogWords(d.values, 'zh')).toBe('空（histlen 0，下一个字节是 64131）');
    const full = decidePsync({ replid: ID, offset: 1956 }, master(40881, 24570, 65450));
    expect(backlogWords(full.values, 'en')).toBe('40881 … 65450');
  });

  it('chapter 5: the bytes sent and the offset asked come with their arithmetic', () => {
    const d = decidePsync({ replid: ID, offset: 1 }, master(1, 903, 903));
    expect(d.backlogBytes).toBe(903);
    expect(workedNumber('backlog-bytes', d, 'en')).toBe(
      'master_repl_offset 903 + 1 − requested offset 1 = 903 bytes',
    );
    const restart = decidePsync({ replid: ID, offset: 904 }, master(1, 903, 903));
    expect(workedNumber('requested-offset', restart, 'zh')).toBe(
      '从库的 offset 903 + 1 = 904：从它缺的第一个字节开始要',
    );
    const full = decidePsync({ replid: ID, offset: 1176 }, master(64131, 0, 64130));
    expect(workedNumber('backlog-bytes', full, 'en')).toBe('+FULLRESYNC sends no backlog bytes: 0');
    expect(workedNumber('outcome', d, 'en')).toBeNull();
  });
});

describe('the new replid of a first full sync', () => {
  // Chapter 2: A decides with its boot replid (no backlog yet), then creates its backlog and
  // answers +FULLRESYNC with a replid taken just then. The reveal printed only the old one.
  const d = decidePsync(
    { replid: '0dd65306'.padEnd(40, '0'), offset: 1 },
    { ...master(0, 0, 0), backlog: null },
  );

  it('says the +FULLRESYNC will carry a new replid, not the one decided with', () => {
    expect(d.outcome).toBe('FULLRESYNC');
    expect(newReplidWords(d, 'A', 'psync2', 'en')).toBe(
      'A has no backlog yet: it creates one for its first replica and takes a new replid with it. So +FULLRESYNC carries the new replid, not the 88ea750d… it decided with above.',
    );
    expect(newReplidWords(d, 'A', 'psync2', 'zh')).toContain('同时换一个新的 replid');
  });

  it('says nothing when a backlog exists, for a +CONTINUE, or in an era without replids', () => {
    const withBacklog = decidePsync({ replid: '?', offset: -1 }, master(1, 903, 903));
    expect(withBacklog.outcome).toBe('FULLRESYNC');
    expect(newReplidWords(withBacklog, 'A', 'psync2', 'en')).toBeNull();
    const cont = decidePsync({ replid: ID, offset: 1 }, master(1, 903, 903));
    expect(newReplidWords(cont, 'A', 'psync2', 'en')).toBeNull();
    expect(newReplidWords(d, 'A', 'psync1', 'en')).toBeNull();
  });
});
