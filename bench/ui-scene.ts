// The UI stress scene: a master with 6 replicas (one chain two deep), 200 writes/s on the master,
// and one link cut and healed every few seconds — as a run record, opened through #run= like a
// shared link, so the bench drives exactly what a user would see.
import {
  createTimeline,
  ENGINE_RUN_VERSION,
  type LabSetup,
  type RunRecord,
  type TimedInput,
} from '../src/engine/index.ts';

const SEC = 1_000_000;

const SETUP: LabSetup = {
  nodes: [
    { name: 'A', replicaof: null },
    { name: 'B', replicaof: 'A' },
    { name: 'C', replicaof: 'A' },
    { name: 'D', replicaof: 'A' },
    { name: 'E', replicaof: 'A' },
    { name: 'F', replicaof: 'B' },
    { name: 'G', replicaof: 'F' },
  ],
  config: {
    'repl-diskless-sync-delay': '0',
    'repl-backlog-size': '16384',
    'repl-ping-replica-period': '10',
  },
};

export function stressRun(seconds = 40): RunRecord {
  // The nodes' start-up, as a new run records it, then the traffic and the cuts.
  const inputs: TimedInput[] = [
    ...createTimeline(1, SETUP).record.inputs,
    { at: 0, input: { type: 'traffic', node: 'A', perSecond: 200 } },
  ];
  // Cut a replica for 1.5 s every 4 s, rotating over the direct replicas and the chain's middle.
  const victims = ['B', 'C', 'D', 'E', 'F'];
  for (let k = 0, t = 2 * SEC; t < seconds * SEC; k++, t += 4 * SEC) {
    const replica = victims[k % victims.length];
    inputs.push(
      { at: t, input: { type: 'cut', replica } },
      { at: t + 1.5 * SEC, input: { type: 'heal', replica } },
    );
  }
  return {
    engineVersion: ENGINE_RUN_VERSION,
    seed: 1,
    setup: SETUP,
    inputs: inputs.sort((a, b) => a.at - b.at),
  };
}
