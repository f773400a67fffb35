// The backlog view's sentence with three numbers to drag (issue 11): write rate, outage seconds,
// backlog size. The outcome is the engine's — a small headless run in the worker
// (engine/lab/probe.ts), asked again shortly after the numbers stop moving — never a formula.
import { useEffect, useState } from 'react';
import type { ProbeAnswer } from '../../engine/index.ts';
import { probe } from '../../store/what-if.ts';
import { Draggable } from './Draggable.tsx';
import { kb, num, useWx } from './text.ts';
import './whatif.css';

const RATES = [1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500] as const;
const OUTAGES = Array.from({ length: 60 }, (_, i) => i + 1);
const SIZES = [16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 2048, 4096].map((k) => k * 1024);

/** Wall ms the numbers must rest before the engine is asked (a drag sends few runs). */
const DEBOUNCE_MS = 120;

export default function BacklogSentence() {
  const wx = useWx();
  const [rate, setRate] = useState(8); // 100/s
  const [outage, setOutage] = useState(9); // 10 s
  const [size, setSize] = useState(0); // 16 KB
  const [answer, setAnswer] = useState<ProbeAnswer | { error: string } | null>(null);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    setBusy(true);
    let live = true;
    const timer = setTimeout(() => {
      void probe({ perSecond: RATES[rate], outageS: OUTAGES[outage], backlogBytes: SIZES[size] }).then(
        (a) => {
          if (!live) return;
          setAnswer(a);
          setBusy(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rate, outage, size]);
  const help = wx('dragHelp');
  const ok = answer && !('error' in answer) ? answer : null;
  return (
    <div className="bl-sentence" data-testid="backlog-sentence">
      <h4>{wx('sentenceTitle')}</h4>
      <p>
        {wx('s1')}{' '}
        <Draggable
          steps={RATES}
          index={rate}
          onChange={setRate}
          label={wx('rateAria')}
          format={String}
          help={help}
          testId="drag-rate"
        />{' '}
        {wx('s2')}{' '}
        <Draggable
          steps={OUTAGES}
          index={outage}
          onChange={setOutage}
          label={wx('outageAria')}
          format={String}
          help={help}
          testId="drag-outage"
        />{' '}
        {wx('s3')}{' '}
        <Draggable
          steps={SIZES}
          index={size}
          onChange={setSize}
          label={wx('sizeAria')}
          format={kb}
          help={help}
          testId="drag-size"
        />
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
