// The what-if panel (issue 11), loaded on demand: the form that forks the run with one change, then
// the two timelines side by side — each node in this run and in the ghost, the per-replica diff,
// and buttons that act in the ghost only. Time is shared: the time bar drives both.
import { useEffect, useRef, useState } from 'react';
import type { Era, LabInput, NodeView, ReplicaResync, ResyncDiffRow } from '../../engine/index.ts';
import { useLab } from '../../store/store.ts';
import { actGhost, closeWhatIf, type GhostState, openWhatIf, useGhost } from '../../store/what-if.ts';
import { useT } from '../hooks.ts';
import { changeText, type Draft, type Kind, stateKey, toChange, whoOf } from './change.ts';
import { num, secs, useWx, type WhatIfKey } from './text.ts';
import './whatif.css';

export default function WhatIfPanel() {
  const ghost = useGhost((s) => s.ghost);
  const opened = ghost !== null;
  const wx = useWx();
  const ref = useRef<HTMLElement>(null);
  // Opened below the lesson panel, the comparison may start under the fold; on a phone with a node
  // selected the form opens above that node's panel, off screen (QA walk 5): bring either into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form when it opens, the comparison when the fork is made
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [opened]);
  return (
    <section ref={ref} className="whatif" aria-label={wx('title')} data-testid="whatif">
      {ghost ? <Compare g={ghost} /> : <Form />}
    </section>
  );
}

/** The changes offered, in order: each with its field's words and a first value. */
const KINDS: Record<Kind, { label: WhatIfKey; value: string }> = {
  outage: { label: 'outage', value: '30' },
  'repl-backlog-size': { label: 'backlogSize', value: '1048576' },
  era: { label: 'era', value: '' },
  'write-rate': { label: 'writeRate', value: '200' },
  'repl-backlog-ttl': { label: 'backlogTtl', value: '3600' },
};

function Form() {
  const wx = useWx();
  const now = useLab((s) => s.t);
  const order = useLab((s) => s.order);
  const views = useLab((s) => s.views);
  const replicas = order.filter((n) => views[n]?.master);
  const first = (k: Kind) => (k === 'outage' ? replicas[0] : order.find((n) => !views[n]?.master)) ?? 'A';
  const [d, setD] = useState<Draft>({ kind: 'outage', era: 'psync1', who: first('outage'), value: '30' });
  const [error, setError] = useState<string | null>(null);
  const names = d.kind === 'outage' ? replicas : order;
  return (
    <form
      className="wi-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        void openWhatIf(toChange(d, names), undefined, undefined, false).then(setError);
      }}
    >
      <div className="wi-head">
        <h2>{wx('title')}</h2>
        <button type="button" className="small" onClick={() => useLab.setState({ whatIf: false })}>
          {wx('cancel')}
        </button>
      </div>
      <p className="hint">{wx('intro', { t: secs(now) })}</p>
      <fieldset>
        <legend>{wx('change')}</legend>
        {(Object.keys(KINDS) as Kind[]).map((k) => (
          <label key={k} className="wi-kind">
            <input
              type="radio"
              name="wi-kind"
              value={k}
              checked={d.kind === k}
              onChange={() => setD({ ...d, kind: k, who: first(k), value: KINDS[k].value })}
            />
            {wx(KINDS[k].label)}
          </label>
        ))}
      </fieldset>
      <Fields d={{ ...d, who: whoOf(d.who, names) }} set={setD} names={names} />
      <p className="hint small">{wx('eraNote')}</p>
      {error && (
        <p className="wi-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="whatif-fork">
        {wx('fork')}
      </button>
    </form>
  );
}

