// Safe in front of a class, and a teacher's demo as a scenario file (issue 8, items 6 and 7):
//  - a stray key while a scenario is scrubbed back: the notice says the run left the scenario, the
//    steps after it are marked, and Ctrl+Z (or the notice's Undo) brings back the very same record;
//  - a reload reopens the run at the same time; a corrupt saved entry is set aside with a message;
//  - a shared link opens with the actions it carries listed in words;
//  - "save what I did as a scenario" → "open a scenario file" gives the same run (PSYNC outcomes
//    and offsets, computed here by the engine from both run records), and the file runs as a
//    scenario (the engine runner `npm run scenario` uses); a bad file is refused with the step and
//    field named while the run on screen stays.
// Screenshots (looked at): e2e/screenshots/record-*.png in en and zh.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  advance,
  drainEvents,
  type RunRecord,
  runScenario,
  timelineOf,
  validateScenario,
} from '../src/engine/index.ts';
import { expect, now, open, pause, runUntil, scenarioSteps, selectNode, test } from './fixtures.ts';

type Lab = { controller: { exportRun(): Promise<RunRecord | null>; seek(t: number): Promise<void> } };

async function record(page: Page): Promise<RunRecord> {
  const r = await page.evaluate(() =>
    (window as unknown as { psyncLab: Lab }).psyncLab.controller.exportRun(),
  );
  if (!r) throw new Error('no run record');
  return r;
}

async function seek(page: Page, t: number): Promise<void> {
  await page.evaluate((to) => (window as unknown as { psyncLab: Lab }).psyncLab.controller.seek(to), t);
  await expect.poll(() => now(page)).toBe(t);
}

/** A run's PSYNC outcomes in order and its nodes' final offsets, played by the engine up to `until`. */
function story(r: RunRecord, until: number): { outcomes: string[]; offsets: Record<string, number> } {
  const tl = timelineOf(r);
  const outcomes: string[] = [];
  for (let t = 0; ; t = Math.min(until, t + 1_000_000)) {
    advance(tl, t);
    for (const e of drainEvents(tl.lab.w))
      if (e.type === 'psync.result' && e.result !== 'ERROR')
        outcomes.push(`${e.replica}=${e.result}${e.result === 'FULLRESYNC' ? `@${e.offset}` : ''}`);
    if (t >= until) break;
  }
  const offsets = Object.fromEntries([...tl.lab.w.nodes.values()].map((n) => [n.name, n.masterReplOffset]));
  return { outcomes, offsets };
}

const lastAt = (r: RunRecord) => r.inputs[r.inputs.length - 1].at;

test('a stray key in a scrubbed-back scenario: the notice, marked steps, and Ctrl+Z brings the future back', async ({
  page,
}) => {
  await open(page, '?scenario=b_short_drop_partial&seed=1&lang=en');
  await pause(page);
  const original = await record(page);
  const steps = scenarioSteps(page).getByRole('button');
  await expect(steps).toHaveCount(8);
  await seek(page, lastAt(original) + 500_000);
  // Back to step 4 (the cut), then a stray W: a write on A at a moment the scenario had its own future.
  await steps.nth(3).click();
  await expect.poll(() => now(page)).toBeLessThan(lastAt(original)); // the jump back has landed
  const at = await now(page);
  await page.keyboard.press('w');
  const notice = page.getByRole('status').filter({ hasText: 'has left scenario' });
  await expect(notice).toContainText(
    `The run has left scenario b_short_drop_partial at t = ${(at / 1e6).toFixed(3)} s`,
  );
  // Steps 5–8 will not happen any more; 1–4 did.
  await expect(steps.filter({ hasText: 'will not happen' })).toHaveCount(4);
  await expect(steps.nth(3)).not.toContainText('will not happen');
  const forked = await record(page);
  expect(forked.inputs.length).toBeLessThan(original.inputs.length);
  await page.screenshot({ path: 'e2e/screenshots/record-fork-en.png' });

  await page.keyboard.press('Control+z');
  await expect(notice).toBeHidden();
  await expect(steps.filter({ hasText: 'will not happen' })).toHaveCount(0);
  await expect.poll(() => record(page)).toEqual(original);
  expect(await now(page)).toBe(at);

  // Again in Chinese, undone with the notice's own button this time.
  await page.getByRole('button', { name: '中文' }).click();
  await page.keyboard.press('b');
  const zh = page.getByRole('status').filter({ hasText: '离开场景' });
  await expect(zh).toBeVisible();
  await expect(steps.filter({ hasText: '不会发生' })).toHaveCount(4);
  await page.screenshot({ path: 'e2e/screenshots/record-fork-zh.png' });
  await zh.getByRole('button', { name: '撤销（Ctrl+Z）' }).click();
  await expect(zh).toBeHidden();
  await expect.poll(() => record(page)).toEqual(original);
});

