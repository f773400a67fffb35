// Figures for people: the lab in zh and en at the projector's 1280×720 and on a phone, saved in
// e2e/screenshots/ (git-ignored). They are looked at, not compared.
import type { Page } from '@playwright/test';
import { expect, insight, nodeTab, open, pause, runUntil, selectNode, test } from './fixtures.ts';

const DIR = 'e2e/screenshots';
const LABELS = {
  zh: {
    milestone: '下一个里程碑 ⤼',
    decision: 'PSYNC 决策',
    backlog: '积压缓冲区 backlog',
    offsets: '偏移量 offset',
    full: '全量同步',
    ins: '正在发生什么',
    blocks: '显示 7.0 的块列表',
    console: '控制台',
  },
  en: {
    milestone: 'Next milestone ⤼',
    decision: 'PSYNC decision',
    backlog: 'Backlog',
    offsets: 'Offsets',
    full: 'Full sync',
    ins: 'What is happening',
    blocks: 'Show 7.0 block list',
    console: 'Console',
  },
} as const;

async function tab(page: Page, lang: 'zh' | 'en', name: string): Promise<void> {
  await page.getByRole('tablist', { name: LABELS[lang].ins }).getByRole('tab', { name }).click();
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400); // CSS entrance animations end
}

for (const lang of ['zh', 'en'] as const) {
  const L = LABELS[lang];
  test(`screenshots ${lang}: handshake, decision, backlog, full sync, offsets`, async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, `?lang=${lang}`);
    await page.getByRole('button', { name: lang === 'zh' ? '暂停' : 'Pause' }).click();
    await page.getByRole('button', { name: L.milestone }).click();
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-1-handshake.png` });

    await open(page, `?scenario=b_short_drop_partial&lang=${lang}`);
    await page.getByRole('button', { name: lang === 'zh' ? '暂停' : 'Pause' }).click();
    const steps = page.getByRole('list').filter({ has: page.getByRole('button', { name: /@ \d+\.\d+ s/ }) });
    await steps.getByRole('button').nth(6).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: L.milestone }).click();
    await tab(page, lang, L.decision);
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-2-continue-decision.png` });
    await tab(page, lang, L.backlog);
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-3-backlog-ring.png` });
    await page.getByRole('checkbox', { name: L.blocks }).check();
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-4-backlog-blocks.png` });

    await open(page, `?scenario=c_backlog_overflow_full&lang=${lang}`);
    await page.getByRole('button', { name: lang === 'zh' ? '暂停' : 'Pause' }).click();
    const steps2 = page.getByRole('list').filter({ has: page.getByRole('button', { name: /@ \d+\.\d+ s/ }) });
    await steps2.getByRole('button').nth(5).click();
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: L.milestone }).click();
    await tab(page, lang, L.full);
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-5-full-sync.png` });
    await tab(page, lang, L.decision);
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-6-fullresync-decision.png` });

    await open(page, `?lang=${lang}`);
    await runUntil(page, 600_000);
    await page.getByRole('button', { name: /^(Node|节点) A :/ }).click();
    await page.getByRole('button', { name: lang === 'zh' ? '开始持续写入' : 'Start traffic' }).click();
    await runUntil(page, 3_000_000);
    await tab(page, lang, L.offsets);
    await expect(page.locator('.chart canvas')).toHaveCount(1);
    await page.waitForTimeout(600);
    await page.getByRole('tab', { name: L.console }).click();
    const input = page.getByRole('textbox', {
      name: lang === 'zh' ? '节点 A 的 redis-cli 命令' : 'redis-cli command for node A',
    });
    await input.fill('INFO replication');
    await input.press('Enter');
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-7-offsets-console.png` });
  });

  test(`screenshots ${lang}: 1280×720 at 150 % zoom (853×480 CSS pixels)`, async ({ browser, baseURL }) => {
    const ctx = await browser.newContext({
      baseURL,
      viewport: { width: 853, height: 480 },
      deviceScaleFactor: 1.5,
    });
    const page = await ctx.newPage();
    await open(page, `?scenario=b_short_drop_partial&lang=${lang}`);
    await runUntil(page, 2_000_000, 2);
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-13-zoom150.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await ctx.close();
  });

  test(`1280×720 ${lang}: every panel tab shown whole, "hide panels" on one line, no card under the legend, ✕ on the node head's row; on a phone the open tab scrolls into view`, async ({
    page,
  }) => {
    await open(page, `?lang=${lang}`);
    const list = page.getByRole('tablist', { name: L.ins });
    // Before: zh's last tab was cut to "全量同" under the switches and "收起面板" broke after 面.
    const clip = await list.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(clip, 'the tab list scrolls: a tab is cut off').toBeLessThanOrEqual(1);
    const hide = page.getByRole('button', { name: `▾ ${lang === 'zh' ? '收起面板' : 'Hide panels'}` });
    const line = await hide.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect((await hide.boundingBox())!.height).toBeLessThan(line * 1.6 + 12);

    // The drawing fits above the legend: B's card under A kept its bottom edge under it before.
    await runUntil(page, 400_000);
    const covered = await page.evaluate(() => {
      const legend = document.querySelector('.legend')!.getBoundingClientRect().top;
      return [...document.querySelectorAll('.node-card')].filter(
        (c) => c.getBoundingClientRect().bottom > legend,
      ).length;
    });
    expect(covered, 'cards under the legend').toBe(0);

    // A replica's panel head keeps ✕ on the name's row (it dropped to a row of its own: "→ A").
    await page.getByRole('button', { name: new RegExp(`^${lang === 'zh' ? '节点' : 'Node'} B :`) }).click();
    const head = page.locator('.panel-head').first();
    const close = (await head
      .getByRole('button', { name: lang === 'zh' ? '关闭详情' : 'Close the details' })
      .boundingBox())!;
    const badge = (await head.locator('.nc-name').boundingBox())!;
    expect(Math.abs(close.y + close.height / 2 - (badge.y + badge.height / 2))).toBeLessThan(4);

    // On a phone the list scrolls sideways: V (the next panel, as "follow events" switches them, no
    // focus moved) to the last tab brings it into the list's view.
    await page.getByRole('checkbox', { name: lang === 'zh' ? '跟随事件' : 'Follow events' }).uncheck();
    await tab(page, lang, lang === 'zh' ? '握手 handshake' : 'Handshake');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const full = list.getByRole('tab', { name: L.full });
    for (let i = 0; i < 5 && (await full.getAttribute('aria-selected')) !== 'true'; i++)
      await page.keyboard.press('v');
    await expect(full).toHaveAttribute('aria-selected', 'true');
    const shown = await list.evaluate((el) => {
      const t = el.querySelector('[aria-selected="true"]')!.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      return t.left >= b.left - 1 && t.right <= b.right + 1;
    });
    expect(shown, 'the selected tab is inside the visible part of the list').toBe(true);
  });

  test(`screenshots ${lang}: phone portrait`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `?lang=${lang}`);
    await runUntil(page, 300_000, 0.5);
    await settle(page);
    await page.screenshot({ path: `${DIR}/${lang}-8-phone.png`, fullPage: true });
    // The page never scrolls sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // The cluster is as tall as its drawing (A over B and C) and the legend: a fixed 56vh left
    // ~150 px empty above and below the cards.
    const room = await page.evaluate(() => {
      const box = document.querySelector('.cluster')!.getBoundingClientRect();
      const fit = document.querySelector('.cluster-fit')!.getBoundingClientRect();
      return box.height - fit.height;
    });
    expect(room).toBeGreaterThan(20);
    expect(room).toBeLessThan(50);
  });
}

