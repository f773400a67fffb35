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
