// Hardening: what a student can paste, load or break. Bad #run= links (cut short, too long,
// another version, script injection in string fields) are stated and leave the run on screen as it
// was, with nothing executed (a `dialog` listener and a page-error listener watch); a worker that
// dies mid-run shows the fault, and its reproduction link brings the run back; an action on a
// node that is down says which node and which action.
import type { Page } from '@playwright/test';
import { console_, expect, nodeTab, now, open, runUntil, selectNode, test } from './fixtures.ts';

const card = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^Node ${name} :`) });

/** Encode a run record (or any JSON text) as the lab's #run= does: deflate-raw, base64url. */
async function encode(page: Page, json: string): Promise<string> {
  return page.evaluate(async (text) => {
    const out = new Blob([new TextEncoder().encode(text)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(out).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  }, json);
}

async function burst(page: Page, node: string, n: number): Promise<void> {
  await selectNode(page, node);
  await nodeTab(page, 'Actions');
  await page.getByRole('spinbutton', { name: 'Writes', exact: true }).fill(String(n));
  await page.getByRole('button', { name: 'Burst' }).click();
}

const INJECT = '<img src=x onerror="window.__pwned=1;alert(1)">';

test('bad #run= links: a clear message, the run on screen intact, nothing executed', async ({ page }) => {
  // Six bad links, each checked four ways: ~35 s on a quiet 2-core machine, over 60 s when it is busy.
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await open(page);
  await runUntil(page, 500_000);
  await burst(page, 'A', 7);
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 7 keys$/);
  const t0 = await now(page);

  // A hand-made record carries its node starts, as every recorded run does (run format 2).
  const good = {
    engineVersion: 2,
    seed: 2,
    setup: { nodes: [{ name: 'A', replicaof: null }] },
    inputs: [
      { at: 30_000, input: { type: 'start', node: 'A' } },
      { at: 40_000, input: { type: 'write', node: 'A', count: 1 } },
    ],
  };
  const goodText = await encode(page, JSON.stringify(good));
  const bad: [string, string, RegExp][] = [
    ['cut short', goodText.slice(0, goodText.length - 7), /not a run this lab wrote/],
    ['too long', 'A'.repeat(300_000), /too long \(300000 characters/],
    [
      'another version',
      await encode(page, JSON.stringify({ ...good, engineVersion: 99 })),
      /another version/,
    ],
    [
      'injection in a node name',
      await encode(page, JSON.stringify({ ...good, setup: { nodes: [{ name: INJECT, replicaof: null }] } })),
      /not a valid run: setup\.nodes\.0\.name/,
    ],
    [
      'injection in the scenario name',
      await encode(page, JSON.stringify({ ...good, scenario: INJECT })),
      /not a valid run: scenario/,
    ],
    [
      'injection in an input type',
      await encode(
        page,
        JSON.stringify({ ...good, inputs: [{ at: 1, input: { type: INJECT, node: 'A' } }] }),
      ),
      /not a valid run: inputs\.0\.input/,
    ],
  ];
  const alerts = page.getByRole('alert', { name: 'Errors' });
  for (const [what, text, message] of bad) {
    await page.evaluate((h) => {
      location.hash = h;
    }, `#run=${text}`);
    await expect(alerts, what).toContainText(message);
    await expect(alerts, what).toContainText('the run on screen is unchanged');
    await expect(card(page, 'A'), what).toHaveAccessibleDescription(/, 7 keys$/);
    expect(await now(page), what).toBe(t0);
    await page.evaluate(() => {
      location.hash = '';
    });
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a bad #run= link in the Chinese page is explained in Chinese (the English reason inside before)', async ({
  page,
}) => {
  await page.goto('./?lang=zh#run=garbage!!');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    '无法打开分享的运行（#run= 部分不是本实验生成的运行（链接被截断或改动过？））',
  );
  await expect(alert).not.toContainText('not a run');
  await expect(page.getByRole('button', { name: /^(暂停|播放)$/ })).toBeEnabled();
});

