// The backlog view's sentence with three numbers to drag (issue 11): write rate, outage seconds,
// backlog size. The outcome is the engine's — a small headless run in the worker
// (engine/lab/probe.ts), asked again shortly after the numbers stop moving — never a formula.
import { useEffect, useState } from 'react';
import type { ProbeAnswer, ProbeAsk } from '../../engine/index.ts';
import { probe } from '../../store/what-if.ts';
import { Draggable } from './Draggable.tsx';
import { kb, num, useWx, type WhatIfKey } from './text.ts';
import './whatif.css';

/** The three numbers, in the sentence's order: the words before each, its steps, where it starts. */
const NUMBERS: {
  ask: keyof ProbeAsk;
  before: WhatIfKey;
  aria: WhatIfKey;
  steps: readonly number[];
  start: number;
  format: (v: number) => string;
}[] = [
  {
    ask: 'perSecond',
    before: 's1',
    aria: 'rateAria',
    steps: [1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500],
    start: 8,
    format: String,
  },
  {
    ask: 'outageS',
    before: 's2',
    aria: 'outageAria',
    steps: Array.from({ length: 60 }, (_, i) => i + 1),
    start: 9,
    format: String,
  },
  {
    ask: 'backlogBytes',
    before: 's3',
    aria: 'sizeAria',
    steps: [16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 2048, 4096].map((k) => k * 1024),
    start: 0,
    format: kb,
  },
];

/** Wall ms the numbers must rest before the engine is asked (a drag sends few runs). */
const DEBOUNCE_MS = 120;

export default function BacklogSentence() {
  const wx = useWx();
  // 100 writes/s, 10 s, 16 KB: a full sync to start from.
  const [at, setAt] = useState(() => NUMBERS.map((n) => n.start));
  const [answer, setAnswer] = useState<ProbeAnswer | { error: string } | null>(null);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    setBusy(true);
    let live = true;
    const ask = Object.fromEntries(NUMBERS.map((n, i) => [n.ask, n.steps[at[i]]])) as unknown as ProbeAsk;
    const timer = setTimeout(() => {
      void probe(ask).then((a) => {
        if (!live) return;
        setAnswer(a);
        setBusy(false);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [at]);
  const ok = answer && !('error' in answer) ? answer : null;
  return (
    <div className="bl-sentence" data-testid="backlog-sentence">
      <h4>{wx('sentenceTitle')}</h4>
      <p>
        {NUMBERS.map((n, i) => (
          <span key={n.ask}>
            {wx(n.before)}{' '}
            <Draggable
              steps={n.steps}
              index={at[i]}
              onChange={(k) => setAt((a) => a.map((x, j) => (j === i ? k : x)))}
              label={wx(n.aria)}
              format={n.format}
              help={wx('dragHelp')}
            />{' '}
          </span>
        ))}
        {wx('s4')}{' '}
        <output
          className={`bl-outcome mono ${ok ? (ok.outcome === 'CONTINUE' ? 'in' : 'out') : ''}`}
          aria-live="polite"
          data-testid="sentence-outcome"
          data-busy={busy ? '1' : '0'}
        >
          {ok ? `+${ok.outcome}` : answer && 'error' in answer ? answer.error : wx('computing')}
        </output>
      </p>
      {ok && (
        <p className="hint small">
          {ok.outcome === 'CONTINUE'
            ? wx('fits', { w: num(ok.written) })
            : wx('missing', { n: num(ok.missing), w: num(ok.written) })}{' '}
          {busy ? wx('computing') : wx('byEngine')}
        </p>
      )}
    </div>
  );
}
