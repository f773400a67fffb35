// The pure parts of the views: layout, the backlog ring's geometry, the console's argument
// splitting, "why" cards, handshake marks, key diffs, speed steps.
import { describe, expect, it } from 'vitest';
import { drainEvents, type PsyncDecision, runStep, setupScenario } from '../engine/index.ts';
import { boundary, ringModel } from './backlog/geometry.ts';
import { durability } from './cluster/durability.ts';
import {
  CARD_H,
  CARD_W,
  chooseLayout,
  fitScale,
  GAP_DEEP,
  heightToFit,
  labelPoint,
  layoutTree,
  linkEnds,
  messagePoint,
} from './cluster/layout.ts';
import { linkStatus } from './cluster/linkStatus.ts';
import {
  LABEL_ROW,
  labelBand,
  labelChars,
  labelWidth,
  shortLabel,
  stackLabel,
  type WireMsg,
} from './cluster/message-geometry.ts';
import { splitArgs } from './console/parse.ts';
import { consoleCards } from './console/why.ts';
import { checks, reaches, whyCards } from './decision/why.ts';
import { attemptStates, attemptView, STEPS, type StepError, stepMarks } from './handshake/steps.ts';
import { diffKeys } from './info/diff.ts';
import { scrollToShow } from './Tabs.tsx';
import { nudgeSpeed, speedFromSlider, speedLabel } from './timeline/speed.ts';

describe('layout', () => {
  it('puts replicas under their master and chains one level deeper', () => {
    const l = layoutTree([
      { name: 'A', master: null },
      { name: 'B', master: 'A' },
      { name: 'C', master: 'A' },
      { name: 'D', master: 'B' },
    ]);
    expect(l.pos.B.y).toBe(l.pos.C.y);
    expect(l.pos.B.y).toBeGreaterThan(l.pos.A.y);
    expect(l.pos.D.y).toBeGreaterThan(l.pos.B.y);
    expect(l.pos.A.x).toBeGreaterThan(l.pos.B.x);
    expect(l.pos.A.x).toBeLessThan(l.pos.C.x);
  });

  it('survives a cycle and a missing master', () => {
    const l = layoutTree([
      { name: 'A', master: 'B' },
      { name: 'B', master: 'A' },
      { name: 'C', master: 'Z' },
    ]);
    expect(Object.keys(l.pos).sort()).toEqual(['A', 'B', 'C']);
  });

  it('moves a message from the replica up to the master, on its own lane', () => {
    const l = layoutTree([
      { name: 'A', master: null },
      { name: 'B', master: 'A' },
    ]);
    const start = messagePoint(l, 'B', 'A', 0)!;
    const end = messagePoint(l, 'B', 'A', 1)!;
    expect(start.y).toBeCloseTo(l.pos.B.y - CARD_H / 2, 0);
    expect(end.y).toBeCloseTo(l.pos.A.y + CARD_H / 2, 0);
    const down = messagePoint(l, 'A', 'B', 0.5)!;
    const up = messagePoint(l, 'B', 'A', 0.5)!;
    expect(Math.hypot(down.x - up.x, down.y - up.y)).toBeGreaterThan(10);
  });
});

