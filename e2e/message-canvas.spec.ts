// The bulk messages (the write stream, ACKs) are painted on one canvas — by the draw worker where
// the browser has OffscreenCanvas, else on the page — and hit-tested on the page with the same
// geometry: a click where a dot is painted opens that message's RESP bytes. The dot is found in a
// screenshot (what the user sees), not from the page's own numbers.

import { stressRun } from '../bench/ui-scene.ts';
import { encodeRun } from '../src/store/url.ts';
import { expect, open, runUntil, test } from './fixtures.ts';

/** The centre of the first blob of the stream's blue (#1d4ed8) in a PNG, in CSS pixels of the image. */
async function blueBlob(
  page: import('@playwright/test').Page,
  png: Buffer,
): Promise<{ x: number; y: number } | null> {
  // Decoded in the page (no PNG decoder here); passed as text: the test's transform adds helpers
  // the page does not have.
  return page.evaluate(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString('base64'))}), (c) => c.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data, width, height } = g.getImageData(0, 0, img.width, img.height);
    const blue = (i) => Math.abs(data[i] - 29) < 40 && Math.abs(data[i + 1] - 78) < 40 && Math.abs(data[i + 2] - 216) < 40;
    let start = -1;
    for (let p = 0; p < width * height && start < 0; p++) if (blue(p * 4)) start = p;
    if (start < 0) return null;
    // Flood fill (8-connected) from the first blue pixel: a dot, or a label's ring around its dot.
    const seen = new Uint8Array(width * height);
    const todo = [start];
    seen[start] = 1;
    let sx = 0, sy = 0, n = 0;
    while (todo.length) {
      const p = todo.pop();
      const x = p % width, y = (p - x) / width;
      sx += x; sy += y; n++;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy, q = ny * width + nx;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height || seen[q] || !blue(q * 4)) continue;
        seen[q] = 1;
        todo.push(q);
      }
    }
    return { x: sx / n, y: sy / n };
  })()`);
}

for (const where of ['the draw worker', 'the page (no OffscreenCanvas)'])
  test(`a write-stream dot painted by ${where} opens its RESP bytes when clicked`, async ({ page }) => {
    if (where !== 'the draw worker')
      await page.addInitScript(() => {
        delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
      });
    // Reduced motion: messages wait mid-lane, so the picture holds still while it is searched.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, `?lang=en#run=${await encodeRun(stressRun(10))}`);
    await runUntil(page, 2_500_000);
    const canvas = page.locator('.cluster-stage canvas.bulk');
    const box = await canvas.boundingBox();
    expect(box).not.toBeNull();
    const at = await blueBlob(page, await canvas.screenshot());
    expect(at, 'a stream dot is painted').not.toBeNull();
    await page.mouse.click((box?.x ?? 0) + (at?.x ?? 0), (box?.y ?? 0) + (at?.y ?? 0));
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('\\r\\n');
  });

test("a protocol message's label passing a link's state pill is on top of it, readable", async ({ page }) => {
  // QA walk 3: on the short link B → A, "REPLCONF listening-port 7102" went half under "handshake".
  // Reduced motion: a message waits mid-lane, where the pill is, so the two meet for sure.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, '?lang=en&scenario=b2_several_replicas');
  const onTop = () =>
    page.evaluate(() => {
      const boxes = (sel: string) =>
        [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
      for (const m of boxes('button.msg'))
        for (const p of boxes('button.link-label')) {
          const [l, r] = [Math.max(m.left, p.left), Math.min(m.right, p.right)];
          const [t, b] = [Math.max(m.top, p.top), Math.min(m.bottom, p.bottom)];
          if (r - l < 4 || b - t < 4) continue;
          const hit = document.elementFromPoint((l + r) / 2, (t + b) / 2);
          return hit?.closest('.msg')
            ? 'message label'
            : hit?.closest('.link-label')
              ? 'state pill'
              : 'other';
        }
      return 'no overlap yet';
    });
  await expect.poll(onTop, { timeout: 20_000, intervals: [50] }).toBe('message label');
});
