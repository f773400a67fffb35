// Where the main thread's time goes in the UI stress scene (a tool, not a figure): serves the
// built dist/ (run `npx vite build` first), opens the scene of bench/ui.ts, records a Chromium
// trace for PROFILE_MS and prints the main thread's time by trace event (self time) and, from the
// sampled CPU profile, the JS functions with the most self time.
// Run: PW_PORT=4351 npx tsx bench/ui-profile.ts [seconds]
import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { encodeRun } from '../src/store/url.ts';
import { openScene, serve } from './ui.ts';
import { stressRun } from './ui-scene.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

const seconds = Number(process.argv[2] ?? 8);

/** Self time per event name on one thread (complete events only), in ms. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const xs = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const top = stack.pop();
      if (!top) break;
      out.set(top.e.name, (out.get(top.e.name) ?? 0) + ((top.e.dur ?? 0) - top.child) / 1000);
      if (stack.length) stack[stack.length - 1].child += top.e.dur ?? 0;
    }
  };
  for (const e of xs) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return out;
}

const server = await serve();
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const run = await encodeRun(stressRun(60));
  const page = await openScene(browser, `#run=${run}`);
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    events.push(...(d.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      // Invalidation tracking takes a JS stack per DOM change: it inflates text and attribute
      // writes several-fold. NO_INVALIDATIONS=1 for their true cost.
      ...(process.env.NO_INVALIDATIONS ? [] : ['disabled-by-default-devtools.timeline.invalidationTracking']),
      // JS sampling costs the page ~1 ms a frame itself: NO_JS_PROFILE=1 for the browser's own phases.
      ...(process.env.NO_JS_PROFILE ? [] : ['disabled-by-default-v8.cpu_profiler']),
      'v8.execute',
      'blink',
      'cc',
      'toplevel',
    ].join(','),
  });
  await page.waitForTimeout(seconds * 1000);
  await cdp.send('Tracing.end');
  await done;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'),
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const self = [...selfTimes(mine)].sort((a, b) => b[1] - a[1]);
  const total = self.reduce((n, [, v]) => n + v, 0);
  console.log(
    `main thread: ${total.toFixed(0)} ms of events in ${seconds * 1000} ms (${((total / seconds / 1000) * 100).toFixed(1)} %)`,
  );
  for (const [name, ms] of self.slice(0, 25))
    console.log(`  ${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms`);
  // Counts of the per-frame work.
  const count = (n: string) => mine.filter((e) => e.name === n).length;
  for (const n of [
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'FunctionCall',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
  ])
    console.log(`  count ${n}: ${count(n)}`);
  // Style recalcs: how many elements each touched.
  const recalcs = mine.filter((e) => e.name === 'UpdateLayoutTree' && e.args?.elementCount !== undefined);
  const els = recalcs.map((e) => Number(e.args?.elementCount));
  if (els.length)
    console.log(
      `  style recalc elements: mean ${(els.reduce((a, b) => a + b, 0) / els.length).toFixed(0)} max ${Math.max(...els)}`,
    );
  const layouts = mine.filter((e) => e.name === 'Layout' && e.args?.beginData);
  const dirty = layouts.map((e) =>
    Number((e.args?.beginData as { dirtyObjects?: number } | undefined)?.dirtyObjects ?? 0),
  );
  if (dirty.length)
    console.log(
      `  layout dirty objects: mean ${(dirty.reduce((a, b) => a + b, 0) / dirty.length).toFixed(0)} max ${Math.max(...dirty)}`,
    );
  // Style invalidation reasons.
  const inval = new Map<string, number>();
  for (const e of events) {
    if (!e.name.includes('Invalidat')) continue;
    const d = (e.args?.data ?? {}) as Record<string, unknown>;
    const key = `${e.name} ${String(d.reason ?? '')} ${String(d.nodeName ?? '')} ${String(d.selectorPart ?? d.changedAttribute ?? d.changedClass ?? '')}`;
    inval.set(key, (inval.get(key) ?? 0) + 1);
  }
  for (const [k, v] of [...inval].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${String(v).padStart(6)} ${k}`);
  // CPU profile samples: self time by function.
  const mainProfile = (
    events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid) as
      | { id?: string }
      | undefined
  )?.id;
  const nodes = new Map<number, { callFrame: { functionName: string; url: string; lineNumber: number } }>();
  const selfBy = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || (e as { id?: string }).id !== mainProfile) continue;
    const d = e.args?.data as {
      cpuProfile?: {
        nodes?: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d.cpuProfile?.samples ?? [];
    const deltas = d.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const n = nodes.get(samples[i]);
      if (!n) continue;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber}`;
      selfBy.set(key, (selfBy.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    }
  }
  console.log('cpu profile self time (ms):');

  for (const [k, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${v.toFixed(1).padStart(8)} ${k}`);
  await page.close();
} finally {
  await browser.close();
  server.kill();
}