describe('layout sideways', () => {
  const chain = [
    { name: 'A', master: null },
    { name: 'B', master: 'A' },
    { name: 'C', master: 'B' },
  ];
  it("lays a chain left to right, links from a card's right middle to the next card's left middle", () => {
    const l = layoutTree(chain, 'right');
    expect([l.width, l.height]).toEqual([3 * CARD_W + 2 * GAP_DEEP + 24, CARD_H + 24]);
    expect(l.pos.A.y).toBe(l.pos.C.y);
    expect(l.pos.B.x - l.pos.A.x).toBe(CARD_W + GAP_DEEP);
    expect(linkEnds(l, 'B', 'A')).toEqual({
      mx: l.pos.A.x + CARD_W / 2,
      my: l.pos.A.y,
      rx: l.pos.B.x - CARD_W / 2,
      ry: l.pos.B.y,
    });
    // An ACK from C goes to B (its master), whatever side the cards are on; the stream comes back on the other lane.
    const start = messagePoint(l, 'C', 'B', 0)!;
    const end = messagePoint(l, 'C', 'B', 1)!;
    expect(start.x).toBeCloseTo(l.pos.C.x - CARD_W / 2, 0);
    expect(end.x).toBeCloseTo(l.pos.B.x + CARD_W / 2, 0);
    expect(messagePoint(l, 'B', 'C', 0.5)!.y).not.toBe(messagePoint(l, 'C', 'B', 0.5)!.y);
    // The state pill sits above the line; labels hang under it, between the two cards.
    expect(labelPoint(l, 'B', 'A')!.y).toBeLessThan(l.pos.A.y - 7);
    const band = labelBand(l, 'A', 'B')!;
    expect(band.lo).toBe(l.pos.A.y + LABEL_ROW / 2);
    expect(band.x).toEqual({ lo: l.pos.A.x + CARD_W / 2, hi: l.pos.B.x - CARD_W / 2 });
    const taken: { x: number; y: number; w: number }[] = [];
    const near = stackLabel(taken, l.pos.B.x - CARD_W / 2, l.pos.B.y, 100, band); // about to land on B
    expect(near).toEqual({ x: band.x!.hi - 50, y: band.lo });
    expect(stackLabel(taken, near.x, l.pos.B.y, 100, band)).toEqual({ x: near.x, y: band.lo + LABEL_ROW });
    const wide = stackLabel([], l.pos.A.x, l.pos.A.y, 400, band); // wider than the gap: its middle
    expect(wide.x).toBe((band.x!.lo + band.x!.hi) / 2);
    // A PSYNC label is cut to what the column holds: no card edge under it.
    const psync = { label: `PSYNC ${'88ea750d'.repeat(5)} 1529`, from: 'B', to: 'A' } as WireMsg;
    const text = shortLabel(psync, labelChars(l));
    expect(text).toHaveLength(26);
    expect(labelWidth(text)).toBeLessThanOrEqual(band.x!.hi - band.x!.lo);
    expect(shortLabel(psync, labelChars(layoutTree(chain, 'down')))).toHaveLength(30);
  });

  it("draws 'down' unless it is cramped and 'right' is larger: the chain sideways in a 1280×720 box, not on a phone", () => {
    const both = { down: layoutTree(chain, 'down'), right: layoutTree(chain, 'right') };
    const desk = chooseLayout(both, { w: 870, h: 263 }, 1.3, 0.72);
    expect(desk.layout.dir).toBe('right');
    expect(desk.fit).toBeGreaterThan(0.8);
    expect(fitScale(both.down, { w: 870, h: 263 }, 1.3)).toBeLessThan(0.55);
    expect(chooseLayout(both, { w: 390, h: 500 }, 1.3, 0.72).layout.dir).toBe('down');
    expect(chooseLayout(both, { w: 1500, h: 700 }, 1.3, 0.72).layout.dir).toBe('down');
    const star = [chain[0], chain[1], { name: 'C', master: 'A' }];
    const two = { down: layoutTree(star, 'down'), right: layoutTree(star, 'right') };
    expect(chooseLayout(two, { w: 870, h: 263 }, 1.3, 0.72).layout.dir).toBe('down'); // the default lab
    // The stress scene (bench/ui-scene.ts): A with B, C, D, E, and F → G under B. Sideways it would
    // stack four cards in the short dimension for 0.47 against 0.44.
    const stress = [...star, { name: 'D', master: 'A' }, { name: 'E', master: 'A' }];
    stress.push({ name: 'F', master: 'B' }, { name: 'G', master: 'F' });
    const wide = { down: layoutTree(stress, 'down'), right: layoutTree(stress, 'right') };
    expect(fitScale(wide.right, { w: 870, h: 263 }, 1.3)).toBeGreaterThan(
      fitScale(wide.down, { w: 870, h: 263 }, 1.3),
    );
    expect(chooseLayout(wide, { w: 870, h: 263 }, 1.3, 0.72).layout.dir).toBe('down');
  });

  it('a phone gives the cluster the height its drawing needs at the width scale, and that height changes nothing', () => {
    // Lesson chapter 1 (A and B, two masters) in a 412 px phone's box (404 px wide inside).
    const pair = layoutTree(
      [
        { name: 'A', master: null },
        { name: 'B', master: null },
      ],
      'down',
    );
    const need = heightToFit(pair, 404, 1.3);
    const wide = fitScale(pair, { w: 404, h: 470 }, 1.3); // the 56vh box it had
    expect(need).toBeLessThan(470 - 150);
    expect(fitScale(pair, { w: 404, h: need }, 1.3)).toBeCloseTo(wide, 6);
    // A deep tree needs more than 56vh: the cap keeps the old box, and the scale from its height.
    const deep = layoutTree(chain, 'down');
    expect(heightToFit(deep, 404, 1.3)).toBeGreaterThan(heightToFit(pair, 404, 1.3));
  });
});

