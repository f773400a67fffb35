// Presenter mode at the projector's 1280×720 (a screenshot looked at by hand: e2e/screenshots/),
// clicker keys (PageDown / PageUp, → / ←, B / . to blank), the single-letter actions off, Space
// after a click, arrow keys with a clicked tab, and the phone (390×844) in zh and en.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { cardValues, expect, now, test } from './fixtures.ts';

const DIR = 'e2e/screenshots';

async function axe(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(500); // let CSS entrance animations finish (axe misreads contrast mid-fade)
  const r = await new AxeBuilder({ page }).analyze();
  const summary = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations (${what})`).toEqual([]);
}

/** Open the lab and wait until it runs (generous: the CI machine is shared and often busy). */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: /^(Pause|Play|暂停|播放)$/ })).toBeEnabled({
    timeout: 30_000,
  });
}

const caption = (page: Page) => page.locator('.present-caption .pc-text');
const play = (page: Page) => page.getByRole('button', { name: /^(Play|Pause)$/ });

/** Node A's master_repl_offset, from its card's label. */
async function offsetOfA(page: Page): Promise<number> {
  return Number(/offset (\d+)/.exec(await cardValues(page, 'A'))?.[1] ?? -1);
}

/** Press a clicker key and wait until the virtual time moved; returns the new caption. */
async function click(page: Page, key: string): Promise<{ t: number; caption: string }> {
  const before = await now(page);
  await page.keyboard.press(key);
  await expect.poll(() => now(page)).not.toBe(before);
  await expect(caption(page)).not.toHaveText('');
  return { t: await now(page), caption: (await caption(page).textContent()) ?? '' };
}

test('presenter mode at 1280×720: large type, one panel, the caption, clicker keys, blank, axe', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page, '?scenario=b_short_drop_partial&lang=en&present=1');
  await expect(page.locator('html')).toHaveClass(/present/);
  await expect(caption(page)).toBeVisible();
  await page.keyboard.press('Space'); // pause: from here only the clicker moves time
  await expect(play(page)).toHaveAccessibleName('Play');

  // Milestone to milestone, forward and back; the caption says where we are.
  const seen = [await click(page, 'PageDown')];
  seen.push(await click(page, 'PageDown'));
  seen.push(await click(page, 'ArrowRight'));
  expect(seen[1].t).toBeGreaterThan(seen[0].t);
  expect(seen[2].t).toBeGreaterThan(seen[1].t);
  expect(new Set(seen.map((s) => s.caption)).size, JSON.stringify(seen)).toBeGreaterThan(1);
  const back = await click(page, 'PageUp');
  expect(back).toEqual(seen[1]);
  expect(await click(page, 'ArrowLeft')).toEqual(seen[0]);
  for (let i = 0; i < 4; i++) await click(page, 'PageDown');

  // Large type: the page's text, the caption, and the cards' link state and offsets as drawn.
  const sizes = await page.evaluate(() => {
    const drawn = (sel: string) => {
      const el = document.querySelector(sel) as HTMLElement;
      const scale = el.getBoundingClientRect().width / el.offsetWidth;
      return Number.parseFloat(getComputedStyle(el).fontSize) * scale;
    };
    return {
      body: Number.parseFloat(getComputedStyle(document.body).fontSize),
      caption: Number.parseFloat(getComputedStyle(document.querySelector('.pc-text')!).fontSize),
      state: drawn('.node-card.role-slave .nc-state'),
      offset: drawn('.node-card .nc-v'),
    };
  });
  expect(sizes.body).toBeGreaterThanOrEqual(22);
  expect(sizes.caption).toBeGreaterThanOrEqual(28);
  expect(sizes.state, 'REPL_STATE_* as drawn').toBeGreaterThanOrEqual(20);
  expect(sizes.offset, 'offset as drawn').toBeGreaterThanOrEqual(26);
  // One panel beside the cluster: the teaching panel; the side panel (guide) is away.
  await expect(page.locator('.insights .tab-panel')).toBeVisible();
  await expect(page.locator('.side-wrap')).toBeHidden();
  await page.screenshot({ path: `${DIR}/present-en-1280.png` });
  await axe(page, 'presenter mode');

  // The single-letter actions are off: no write (W), no cut (X) on the selected replica.
  const offset = await offsetOfA(page);
  const t = await now(page);
  await page.keyboard.press('2'); // select B (selection is not an action)
  await page.keyboard.press('w');
  await page.keyboard.press('x');
  await page.keyboard.press('Escape'); // leaves presenter mode (the clicker's "stop" key)
  await expect(page.locator('html')).not.toHaveClass(/present/);
  await expect(page).not.toHaveURL(/present=1/);
  expect(await offsetOfA(page)).toBe(offset);
  expect(await now(page)).toBe(t);
  await expect(page.locator('.link-label.link-cut')).toHaveCount(0);

  // The toggle brings it back, and the address keeps it across a reload.
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/present=1/);
  await page.reload();
  await expect(play(page)).toBeEnabled({ timeout: 30_000 });
  await expect(page.locator('html')).toHaveClass(/present/);
  await expect(caption(page)).toBeVisible();
  // So does the share link (whose QR code the room can scan).
  await page.getByRole('button', { name: 'Share link' }).click();
  const share = page.getByRole('dialog');
  await expect(share).toBeVisible();
  expect(await share.getByRole('textbox').inputValue()).toMatch(/[?&]present=1(&|#|$)/);
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  await expect(page.locator('html')).toHaveClass(/present/);

  // B blanks the screen; any key brings it back (and does nothing else); so does "." and a click.
  // (A reload reopens the run where it was, paused: pause it either way.)
  if (await page.getByRole('button', { name: 'Pause', exact: true }).isVisible())
    await page.keyboard.press('Space');
  await expect(play(page)).toHaveAccessibleName('Play');
  const before = await now(page);
  await page.keyboard.press('b');
  const blank = page.locator('.present-blank');
  await expect(blank).toBeVisible();
  // Black even under the pointer (a button's hover grey had won: QA walk 4).
  await page.mouse.move(640, 360);
  await expect(blank).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await page.screenshot({ path: `${DIR}/present-en-blank.png` });
  await page.keyboard.press('PageDown');
  await expect(blank).toBeHidden();
  expect(await now(page)).toBe(before);
  await page.keyboard.press('.');
  await expect(blank).toBeVisible();
  await blank.click();
  await expect(blank).toBeHidden();
  expect(await offsetOfA(page)).toBeGreaterThanOrEqual(0);
});

test('presenter mode in zh: the "RDB loaded" caption in Chinese, the followed panel\'s tab in view', async ({
  page,
}) => {
  await open(page, '?lang=zh&present=1');
  await page.keyboard.press('Space');
  let text = '';
  for (let i = 0; i < 6 && !text.includes('已加载 RDB'); i++) text = (await click(page, 'PageDown')).caption;
  // Before: "B 已加载 RDB (0 keys)", the engine's English inside the Chinese caption.
  expect(text).toMatch(/^B 已加载 RDB（\d+ 个键）$/);
  const shown = await page.getByRole('tablist', { name: '正在发生什么' }).evaluate((el) => {
    const t = el.querySelector('[aria-selected="true"]')!.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    return t.left >= b.left - 1 && t.right <= b.right + 1;
  });
  expect(shown, 'the selected tab is inside the visible part of the list').toBe(true);
});

test('Space is play/pause after a button was clicked (not a second click of that button)', async ({
  page,
}) => {
  await open(page, '?scenario=b_short_drop_partial&lang=en&present=1');
  await page.keyboard.press('Space');
  await expect(play(page)).toHaveAccessibleName('Play');
  const step = page.getByRole('button', { name: 'One event forward' });
  await step.click();
  await expect(step).toBeFocused();
  const t = await now(page);
  await page.keyboard.press('Space');
  await expect(play(page)).toHaveAccessibleName('Pause');
  await page.keyboard.press('Space');
  await expect(play(page)).toHaveAccessibleName('Play');
  // The focused step button was not pressed by Space: playing moved time, a step would have paused.
  expect(await now(page)).toBeGreaterThanOrEqual(t);
  await expect(step).toBeFocused();
});

test('arrow keys step the time when a clicked tab has the focus', async ({ page }) => {
  await open(page, '?scenario=b_short_drop_partial&lang=en');
  await page.keyboard.press('Space');
  await expect(play(page)).toHaveAccessibleName('Play');
  const tabs = page.getByRole('tablist', { name: 'What is happening' });
  await tabs.getByRole('tab', { name: 'Backlog' }).click();
  const t = await now(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => now(page)).toBeGreaterThan(t);
  await expect(tabs.getByRole('tab', { name: 'Backlog' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'Backlog' })).toBeFocused();
  const t2 = await now(page);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => now(page)).toBeLessThan(t2);
  await expect(tabs.getByRole('tab', { name: 'Backlog' })).toHaveAttribute('aria-selected', 'true');
});

test('presenter mode with the lesson: the step is the caption, the clicker moves step by step', async ({
  page,
}) => {
  await page.goto('./?lang=en&lesson=27&chapter=1&present=1');
  const cap = caption(page);
  await expect(cap).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.lesson-panel')).toBeVisible();
  const first = (await cap.textContent()) ?? '';
  await expect(page.locator('.pc-sub')).toContainText('Chapter 1 · step 1/');
  // The clicker moves a step the lesson can leave (its chapter loaded: Next enabled).
  await expect(page.locator('.lesson-nav').getByRole('button', { name: /Next/ })).toBeEnabled({
    timeout: 20_000,
  });
  await page.keyboard.press('PageDown');
  await expect(page.locator('.pc-sub')).toContainText('Chapter 1 · step 2/');
  await expect(cap).not.toHaveText(first);
  await page.keyboard.press('PageUp');
  await expect(page.locator('.pc-sub')).toContainText('Chapter 1 · step 1/');
  await expect(cap).toHaveText(first);
  await page.screenshot({ path: `${DIR}/present-en-lesson.png` });
  await axe(page, 'presenter mode, lesson');
  // Esc leaves presenter mode first; the lesson stays open.
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/present/);
  await expect(page.locator('.lesson-panel')).toBeVisible();
  await expect(page).toHaveURL(/lesson=27/);
});

/** Open lesson 27 in presenter mode (en) at `where`; waits until the caption's key line says `step`. */
async function presentLesson(page: Page, where: string, step: string) {
  await page.goto(`./?lang=en&lesson=27&${where}&present=1`);
  const sub = page.locator('.pc-sub');
  await expect(sub).toContainText(step, { timeout: 60_000 });
  return sub;
}

test('presenter mode with the lesson, a clicker only: PageDown does the steps that wait for hands (a typed command, an answer) and walks the chapter to its end', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Chapter 2: REPLICAOF and CONFIG SET typed in B's console, waits, and a prediction.
  const sub = await presentLesson(page, 'chapter=2', 'Chapter 2 · step 1/11');
  await expect(sub).toContainText('an unfinished step is shown first');
  await expect(page.locator('.lesson-nav').getByRole('button', { name: /Next/ })).toBeEnabled({
    timeout: 30_000,
  });
  const where = async () => `${await sub.textContent()}|${await page.locator('.lesson-panel').textContent()}`;
  let revealed = false;
  // Steps 4–6 wait on the link B → A (PONG, AUTH, the wrong password): its panel is beside the lesson.
  const linkPanel = page.getByRole('heading', { name: 'Link B → A' });
  let linkShown = false;
  for (let press = 0; press < 40 && !(await sub.textContent())?.includes('step 11/11'); press++) {
    // Looked for before each press too: a reveal may render just after the change the poll saw, and
    // it stays until the next press.
    revealed ||= await page.locator('.lesson-reveal').isVisible();
    if (/step [456]\//.test((await sub.textContent()) ?? '')) {
      await expect(linkPanel).toBeVisible();
      if (!linkShown) await page.screenshot({ path: `${DIR}/present-en-lesson-link.png` });
      linkShown = true;
    }
    const before = await where();
    await page.keyboard.press('PageDown');
    // Every press changes something: the step, or the step done / the prediction revealed.
    await expect.poll(where, { timeout: 30_000 }).not.toBe(before);
    revealed ||= await page.locator('.lesson-reveal').isVisible();
  }
  await expect(sub).toContainText('Chapter 2 · step 11/11');
  expect(revealed, 'the prediction was revealed by the clicker').toBe(true);
  expect(linkShown, 'a step on the link showed the link panel').toBe(true);
  await expect(page.locator('.lesson-nav').getByRole('button', { name: /Next/ })).toBeEnabled({
    timeout: 30_000,
  });
  await page.screenshot({ path: `${DIR}/present-en-lesson-clicker.png` });
});

test('presenter mode with the lesson: a step the clicker did shows no "Step done · Next ↑" chip over the caption', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // QA walk 3: chapter 3's second cut, done by PageDown, put the phone's chip over the caption's
  // key line (the side column had scrolled B's actions into view); the clicker goes on by itself.
  await presentLesson(page, 'chapter=3&step=10', 'Chapter 3 · step 10/18');
  await page.keyboard.press('PageDown');
  // The clicker did it ("show me"): the panel says the lesson did the step, not the student.
  await expect(page.locator('.lesson-panel')).toContainText('The lesson did this step', {
    timeout: 30_000,
  });
  // Where the chip would show: Next scrolled out of the side column's view.
  await expect(page.locator('.lesson-nav .primary')).not.toBeInViewport();
  await page.waitForTimeout(500); // the chip showed on the observer's next callback
  await expect(page.locator('.lesson-next-cue')).toHaveCount(0);
});

test("presenter mode with the lesson: the caption stays on top of the teaching panel's tabs pushed under it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // QA walk 5: chapter 5's number question, revealed with its worked sum, pushed the panel's second
  // row of tabs under the caption, and the tabs (positioned) painted their words over its text.
  const sub = await presentLesson(page, 'chapter=5&step=9', 'Chapter 5 · step 9/17');
  await expect(page.locator('.lesson-predict')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('PageDown'); // revealed unanswered, with the arithmetic
  await expect(page.locator('.lesson-reveal')).toBeVisible({ timeout: 30_000 });
  await expect(sub).toContainText('step 9/17');
  const covered = await page.evaluate(() => {
    const cap = document.querySelector('.present-caption');
    const r = cap?.getBoundingClientRect();
    if (!cap || !r) return ['no caption'];
    const out: string[] = [];
    for (let x = r.left + 10; x < r.right; x += 40)
      for (const y of [r.top + 8, (r.top + r.bottom) / 2]) {
        const top = document.elementFromPoint(x, y);
        if (top && !cap.contains(top))
          out.push(`${Math.round(x)},${Math.round(y)}: ${top.textContent?.slice(0, 20)}`);
      }
    return out;
  });
  expect(covered, 'what paints over the caption').toEqual([]);
});

/** Whether `selector` (the last match) lies inside the teaching panel's visible part, above the caption. */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const panel = document.querySelector('.insights .tab-panel');
    const els = panel?.querySelectorAll(sel) ?? [];
    const el = els[els.length - 1];
    const cap = document.querySelector('.present-caption');
    if (!panel || !el || !cap) return false;
    const p = panel.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const bottom = Math.min(p.bottom, cap.getBoundingClientRect().top);
    return r.height > 0 && r.top >= p.top - 1 && r.bottom <= bottom + 1;
  }, selector);
}

test('presenter mode, clicker only: at each milestone what the panel says about it is in view (the +FULLRESYNC answer at 1280×720, the last full-sync stage at 1920×1080)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page, '?lang=en&present=1');
  await page.keyboard.press('Space');
  await expect(play(page)).toHaveAccessibleName('Play');
  // The default lab: B's handshake, A's +FULLRESYNC, B loaded; then the same for C.
  let c = await click(page, 'PageDown');
  for (let i = 0; i < 6 && !c.caption.includes('+FULLRESYNC'); i++) c = await click(page, 'PageDown');
  expect(c.caption).toContain('+FULLRESYNC');
  await expect(page.getByRole('tab', { name: 'PSYNC decision' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => inView(page, '.outcome'), { timeout: 15_000 }).toBe(true);
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (let i = 0; i < 6 && !c.caption.includes('loaded the RDB'); i++) c = await click(page, 'PageDown');
  expect(c.caption).toContain('loaded the RDB');
  await expect(page.getByRole('tab', { name: 'Full sync' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => inView(page, '.fs-stages li.done'), { timeout: 15_000 }).toBe(true);
  await page.screenshot({ path: `${DIR}/present-en-1920-loaded.png` });
});

test('presenter mode on a projector zoomed to 125 % (1024×576) and on 1920×1080: no sideways scroll', async ({
  page,
}) => {
  for (const [width, height] of [
    [1024, 576],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await open(page, '?scenario=f_failover_promote_partial&lang=zh&present=1');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await click(page, 'PageDown');
    await page.screenshot({ path: `${DIR}/present-zh-${width}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expect(caption(page)).toBeInViewport();
  }
});

