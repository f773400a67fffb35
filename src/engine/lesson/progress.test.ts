// Whether an event is the student's input: the words a do step asks for, as Redis would take them.
import { describe, expect, it } from 'vitest';
import type { LabInput } from '../lab/lab.ts';
import type { LessonEvent } from './pattern.ts';
import { isInput } from './progress.ts';

const step: LabInput = { type: 'command', node: 'B', argv: ['REPLICAOF', '127.0.0.1', '7101'] };
const typed = (node: string, ...argv: string[]): LessonEvent => ({
  type: 'console',
  at: 0,
  seq: 0,
  node,
  argv,
  reply: 'OK',
});

describe('isInput', () => {
  it('takes the words case-insensitively, SLAVEOF for REPLICAOF and localhost for 127.0.0.1', () => {
    expect(isInput(typed('B', 'replicaof', '127.0.0.1', '7101'), step)).toBe(true);
    expect(isInput(typed('B', 'SLAVEOF', '127.0.0.1', '7101'), step)).toBe(true);
    expect(isInput(typed('B', 'replicaof', 'localhost', '7101'), step)).toBe(true);
    expect(isInput(typed('B', 'slaveof', 'LocalHost', '7101'), step)).toBe(true);
  });

  it('refuses another node, another port, another host or other words', () => {
    expect(isInput(typed('A', 'REPLICAOF', '127.0.0.1', '7101'), step)).toBe(false);
    expect(isInput(typed('B', 'REPLICAOF', '127.0.0.1', '7103'), step)).toBe(false);
    expect(isInput(typed('B', 'REPLICAOF', '10.0.0.1', '7101'), step)).toBe(false);
    expect(isInput(typed('B', 'SET', 'localhost', '7101'), step)).toBe(false);
    expect(isInput(typed('B'), step)).toBe(false);
  });
});
