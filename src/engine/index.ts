// The engine's only entry point: other code imports from here.

export { configValueError } from './core/config.ts';
export { encodeArgv, formatReply, type Reply, respSize } from './core/resp.ts';
export * from './lab/lab.ts';
export * from './lab/start.ts';
export * from './lab/timeline.ts';
export * from './lab/view.ts';
export { type EventPattern, findMatch, type LessonEvent, matchesEvent } from './lesson/pattern.ts';
export { type BacklogView, backlogView } from './replication/backlog.ts';
export * from './replication/era.ts';
export { REPL_STATES, type ReplState } from './replication/handshake.ts';
export { type AskCause, decidePsync, eraNote, type PsyncDecision } from './replication/psync.ts';
export * from './scenario/contract.ts';
export { type OpCtx, runStep } from './scenario/ops.ts';
export * from './scenario/play.ts';
export * from './scenario/run.ts';
export { scenarioToRun } from './scenario/to-run.ts';
export * from './scenario/types.ts';
export { ScenarioError, validateScenario } from './scenario/validate.ts';
export { infoField, inSync } from './scenario/waits.ts';
export { type ClientCtx, call, newClient } from './server/commands.ts';
export type { MessageKind, SimEvent } from './server/events.ts';
export { infoText, replicationFields, roleReply } from './server/info.ts';
export { createWorld, drainEvents, LOOPBACK, runUntil, runUntilCondition } from './server/simulation.ts';
export type { Node, World } from './server/world.ts';
