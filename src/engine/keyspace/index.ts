// The keyspace's public API: data types, data commands, the command table, snapshots and sizes.

export {
  arityError,
  COMMAND_TABLE,
  checkArity,
  commandName,
  isWriteCommand,
  lookupCommand,
  subcommandNotRun,
  unknownCommandError,
  unknownSubcommandError,
} from './commands.ts';
export { formatDouble17g } from './decimal.ts';
export type { DumpedKey, KeyInfo } from './dump.ts';
export { SCRIPT_COMMANDS } from './eval.ts';
export { DB_COUNT, KEYSPACE_COMMANDS, Keyspace } from './keyspace.ts';
export type { RdbAux } from './rdb-size.ts';
export type { CommandSpec, ExecContext, ExecResult, Flag } from './types.ts';
export type { KeyType } from './values.ts';
