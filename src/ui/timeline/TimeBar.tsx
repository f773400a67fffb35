// Time: play/pause, one event back/forward, next milestone, speed on a log scale, and a scrubber
// over everything seen so far. Acting in the past forks the future (the controller says so).
import { useEffect, useRef, useState } from 'react';
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { preciseSecs, secs } from '../format.ts';
import { useT } from '../hooks.ts';
import { Icon } from '../Icon.tsx';
import { WhatIfButton } from '../whatif/slot.tsx';
import { scrubTo } from './scrub.ts';
import { sliderFromSpeed, speedFromSlider, speedLabel } from './speed.ts';

/** The time bar; `min` (an embedded widget's controls=min): play/pause, one event forward, the time. */
export function TimeBar({ min = false }: { min?: boolean }) {
  const t = useT();
  const playing = useLab((s) => s.playing);
  const ready = useLab((s) => s.phase === 'ready');
  const bar = useRef<HTMLElement>(null);
  // Its height, for what must stay clear of it where it sticks to the bottom (one column: app.css).
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--timebar-h', `${el.offsetHeight}px`),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <footer className="timebar" ref={bar}>
      <h2 className="sr-only">{t('time.title')}</h2>
      <div className="tb-buttons">
        {!min && (
          <button
            type="button"
            className="icon"
            onClick={() => void ctl().stepBack()}
            disabled={!ready}
            aria-label={t('time.stepBack')}
            title={`${t('time.stepBack')} (←)`}
          >
            <Icon name="back" />
          </button>
        )}
        <button
          type="button"
          className="icon play"
          onClick={() => ctl().togglePlay()}
          disabled={!ready}
          aria-label={playing ? t('time.pause') : t('time.play')}
          title={`${playing ? t('time.pause') : t('time.play')} (Space)`}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon"
          onClick={() => void ctl().stepForward()}
          disabled={!ready}
          aria-label={t('time.stepForward')}
          title={`${t('time.stepForward')} (→)`}
        >
          <Icon name="forward" />
        </button>
        {!min && (
          <>
            <button
              type="button"
              className="milestone"
              onClick={() => void ctl().nextMilestone()}
              disabled={!ready}
              title={`${t('time.milestoneHelp')} (N)`}
            >
              {t('time.milestone')}
            </button>
            <WhatIfButton />
          </>
        )}
      </div>
      {min ? (
        <Now />
      ) : (
        <>
          <Speed />
          <Scrubber />
        </>
      )}
    </footer>
  );
}

function Speed() {
  const t = useT();
  const speed = useLab((s) => s.speed);
  return (
    <label className="tb-speed">
      <span>{t('time.speed')}</span>
      <input
        type="range"
        min={-3}
        max={2}
        step={0.05}
        value={sliderFromSpeed(speed)}
        onChange={(e) => ctl().setSpeed(speedFromSlider(Number(e.target.value)))}
        aria-valuetext={speedLabel(speed)}
      />
      <output className="mono">{speedLabel(speed)}</output>
    </label>
  );
}

function Scrubber() {
  const t = useT();
  const now = useLab((s) => s.t);
  // The known future: what was seen, and a scenario's recorded inputs (+1 s to see the last one land).
  const maxT = useLab((s) => Math.max(s.maxT, s.horizon > 0 ? s.horizon + 1_000_000 : 0));
  const [drag, setDrag] = useState<number | null>(null);
  const value = drag ?? now;
  const max = Math.max(maxT, now, 1);
  const seek = (v: number) => {
    setDrag(v);
    void ctl()
      .seek(v)
      .then(() => setDrag((d) => (d === v ? null : d)));
  };
  return (
    <div className="tb-scrub">
      <div className="scrub-track">
        <input
          type="range"
          min={0}
          max={max}
          step={1}
          value={value}
          aria-label={t('time.scrub')}
          aria-valuetext={t('time.at', { t: secs(value) })}
          onChange={(e) => seek(Number(e.target.value))}
          onKeyDown={(e) => {
            const v = scrubTo(e.key, e.shiftKey, value, max);
            if (v === null) return;
            e.preventDefault();
            seek(v);
          }}
        />
        <StepMarks max={max} />
      </div>
      <Now />
    </div>
  );
}

function Now() {
  const t = useT();
  const now = useLab((s) => s.t);
  return (
    <output className="tb-now mono" aria-label={t('time.now')}>
      t = {preciseSecs(now)} s
    </output>
  );
}

/** Scenario steps as ticks on the scrubber. */
function StepMarks({ max }: { max: number }) {
  const steps = useLab((s) => s.stepTimes);
  if (steps.length === 0) return null;
  return (
    <div className="tb-marks" aria-hidden="true">
      {steps.map((at, i) =>
        at <= max ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps of a scenario are a fixed list
          <span key={i} style={{ left: `${(at / max) * 100}%` }} title={`${i + 1}`} />
        ) : null,
      )}
    </div>
  );
}
