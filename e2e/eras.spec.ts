// Protocol eras in the page (issue 11): an older era's scenario plays with that era's rules, and
// the decision panel says which rules decided and that they are modelled from the Redis source.
import { expect, finishScenario, insight, open, test } from './fixtures.ts';

test('a replica restart: +CONTINUE under PSYNC2, a full sync under PSYNC1 and SYNC', async ({ page }) => {
  const outcome = async (era: string) => {
    await open(page, `?scenario=era_replica_restart_rdb_${era}&lang=en`);
    await finishScenario(page, 3_000_000);
    await insight(page, 'PSYNC decision');
    return page.getByRole('tabpanel');
  };
  const p2 = await outcome('psync2');
  await expect(p2.getByRole('status')).toContainText('+CONTINUE');
  await expect(p2.getByText(/modelled from the Redis source/)).toHaveCount(0);

  const p1 = await outcome('psync1');
  await expect(p1.getByRole('status')).toContainText('+FULLRESYNC');
  await expect(
    p1.getByText(/Redis 2\.8–3\.2 rules \(PSYNC1\), modelled from the Redis source/),
  ).toBeVisible();
  await expect(p1.getByText(/no cached master/)).toBeVisible();

  const s = await outcome('sync');
  await expect(s.getByRole('heading')).toContainText('SYNC');
  await expect(s.getByRole('status')).toContainText('full transfer');
  await expect(s.getByText(/Redis ≤ 2\.6 rules \(SYNC\)/)).toBeVisible();
});

test('zh: the era line is in Chinese', async ({ page }) => {
  await open(page, '?scenario=era_short_reconnect_sync&lang=zh');
  await finishScenario(page, 3_000_000);
  await page.getByRole('tab', { name: /PSYNC/ }).first().click();
  await expect(page.getByRole('tabpanel').getByText(/依 Redis 源码建模/)).toBeVisible();
});

test('an older era shows its own words: title, story, runid on the cards, and no backlog before 2.8', async ({
  page,
}) => {
  await open(page, '?scenario=era_short_reconnect_sync&lang=en');
  await expect(page.getByRole('heading', { name: 'Short reconnect · SYNC (Redis ≤ 2.6)' })).toBeVisible();
  const card = page.locator('.node-card[data-node="A"]');
  await expect(card).toContainText('runid');
  await expect(card).not.toContainText('replid');
  await finishScenario(page, 3_000_000);
  await insight(page, 'Backlog');
  await expect(page.getByRole('tabpanel')).toContainText('Redis ≤ 2.6 keeps no backlog');
  // PSYNC1 has a backlog (a ring: the 7.0 block list is not offered).
  await open(page, '?scenario=era_short_reconnect_psync1&lang=zh');
  await expect(page.getByRole('heading', { name: '短暂断线重连 · PSYNC1（Redis 2.8–3.2）' })).toBeVisible();
  await expect(page.getByText(/replicationCacheMaster 保留了主库/)).toBeVisible();
  await finishScenario(page, 3_000_000);
  await page
    .getByRole('tab', { name: /backlog/ })
    .first()
    .click();
  await expect(page.getByRole('img', { name: /Backlog ring|backlog 环/ })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('checkbox')).toHaveCount(0);
});