/** The chosen change's fields: the era, or the node it is about and the value. */
function Fields({ d, set, names }: { d: Draft; set: (d: Draft) => void; names: string[] }) {
  const wx = useWx();
  if (d.kind === 'era')
    return (
      <label className="wi-field">
        {wx('era')}
        <select value={d.era} onChange={(e) => set({ ...d, era: e.target.value as Era })}>
          <option value="sync">{wx('eraSync')}</option>
          <option value="psync1">{wx('eraPsync1')}</option>
          <option value="psync2">{wx('eraPsync2')}</option>
        </select>
      </label>
    );
  return (
    <>
      {(d.kind === 'outage' || d.kind === 'write-rate') && (
        <label className="wi-field">
          {d.kind === 'outage' ? wx('outageOf') : wx('writeNode')}
          <select value={d.who} onChange={(e) => set({ ...d, who: e.target.value })}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="wi-field">
        {wx(KINDS[d.kind].label)}
        <input
          className="mono"
          inputMode="decimal"
          value={d.value}
          onChange={(e) => set({ ...d, value: e.target.value })}
        />
      </label>
    </>
  );
}

function Compare({ g }: { g: GhostState }) {
  const wx = useWx();
  const what = changeText(wx, g.change);
  return (
    <>
      <div className="wi-head">
        <h2>{wx('ghost', { change: what })}</h2>
        <button
          type="button"
          className="small"
          onClick={() => {
            useLab.setState({ whatIf: false });
            void closeWhatIf();
          }}
        >
          {wx('close')}
        </button>
      </div>
      <p className="hint small">
        <span className="mono" data-testid="ghost-t">
          t = {secs(g.t, 6)} s
        </span>{' '}
        · {wx('forkedAt', { t: secs(g.at, 6) })}
        {g.change.kind === 'era' && ` · ${wx('eraNote')}`}
      </p>
      <Nodes g={g} />
      <Diff g={g} />
      <GhostActions g={g} />
    </>
  );
}

function NodeCell({ v }: { v: NodeView | undefined }) {
  const t = useT();
  if (!v) return <td>—</td>;
  const off = v.role === 'master' ? v.masterReplOffset : (v.slaveReplOffset ?? v.masterReplOffset);
  return (
    <td>
      <span className={`wi-state s-${stateKey(v).replace('.', '-')}`}>{t(stateKey(v))}</span>{' '}
      <span className="mono dim">{num(off)}</span>
    </td>
  );
}

function Nodes({ g }: { g: GhostState }) {
  const wx = useWx();
  // This run's nodes as of the ghost's frame (read, not subscribed): both columns show one instant,
  // and the table renders at the ghost's pace, not at every frame of the live run.
  const { views: live, order } = useLab.getState();
  const ghost = new Map(g.views.map((v) => [v.name, v]));
  const names = [...new Set([...order, ...g.views.map((v) => v.name)])];
  return (
    <table className="wi-nodes" data-testid="whatif-nodes">
      <caption className="sr-only">
        {wx('liveNodes')} / {wx('ghostNodes')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{wx('node')}</th>
          <th scope="col">{wx('live')}</th>
          <th scope="col" className="wi-ghost-col">
            {wx('title')}
          </th>
        </tr>
      </thead>
      <tbody>
        {names.map((n) => (
          <tr key={n}>
            <th scope="row">{n}</th>
            <NodeCell v={live[n]} />
            <NodeCell v={ghost.get(n)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function outcomeText(r: ReplicaResync | null): string {
  return r?.outcome ? (r.outcome === 'SYNC' ? 'SYNC' : `+${r.outcome}`) : '—';
}

function backText(wx: ReturnType<typeof useWx>, r: ReplicaResync | null): string {
  if (!r || r.downAt === null) return wx('none');
  return r.backAfter === null ? wx('notYet') : `${secs(r.backAfter, 2)} s`;
}

function Diff({ g }: { g: GhostState }) {
  const wx = useWx();
  if (g.diff.length === 0) return <p className="hint">{wx('noDiff')}</p>;
  return (
    <table className="wi-diff" data-testid="whatif-diff">
      <caption>{wx('diff', { t: secs(g.from) })}</caption>
      <thead>
        <tr>
          <th scope="col">{wx('replica')}</th>
          <th scope="col">{wx('outcome')}</th>
          <th scope="col">{wx('bytes')}</th>
          <th scope="col">{wx('back')}</th>
        </tr>
      </thead>
      <tbody>
        {g.diff.map((d: ResyncDiffRow) => (
          <tr key={d.replica} className={d.outcomeDiffers ? 'differs' : ''} data-replica={d.replica}>
            <th scope="row">
              {d.replica}
              {d.outcomeDiffers && <span className="sr-only"> ({wx('differs')})</span>}
            </th>
            <td className="mono">
              <span data-side="live">{outcomeText(d.a)}</span> /{' '}
              <span data-side="ghost">{outcomeText(d.b)}</span>
            </td>
            <td className="mono">
              {num(d.a?.bytes ?? 0)} / {num(d.b?.bytes ?? 0)}
            </td>
            <td className="mono">
              {backText(wx, d.a)} / {backText(wx, d.b)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GhostActions({ g }: { g: GhostState }) {
  const wx = useWx();
  const names = g.views.map((v) => v.name);
  const [node, setNode] = useState(names[0] ?? 'A');
  const [error, setError] = useState<string | null>(null);
  const v = g.views.find((x) => x.name === node);
  const act = (input: LabInput) => void actGhost(input).then(setError);
  const isReplica = !!v?.master || v?.role === 'slave';
  return (
    <fieldset className="wi-actions">
      <legend className="wi-act-label">{wx('actions')}</legend>
      <label>
        <span className="sr-only">{wx('node')}</span>
        <select value={node} onChange={(e) => setNode(e.target.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <button type="button" className="small" onClick={() => act({ type: 'write', node, count: 100 })}>
        {wx('write')}
      </button>
      {isReplica && (
        <button
          type="button"
          className="small"
          data-testid="whatif-cut"
          onClick={() => act(v?.linkCut ? { type: 'heal', replica: node } : { type: 'cut', replica: node })}
        >
          {v?.linkCut ? wx('heal') : wx('cut')}
        </button>
      )}
      <button
        type="button"
        className="small"
        onClick={() => act({ type: 'restart', node, save: true, downMs: 500 })}
      >
        {wx('restart')}
      </button>
      {error && (
        <p className="wi-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