describe('backlog ring', () => {
  const view = (first: number, histlen: number, mro: number, size = 16384) => ({
    active: true,
    size,
    firstByteOffset: first,
    histlen,
    masterReplOffset: mro,
    blocks: [],
  });
  it('wraps: 20000 bytes on a 16384 ring is one lap and 3616 bytes beyond', () => {
    const m = ringModel(view(1, 20000, 20000), null);
    expect(m.laps).toBe(1);
    expect(m.head).toBeCloseTo(boundary(3616, 16384));
    expect(m.extra).toBe(3616);
    expect(m.sweep).toBeCloseTo(Math.PI * 2);
  });
  it('pins P inside the window (CONTINUE) or outside (FULLRESYNC)', () => {
    expect(ringModel(view(20441, 16803, 37243), 30000).pin).toMatchObject({ inside: true, track: 'ring' });
    expect(ringModel(view(20441, 16803, 37243), 37244).pin).toMatchObject({ inside: true });
    expect(ringModel(view(20441, 16803, 37243), 20440).pin).toMatchObject({ inside: false, track: 'gone' });
    expect(ringModel(view(20441, 16803, 37243), 40000).pin).toMatchObject({ inside: false, track: 'ahead' });
  });
});

describe('console argument splitting (redis-cli rules)', () => {
  it.each([
    ['SET k v', ['SET', 'k', 'v']],
    ['  SET   "a b"  c  ', ['SET', 'a b', 'c']],
    ['SET k "a\\nb"', ['SET', 'k', 'a\nb']],
    ['SET k "\\x41\\x42"', ['SET', 'k', 'AB']],
    // bytes past 0x7f: UTF-8 when they form it, else raw bytes (one byte each, as redis-cli sends them)
    ['SET k "\\xc3\\xa9" "a\\xffb"', ['SET', 'k', 'é', 'a\udcffb']],
    ["SET k 'it\\'s'", ['SET', 'k', "it's"]],
    ['', []],
  ])('%s', (line, argv) => expect(splitArgs(line)).toEqual(argv));
  it.each(['SET "k', "SET 'k", 'SET "k"v'])('rejects %s', (line) => expect(splitArgs(line)).toBeNull());
});

