// The help dialog's shortcut rows without motion (the first load, and while HelpRows loads).
import type { MsgKey } from '../../i18n/index.ts';
import { useT } from '../hooks.ts';
import { SHORTCUTS } from '../keymap.ts';

/** The same rows without motion: shown until the animated ones are loaded. */
export function PlainRows() {
  const t = useT();
  return (
    <>
      {SHORTCUTS.map((s) => (
        <tr key={s.keys}>
          <th scope="row">
            <kbd>{s.keys}</kbd>
          </th>
          <td>{t(`key.${s.id}` as MsgKey)}</td>
        </tr>
      ))}
    </>
  );
}
