// The node's server log: the replication lines Redis prints, in its own words, with virtual time.
import { memo, useEffect, useMemo, useRef } from 'react';
import type { WireEvent } from '../../protocol.ts';
import { useLab } from '../../store/store.ts';
import { secs } from '../format.ts';
import { useT } from '../hooks.ts';

type LogLine = Extract<WireEvent, { type: 'log' }>;

/** Lines shown: the node's newest. */
const SHOWN = 300;

/**
 * The node's newest SHOWN lines, oldest first, scanning back from the end (the list holds every
 * node's lines, up to 6 000); `prev` itself when they are the same lines, so the list is not
 * rendered again when another node logged.
 */
export function nodeLines(logs: readonly LogLine[], name: string, prev: readonly LogLine[]): LogLine[] {
  const out: LogLine[] = [];
  for (let i = logs.length - 1; i >= 0 && out.length < SHOWN; i--)
    if (logs[i].node === name) out.push(logs[i]);
  out.reverse();
  const same = out.length === prev.length && out.every((l, i) => l === prev[i]);
  return same ? (prev as LogLine[]) : out;
}

export function LogPanel({ name }: { name: string }) {
  const t = useT();
  const rev = useLab((s) => s.rev.logs);
  const box = useRef<HTMLOListElement>(null);
  const shown = useRef<LogLine[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev stands for the log list
  const lines = useMemo(() => {
    shown.current = nodeLines(useLab.getState().hist.logs, name, shown.current);
    return shown.current;
  }, [name, rev]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the end when the lines change
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <ol className="log mono" ref={box} tabIndex={0} aria-label={t('log.title', { name })}>
      {lines.length === 0 && <li className="dim">{t('log.empty')}</li>}
      <Lines lines={lines} />
    </ol>
  );
}

/** The lines themselves: rendered again only when they changed (memo on the array). */
const Lines = memo(function Lines({ lines }: { lines: LogLine[] }) {
  return lines.map((l) => (
    <li key={l.seq} className={l.line.includes(' # ') ? 'warn' : ''}>
      <span className="log-t">{secs(l.at)}</span> {l.line}
    </li>
  ));
});