describe('why cards', () => {
  const decision = (
    reason: PsyncDecision['reason'],
    v: Partial<PsyncDecision['values']> = {},
  ): PsyncDecision => ({
    outcome: reason.startsWith('accepted') ? 'CONTINUE' : 'FULLRESYNC',
    reason,
    era: 'psync2',
    eraNote: null,
    backlogBytes: 0,
    countsAsPartialErr: reason !== 'full-requested',
    values: {
      requestedReplid: 'x',
      requestedOffset: 100,
      replid: 'x',
      replid2: '0',
      secondReplOffset: -1,
      masterReplOffset: 200,
      backlogActive: true,
      backlogFirstByte: 1,
      backlogLastByte: 200,
      replidEqual: true,
      replid2Usable: false,
      inWindow: true,
      ...v,
    },
  });
  const ctx = { earlierSyncs: 0, backlogSize: 16384, attached: true };
  it('explains the surprising outcomes', () => {
    expect(whyCards(decision('replid-mismatch'), ctx)).toEqual(['replicaofAttach']);
    expect(whyCards(decision('replid-mismatch'), { ...ctx, earlierSyncs: 1, attached: false })).toEqual([
      'historyChanged',
    ]);
    expect(whyCards(decision('full-requested'), ctx)).toEqual(['firstAttach']);
    expect(whyCards(decision('full-requested'), { ...ctx, earlierSyncs: 1 })).toEqual(['noRdb']);
    expect(whyCards(decision('offset-before-backlog'), ctx)).toEqual(['blockTrim']);
    expect(whyCards(decision('replid2-offset-too-high'), ctx)).toEqual(['oldMasterAhead']);
    expect(whyCards(decision('accepted-replid2'), ctx)).toEqual(['failover']);
    expect(whyCards(decision('accepted'), ctx)).toEqual([]);
    // 17 894 bytes missed with a 16 384 backlog, still +CONTINUE (spec §4.3, c2).
    expect(whyCards(decision('accepted', { requestedOffset: 1, masterReplOffset: 17894 }), ctx)).toEqual([
      'beyondSize',
    ]);
  });
  it('adds the loop card when the master replicates, through others, from this replica', () => {
    expect(whyCards(decision('accepted'), { ...ctx, loop: true })).toEqual(['replicationLoop']);
    const masters: Record<string, string | null> = { A: 'B', B: 'C', C: 'A', D: null };
    expect(reaches((n) => masters[n], 'B', 'A')).toBe(true);
    expect(reaches((n) => masters[n], 'D', 'A')).toBe(false);
  });
  it('a full sync after the master closed the replica for its output buffer: the loop card', () => {
    const cut = { ...ctx, earlierSyncs: 1, attached: false, obufClosed: true };
    expect(whyCards(decision('replid-mismatch'), cut)).toEqual(['obufLoop']);
    expect(whyCards(decision('full-requested'), cut)).toEqual(['obufLoop']);
    expect(whyCards(decision('accepted'), cut)).toEqual([]);
  });
  it('a command sent to the replica during its full sync adds the reads card', () => {
    const reading = { ...ctx, readDuringSync: true };
    expect(whyCards(decision('full-requested'), reading)).toEqual(['firstAttach', 'readsDuringSync']);
    expect(whyCards(decision('accepted'), reading)).toEqual([]);
  });
  it('console replies that surprise on a replica get their card', () => {
    const none = { expiredRead: false };
    expect(
      consoleCards(['GET', 'k'], '(error) LOADING Redis is loading the dataset in memory', none),
    ).toEqual(['readsDuringSync']);
    expect(
      consoleCards(
        ['PING'],
        "(error) MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
        none,
      ),
    ).toEqual(['readsDuringSync']);
    expect(consoleCards(['GET', 'session'], '(nil)', { expiredRead: true })).toEqual(['expiredOnReplica']);
    expect(consoleCards(['GET', 'k'], '"v"', none)).toEqual([]);
    expect(consoleCards(['WAIT', '2', '500'], '(integer) 1', none)).toEqual(['waitNotConsistency']);
    expect(consoleCards(['WAIT', '2', '500'], '(integer) 2', none)).toEqual([]);
    const notRun =
      "(error) ERR 'GEOADD' is a Redis 7.0 command that PSYNC Lab does not run (it runs replication and the common data commands)";
    expect(consoleCards(['GEOADD', 'k', '1', '2', 'm'], notRun, none)).toEqual(['notModelled']);
    const notSet =
      "(error) ERR CONFIG SET 'maxmemory' is a Redis 7.0 parameter that PSYNC Lab does not model (CONFIG GET * lists the ones it does)";
    expect(consoleCards(['CONFIG', 'SET', 'maxmemory', '1mb'], notSet, none)).toEqual(['notModelled']);
    expect(
      consoleCards(['FOO'], "(error) ERR unknown command 'FOO', with args beginning with: ", none),
    ).toEqual([]);
  });
  it('acknowledged but lost: the sum of writes.lost, and the last WAIT answered', () => {
    const ev = { at: 1, seq: 1, type: 'writes.lost' as const, node: 'A', master: 'C', kept: 113 };
    const wait = (asked: number, got: number) => ({
      type: 'wait.answered' as const,
      at: 2,
      seq: 2,
      node: 'A',
      asked,
      got,
    });
    expect(durability({ lostWrites: [], waits: [] })).toEqual({ lost: 0, lastWait: null });
    expect(
      durability({
        lostWrites: [
          { ...ev, count: 2 },
          { ...ev, count: 1 },
        ],
        waits: [wait(2, 2), wait(2, 1)],
      }),
    ).toEqual({ lost: 3, lastWait: { node: 'A', asked: 2, got: 1 } });
  });
  it('marks checks Redis never reached', () => {
    expect(checks(decision('replid-mismatch', { replidEqual: false }))).toEqual({
      replid: false,
      replid2: false,
      backlog: null,
      window: null,
    });
  });
});

