// The node's keys; on a replica, differences from its master are highlighted.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MsgKey } from '../../i18n/index.ts';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';
import { diffKeys } from './diff.ts';

export function Dataset({ name }: { name: string }) {
  const t = useT();
  const [mine, master, dbsize, masterName] = useLab(
    useShallow((s) => {
      const v = s.views[name];
      const m = v?.master ? s.views[v.master] : undefined;
      return [v, m, v?.dbsize ?? 0, v?.master ?? null] as const;
    }),
  );
  const rows = useMemo(
    () =>
      mine
        ? diffKeys(
            { keys: mine.keys, truncated: mine.keysTruncated },
            master ? { keys: master.keys, truncated: master.keysTruncated } : null,
          )
        : [],
    [mine, master],
  );
  if (!mine) return null;
  const differing = rows.filter((r) => r.status !== 'same').length;
  return (
    <div className="dataset">
      <p>
        {t('data.summary', { n: dbsize })}
        {masterName &&
          (differing === 0
            ? ` · ${t('data.same', { master: masterName })}`
            : ` · ${t('data.differs', { n: differing, master: masterName })}`)}
        {mine.keysTruncated && ` · ${t('data.truncated')}`}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('data.key')}</th>
            <th scope="col">{t('data.type')}</th>
            <th scope="col">{t('data.value')}</th>
            {masterName && <th scope="col">{t('data.vsMaster', { master: masterName })}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`kr-${r.status}`}>
              <td className="mono">{r.key}</td>
              <td className="mono">{r.type}</td>
              <td className="mono">{r.status === 'missing' ? '—' : r.value}</td>
              {masterName && (
                <td>
                  {r.status === 'same' ? '✓' : t(`data.row.${r.status}` as MsgKey)}
                  {r.status === 'differs' || r.status === 'missing' ? (
                    <span className="mono"> {r.masterValue}</span>
                  ) : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
