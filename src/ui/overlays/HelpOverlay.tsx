// Keyboard shortcuts (opened with ? ), as a modal dialog.
import { useRef } from 'react';
import type { MsgKey } from '../../i18n/index.ts';
import { useLab } from '../../store/store.ts';
import { useModal, useT } from '../hooks.ts';
import { SHORTCUTS } from '../keyboard.ts';

export function HelpOverlay() {
  const t = useT();
  const open = useLab((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, open);
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onClose={() => useLab.setState({ helpOpen: false })}
    >
      <h2 id="help-title">{t('help.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{t(`key.${s.id}` as MsgKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('help.console')}</p>
      <form method="dialog">
        <button type="submit">{t('common.close')}</button>
      </form>
    </dialog>
  );
}