describe('handshake stepper', () => {
  it('lights the current step, marks visited ones done and unvisited earlier ones skipped', () => {
    const visited = attemptStates(
      [
        { node: 'B', state: 'REPL_STATE_CONNECTED' },
        { node: 'B', state: 'REPL_STATE_CONNECT' },
        { node: 'B', state: 'REPL_STATE_CONNECTING' },
        { node: 'B', state: 'REPL_STATE_RECEIVE_PING_REPLY' },
        { node: 'B', state: 'REPL_STATE_SEND_HANDSHAKE' },
        { node: 'B', state: 'REPL_STATE_RECEIVE_PORT_REPLY' },
      ],
      'B',
    );
    const marks = stepMarks(visited, 'REPL_STATE_RECEIVE_PORT_REPLY');
    const at = (s: string) => marks[STEPS.indexOf(s as (typeof STEPS)[number])];
    expect(at('REPL_STATE_CONNECTING')).toBe('done');
    expect(at('REPL_STATE_RECEIVE_AUTH_REPLY')).toBe('skipped');
    expect(at('REPL_STATE_RECEIVE_PORT_REPLY')).toBe('current');
    expect(at('REPL_STATE_CONNECTED')).toBe('todo');
  });
  it('shows the ip-address step when the replica announces an ip, and marks it skipped otherwise (lesson point 5)', () => {
    const marksOf = (config: Record<string, string>) => {
      const run = setupScenario({ name: 't', nodes: { A: {}, B: { config } }, steps: [] }, 1);
      drainEvents(run.w);
      runStep(run, { op: 'replicaof', node: 'B', master: 'A' });
      const states = drainEvents(run.w).flatMap((e) => (e.type === 'replica.state' ? [e] : []));
      const visited = attemptStates(states, 'B');
      const marks = stepMarks(visited, visited.at(-1) ?? null);
      return (s: (typeof STEPS)[number]) => marks[STEPS.indexOf(s)];
    };
    const announced = marksOf({ 'replica-announce-ip': '10.0.0.2' });
    expect(announced('REPL_STATE_RECEIVE_IP_REPLY')).toBe('done');
    expect(announced('REPL_STATE_CONNECTED')).toBe('current');
    const plain = marksOf({});
    expect(plain('REPL_STATE_RECEIVE_IP_REPLY')).toBe('skipped');
    expect(plain('REPL_STATE_RECEIVE_PORT_REPLY')).toBe('done');
    expect(plain('REPL_STATE_CONNECTED')).toBe('current');
  });
  /** B's first attempt against A with requirepass, as the stepper draws it once it has failed. */
  const failedAttempt = (bConfig: Record<string, string>) => {
    const nodes = { A: { config: { requirepass: 's3cret' } }, B: { config: bConfig } };
    const run = setupScenario({ name: 't', nodes, steps: [] }, 1);
    drainEvents(run.w);
    runStep(run, { op: 'replicaof', node: 'B', master: 'A' });
    runStep(run, { op: 'sleep', ms: 300 });
    const evs = drainEvents(run.w);
    const states = evs.flatMap((e) => (e.type === 'replica.state' ? [e] : []));
    const errors = evs.flatMap((e) => (e.type === 'handshake.error' ? [e as StepError] : []));
    const v = attemptView(states, errors, 'B', 'REPL_STATE_CONNECT');
    const marks = stepMarks(v.visited, v.current, v.errors);
    return { states, errors, v, marks, at: (s: (typeof STEPS)[number]) => marks[STEPS.indexOf(s)] };
  };
  it('marks the step that failed (AUTH -WRONGPASS) failed and keeps the failed attempt on screen until the retry gets going', () => {
    const { states, errors, v, marks, at } = failedAttempt({ masterauth: 'nope' });
    expect(v.failed?.reply).toMatch(/^-WRONGPASS/);
    // PING comes before AUTH: a master with requirepass answers it -NOAUTH, accepted.
    expect(at('REPL_STATE_RECEIVE_PING_REPLY')).toBe('warned');
    expect(at('REPL_STATE_CONNECTING')).toBe('done');
    expect(at('REPL_STATE_RECEIVE_AUTH_REPLY')).toBe('failed');
    expect(at('REPL_STATE_RECEIVE_CAPA_REPLY')).toBe('todo');
    expect(marks.filter((m) => m === 'done').length).toBeLessThan(STEPS.length - 2);
    // Once the retry is past connect(), the new attempt is drawn.
    const next = [...states, { node: 'B', state: 'REPL_STATE_RECEIVE_PING_REPLY' as const, seq: 1e9 }];
    expect(attemptView(next, errors, 'B', 'REPL_STATE_RECEIVE_PING_REPLY').failed).toBeNull();
  });
  it('marks -NOAUTH answers warned (Redis goes on) and the SYNC that then fails failed', () => {
    const { at } = failedAttempt({});
    expect(at('REPL_STATE_RECEIVE_PING_REPLY')).toBe('warned');
    expect(at('REPL_STATE_RECEIVE_PSYNC_REPLY')).toBe('warned');
    expect(at('REPL_STATE_TRANSFER')).toBe('failed');
    expect(at('REPL_STATE_CONNECTED')).toBe('todo');
  });
  it('names link states from the replica view', () => {
    expect(linkStatus({ run: 'running', linkCut: true, linkState: 'REPL_STATE_CONNECTED' })).toBe('cut');
    expect(linkStatus({ run: 'running', linkCut: false, linkState: 'REPL_STATE_RECEIVE_CAPA_REPLY' })).toBe(
      'handshake',
    );
    expect(linkStatus({ run: 'running', linkCut: false, linkState: 'REPL_STATE_TRANSFER' })).toBe('transfer');
  });
});

