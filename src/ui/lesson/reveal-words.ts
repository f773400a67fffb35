// What a prediction's reveal says, as plain strings (PredictView renders them; reveal-words.test.ts
// checks them): the engine's answer in the words the question offered, the backlog window as a
// student reads it, and the arithmetic behind a number.
import type { Ask } from '../../engine/lesson/types.ts';
import type { Era } from '../../engine/replication/era.ts';
import type { PsyncDecision } from '../../engine/replication/psync.ts';
import type { Lang } from '../../i18n/index.ts';
import { lessonText, REASON_TEXT } from './text.ts';

/** The answer as the question offered it: "+FULLRESYNC" (the buttons' words), a reason with its words. */
export function answerWords(ask: Ask, answer: string, lang: Lang): string {
  if (ask === 'outcome') return `+${answer}`;
  const words = (REASON_TEXT as Record<string, Record<Lang, string> | undefined>)[answer];
  return words ? `${answer} — ${words[lang]}` : answer;
}

/**
 * The backlog's bytes first … last, or "empty" when it holds none: a backlog just created (B after
 * its own full sync in chapter 4) has first_byte = master_repl_offset + 1 and histlen 0, which the
 * bare range printed as "64131 … 64130".
 */
export function backlogWords(v: PsyncDecision['values'], lang: Lang): string {
  if (!v.backlogActive) return '—';
  if (v.backlogLastByte < v.backlogFirstByte)
    return lessonText(lang, 'emptyBacklog', { first: v.backlogFirstByte });
  return `${v.backlogFirstByte} … ${v.backlogLastByte}`;
}

/**
 * The arithmetic behind a number question, null for the others. backlog-bytes: master_repl_offset
 * + 1 − P (chapter 5: 903 + 1 − 1 = 903); requested-offset: the replica's offset + 1 (903 + 1 = 904).
 */
export function workedNumber(ask: Ask, d: PsyncDecision, lang: Lang): string | null {
  const v = d.values;
  if (ask === 'requested-offset')
    return lessonText(lang, 'workedOffset', { o: v.requestedOffset - 1, p: v.requestedOffset });
  if (ask !== 'backlog-bytes') return null;
  if (d.outcome !== 'CONTINUE') return lessonText(lang, 'workedFull');
  return lessonText(lang, 'workedBytes', {
    m: v.masterReplOffset,
    p: v.requestedOffset,
    n: d.backlogBytes,
  });
}

/**
 * A master without a backlog creates one for its first replica's full sync, and 7.0 takes a new
 * replid with it (syncCommand → changeReplicationId, createReplicationBacklog): chapter 2's A
 * decides with its boot replid b2399271…, then answers +FULLRESYNC <a new replid> 0. The reveal
 * comes at the decision, before that answer reaches the replica, so it says what will come.
 * Older eras take no new replid (2.8/3.2 add 1 to the offset instead): null there, and null when
 * a backlog exists.
 */
export function newReplidWords(d: PsyncDecision, master: string, era: Era, lang: Lang): string | null {
  if (d.outcome !== 'FULLRESYNC' || d.values.backlogActive || era !== 'psync2') return null;
  return lessonText(lang, 'newReplid', { m: master, old: short(d.values.replid) });
}

/** The first 8 hex digits of a 40-digit id, as the reveal prints ids. */
export const short = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);
