// The shortcut rows of the help dialog, sliding in one after another with framer-motion.
// Loaded on demand (React.lazy) so framer-motion stays out of the first load; only transforms
// move (no opacity), so the dialog stays readable and accessible mid-animation; the user's
// reduced-motion setting turns the movement off (MotionConfig reducedMotion="user").
import { domAnimation, LazyMotion, MotionConfig, m } from 'framer-motion';
import type { MsgKey } from '../../i18n/index.ts';
import { useT } from '../hooks.ts';
import { SHORTCUTS } from '../keymap.ts';

export default function HelpRows() {
  const t = useT();
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        {SHORTCUTS.map((s, i) => (
          <m.tr
            key={s.keys}
            initial={{ x: -12 }}
            animate={{ x: 0 }}
            transition={{ delay: i * 0.02, duration: 0.18 }}
          >
            <th scope="row">
              <kbd>{s.keys}</kbd>
            </th>
            <td>{t(`key.${s.id}` as MsgKey)}</td>
          </m.tr>
        ))}
      </MotionConfig>
    </LazyMotion>
  );
}
