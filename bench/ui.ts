// UI frame benchmark (not a test): builds the app, serves it with `vite preview`, opens the stress
// scene (bench/ui-scene.ts) in Chromium at 1280×720 and 1× speed with the offsets chart and a
// node's log open, and measures the gaps between animation frames with performance.now() inside
// the rAF callback (headless rAF timestamps sit on a perfect 16.7 ms grid even when the main
// thread is blocked, so they would hide jank).
//   ui.frame_gap_p95_ms      95th percentile of frame-to-frame gaps (goal ≤ 17)
//   ui.frame_gap_ghost_p95_ms  the same with a ghost run open beside it (issue 11: within 1 ms)
//   ui.long_frames_pct       share of gaps > 25 ms, i.e. at least one missed vsync (goal ≤ 1)
//   ui.main_busy_pct         share of wall time the main thread ran tasks (CDP TaskDuration) while
//                            the frames were measured (goal ≤ 15), beside the blank page's
//   ui.first_load_gzip_kb    JS + CSS the page needs before its first render (goal ≤ 120):
//                            the entry chunk, its CSS and the catalog of the language shown
//   ui.worker_gzip_kb        the simulation worker's script (fetched at start, runs off the page thread)
//   build.single_file_kb     dist-single/psync-lab.html (npm run build:single), raw and gzip
// Run alone: npx tsx bench/ui.ts   (or through npm run bench)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { firstLoad as firstLoadOf } from '../scripts/build/first-load-size.ts';
import { encodeRun } from '../src/store/url.ts';
import { stressRun } from './ui-scene.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** PW_PORT: another port when several checkouts run browser work on one machine. */
const PORT = Number(process.env.PW_PORT ?? 4331);
const WARMUP_MS = 3000;
const MEASURE_MS = 20_000;
const LONG_GAP_MS = 25;

function build(): void {
  for (const mode of ['production', 'single'])
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--mode', mode, '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
}

/** Size of the one offline file, raw and gzip (bytes). */
function singleFile(): { raw: number; gzip: number } {
  const body = readFileSync(join(ROOT, 'dist-single', 'psync-lab.html'));
  return { raw: body.length, gzip: gzipSync(body).length };
}

export async function serve(): Promise<ChildProcess> {
  const p = spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return p;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  p.kill();
  throw new Error(`vite preview did not start on port ${PORT}`);
}

/** The first load in `lang` (scripts/build/first-load-size.ts), and the worker's script. */
export function firstLoad(lang: 'en' | 'zh' = 'en'): { page: number; worker: number } {
  return firstLoadOf(DIST, lang);
}