describe('dataset diff', () => {
  const k = (key: string, value: string) => ({ key, type: 'string', value });
  it('finds missing, extra and differing keys', () => {
    const rows = diffKeys(
      { keys: [k('a', '1'), k('b', '2'), k('x', '9')], truncated: false },
      { keys: [k('a', '1'), k('b', '3'), k('c', '4')], truncated: false },
    );
    expect(rows.map((r) => `${r.key}:${r.status}`)).toEqual(['a:same', 'b:differs', 'c:missing', 'x:extra']);
  });
  it('claims nothing missing when the master list is cut', () => {
    const rows = diffKeys(
      { keys: [k('x', '9')], truncated: false },
      { keys: [k('a', '1')], truncated: true },
    );
    expect(rows.map((r) => r.status)).toEqual(['missing', 'same']);
  });
});

describe('speed', () => {
  it('steps through 1-2-5 and labels the value', () => {
    expect(nudgeSpeed(0.1, 1)).toBe(0.2);
    expect(nudgeSpeed(0.1, -1)).toBe(0.05);
    expect(speedLabel(0.1)).toBe('×0.1');
    expect(speedLabel(2)).toBe('×2.0');
    expect(speedFromSlider(-1)).toBe(0.1);
  });
});

describe('lab commands in the console', () => {
  it('map to inputs, or answer in Redis style', async () => {
    const { labCommand } = await import('./console/lab-commands.ts');
    expect(labCommand('B', [':cut'])).toEqual({ type: 'cut', replica: 'B' });
    expect(labCommand('B', [':restart', 'NOSAVE'])).toEqual({
      type: 'restart',
      node: 'B',
      save: false,
      downMs: 500,
    });
    expect(labCommand('A', [':write', '50'])).toEqual({ type: 'write', node: 'A', count: 50 });
    expect(labCommand('A', [':traffic', 'off'])).toEqual({ type: 'traffic', node: 'A', perSecond: 0 });
    expect(labCommand('A', [':traffic', '9999'])).toMatchObject({
      error: expect.stringMatching(/^ERR value is out of range/),
    });
    expect(labCommand('A', [':restart'])).toMatchObject({
      error: expect.stringMatching(/^ERR syntax error/),
    });
    expect(labCommand('A', [':nope'])).toMatchObject({
      error: expect.stringMatching(/^ERR unknown lab command ':nope'/),
    });
  });
});