test('screenshot: a link selected, with its stepper and transcript', async ({ page }) => {
  await open(page);
  await runUntil(page, 500_000);
  await page.getByRole('button', { name: /^Link B → A/ }).click();
  await pause(page);
  await settle(page);
  await page.screenshot({ path: `${DIR}/en-9-link.png` });
  await selectNode(page, 'B');
  await nodeTab(page, 'INFO');
  await insight(page, 'Handshake');
  await settle(page);
  await page.screenshot({ path: `${DIR}/en-10-info.png` });
});

test('screenshot: the stress scene — 6 replicas with a chain, 200 writes/s, a cut link', async ({ page }) => {
  const { encodeRun } = await import('../src/store/url.ts');
  const { stressRun } = await import('../bench/ui-scene.ts');
  await page.goto(`./?lang=en#run=${await encodeRun(stressRun(10))}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await runUntil(page, 2_600_000, 1);
  await insight(page, 'Backlog');
  await settle(page);
  await page.screenshot({ path: `${DIR}/en-11-stress.png` });
  await expect(page.getByRole('button', { name: /^Node G :/ })).toBeVisible();
  await page.getByRole('button', { name: /Enlarge/ }).click();
  await settle(page);
  await page.screenshot({ path: `${DIR}/en-12-stress-enlarged.png` });
  await page.keyboard.press('i');
  await expect(page.getByRole('button', { name: '▾ Hide panels' })).toBeVisible();
});
