// A lab input in words, in the page's language: the console's action lines, the fork notice (what
// was set aside) and a shared link's action list — one wording for all three.
import type { LabInput } from '../../engine/index.ts';
import { type Lang, pick } from '../../i18n/index.ts';

/** What `inputWords` says, per kind of input. */
export const INPUT_TEXT = {
  command: { zh: '在 {node} 上执行 {cmd}', en: '{cmd} on {node}' },
  write: { zh: '在 {node} 上写入 {count} 个键', en: '{count} write(s) on {node}' },
  traffic: { zh: '{node} 上持续写入，每秒 {n} 次', en: 'traffic on {node}: {n} writes/s' },
  trafficOff: { zh: '{node} 上的持续写入停止', en: 'traffic on {node} stopped' },
  cut: { zh: '断开 {node} 的复制链路（网络分区）', en: 'link of {node} cut (partition)' },
  cutKill: { zh: '断开 {node} 的复制链路（SIGSTOP + kill）', en: 'link of {node} cut (SIGSTOP + kill)' },
  heal: { zh: '恢复 {node} 的复制链路', en: 'link of {node} healed' },
  freeze: { zh: '冻结 {node}（SIGSTOP）', en: '{node} frozen (SIGSTOP)' },
  unfreeze: { zh: '{node} 继续运行（SIGCONT）', en: '{node} continued (SIGCONT)' },
  shutdown: { zh: '关闭 {node}（SHUTDOWN {mode}）', en: '{node} shut down (SHUTDOWN {mode})' },
  start: { zh: '启动 {node}', en: '{node} started' },
  restart: { zh: '重启 {node}（{mode}，停机 {ms} 毫秒）', en: '{node} restarted ({mode}, down {ms} ms)' },
  'delete-rdb': { zh: '删除 {node} 的 dump.rdb', en: 'dump.rdb of {node} deleted' },
  'add-replica': { zh: '为 {node} 添加一个新从库', en: 'a new replica of {node}' },
  'remove-node': { zh: '移除 {node}', en: '{node} removed' },
} as const satisfies Record<string, Record<Lang, string>>;

export function inputWords(i: LabInput, lang: Lang): string {
  const say = (key: keyof typeof INPUT_TEXT, vars: Record<string, string | number>) =>
    pick(INPUT_TEXT, lang, key, vars);
  switch (i.type) {
    case 'command': {
      const cmd = i.argv.join(' ');
      return say('command', { node: i.node, cmd: cmd.length > 60 ? `${cmd.slice(0, 59)}…` : cmd });
    }
    case 'write':
      return say('write', { node: i.node, count: i.count });
    case 'traffic':
      return i.perSecond > 0
        ? say('traffic', { node: i.node, n: i.perSecond })
        : say('trafficOff', { node: i.node });
    case 'cut':
      return say(i.method === 'sigstop-kill' ? 'cutKill' : 'cut', { node: i.replica });
    case 'heal':
      return say('heal', { node: i.replica });
    case 'shutdown':
      return say('shutdown', { node: i.node, mode: i.save ? 'SAVE' : 'NOSAVE' });
    case 'restart':
      return say('restart', { node: i.node, mode: i.save ? 'SAVE' : 'NOSAVE', ms: i.downMs });
    case 'add-replica':
      return say('add-replica', { node: i.of });
    default:
      return say(i.type, { node: i.node });
  }
}

/** The node an input acts on. */
export function inputNode(i: LabInput): string {
  switch (i.type) {
    case 'cut':
    case 'heal':
      return i.replica;
    case 'add-replica':
      return i.of;
    default:
      return i.node;
  }
}

/** The action in a few words, for an error notice: the command as typed, or the kind of action. */
export function actionName(i: LabInput): string {
  if (i.type === 'command') {
    const text = i.argv.join(' ');
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }
  return i.type === 'remove-node' ? 'remove' : i.type;
}
