// The teaching panels, driven by the public scenarios: the PSYNC decision with its checks and why
// cards, the backlog ring and 7.0 block list, offsets with the chart, the full sync stages, and a
// node's INFO, data and log.
import type { Page } from '@playwright/test';
import {
  cardValues,
  console_,
  expect,
  finishScenario,
  insight,
  nodeTab,
  open,
  pause,
  runFor,
  runUntil,
  selectNode,
  test,
} from './fixtures.ts';

/** Browse the decisions backwards until one shows `text` (a why card, an outcome). */
async function findDecision(page: Page, text: string): Promise<void> {
  const panel = page.getByRole('tabpanel');
  for (let i = 0; i < 12; i++) {
    if (await panel.getByText(text).isVisible()) return;
    const prev = panel.getByRole('button', { name: 'Previous decision' });
    if (await prev.isDisabled()) break;
    await prev.click();
  }
  await expect(panel.getByText(text)).toBeVisible();
}

test('a short drop: the decision panel shows every check passing and +CONTINUE', async ({ page }) => {
  await open(page, '?scenario=b_short_drop_partial&lang=en');
  await expect(page.getByRole('heading', { name: 'A short drop: partial resync (+CONTINUE)' })).toBeVisible();
  await finishScenario(page);
  await insight(page, 'PSYNC decision');
  const panel = page.getByRole('tabpanel').filter({ hasText: 'B → A: PSYNC' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem').first()).toContainText('✓ yes');
  await expect(panel.getByRole('status')).toContainText('+CONTINUE');
  await expect(panel.getByRole('status')).toContainText('bytes of backlog');
  // Earlier decisions stay browsable.
  await findDecision(page, 'A first attach');
  const status = page.getByRole('tabpanel').getByRole('status');
  await expect(status).toContainText('+FULLRESYNC');
  await expect(status).not.toContainText('new replid');
  // The run's first decision (B, A's first replica): the replid in +FULLRESYNC is a new one, taken
  // when A created its backlog — not the replid A decided with.
  const prev = page.getByRole('tabpanel').getByRole('button', { name: 'Previous decision' });
  while (await prev.isEnabled()) await prev.click();
  await expect(page.getByRole('tabpanel')).toContainText('B → A: PSYNC');
  await expect(status).toContainText('new replid: A created its backlog for its first replica');
  // The backlog ring pins the requested offset inside the window.
  await insight(page, 'Backlog');
  await expect(page.getByRole('img', { name: /Backlog ring of \d+ bytes/ })).toBeVisible();
  await expect(
    page.getByText(/B asked for byte P = [\d,]+ .*inside the window .* → \+CONTINUE/),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show 7.0 block list' }).check();
  await expect(page.getByRole('img', { name: /Replication buffer: \d+ blocks/ })).toBeVisible();
});

test('a backlog overflow: the window check fails, +FULLRESYNC, and the why card explains blocks', async ({
  page,
}) => {
  await open(page, '?scenario=c_backlog_overflow_full&lang=en');
  await finishScenario(page, 3_000_000);
  await insight(page, 'PSYNC decision');
  const panel = page.getByRole('tabpanel').filter({ hasText: 'B → A: PSYNC' });
  await expect(panel.getByRole('status')).toContainText('+FULLRESYNC');
  await expect(panel.getByRole('status')).toContainText('has left the backlog');
  await expect(panel.getByRole('listitem').nth(3)).toContainText('✗ no');
  await expect(panel.getByRole('complementary', { name: 'Why?' })).toContainText(
    'Why is the offset no longer there?',
  );
  await insight(page, 'Backlog');
  await expect(page.getByText(/outside the window/)).toBeVisible();
  // The full sync that followed, stage by stage.
  await insight(page, 'Full sync');
  const fs = page.getByRole('tabpanel');
  await expect(fs.getByRole('heading', { name: /Full sync of B from A/ })).toBeVisible();
  for (const stage of [
    'BGSAVE: fork() a child that writes the RDB',
    'Reply +FULLRESYNC <replid> <offset>',
    'Replica creates temp-<time>.<pid>.rdb',
    'RDB header: $EOF:<mark> (diskless) or $<length>',
    'Flush old data',
    'Rename temp file → dump.rdb',
    'Load the RDB into memory',
    'Master client created',
    'Buffered writes streamed',
  ])
    await expect(fs.getByText(stage, { exact: false })).toBeVisible();
  await expect(fs.getByRole('progressbar', { name: 'RDB transfer progress' })).toBeVisible();
});

test('a failover: promotion keeps the old replid as replid2, +CONTINUE through it', async ({ page }) => {
  await open(page, '?scenario=f_failover_promote_partial&lang=en');
  await finishScenario(page);
  await insight(page, 'PSYNC decision');
  await findDecision(page, 'A failover without a full sync');
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('+CONTINUE');
  await expect(page.getByRole('button', { name: /^Node B :7102, master/ })).toBeVisible();
});

test('a replica restarted without an RDB asks PSYNC ? -1', async ({ page }) => {
  await open(page, '?scenario=e_replica_restart_nosave_full&lang=en');
  await finishScenario(page);
  await insight(page, 'PSYNC decision');
  await findDecision(page, 'Why a full sync after a restart?');
});

test('an attach by REPLICAOF counts as a partial-sync error, and the card says why', async ({ page }) => {
  await open(page, '?scenario=a_initial_attach&lang=en');
  await finishScenario(page);
  await insight(page, 'PSYNC decision');
  await findDecision(page, 'Why is this counted as a partial-sync error?');
  await selectNode(page, 'A');
  await nodeTab(page, 'INFO');
  await expect(page.getByText(/sync_partial_err:2/)).toBeVisible();
});

test('offsets: the table, lag, and the chart (loaded on demand)', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'A');
  await page.getByRole('button', { name: 'Burst' }).click();
  await runUntil(page, 2_500_000);
  await insight(page, 'Offsets');
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'master_repl_offset' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^B → A/ })).toBeVisible();
  const chart = page.getByRole('img', { name: /Chart of master_repl_offset/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas')).toHaveCount(1);
});