describe('a tab list scrolled to show its active tab', () => {
  it('leaves a tab in view alone and moves the least to show one out of view', () => {
    expect(scrollToShow(0, 600, 100, 80)).toBe(0);
    expect(scrollToShow(0, 600, 700, 60)).toBe(160); // the right edge 760 lands at 600
    expect(scrollToShow(300, 600, 120, 80)).toBe(120); // scrolled past it: its left edge at 0
    expect(scrollToShow(0, 50, 100, 80)).toBe(100); // wider than the box: its start shown
  });
});

describe('message labels sent together', () => {
  it('stack a row apart instead of printing over one another; apart ones stay put', () => {
    const taken: { x: number; y: number; w: number }[] = [];
    expect(stackLabel(taken, 200, 100, 90).y).toBe(100); // AUTH secert
    expect(stackLabel(taken, 210, 102, 200).y).toBe(100 + LABEL_ROW); // REPLCONF listening-port 7102
    expect(stackLabel(taken, 205, 101, 180).y).toBe(100 + 2 * LABEL_ROW); // REPLCONF capa …
    expect(stackLabel(taken, 600, 100, 90).y).toBe(100); // another link, far to the side
  });

  it('stay between the two cards of their link: clamped off a card edge, stacked upwards when the room below ends', () => {
    const l = layoutTree([
      { name: 'A', master: null },
      { name: 'B', master: 'A' },
    ]);
    const band = labelBand(l, 'A', 'B')!;
    expect(band).toEqual(labelBand(l, 'B', 'A'));
    // The band keeps half a row clear of A's bottom edge and of B's top edge.
    expect(band.lo).toBe(l.pos.A.y + CARD_H / 2 + LABEL_ROW / 2);
    expect(band.hi).toBe(l.pos.B.y - CARD_H / 2 - LABEL_ROW / 2);
    // Four -NOAUTH replies pipelined from A, all about to land on B's card: none goes over a card
    // (each stays inside the band), and none over another (a full band moves one sideways).
    const taken: { x: number; y: number; w: number }[] = [];
    const x = l.pos.B.x;
    const at = [0, 1, 2, 3].map(() => stackLabel(taken, x, band.hi + 5, 100, band));
    expect(at[0]).toEqual({ x, y: band.hi });
    expect(at[1]).toEqual({ x, y: band.hi - LABEL_ROW }); // the room below ends at B: one row up
    for (const p of at) {
      expect(p.y).toBeGreaterThanOrEqual(band.lo);
      expect(p.y).toBeLessThanOrEqual(band.hi);
    }
    for (const [i, p] of at.entries())
      for (const q of at.slice(i + 1))
        expect(Math.abs(p.y - q.y) >= LABEL_ROW || Math.abs(p.x - q.x) >= 100, JSON.stringify([p, q])).toBe(
          true,
        );
  });
});
