// The page as a whole: URL parameters and bad input, language, offline assets, the fault screen,
// accessibility (axe), the help overlay, reduced motion.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, insight, nodeTab, now, open, pause, runUntil, selectNode, test } from './fixtures.ts';

async function axe(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(500); // let CSS entrance animations finish (axe misreads contrast mid-fade)
  const r = await new AxeBuilder({ page }).analyze();
  const summary = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations (${what})`).toEqual([]);
}

test('?scenario=&seed=&lang= opens a scenario in the asked language', async ({ page }) => {
  await open(page, '?scenario=f_failover_promote_partial&seed=7&lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '切主：通过 replid2 增量同步' })).toBeVisible();
  await expect(page.getByText('seed 7')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '场景' })).toHaveValue('f_failover_promote_partial');
  // Protocol words stay in English beside the Chinese.
  await expect(page.getByRole('tab', { name: '积压缓冲区 backlog' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
});

test('a Chinese browser gets Chinese by default', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', baseURL });
  const page = await ctx.newPage();
  await page.goto('./');
  await expect(page.getByRole('button', { name: '暂停' })).toBeVisible();
  await ctx.close();
});

test('bad URL parameters and an unknown scenario: a clear message, and the default lab', async ({ page }) => {
  await page.goto('./?scenario=no_such_thing&seed=banana&lang=fr');
  const alerts = page.getByRole('alert', { name: 'Errors' });
  await expect(alerts).toContainText('The seed "banana" is not a whole number');
  await expect(alerts).toContainText('Unknown language "fr"');
  await expect(alerts).toContainText('Unknown scenario "no_such_thing": the default lab is open instead.');
  await expect(page.getByRole('button', { name: /^Node C :7103/ })).toBeVisible();
  await page.goto('./?scenario=../../etc/passwd&lang=en');
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('is not valid');
  await page.goto('./?lang=en#run=not-a-real-run');
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText(
    'The shared run could not be opened',
  );
  await expect(page.getByRole('button', { name: /^Node A :7101/ })).toBeVisible();
});

test('a shared run reopens with its actions', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await runUntil(page, 500_000);
  await selectNode(page, 'A');
  await page.getByRole('spinbutton', { name: 'Writes', exact: true }).fill('7');
  await page.getByRole('button', { name: 'Burst' }).click();
  // When the burst went in: on a busy machine the pause above lands late (a poll of the clock), so
  // the replay below plays to this time, not to a fixed one (t = 0.9 s had come before a burst at 1.1 s).
  const burstAt = await now(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#run=[A-Za-z0-9_-]+&t=\d+$/);
  // The link differs from the address bar only by its hash: go through a blank page so it is a
  // fresh load that opens the run, not a same-document hash change.
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await runUntil(page, burstAt + 400_000);
  await expect(page.getByRole('button', { name: /^Node A :7101/ })).toHaveAccessibleDescription(/, 7 keys$/);
});

test('a worker fault shows what broke and a reproduction link, not a blank page', async ({ page, guard }) => {
  await open(page);
  await runUntil(page, 300_000);
  await page.evaluate(() =>
    (
      window as unknown as { psyncLab: { controller: { crash(): Promise<void> } } }
    ).psyncLab.controller.crash(),
  );
  const fault = page.getByRole('alert').filter({ hasText: 'The simulation stopped' });
  await expect(fault).toBeVisible();
  await expect(fault).toContainText('debug-throw');
  await expect(fault).toContainText('seed 1');
  await expect(fault.getByRole('link', { name: 'Reproduction link' })).toHaveAttribute(
    'href',
    /seed=1.*#run=/,
  );
  await axe(page, 'fault screen');
  await fault.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByRole('button', { name: /^Node A :7101/ })).toBeVisible();
  guard.errors.length = 0;
});

test('assets come from the page origin only (works offline from a static folder)', async ({
  page,
  guard,
}) => {
  await open(page, '?scenario=c_backlog_overflow_full&lang=en');
  await insight(page, 'Offsets');
  await expect(page.getByRole('img', { name: /Chart of master_repl_offset/ })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const external = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => !n.startsWith(location.origin)),
  );
  expect(external).toEqual([]);
  expect(guard.offOrigin).toEqual([]);
});

test('axe finds no violations, in both languages, across the panels', async ({ page }) => {
  test.setTimeout(480_000); // 21 axe passes of 5–20 s each on a busy 2-core machine (load 15)
  for (const lang of ['en', 'zh'] as const) {
    await open(page, `?scenario=b_short_drop_partial&lang=${lang}`);
    await runUntil(page, 5_000_000, 3);
    await axe(page, `${lang} guide`);
    for (const tab of lang === 'en'
      ? ['Handshake', 'PSYNC decision', 'Backlog', 'Offsets', 'Full sync']
      : ['握手 handshake', 'PSYNC 决策', '积压缓冲区 backlog', '偏移量 offset', '全量同步']) {
      await page
        .getByRole('tablist', { name: lang === 'en' ? 'What is happening' : '正在发生什么' })
        .getByRole('tab', { name: tab })
        .click();
      await axe(page, `${lang} ${tab}`);
      if (tab === 'Backlog') {
        await page.getByRole('checkbox', { name: 'Show 7.0 block list' }).check();
        await axe(page, 'block list');
      }
    }
    if (lang === 'en') {
      await selectNode(page, 'B');
      for (const t of ['Actions', 'Console', 'INFO', 'Data', 'Log'] as const) {
        await nodeTab(page, t);
        await axe(page, `node ${t}`);
      }
      await page.getByRole('button', { name: /^Link B → A/ }).click();
      await axe(page, 'link panel');
      await page.getByRole('list', { name: 'Messages between B and A' }).getByRole('button').first().click();
      await axe(page, 'RESP dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '? Shortcuts' }).click();
      await axe(page, 'help');
      await page.keyboard.press('Escape');
    }
  }
});

test('the help overlay lists the shortcuts and closes with Esc', async ({ page }) => {
  await open(page);
  await pause(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Space Play \/ pause/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('prefers-reduced-motion: no entrance animations, messages wait mid-link instead of travelling', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await pause(page);
  await page.getByRole('button', { name: 'Next milestone ⤼' }).click();
  const anim = await page
    .locator('.node-card')
    .first()
    .evaluate((el) => getComputedStyle(el).animationName);
  expect(anim).toBe('none');
  const msg = page.locator('button.msg').first();
  await expect(msg).toBeVisible();
  const before = await msg.boundingBox();
  await page.getByRole('button', { name: 'One event forward' }).click();
  const still = page.locator('button.msg').first();
  const after = await still.boundingBox();
  // Within 2 px: the cards around it may reflow by a pixel as the run moves on; a message that
  // travelled along its link would have moved further.
  if ((await msg.textContent()) === (await still.textContent()))
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(2);
});
