// A scenario step told in words, in the page's language ("B's link to its master is cut"), for the
// guide's step list and the step milestone. Steps arrive as the scenario file's JSON (unchecked
// here: the worker validated the scenario), so every field is read defensively.
import type { Lang, MsgKey, Vars } from './index.ts';
import { noteOf } from './stories.ts';

type T = (key: MsgKey, vars?: Vars) => string;
type Raw = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const argvText = (v: unknown): string => (Array.isArray(v) ? v.map(str).join(' ') : '');

function what(s: Raw, t: T): string {
  const node = str(s.node);
  const replica = str(s.replica);
  switch (s.op) {
    case 'write': {
      const n = typeof s.repeat === 'number' ? s.repeat : Array.isArray(s.cmds) ? s.cmds.length : 1;
      const cmd = argvText(s.cmd) || argvText(Array.isArray(s.cmds) ? s.cmds[0] : null);
      // `{i}` counts 1…repeat and `{val}` is a filler value: show the first and the last write.
      const at = (i: number) => cmd.replaceAll('{i}', String(i)).replaceAll('{val}', '…');
      return t('step.write', { node, n, cmd: n > 1 && cmd.includes('{i}') ? `${at(1)} … ${at(n)}` : at(1) });
    }
    case 'cmd':
      return t('step.cmd', { node, cmd: Array.isArray(s.cmds) ? s.cmds.map(argvText).join('; ') : '' });
    case 'replicaof':
      return s.master == null
        ? t('step.noOne', { node })
        : t('step.replicaof', { node, master: str(s.master) });
    case 'config':
      return t('step.config', { node, key: str(s.key), value: str(s.value) });
    case 'disconnect-link':
      return t(
        s.method === 'sigstop-kill'
          ? 'step.cutFreeze'
          : s.method === 'client-kill'
            ? 'step.cutKill'
            : 'step.cut',
        { replica },
      );
    case 'reconnect-link':
      return t('step.heal', { replica });
    case 'stop':
      return t('step.stop', { node });
    case 'cont':
      return t('step.cont', { node });
    case 'shutdown':
      return t(s.save === false ? 'step.shutdownNosave' : 'step.shutdown', { node });
    case 'start':
      return s.asReplicaOf
        ? t('step.startAs', { node, master: str(s.asReplicaOf) })
        : t('step.start', { node });
    case 'restart':
      return t(s.save === false || s.deleteRdb ? 'step.restartNoRdb' : 'step.restart', { node });
    case 'wait-sync':
      return t('step.waitSync');
    case 'wait':
      return t('step.wait', {
        node,
        until: Object.entries((s.until ?? {}) as Raw)
          .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : str(v)}`)
          .join(', '),
      });
    case 'wait-log':
      return t('step.waitLog', { node, match: str(s.match) });
    case 'sleep':
      return t('step.sleep', { ms: str(s.ms) });
    case 'snapshot':
      return t('step.snapshot');
    default:
      return str(s.op);
  }
}

/**
 * One step in words, with the scenario's note after it when it has one: in `lang` when the
 * translations are loaded (stories.ts noteOf; a caller that renders calls useStories), else as written.
 */
export function narrateStep(step: Raw, t: T, lang: Lang): string {
  if (typeof step.note !== 'string') return what(step, t);
  // A note in Chinese is set off by a close ——, as the lesson does ("offset——这就是"); a note in
  // English (an opened file's own words, also on the zh page) by a spaced —.
  const note = noteOf(step.note, lang);
  return what(step, t) + (/[\u4e00-\u9fff]/.test(note) ? '——' : ' — ') + note;
}
