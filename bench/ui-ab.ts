// A/B of the page's main-thread load (a tool, not a figure): serves the current dist/ and a
// baseline build beside it (copied to dist/_base/), opens the stress scene of bench/ui.ts in each
// in turn for `rounds` rounds and prints, per run and as medians, the main thread's busy share
// (CDP TaskDuration / wall, as ui.main_busy_pct) and its CPU share (ThreadTime / wall: less moved
// by other load on the machine). Paired runs are what make a 2-point change visible on a shared
// 2-core machine. VARIANTS (JSON [name, dir, script run in the page first]) replaces the pair,
// e.g. to hide a panel or stub a canvas call and see what it costs.
// Run: npx vite build && cp -r dist /tmp/dist-base   (at the baseline), then at the change:
//      npx vite build && PW_PORT=4351 npx tsx bench/ui-ab.ts /tmp/dist-base [rounds] [seconds]
import { cpSync, existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { encodeRun } from '../src/store/url.ts';
import { openScene, serve } from './ui.ts';
import { stressRun } from './ui-scene.ts';

const baseDir = process.argv[2] ?? '/tmp/dist-base';
const rounds = Number(process.argv[3] ?? 3);
const secs = Number(process.argv[4] ?? 8);
const variants: [string, string, string][] = JSON.parse(
  process.env.VARIANTS ?? '[["base","_base/",""],["new","",""]]',
);
if (existsSync(baseDir)) cpSync(baseDir, 'dist/_base', { recursive: true });
const server = await serve();
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-gpu'],
});
const res: Record<string, { busy: number[]; thread: number[] }> = {};
try {
  const run = await encodeRun(stressRun(60));
  for (let r = 0; r < rounds; r++)
    for (const [name, prefix, js] of variants) {
      const page = await openScene(browser, `#run=${run}`, prefix);
      if (js === 'MOUSE') await page.mouse.move(640, 30);
      else if (js) await page.evaluate(js);
      await page.waitForTimeout(2500);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const m = async () => (await cdp.send('Performance.getMetrics')).metrics;
      const get = (ms: { name: string; value: number }[], n: string) =>
        ms.find((x) => x.name === n)?.value ?? 0;
      const a = await m();
      const t0 = performance.now();
      await page.waitForTimeout(secs * 1000);
      const b = await m();
      const wall = (performance.now() - t0) / 1000;
      const d = (n: string) => get(b, n) - get(a, n);
      const busy = (d('TaskDuration') / wall) * 100;
      const thread = (d('ThreadTime') / wall) * 100;
      (res[name] ??= { busy: [], thread: [] }).busy.push(busy);
      res[name].thread.push(thread);
      console.log(
        `${name.padEnd(12)} busy ${busy.toFixed(1)}%  thread-cpu ${thread.toFixed(1)}%  script ${((d('ScriptDuration') / wall) * 100).toFixed(1)}%  layouts ${d('LayoutCount')}`,
      );
      await page.close();
    }
} finally {
  await browser.close();
  server.kill();
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, v] of Object.entries(res))
  console.log(
    `MEDIAN ${k.padEnd(12)} busy ${med(v.busy).toFixed(1)}%  thread-cpu ${med(v.thread).toFixed(1)}%`,
  );
