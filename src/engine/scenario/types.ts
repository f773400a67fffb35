// The scenario and trace contract of ../shared/spec/scenarios.md, as types.
// One scenario file drives both the engine (virtual time) and real redis-server processes
// (wall time); both write a Trace of this shape, compared by tests/conformance/compare.ts.
import type { Era } from '../replication/era.ts';
import type { ReplStats } from '../server/world.ts';

/** A command as argv. `{i}` = 1..repeat, `{val}` = a value of `valueSize` bytes. */
export type Argv = string[];

/** A condition on one INFO field: a literal (compared as text) or an operator object. */
export type FieldCondition =
  | string
  | number
  | null
  | {
      gte?: number;
      lte?: number;
      gt?: number;
      lt?: number;
      ne?: string | number | null;
      match?: string;
      eq?: string | number | null;
    };

export type Step =
  | ({
      op: 'write';
      node: string;
      cmd?: Argv;
      cmds?: Argv[];
      repeat?: number;
      valueSize?: number;
      db?: number;
      measure?: boolean;
    } & StepCommon)
  | ({ op: 'cmd'; node: string; cmds: Argv[] } & StepCommon)
  | ({ op: 'replicaof'; node: string; master: string | null } & StepCommon)
  | ({ op: 'config'; node: string; key: string; value: string } & StepCommon)
  | ({
      op: 'disconnect-link';
      replica: string;
      method?: 'proxy' | 'sigstop-kill' | 'client-kill';
    } & StepCommon)
  | ({ op: 'reconnect-link'; replica: string; wait?: boolean } & StepCommon)
  | ({ op: 'stop'; node: string } & StepCommon)
  | ({ op: 'cont'; node: string } & StepCommon)
  | ({ op: 'shutdown'; node: string; save?: boolean; deleteRdb?: boolean } & StepCommon)
  | ({ op: 'start'; node: string; asReplicaOf?: string | null } & StepCommon)
  | ({
      op: 'restart';
      node: string;
      save?: boolean;
      deleteRdb?: boolean;
      downMs?: number;
      asReplicaOf?: string | null;
    } & StepCommon)
  | ({ op: 'wait-sync'; nodes?: string[]; timeoutMs?: number } & StepCommon)
  | ({
      op: 'wait';
      node: string;
      section?: string;
      until: Record<string, FieldCondition>;
      timeoutMs?: number;
    } & StepCommon)
  | ({ op: 'wait-log'; node: string; match: string; timeoutMs?: number } & StepCommon)
  | ({ op: 'sleep'; ms: number } & StepCommon)
  | ({ op: 'snapshot'; label?: string } & StepCommon);

export interface StepCommon {
  /** Paths into the snapshot (`A.stats.sync_full`) and the value or condition expected. */
  expect?: Record<string, FieldCondition>;
  /** Real Redis waits this long (default 250 ms) before snapshotting after ops other than write, sleep, snapshot and waits. */
  settleMs?: number;
  note?: string;
}

export type StepOp = Step['op'];

export interface ScenarioNode {
  /** Node name of the master this node starts replicating from (a config-file `replicaof`). */
  replicaof?: string;
  /** Route this node's replica link through a loopback proxy (real runs); cuts need it. */
  proxy?: boolean;
  config?: Record<string, string>;
}

/** Text in both page languages, side by side (as lessons/*.json): either may be left out. */
export interface LocalText {
  zh?: string;
  en?: string;
}

export interface Scenario {
  name: string;
  /** Title shown in the page (a scenario recorded in the lab carries one). */
  title?: LocalText;
  /** Free text (English by convention; tools and traces print it). */
  description?: string;
  /** The description in zh and en, for the page's guide. */
  text?: LocalText;
  /** The protocol era (replication/era.ts): psync2 (Redis 7.0) when absent. Real runs play psync2 only. */
  era?: Era;
  /** Every replica link goes through a proxy (real runs). The engine cuts links either way. */
  proxyLinks?: boolean;
  proxyCaptureChunks?: number;
  config?: Record<string, string>;
  /** Declaration order gives ports 7101, 7102, … */
  nodes: Record<string, ScenarioNode>;
  steps: Step[];
}

/** `slaveN:ip=…,port=…,state=…,offset=…,lag=…` parsed. */
export interface SlaveLine {
  ip: string;
  port: number;
  state: string;
  offset: number;
  lag: number;
}

/** INFO replication as printed, numbers as numbers, `slaveN` parsed. */
export type ReplicationInfo = Record<string, string | number | SlaveLine>;

export interface NodeSnapshot {
  state: 'running' | 'stopped' | 'down';
  port: number;
  replication?: ReplicationInfo;
  stats?: ReplStats;
  role?: unknown[];
  dbsize?: number;
  /** DEBUG DIGEST (40 hex; all zeros when empty). Not compared. */
  digest?: string;
  /** Every key of db 0 in sorted order: strings as text, lists as arrays, sets sorted, hashes as sorted objects. */
  // (sorted sets: [member, score, …] in rank order, scores as numbers)
  data?: Record<string, { type: string; value: unknown }>;
  /** Replication log lines since the previous step, without pid/timestamp (`M * …`). */
  log?: string[];
  highlights?: string[];
}

export interface TraceStep {
  i: number;
  op: StepOp | 'setup';
  [field: string]: unknown;
  result?: unknown;
  /** A step's `expect`, each path with what it held (before the snapshot, as in real traces). */
  expectations?: { path: string; expected: unknown; actual: unknown; pass: boolean }[];
  snapshot: Record<string, NodeSnapshot>;
}

export interface OutcomeEvent {
  step: number;
  op: string;
  replica?: string;
  result?: 'CONTINUE' | 'FULLRESYNC' | 'SYNC' | 'ERROR';
  offset?: number;
  master?: string;
  full?: number;
  partialOk?: number;
  partialErr?: number;
  /** ERROR events: the replica's log line that reported the failure (not compared). */
  line?: string;
}

export interface Trace {
  scenario: string;
  description?: string;
  /** The scenario's era when it is not psync2 (engine traces of an older era's rules). */
  era?: Era;
  redisVersion?: string;
  engine?: string;
  seed?: number;
  nodes: Record<string, { port: number; config: Record<string, string> }>;
  proxies?: Record<string, { listenPort: number; targetPort: number; [k: string]: unknown }>;
  steps: TraceStep[];
  outcome: { events: OutcomeEvent[]; line?: string; finalCounters?: Record<string, string> };
  /** Real runs: the base configuration and the scenario's `config`, as started. */
  baseConfig?: Record<string, string>;
  scenarioConfig?: Record<string, string>;
  ok?: boolean;
}