test('injection typed as data stays text: a run whose command carries markup loads and shows it as text', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await open(page);
  const rec = {
    engineVersion: 2,
    seed: 1,
    setup: { nodes: [{ name: 'A', replicaof: null }], config: { requirepass: INJECT } },
    inputs: [
      { at: 30_000, input: { type: 'start', node: 'A' } },
      { at: 200_000, input: { type: 'command', node: 'A', argv: ['ECHO', INJECT] } },
    ],
  };
  await page.goto(`./?lang=en#run=${await encode(page, JSON.stringify(rec))}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await runUntil(page, 400_000);
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  // Shown as redis-cli prints it (quoted, escaped), as text: the markup is not parsed.
  await expect(page.getByRole('log', { name: /console/i })).toContainText(
    'ECHO "<img src=x onerror=\\"window.__pwned=1;alert(1)\\">"',
  );
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a worker that dies mid-run: the fault is shown, and the reproduction link restores the run', async ({
  page,
  guard,
}) => {
  await open(page);
  await runUntil(page, 500_000);
  await burst(page, 'A', 7);
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 7 keys$/);
  await selectNode(page, 'B');
  await page.getByRole('button', { name: 'Cut link B → A' }).click();
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toBeVisible();
  await page.evaluate(() =>
    (window as unknown as { psyncLab: { controller: { die(ms: number): void } } }).psyncLab.controller.die(
      1000,
    ),
  );
  const fault = page.getByRole('alert').filter({ hasText: 'The simulation stopped' });
  await expect(fault).toBeVisible();
  await expect(fault).toContainText("no reply to 'debug-die' in 1 s");
  const link = fault.getByRole('link', { name: 'Reproduction link' });
  await expect(link).toHaveAttribute('href', /#run=[A-Za-z0-9_-]+$/);
  const href = (await link.getAttribute('href'))!;
  // Reload the reproduction link in a fresh page load: the run (the burst, the cut) is back.
  await page.goto('about:blank');
  await page.goto(href);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await runUntil(page, 1_500_000);
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 7 keys$/);
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toBeVisible();
  guard.errors.length = 0; // the dead worker's fault is the point of this test
});

test('an action on a node that is down names the node and the action', async ({ page }) => {
  await open(page);
  await runUntil(page, 500_000);
  await selectNode(page, 'B');
  await nodeTab(page, 'Actions');
  await page.getByRole('button', { name: 'SHUTDOWN NOSAVE', exact: true }).click();
  await expect(card(page, 'B')).toHaveClass(/run-down/);
  await page.getByRole('button', { name: 'CONFIG SET repl-timeout on B' }).click();
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText(
    'B (CONFIG SET repl-timeout 60): ERR Could not connect to Redis: Connection refused',
  );
  // The console says it the redis-cli way, and a blocked WAIT says what it waits for.
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', 'SET k v');
  await console_(page, 'A', 'WAIT 2 500');
  const log = page.getByRole('log', { name: /console/i });
  await expect(log).toContainText(
    /\(blocked\) WAIT 2 500: waiting for 2 replicas to acknowledge offset \d+ \(0 so far, timeout 500 ms\)/,
  );
  // B is down: the timeout answers with the one replica (C) that acknowledged.
  await runUntil(page, (await now(page)) + 1_000_000);
  await expect(log).toContainText(
    /timeout 500 ms\)127\.0\.0\.1:7101> WAIT 2 500\(integer\) 1WAIT answered fewer/,
  );
});

test('a command or parameter Redis has and the lab leaves out is said so, with a why card', async ({
  page,
}) => {
  await open(page);
  await runUntil(page, 500_000);
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', 'GEOADD places 13.36 38.11 palermo');
  await console_(page, 'A', 'CONFIG SET maxmemory 1mb');
  await console_(page, 'A', 'GEOADDX k');
  const log = page.getByRole('log', { name: /console/i });
  await expect(log).toContainText(
    "(error) ERR 'GEOADD' is a Redis 7.0 command that PSYNC Lab does not run (it runs replication and the common data commands)Redis has this; the lab leaves it out",
  );
  await expect(log).toContainText(
    "(error) ERR CONFIG SET 'maxmemory' is a Redis 7.0 parameter that PSYNC Lab does not model",
  );
  // A name Redis does not have either keeps Redis's own answer and no card.
  await expect(log).toContainText("(error) ERR unknown command 'GEOADDX', with args beginning with: 'k' ");
  await expect(log.getByText('Redis has this; the lab leaves it out')).toHaveCount(2);
  // Dark ink on the card's light yellow (it inherited the console's light text: unreadable).
  await expect(log.getByRole('complementary').first()).toHaveCSS('color', 'rgb(17, 24, 39)');
});
