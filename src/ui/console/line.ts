// What one typed console line does, as data (pure; Console.tsx runs it, the console fuzz test
// runs the same function): split as redis-cli splits (parse.ts), then a line the console handles
// itself (clear, help, a bad quote), a lab command (`:cut` … lab-commands.ts) or a Redis command
// for the node's client.
import type { LabInput } from '../../engine/index.ts';
import { labCommand } from './lab-commands.ts';
import { splitArgs } from './parse.ts';

export type LineAction =
  /** Nothing typed (blank line). */
  | { kind: 'none' }
  /** Answered here, never reaching the engine (redis-cli's "Invalid argument(s)", a bad lab command). */
  | { kind: 'local'; reply: string }
  | { kind: 'clear' }
  | { kind: 'help' }
  /** An input for the run; `lab` for a lab command (answered OK or with its error). */
  | { kind: 'input'; input: LabInput; lab: boolean };

export function consoleLine(node: string, line: string): LineAction {
  if (line.trim() === '') return { kind: 'none' };
  const argv = splitArgs(line);
  if (argv === null) return { kind: 'local', reply: 'Invalid argument(s)' };
  if (argv.length === 0) return { kind: 'none' };
  const word = argv[0].toLowerCase();
  if (argv.length === 1 && word === 'clear') return { kind: 'clear' };
  if (argv.length === 1 && word === 'help') return { kind: 'help' };
  if (argv[0].startsWith(':')) {
    const input = labCommand(node, argv);
    return 'error' in input
      ? { kind: 'local', reply: `(error) ${input.error}` }
      : { kind: 'input', input, lab: true };
  }
  return { kind: 'input', input: { type: 'command', node, argv }, lab: false };
}
