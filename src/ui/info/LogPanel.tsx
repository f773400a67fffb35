// The node's server log: the replication lines Redis prints, in its own words, with virtual time.
import { useEffect, useMemo, useRef } from 'react';
import { useLab } from '../../store/store.ts';
import { secs } from '../format.ts';
import { useT } from '../hooks.ts';

export function LogPanel({ name }: { name: string }) {
  const t = useT();
  const rev = useLab((s) => s.rev.logs);
  const box = useRef<HTMLOListElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev stands for the log list
  const lines = useMemo(
    () =>
      useLab
        .getState()
        .hist.logs.filter((l) => l.node === name)
        .slice(-300),
    [name, rev],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the end when the lines change
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <ol className="log mono" ref={box} tabIndex={0} aria-label={t('log.title', { name })}>
      {lines.length === 0 && <li className="dim">{t('log.empty')}</li>}
      {lines.map((l) => (
        <li key={l.seq} className={l.line.includes(' # ') ? 'warn' : ''}>
          <span className="log-t">{secs(l.at)}</span> {l.line}
        </li>
      ))}
    </ol>
  );
}
