// A recorded action in words, for the console and notices (English: these read like log comments).
import type { LabInput } from '../../engine/index.ts';

export function describeAction(i: LabInput): string {
  switch (i.type) {
    case 'command':
      return i.argv.join(' ');
    case 'write':
      return `${i.count} × SET key:N value:N`;
    case 'traffic':
      return i.perSecond > 0 ? `traffic ${i.perSecond} writes/s` : 'traffic stopped';
    case 'cut':
      return `link of ${i.replica} cut (partition)`;
    case 'heal':
      return `link of ${i.replica} healed`;
    case 'freeze':
      return `${i.node} frozen (SIGSTOP)`;
    case 'unfreeze':
      return `${i.node} resumed (SIGCONT)`;
    case 'shutdown':
      return `SHUTDOWN ${i.save ? 'SAVE' : 'NOSAVE'}`;
    case 'start':
      return `${i.node} started`;
    case 'restart':
      return `restart ${i.save ? 'SAVE' : 'NOSAVE'} (down ${i.downMs} ms)`;
    case 'delete-rdb':
      return `dump.rdb of ${i.node} deleted`;
    case 'add-replica':
      return `new replica of ${i.of}`;
    case 'remove-node':
      return `${i.node} removed`;
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
