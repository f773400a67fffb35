// The one offline file (npm run build:single → dist-single/psync-lab.html): opened from file://
// with the network off and every request that is not the file itself (or its own blob:/data:
// URLs) blocked, it lists every scenario, opens each, and plays two to their end — with no page
// error, no console error and no Content-Security-Policy violation (its policy allows exactly its
// own inline script and style, by hash, and a blob: worker).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { finishScenario, insight, watchCsp } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '..');
const FILE = join(ROOT, 'dist-single', 'psync-lab.html');
const SCENARIOS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const PLAYABLE = /^(Pause|Play)$/;

test('psync-lab.html opens from file:// offline and plays every scenario', async ({ page, context }) => {
  test.skip(!existsSync(FILE), 'run `npm run build:single` first (npm test does)');
  test.setTimeout(180_000);
  const url = pathToFileURL(FILE).href;
  const problems: string[] = [];
  const requested: string[] = [];
  await watchCsp(page, (v) => problems.push(`csp: ${v}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.split(/[?#]/)[0] === url || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    requested.push(u);
    return route.abort('blockedbyclient');
  });
  await context.setOffline(true);

  await page.goto(`${url}?lang=en`);
  await expect(page.getByRole('button', { name: PLAYABLE })).toBeEnabled();
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  // Every scenario is inside the file: listed, and each one opens.
  await expect(picker.locator('option')).toHaveCount(SCENARIOS.length + 1);
  for (const name of SCENARIOS) {
    await picker.selectOption(name);
    await expect(page).toHaveURL(new RegExp(`scenario=${name}&`));
    await expect(page.getByRole('button', { name: PLAYABLE })).toBeEnabled();
  }
  await expect(page.getByRole('alert', { name: 'Errors' })).toBeEmpty();

  // Two played to their end: a short drop ends in +CONTINUE, a backlog overflow in +FULLRESYNC.
  for (const [name, outcome] of [
    ['b_short_drop_partial', '+CONTINUE'],
    ['c_backlog_overflow_full', '+FULLRESYNC'],
  ] as const) {
    await page.goto(`${url}?scenario=${name}&lang=en`);
    await expect(picker).toHaveValue(name);
    await finishScenario(page, 3_000_000);
    await insight(page, 'PSYNC decision');
    const panel = page.getByRole('tabpanel').filter({ hasText: 'B → A: PSYNC' });
    await expect(panel.getByRole('status')).toContainText(outcome);
  }
  expect(requested, 'requests other than the file itself').toEqual([]);
  expect(problems).toEqual([]);
});