test('offsets at 1× with traffic: the table changes at most every 500 ms, and shows the paused moment', async ({
  page,
}) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'A');
  await page.getByRole('button', { name: 'Start traffic' }).click();
  await insight(page, 'Offsets');
  const cell = page.getByRole('row', { name: /^A/ }).getByRole('cell').first();
  // Time the A row's offset changes over ~3 wall seconds of play at 1×: paced at 500 ms, no two come
  // closer than 400 ms (a busy machine only spreads them further; the old table changed every 200 ms).
  await page.getByRole('slider', { name: 'Speed' }).fill('0');
  type Times = { offsetChanges: number[] };
  await cell.evaluate((td) => {
    const w = window as unknown as Times;
    w.offsetChanges = [];
    new MutationObserver(() => w.offsetChanges.push(performance.now())).observe(td, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(3000);
  // Taken before the pause: the pause itself shows the paused moment at once.
  const times = await page.evaluate(() => [...(window as unknown as Times).offsetChanges]);
  await pause(page);
  expect(times.length).toBeGreaterThan(0);
  const gaps = times.slice(1).map((t, i) => Math.round(t - times[i]));
  expect(
    gaps.filter((g) => g < 400),
    `gaps between changes (ms): ${gaps}`,
  ).toEqual([]);
  // Paused: the table shows the moment on screen, as A's card does.
  const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');
  await expect
    .poll(
      async () =>
        digits(await cell.textContent()) === digits(/offset ([\d,]+)/.exec(await cardValues(page, 'A'))?.[1]),
    )
    .toBe(true);
});

test('a node: INFO replication, ROLE, dataset differences and the server log', async ({ page }) => {
  await open(page);
  await runUntil(page, 800_000);
  await selectNode(page, 'B');
  await nodeTab(page, 'INFO');
  await expect(page.getByText('role:slave')).toBeVisible();
  await expect(page.getByText('master_link_status:up')).toBeVisible();
  await expect(page.getByText('1) "slave"')).toBeVisible();
  await nodeTab(page, 'Log');
  const log = page.getByRole('list', { name: 'Server log of B' });
  await expect(log).toContainText('MASTER <-> REPLICA sync: Finished with success');
  await expect(log).toContainText('Connecting to MASTER 127.0.0.1:7101');
  await nodeTab(page, 'Data');
  await expect(page.getByText('same as A')).toBeVisible();
});

test('after a failover the old master that took more writes needs a full sync — the card says why', async ({
  page,
}) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'B');
  await nodeTab(page, 'Console');
  await console_(page, 'B', 'REPLICAOF NO ONE');
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', 'SET diverged yes');
  await console_(page, 'A', 'REPLICAOF 127.0.0.1 7102');
  await runFor(page, 2_000_000);
  await insight(page, 'PSYNC decision');
  await findDecision(page, 'Why does the old master need a full sync?');
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('+FULLRESYNC');
});

test('a backlog freed by repl-backlog-ttl changes the replid: a reconnect needs a full sync', async ({
  page,
}) => {
  await open(page, '?scenario=t_backlog_ttl&lang=en');
  await finishScenario(page, 2_000_000);
  await insight(page, 'PSYNC decision');
  await findDecision(page, 'Why does a reconnecting replica need a full sync?');
});