/** Gaps between animation frames, from performance.now() inside the rAF callback, for `ms`. */
async function frameGaps(page: import('@playwright/test').Page, ms: number): Promise<number[]> {
  // Passed as text: tsx's transform would add helpers (__name) that do not exist in the page.
  return (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = () => {
      const now = performance.now();
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(out);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
}

/**
 * Share of wall time the page's main thread spent running tasks while `during` ran: Chrome's own
 * TaskDuration counter (CDP Performance.getMetrics, seconds of main-thread tasks), as a percentage.
 */
async function mainBusyPct(
  page: import('@playwright/test').Page,
  during: () => Promise<unknown>,
): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const busy0 = await taskSeconds();
  const t0 = performance.now();
  await during();
  const busy = (await taskSeconds()) - busy0;
  const wall = (performance.now() - t0) / 1000;
  await cdp.detach();
  return Number(((busy / wall) * 100).toFixed(1));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The stress scene opened with `hash` (#run=…) at 1280×720, playing at 1× with the panels open. */
export async function openScene(
  browser: import('@playwright/test').Browser,
  hash: string,
  dir = '',
): Promise<import('@playwright/test').Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${PORT}/${dir}?lang=en${hash}`);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  if (hash.includes('&ghost='))
    await page.getByTestId('whatif-diff').or(page.getByTestId('whatif-nodes')).first().waitFor();
  await page.getByRole('slider', { name: 'Speed' }).fill('0'); // 10^0 = 1×: 200 writes per wall second
  // Not following events: they would switch the bottom tab away from the chart as the run plays.
  await page.getByRole('checkbox', { name: 'Follow events' }).uncheck();
  await page.getByRole('tab', { name: 'Offsets' }).click();
  await page.getByRole('button', { name: /^Node A :/ }).click();
  await page.getByRole('tab', { name: 'Log', exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  return page;
}

/** The stress scene (see openScene): its frame gaps and main-thread share after a warm-up. */
async function measureScene(
  browser: import('@playwright/test').Browser,
  hash: string,
): Promise<{ gaps: number[]; sorted: number[]; virtual: string | null; busy: number }> {
  const page = await openScene(browser, hash);
  await page.waitForTimeout(WARMUP_MS);
  let gaps: number[] = [];
  const busy = await mainBusyPct(page, async () => {
    gaps = await frameGaps(page, MEASURE_MS);
  });
  const virtual = await page.getByLabel('Current virtual time').textContent();
  await page.close();
  return { gaps, sorted: [...gaps].sort((a, b) => a - b), virtual, busy };
}

export async function runUiBench(): Promise<Figure[]> {
  build();
  const server = await serve();
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // The floor on this machine: the same measurement on an empty page.
    const blank = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    let blankGaps: number[] = [];
    const blankBusy = await mainBusyPct(blank, async () => {
      blankGaps = (await frameGaps(blank, 5000)).sort((a, b) => a - b);
    });
    await blank.close();
    const run = await encodeRun(stressRun(60));
    const one = await measureScene(browser, `#run=${run}`);
    // The same scene with a ghost run beside it (issue 11): a 1 MB backlog from t = 0, in lockstep.
    const ghost = await encodeRun({
      at: 0,
      change: { kind: 'config', name: 'repl-backlog-size', value: '1048576' },
    });
    const two = await measureScene(browser, `#run=${run}&ghost=${ghost}`);
    const { sorted, gaps, virtual, busy } = one;
    const long = gaps.filter((g) => g > LONG_GAP_MS).length;
    const size = firstLoad('en');
    const sizeZh = firstLoad('zh');
    const single = singleFile();
    return [
      { name: 'ui.frame_gap_p95_ms', value: Number(percentile(sorted, 0.95).toFixed(2)), unit: 'ms' },
      {
        name: 'ui.frame_gap_ghost_p95_ms',
        value: Number(percentile(two.sorted, 0.95).toFixed(2)),
        unit: 'ms',
      },
      {
        name: 'ui.frame_gap_p95_blank_page_ms',
        value: Number(percentile(blankGaps, 0.95).toFixed(2)),
        unit: 'ms',
      },
      { name: 'ui.main_busy_pct', value: busy, unit: '%' },
      { name: 'ui.main_busy_ghost_pct', value: two.busy, unit: '%' },
      { name: 'ui.main_busy_blank_page_pct', value: blankBusy, unit: '%' },
      { name: 'ui.frame_gap_p50_ms', value: Number(percentile(sorted, 0.5).toFixed(2)), unit: 'ms' },
      { name: 'ui.frame_gap_max_ms', value: Number(sorted[sorted.length - 1].toFixed(1)), unit: 'ms' },
      { name: 'ui.long_frames_pct', value: Number(((long / gaps.length) * 100).toFixed(2)), unit: '%' },
      { name: 'ui.frames_measured', value: gaps.length, unit: 'frames' },
      {
        name: 'ui.virtual_time_reached_s',
        value: Number(/t = ([\d.]+)/.exec(virtual ?? '')?.[1] ?? 0),
        unit: 's',
      },
      {
        name: 'ui.virtual_time_reached_ghost_s',
        value: Number(/t = ([\d.]+)/.exec(two.virtual ?? '')?.[1] ?? 0),
        unit: 's',
      },
      { name: 'ui.first_load_gzip_kb', value: Number((size.page / 1024).toFixed(1)), unit: 'kB' },
      { name: 'ui.first_load_zh_gzip_kb', value: Number((sizeZh.page / 1024).toFixed(1)), unit: 'kB' },
      { name: 'ui.worker_gzip_kb', value: Number((size.worker / 1024).toFixed(1)), unit: 'kB' },
      { name: 'build.single_file_kb', value: Number((single.raw / 1024).toFixed(1)), unit: 'kB' },
      { name: 'build.single_file_gzip_kb', value: Number((single.gzip / 1024).toFixed(1)), unit: 'kB' },
    ];
  } finally {
    await browser.close();
    server.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await runUiBench()) console.log(`${f.name}: ${f.value} ${f.unit}`);
}
