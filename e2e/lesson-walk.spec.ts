// The whole of lesson 27 walked as a newcomer would, in zh and in en: from the first screen's
// "Start lesson 27" to the last step, every step finished by the engine (show me / skip to it),
// every prediction answered (the first one wrong, the rest right, each revealed by the master's
// decision), a screenshot of every chapter, Next from the keyboard (→, Enter, PageDown), a detour
// back and forth, axe on the lesson screens, and the checklist at 20/20 at the end. Then the share
// link of a lesson position reopens the same run at the same step, and Esc leaves at that moment.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, now, test } from './fixtures.ts';

const panel = (page: Page) => page.locator('.lesson-panel');

const L = {
  en: {
    start: 'Start lesson 27',
    next: 'Next →',
    show: /^(Show me|Skip to it)$/,
    right: 'Right',
    wrong: 'Not quite',
    reveal: 'Reveal',
    answer: 'Your answer',
    finished: 'Lesson 27 done!',
    checklist: 'Checklist 20/20',
    step: (k: number, n: number) => `Step ${k} of ${n}`,
  },
  zh: {
    start: '开始第 27 课',
    next: '下一步 →',
    show: /^(演示给我看|跳到该事件)$/,
    right: '答对了',
    wrong: '不对',
    reveal: '揭晓',
    answer: '你的答案',
    finished: '第 27 课完成！',
    checklist: '要点清单 20/20',
    step: (k: number, n: number) => `第 ${k} 步，共 ${n} 步`,
  },
} as const;

/** The engine's answers, in lesson order (tests/lesson.test.ts settles the same ones headless). */
const RIGHT = [
  'FULLRESYNC',
  'CONTINUE',
  'offset-before-backlog',
  'FULLRESYNC',
  'FULLRESYNC',
  '903',
  '904',
  'CONTINUE',
  'offset-before-backlog',
  'CONTINUE',
];

async function axe(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(300);
  const r = await new AxeBuilder({ page }).analyze();
  const summary = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations (${what})`).toEqual([]);
}

/** "Step 3 of 7" → [3, 7]. */
async function position(page: Page): Promise<[number, number]> {
  const text = (await panel(page).locator('.lesson-progress span').first().textContent()) ?? '';
  const [k, n] = (text.match(/\d+/g) ?? ['0', '0']).map(Number);
  return [k, n];
}

/** Answer the prediction on screen: the first one of the walk wrong, the others right. */
async function answer(page: Page, lang: 'en' | 'zh', index: number): Promise<void> {
  const p = panel(page);
  const box = p.locator('.lesson-predict');
  const right = RIGHT[index];
  const field = box.getByLabel(L[lang].answer);
  if (await field.isVisible()) {
    await field.fill(right);
    await box.getByRole('button', { name: L[lang].reveal }).click();
  } else if (index === 0) await box.getByRole('button', { name: '+CONTINUE' }).click();
  else if (right === 'CONTINUE' || right === 'FULLRESYNC')
    await box.getByRole('button', { name: `+${right}`, exact: true }).click();
  else await box.getByRole('button', { name: new RegExp(`^${right} `) }).click();
  await expect(p.locator('.lesson-reveal')).toContainText(index === 0 ? L[lang].wrong : L[lang].right, {
    timeout: 30_000,
  });
}

const KEYS = ['ArrowRight', 'Enter', 'PageDown'] as const;

async function walk(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const p = panel(page);
  const next = p.getByRole('button', { name: L[lang].next });
  let predictions = 0;
  let presses = 0;
  let detoured = false;
  for (let chapter = 1; chapter <= 6; chapter++) {
    // A new chapter's run loads: wait for its first step.
    await expect.poll(async () => (await position(page))[0], { timeout: 30_000 }).toBe(1);
    for (;;) {
      const [k, n] = await position(page);
      const show = p.getByRole('button', { name: L[lang].show });
      if (await show.isVisible()) await show.click({ timeout: 2000 }).catch(() => {});
      // Either a prediction is asked or the step is done (Next enabled).
      const predict = p.locator('.lesson-predict');
      await expect(predict.or(next.and(p.locator('button:enabled'))).first()).toBeVisible({
        timeout: 30_000,
      });
      if (await predict.isVisible()) {
        if (predictions === 0) await axe(page, `${lang}: a prediction asked`);
        await answer(page, lang, predictions++);
      }
      await expect(next)
        .toBeEnabled({ timeout: 30_000 })
        .catch(async (e) => {
          await page.screenshot({ path: `test-results/walk-stuck-${lang}.png` });
          throw new Error(`stuck at chapter ${chapter} step ${k}/${n}: ${await p.textContent()}\n${e}`);
        });
      if (k === n) {
        // The chapter's last step: what it built is on screen.
        await page.screenshot({ path: `e2e/screenshots/walk-${lang}-ch${chapter}.png` });
        if (chapter === 4) await axe(page, `${lang}: chapter 4's end`);
      }
      if (chapter === 3 && k === 4 && !detoured) {
        // Back and forth with the keyboard: ← seeks to when the previous step began.
        detoured = true;
        const t = await now(page);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => position(page)).toEqual([3, n]);
        await expect.poll(() => now(page)).toBeLessThan(t);
        await page.keyboard.press('PageUp');
        await expect.poll(() => position(page)).toEqual([2, n]);
        continue; // walk steps 2… again
      }
      // Enter on a focused button would press that button: the keys go to the page itself.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press(KEYS[presses++ % KEYS.length]);
      if (k === n) break;
      await expect.poll(() => position(page)).toEqual([k + 1, n]);
    }
  }
  await expect(p.getByText(L[lang].finished)).toBeVisible({ timeout: 30_000 });
  expect(predictions).toBe(RIGHT.length);
  const checklist = p.locator('.lesson-checklist');
  await expect(checklist.locator('summary')).toHaveText(L[lang].checklist);
  await checklist.locator('summary').click();
  await expect(checklist.locator('li.done')).toHaveCount(20);
  await page.screenshot({ path: `e2e/screenshots/walk-${lang}-finished.png` });
  await axe(page, `${lang}: the lesson finished, checklist open`);
}

