// Lab commands in the console: what Redis has no command for (a network partition, SIGSTOP, a
// restart, the traffic generator), typed with a leading colon. Pure: a line's words → an input
// or a Redis-style error.
//   :cut  :heal  :freeze  :unfreeze  :restart save|nosave  :shutdown save|nosave  :start
//   :delete-rdb  :write [n]  :traffic <per second>|off  :add-replica  :remove
import type { LabInput } from '../../engine/index.ts';

export const LAB_COMMANDS = [
  ':cut',
  ':heal',
  ':freeze',
  ':unfreeze',
  ':restart save|nosave',
  ':shutdown save|nosave',
  ':start',
  ':delete-rdb',
  ':write [count]',
  ':traffic <writes per second>|off',
  ':add-replica',
  ':remove',
];

const count = (s: string | undefined, dflt: number, max: number): number | null => {
  if (s === undefined) return dflt;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= max ? n : null;
};

export function labCommand(node: string, argv: string[]): LabInput | { error: string } {
  const [name, ...args] = argv;
  const cmd = name.toLowerCase();
  const arity = (n: number) =>
    args.length > n ? { error: `ERR wrong number of arguments for '${cmd}'` } : null;
  const saveArg = () => {
    const a = args[0]?.toLowerCase();
    return a === 'save' ? true : a === 'nosave' ? false : null;
  };
  switch (cmd) {
    case ':cut':
    case ':heal':
      return arity(0) ?? { type: cmd === ':cut' ? 'cut' : 'heal', replica: node };
    case ':freeze':
    case ':unfreeze':
      return arity(0) ?? { type: cmd === ':freeze' ? 'freeze' : 'unfreeze', node };
    case ':start':
      return arity(0) ?? { type: 'start', node };
    case ':delete-rdb':
      return arity(0) ?? { type: 'delete-rdb', node };
    case ':add-replica':
      return arity(0) ?? { type: 'add-replica', of: node };
    case ':remove':
      return arity(0) ?? { type: 'remove-node', node };
    case ':restart':
    case ':shutdown': {
      const save = saveArg();
      if (args.length !== 1 || save === null) return { error: `ERR syntax error: ${cmd} save|nosave` };
      return cmd === ':restart'
        ? { type: 'restart', node, save, downMs: 500 }
        : { type: 'shutdown', node, save };
    }
    case ':write': {
      const n = count(args[0], 1, 10_000);
      if (n === null || args.length > 1) return { error: 'ERR syntax error: :write [count 1..10000]' };
      return { type: 'write', node, count: n };
    }
    case ':traffic': {
      if (args.length !== 1) return { error: 'ERR syntax error: :traffic <writes per second>|off' };
      if (args[0].toLowerCase() === 'off') return { type: 'traffic', node, perSecond: 0 };
      const n = count(args[0], 0, 2000);
      if (n === null) return { error: 'ERR value is out of range: :traffic 1..2000|off' };
      return { type: 'traffic', node, perSecond: n };
    }
    default:
      return {
        error: `ERR unknown lab command '${name}'. Lab commands: ${LAB_COMMANDS.map((c) => c.split(' ')[0]).join(' ')}`,
      };
  }
}
