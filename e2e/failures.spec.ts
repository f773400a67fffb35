// The replication failures people hit, shown in the lab with their why cards (issue 10, item 3):
// acknowledged writes lost in a failover beside WAIT's answer, an expired key read on a replica,
// and the full-sync loop of an output buffer over its limit.
import type { Page } from '@playwright/test';
import {
  expect,
  finishScenario,
  insight,
  nodeTab,
  open,
  runUntil,
  scenarioSteps,
  selectNode,
  test,
} from './fixtures.ts';

test('acknowledged but lost: the counter, WAIT beside it, and the card', async ({ page }) => {
  await open(page, '?scenario=pd_acked_writes_lost_failover&lang=en');
  await finishScenario(page, 3_000_000);
  const note = page.getByRole('status').filter({ hasText: 'acknowledged but lost' });
  await expect(note).toContainText('acknowledged but lost: 2');
  // As real Redis answered in the recorded trace: only B acknowledged (the page plays the same ops).
  await expect(note).toContainText(/last WAIT on A: 1 of 2 replicas/);
  await note.getByText('Acknowledged, then lost').click();
  await expect(note.getByText(/Redis replication is asynchronous/)).toBeVisible();
});

test('an expired key read on a replica: nil, still counted, and the card says why', async ({ page }) => {
  await open(page, '?scenario=pc_expired_key_on_replica&lang=en');
  const steps = scenarioSteps(page);
  // The step that reads on B while A is frozen (the 6th).
  await steps.getByRole('button').nth(5).click();
  await runUntil(page, (await stepTime(page, 5)) + 100_000, 2);
  await selectNode(page, 'B');
  await nodeTab(page, 'Console');
  await expect(page.getByText('nil on the replica, yet the key is still there').first()).toBeVisible();
});

test('the full-sync loop: the decision card names the output-buffer limit', async ({ page }) => {
  await open(page, '?scenario=pa_obuf_full_sync_loop&lang=en');
  await finishScenario(page, 6_000_000);
  await insight(page, 'PSYNC decision');
  const panel = page.getByRole('tabpanel');
  for (
    let i = 0;
    i < 6 && !(await panel.getByText(/closed this replica for its output buffer/).isVisible());
    i++
  )
    await panel.getByRole('button', { name: 'Previous decision' }).click();
  await expect(panel.getByText(/closed this replica for its output buffer/)).toBeVisible();
});

async function stepTime(page: Page, k: number): Promise<number> {
  const steps = scenarioSteps(page);
  const text = await steps.getByRole('button').nth(k).textContent();
  return Number(/@ (\d+\.\d+) s/.exec(text ?? '')?.[1] ?? '0') * 1e6;
}
