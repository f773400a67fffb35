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
