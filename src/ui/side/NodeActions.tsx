// Everything one can do to a node, by click: writes, traffic, the link, the process, the
// replication topology and the replication settings. Each action is one LabInput (recorded,
// replayable); an error comes back in Redis's words and shows as a notice.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LabInput } from '../../engine/index.ts';
import { ctl } from '../../store/instance.ts';
import { notify, useLab } from '../../store/store.ts';
import { actionName, inputNode } from '../console/describe.ts';
import { useT } from '../hooks.ts';

/**
 * Run an action; an error (a refused input, or a command answered with an error) becomes a notice
 * naming the node and the action: "B (CONFIG SET repl-timeout 5): ERR Could not connect to Redis: …".
 */
export async function act(input: LabInput): Promise<boolean> {
  const r = await ctl().act(input);
  const failed = (message: string) =>
    notify('error', 'notice.actionError', { node: inputNode(input), action: actionName(input), message });
  if (!r.ok) failed(r.message);
  else if (r.reply?.startsWith('(error) ')) failed(r.reply.slice(8));
  return r.ok && !r.reply?.startsWith('(error) ');
}

export const command = (node: string, ...argv: string[]): LabInput => ({ type: 'command', node, argv });

export function NodeActions({ name }: { name: string }) {
  const t = useT();
  const v = useLab(
    useShallow((s) => {
      const n = s.views[name];
      return n
        ? { run: n.run, role: n.role, cut: n.linkCut, master: n.master, hasRdb: n.hasRdbOnDisk }
        : null;
    }),
  );
  if (!v) return null;
  const replica = v.role === 'slave';
  return (
    <div className="actions">
      <WriteActions name={name} />
      {replica && (
        <fieldset>
          <legend>{t('act.link')}</legend>
          <button type="button" onClick={() => void act({ type: v.cut ? 'heal' : 'cut', replica: name })}>
            {v.cut ? t('act.heal', { name }) : t('act.cut', { name, master: v.master ?? '?' })}
          </button>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('act.process')}</legend>
        {v.run !== 'down' && (
          <button
            type="button"
            onClick={() => void act({ type: v.run === 'stopped' ? 'unfreeze' : 'freeze', node: name })}
          >
            {v.run === 'stopped' ? t('act.unfreeze') : t('act.freeze')}
          </button>
        )}
        <button
          type="button"
          onClick={() => void act({ type: 'restart', node: name, save: true, downMs: 500 })}
        >
          {t('act.restartSave')}
        </button>
        <button
          type="button"
          onClick={() => void act({ type: 'restart', node: name, save: false, downMs: 500 })}
        >
          {t('act.restartNosave')}
        </button>
        {v.run === 'down' ? (
          <>
            <button type="button" onClick={() => void act({ type: 'start', node: name })}>
              {t('act.start')}
            </button>
            <button
              type="button"
              disabled={!v.hasRdb}
              onClick={() => void act({ type: 'delete-rdb', node: name })}
            >
              {t('act.deleteRdb')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => void act({ type: 'shutdown', node: name, save: true })}>
              {t('act.shutdownSave')}
            </button>
            <button type="button" onClick={() => void act({ type: 'shutdown', node: name, save: false })}>
              {t('act.shutdownNosave')}
            </button>
          </>
        )}
      </fieldset>
      <TopologyActions name={name} replica={replica} />
      <ConfigActions name={name} />
    </div>
  );
}

function WriteActions({ name }: { name: string }) {
  const t = useT();
  const [count, setCount] = useState(100);
  const running = useLab((s) => s.traffic[name] ?? 0);
  const [rate, setRate] = useState(50);
  return (
    <fieldset>
      <legend>{t('act.write')}</legend>
      <button type="button" onClick={() => void act({ type: 'write', node: name, count: 1 })}>
        {t('act.writeOne')}
      </button>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void act({ type: 'write', node: name, count: Math.max(1, Math.min(10_000, count)) });
        }}
      >
        <label>
          {t('act.burstCount')}
          <input
            type="number"
            min={1}
            max={10000}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        </label>
        <button type="submit">{t('act.burst')}</button>
      </form>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void act({
            type: 'traffic',
            node: name,
            perSecond: running > 0 ? 0 : Math.max(1, Math.min(2000, rate)),
          });
        }}
      >
        <label>
          {t('act.rate')}
          <input
            type="number"
            min={1}
            max={2000}
            value={rate}
            onChange={(e) => setRate(Number(e.target.value))}
          />
        </label>
        <button type="submit" aria-pressed={running > 0}>
          {running > 0 ? t('act.trafficStop', { n: running }) : t('act.trafficStart')}
        </button>
      </form>
    </fieldset>
  );
}