for (const lang of ['en', 'zh'] as const)
  test(`the whole lesson in ${lang}: first screen to the last step, all 20 points ticked`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    await page.goto(`./?lang=${lang}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: L[lang].start }).click();
    await expect(panel(page).locator('.lesson-caption')).toBeVisible({ timeout: 20_000 });
    await walk(page, lang);
  });

test('a lesson position shared: the link reopens the same run at the same step; Esc leaves at that moment', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./?lang=en&lesson=27&chapter=3&step=10');
  const p = panel(page);
  await expect(p.locator('.lesson-caption')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => position(page), { timeout: 30_000 }).toEqual([10, 18]);
  const t = await now(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this run' }).inputValue();
  expect(link).toMatch(/lesson=27&chapter=3&step=10#run=[A-Za-z0-9_-]+&starts=\d+(\.\d+){9}$/);
  await page.keyboard.press('Escape');
  // Through a blank page, so the link really loads (a hash-only change stays in the document).
  await page.goto('about:blank');
  await page.goto(link);
  await expect(p.locator('.lesson-caption')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => position(page), { timeout: 30_000 }).toEqual([10, 18]);
  expect(await now(page)).toBe(t);
  // Back is still a seek into the shared run (step 9, the +CONTINUE told, then step 8, the prediction).
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => position(page)).toEqual([9, 18]);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => position(page)).toEqual([8, 18]);
  await expect.poll(() => now(page)).toBeLessThan(t);
  // Esc: the free lab at this very moment (step 8 asks a prediction: the run is paused there).
  await expect(p.locator('.lesson-predict')).toBeVisible({ timeout: 30_000 });
  const here = await now(page);
  await page.keyboard.press('Escape');
  await expect(p).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
  expect(await now(page)).toBe(here);
});

test('bad lesson addresses: a clear message and the lesson start', async ({ page }) => {
  for (const [q, msg] of [
    ['?lang=en&lesson=27&chapter=abc', "ERR invalid chapter 'abc'"],
    ['?lang=en&lesson=27&chapter=2&step=99', 'ERR no step 99 in chapter 2'],
    ['?lang=zh&lesson=7', "ERR unknown lesson '7'"],
  ] as const) {
    await page.goto(`./${q}`);
    await expect(panel(page).getByRole('alert')).toContainText(msg, { timeout: 20_000 });
    await expect(panel(page).locator('.lesson-caption')).toBeVisible();
    const [k] = await position(page);
    expect(k).toBe(1);
  }
});
