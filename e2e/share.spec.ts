// Share by QR: the share dialog shows the link (also copied) and a QR code of it drawn in the page,
// big enough for a projector; the code is decoded here (jsQR) and must give back the very link,
// for a published scenario and for a run that carries its actions (#run=). The dialog is saved
// as e2e/screenshots/share-dialog-{en,zh}.png to be looked at.
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { expect, now, open, runFor, runUntil, selectNode, test } from './fixtures.ts';

/** Decodes the QR code shown by `qr`, on a blank page of its own (no CSP there for a data: image). */
async function decode(page: Page, qr: Locator): Promise<string | null> {
  const png = (await qr.screenshot()).toString('base64');
  const blank = await page.context().newPage();
  try {
    const { width, height, pixels } = await blank.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height);
      return { width: d.width, height: d.height, pixels: Array.from(d.data) };
    }, `data:image/png;base64,${png}`);
    return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data ?? null;
  } finally {
    await blank.close();
  }
}

async function openShare(
  page: Page,
  button: string,
  title: string,
): Promise<{ dialog: Locator; link: string }> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByRole('textbox').inputValue();
  return { dialog, link };
}

test('the share dialog shows the link and a QR code that decodes to it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?scenario=b_short_drop_partial&seed=3&lang=en');
  let { dialog, link } = await openShare(page, 'Share link', 'Share this run');
  expect(link).toMatch(/\?scenario=b_short_drop_partial&seed=3&lang=en$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const qr = dialog.getByRole('img', { name: 'QR code of the link' });
  await expect(qr).toBeVisible();
  // At 1280×720 the code is 60vmin = 432 px: ~10 px a module for a version-4 code, fine for a projector.
  expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(400);
  expect(await decode(page, qr)).toBe(link);
  await dialog.screenshot({ path: 'e2e/screenshots/share-dialog-en.png' });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  // A run with actions: the link carries them, and the code still decodes to the whole link.
  await runUntil(page, 500_000);
  await selectNode(page, 'A');
  await page.getByRole('spinbutton', { name: 'Writes', exact: true }).fill('7');
  await page.getByRole('button', { name: 'Burst' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  ({ dialog, link } = await openShare(page, '分享链接', '分享这次运行'));
  expect(link).toMatch(/#run=/);
  expect(await decode(page, dialog.getByRole('img', { name: '链接的二维码' }))).toBe(link);
  await dialog.screenshot({ path: 'e2e/screenshots/share-dialog-zh.png' });
});

test('a run link opens paused at the moment it was shared (&t=); a bad t= is stated', async ({
  page,
  context,
}) => {
  await open(page, '?lang=en');
  await runUntil(page, 1_200_000);
  await selectNode(page, 'A');
  await page.getByRole('spinbutton', { name: 'Writes', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Burst' }).click();
  await runFor(page, 600_000);
  const at = await now(page);
  const { link } = await openShare(page, 'Share link', 'Share this run');
  const ms = Number(/#run=[\w-]+&t=(\d+)$/.exec(link)?.[1]);
  expect(ms).toBe(Math.floor(at / 1000));

  const other = await context.newPage();
  await other.goto(link);
  await expect.poll(() => now(other)).toBe(ms * 1000);
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible();

  const bad = link.replace(/&t=\d+$/, '&t=soon');
  const third = await context.newPage();
  await third.goto(bad);
  await expect(third.getByText("ERR the link's t=soon is not a time in ms")).toBeVisible();
  expect(await now(third)).toBeLessThan(ms * 1000);
});