function TopologyActions({ name, replica }: { name: string; replica: boolean }) {
  const t = useT();
  const others = useLab(
    useShallow((s) => s.order.filter((n) => n !== name).map((n) => `${n}:${s.views[n]?.port ?? 0}`)),
  );
  const count = useLab((s) => s.order.length);
  const [target, setTarget] = useState('');
  const chosen = others.find((o) => o.startsWith(`${target}:`)) ?? others[0];
  return (
    <fieldset>
      <legend>{t('act.topology')}</legend>
      {replica && (
        <button type="button" onClick={() => void act(command(name, 'REPLICAOF', 'NO', 'ONE'))}>
          {t('act.promote')}
        </button>
      )}
      {others.length > 0 && (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            const port = chosen?.split(':')[1];
            if (port) void act(command(name, 'REPLICAOF', '127.0.0.1', port));
          }}
        >
          <label>
            {t('act.repointTo')}
            <select value={chosen?.split(':')[0]} onChange={(e) => setTarget(e.target.value)}>
              {others.map((o) => {
                const [n, p] = o.split(':');
                return (
                  <option key={n} value={n}>
                    {n} (127.0.0.1:{p})
                  </option>
                );
              })}
            </select>
          </label>
          <button type="submit">{t('act.repoint')}</button>
        </form>
      )}
      <button type="button" disabled={count >= 7} onClick={() => void act({ type: 'add-replica', of: name })}>
        {t('act.addReplica', { name })}
      </button>
      <button type="button" className="danger" onClick={() => void act({ type: 'remove-node', node: name })}>
        {t('act.remove', { name })}
      </button>
    </fieldset>
  );
}

const CONFIG_KEYS = ['repl-backlog-size', 'repl-backlog-ttl', 'repl-timeout', 'repl-diskless-sync'] as const;

function ConfigActions({ name }: { name: string }) {
  const t = useT();
  const config = useLab(useShallow((s) => CONFIG_KEYS.map((k) => s.views[name]?.config[k] ?? '')));
  return (
    <fieldset>
      <legend>{t('act.config')}</legend>
      {CONFIG_KEYS.map((k, i) => (
        <ConfigRow key={k} node={name} param={k} current={config[i]} />
      ))}
    </fieldset>
  );
}

function ConfigRow({ node, param, current }: { node: string; param: string; current: string }) {
  const t = useT();
  const [value, setValue] = useState<string | null>(null);
  const shown = value ?? current;
  return (
    <form
      className="inline config"
      onSubmit={(e) => {
        e.preventDefault();
        void act(command(node, 'CONFIG', 'SET', param, shown)).then((ok) => ok && setValue(null));
      }}
    >
      <label htmlFor={`cfg-${node}-${param}`}>
        <span className="mono">{param}</span>
      </label>
      {param === 'repl-diskless-sync' ? (
        <select id={`cfg-${node}-${param}`} value={shown} onChange={(e) => setValue(e.target.value)}>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      ) : (
        <input
          id={`cfg-${node}-${param}`}
          className="mono"
          value={shown}
          onChange={(e) => setValue(e.target.value)}
          size={9}
        />
      )}
      <button type="submit" aria-label={t('act.configSetAria', { param, node })}>
        CONFIG SET
      </button>
    </form>
  );
}
