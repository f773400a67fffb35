// The engine's only entry point: other code imports from here.

export { type BacklogView, backlogView } from './backlog.ts';
export { type ClientCtx, call, newClient } from './commands.ts';
export { configValueError } from './config.ts';
export type { MessageKind, SimEvent } from './events.ts';
export { REPL_STATES, type ReplState } from './handshake.ts';
export { infoText, replicationFields, roleReply } from './info.ts';
export * from './lab.ts';
export { type EventPattern, findMatch, type LessonEvent, matchesEvent } from './lesson/pattern.ts';
export { decidePsync, type PsyncDecision } from './psync.ts';
export { encodeArgv, formatReply, type Reply, respSize } from './resp.ts';
export * from './scenario/contract.ts';
export { type OpCtx, runStep } from './scenario/ops.ts';
export * from './scenario/play.ts';
export * from './scenario/record.ts';
export * from './scenario/run.ts';
export * from './scenario/types.ts';
export { ScenarioError, validateScenario } from './scenario/validate.ts';
export { infoField, inSync } from './scenario/waits.ts';
export { createWorld, drainEvents, LOOPBACK, runUntil, runUntilCondition } from './simulation.ts';
export * from './timeline.ts';
export * from './view.ts';
export type { Node, World } from './world.ts';