for (const lang of ['zh', 'en'] as const) {
  test(`phone 390×844 (${lang}): hide-panels on one line, nothing under the time bar, a tapped node's details in view`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `?scenario=b_short_drop_partial&lang=${lang}`);
    const hide = page.getByRole('button', { name: lang === 'zh' ? '▾ 收起面板' : '▾ Hide panels' });
    const box = (await hide.boundingBox())!;
    const line = await hide.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect(box.height, 'one line, not a character per line').toBeLessThan(line * 1.6 + 16);
    expect(box.width).toBeGreaterThan(box.height);
    await hide.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DIR}/present-${lang}-phone-tabs.png` });

    // At the end of the page the last content sits above the time bar, and focus scrolling keeps clear of it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const clear = await page.evaluate(() => {
      const bar = document.querySelector('.timebar')!.getBoundingClientRect();
      const main = document.querySelector('.main')!.getBoundingClientRect();
      const pad = getComputedStyle(document.documentElement).scrollPaddingBottom;
      return { gap: bar.top - main.bottom, pad: Number.parseFloat(pad), bar: bar.height };
    });
    expect(clear.gap).toBeGreaterThanOrEqual(-1);
    expect(Math.abs(clear.pad - clear.bar)).toBeLessThanOrEqual(1); // the padding is set in whole px

    // Tap node B: its details (the side panel's heading) come into view, above the time bar.
    await page.getByRole('button', { name: new RegExp(`^${lang === 'zh' ? '节点' : 'Node'} B :`) }).click();
    const heading = page.getByRole('heading', { name: lang === 'zh' ? '节点 B' : 'Node B' });
    await expect(heading).toBeInViewport();
    const inView = await heading.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= document.querySelector('.timebar')!.getBoundingClientRect().top;
    });
    expect(inView).toBe(true);
    await page.screenshot({ path: `${DIR}/present-${lang}-phone-tap.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
}

test('presenter mode: PageDown past the last milestone says there is none ahead, in en and zh', async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const [lang, words] of [
    ['en', 'No milestone in the next 120 s'],
    ['zh', '接下来 120 秒虚拟时间内没有里程碑'],
  ] as const) {
    // The default lab: B and C attach (handshake, +FULLRESYNC, RDB loaded each), then nothing happens.
    await open(page, `?lang=${lang}&present=1`);
    const notices = page.getByRole('status', { name: /^(Notices|提示)$/ });
    for (let i = 0; i < 12 && !((await notices.textContent()) ?? '').includes(words); i++)
      await click(page, 'PageDown');
    await expect(notices).toContainText(words);
    // The time moved on by the search's span, and the notice says to where.
    await expect(notices).toContainText(`t = ${((await now(page)) / 1e6).toFixed(3)}`);
  }
});
