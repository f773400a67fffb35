// Offline after the first visit (src/offline/sw.ts): the built lab, served by a small static server
// whose folder the test can swap, goes offline and still reloads and plays a scenario; a changed
// build then replaces the cached one (new cache name, old cache deleted, the new page served online
// at once and offline afterwards) — the cache never holds a stale engine.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { builtFiles, cacheName, writeServiceWorker } from '../scripts/build/offline.ts';
import { expect, finishScenario, insight, open, test } from './fixtures.ts';

const PORT = 4327;
const DIST = join(import.meta.dirname, '..', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let root = '';
/** Paths the server was asked for: none may be asked for while the browser is offline. */
let served: string[] = [];
let server: Server;
const tmp = mkdtempSync(join(tmpdir(), 'psync-offline-'));

test.use({ baseURL: `http://127.0.0.1:${PORT}/` });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
});

test.afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after one visit the lab reloads and plays offline; a new build replaces the cache', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // Build A: the real build. Its cache name is what the plugin derived from its files.
  const a = join(tmp, 'a');
  cpSync(DIST, a, { recursive: true });
  const cacheA = cacheName(a, builtFiles(a));
  expect(readFileSync(join(a, 'sw.js'), 'utf8')).toContain(cacheA);
  root = a;

  await open(page, '?lang=en');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => cacheNames(page)).toEqual([cacheA]);

  // Offline: a reload and another scenario come from the cache, and the scenario plays to its end.
  await context.setOffline(true);
  served = [];
  await page.reload();
  await open(page, '?scenario=b_short_drop_partial&lang=en');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await finishScenario(page);
  await insight(page, 'PSYNC decision');
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('+CONTINUE');
  expect(served, 'requests that reached the server while offline').toEqual([]);

  // Build B: A with one file changed (as a changed engine changes index.html's asset names).
  const b = join(tmp, 'b');
  cpSync(a, b, { recursive: true });
  const html = readFileSync(join(b, 'index.html'), 'utf8').replace(
    '<head>',
    '<head><meta name="build" content="B">',
  );
  writeFileSync(join(b, 'index.html'), html);
  const cacheB = writeServiceWorker(b).cache;
  expect(cacheB).not.toBe(cacheA);
  root = b;

  // Online again: the very first load is already B (index.html goes to the network first), the
  // new worker takes over and deletes A's cache.
  await context.setOffline(false);
  await open(page, '?lang=en');
  await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'B');
  await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toEqual([cacheB]);

  // Offline: B, from B's cache.
  await context.setOffline(true);
  served = [];
  await open(page, '?scenario=c_backlog_overflow_full&lang=en');
  await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'B');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('c_backlog_overflow_full');
  expect(served, 'requests that reached the server while offline').toEqual([]);
});