test('a reload reopens the run at the same time; a corrupt saved run is set aside with a message', async ({
  page: first,
}) => {
  const page = first;
  await open(page, '?seed=4&lang=en');
  await runUntil(page, 1_200_000, 2);
  await page.keyboard.press('w');
  await selectNode(page, 'B');
  await page.keyboard.press('x'); // cut B's link
  await runUntil(page, 2_500_000, 2);
  const before = await record(page);
  await seek(page, 2_000_000); // back a little: the reload must come back here, not at the end
  await page.reload();
  await expect(page.getByText('Reopened the run from before the reload (t = 2.000 s).')).toBeVisible();
  await expect.poll(() => now(page)).toBe(2_000_000);
  expect(await record(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // reopened paused

  // A damaged entry (written before the page's own scripts run, so leaving a page cannot overwrite it).
  const next = await page.context().newPage();
  await page.close();
  await next.addInitScript(() => localStorage.setItem('psync-lab.run', '{"format":1,"record":'));
  await open(next, '?seed=4&lang=en');
  await expect(next.getByRole('alert')).toContainText(
    'The run kept from before the reload was set aside: the saved run is not readable',
  );
  expect((await record(next)).inputs.every((i) => i.input.type === 'start')).toBe(true);
});

test('a shared link opens with the actions it carries listed, in en and zh', async ({ page, browser }) => {
  await open(page, '?seed=2&lang=en');
  await runUntil(page, 1_000_000, 2);
  await page.keyboard.press('w');
  await selectNode(page, 'C');
  await page.keyboard.press('x');
  await runUntil(page, 1_600_000, 2);
  await page.keyboard.press('x');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('dialog', { name: 'Share this run' }).getByRole('textbox').inputValue();
  expect(link).toMatch(/#run=/);
  const carried = (await record(page)).inputs.slice(3);
  expect(carried.map((i) => i.input.type)).toEqual(['write', 'cut', 'heal']);

  for (const lang of ['en', 'zh'] as const) {
    const other = await browser.newPage();
    await other.goto(link.replace('lang=en', `lang=${lang}`));
    const panel = other.getByRole('region', { name: lang === 'en' ? /carries 3 actions/ : /带有 3 个操作/ });
    await expect(panel).toBeVisible();
    const items = panel.getByRole('listitem');
    await expect(items).toHaveCount(3);
    const t = (i: number) => (carried[i].at / 1e6).toFixed(1);
    if (lang === 'en') {
      await expect(items.nth(0)).toHaveText(`t = ${t(0)} s 1 write(s) on A`);
      await expect(items.nth(1)).toHaveText(`t = ${t(1)} s link of C cut (partition)`);
      await expect(items.nth(2)).toHaveText(`t = ${t(2)} s link of C healed`);
    } else {
      await expect(items.nth(1)).toHaveText(`t = ${t(1)} s 断开 C 的复制链路（网络分区）`);
    }
    await other.screenshot({ path: `e2e/screenshots/record-link-${lang}.png` });
    // Each action jumps to its time.
    await items.nth(1).getByRole('button').click();
    await expect.poll(() => now(other)).toBe(carried[1].at);
    await other.close();
  }
});

test('save what I did as a scenario, open the file: the same run; a bad file leaves the run alone', async ({
  page,
}) => {
  await open(page, '?seed=5&lang=en');
  await runUntil(page, 1_500_000, 2);
  await page.keyboard.press('w');
  await selectNode(page, 'B');
  await page.keyboard.press('x');
  await page.keyboard.press('Escape');
  await runUntil(page, 2_200_000, 2);
  await page.keyboard.press('b'); // 100 writes on A while B is cut: B comes back with +CONTINUE
  await runUntil(page, 3_000_000, 2);
  await selectNode(page, 'B');
  await page.keyboard.press('x');
  await runUntil(page, 6_000_000, 2);
  const mine = await record(page);
  const until = await now(page);

  await page.getByRole('button', { name: 'Scenario file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario files' });
  await dialog.getByLabel('File name').fill('my_cut_demo');
  await dialog.getByLabel('Title (English)').fill('B cut while A writes');
  await dialog.getByLabel('Title (中文)').fill('A 写入时 B 断开');
  await dialog
    .getByLabel('Description (English)')
    .fill('B misses 100 writes and gets them from the backlog.');
  await dialog.getByLabel('Description (中文)').fill('B 错过 100 次写入，从积压缓冲区补回。');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save scenario file' }).click();
  const file = await (await download).path();
  await expect(dialog.getByRole('status')).toContainText('✓ Saved my_cut_demo.json');
  await dialog.screenshot({ path: 'e2e/screenshots/record-save-en.png' });
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const scenario = validateScenario(json);
  expect(scenario).toMatchObject({
    name: 'my_cut_demo',
    title: { en: 'B cut while A writes', zh: 'A 写入时 B 断开' },
    text: { zh: 'B 错过 100 次写入，从积压缓冲区补回。' },
  });
  // What `npm run scenario my_cut_demo.json` runs: the engine runner, on a loopback network.
  expect(runScenario(json).outcome.line).toMatch(/B=CONTINUE/);

  // A broken file (drop it on the page, then pick it): refused, step and field named, run unchanged.
  const bad = structuredClone(json);
  const k = bad.steps.findIndex((x: { op: string }) => x.op === 'cmd');
  bad.steps[k] = { ...bad.steps[k], node: 'Z' };
  const badText = JSON.stringify(bad);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'broken.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, badText);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`Could not open broken.json: ERR scenario steps[${k}] (cmd)`);
  await expect(alert).toContainText(`field 'node': unknown node "Z"`);
  await expect(alert).toContainText('The run on screen is unchanged.');
  await page.screenshot({ path: 'e2e/screenshots/record-bad-file-en.png' });
  expect(await record(page)).toEqual(mine);
  expect(await now(page)).toBe(until);

  // The good file, opened with the file picker: the same story as the run it was saved from.
  await page.getByRole('button', { name: 'Scenario file' }).click();
  await dialog.getByLabel('Choose a scenario file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'B cut while A writes' })).toBeVisible();
  const opened = await record(page);
  expect(opened.scenario).toBe('my_cut_demo');
  const a = story(mine, until);
  // The scenario keeps the run's time after its last action (its last step sleeps that long).
  const b = story(opened, lastAt(opened) + (until - lastAt(mine)));
  expect(a.outcomes).toContain('B=CONTINUE');
  expect(b.outcomes).toEqual(a.outcomes);
  expect(b.offsets).toEqual(a.offsets);
  await expect(scenarioSteps(page).getByRole('button').first()).toBeVisible();

  // The dialog in Chinese, looked at.
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '场景文件' }).click();
  await page
    .getByRole('dialog', { name: '场景文件' })
    .screenshot({ path: 'e2e/screenshots/record-save-zh.png' });
});
