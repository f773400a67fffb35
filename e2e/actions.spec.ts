// Every action on nodes and links — by click, by keyboard and by console — and what it changes on
// screen.
import {
  cardValues,
  console_,
  expect,
  insight,
  nodeTab,
  open,
  runFor,
  runUntil,
  selectNode,
  test,
} from './fixtures.ts';

const card = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^Node ${name} :`) });

test('writes: one key, a burst, the traffic generator', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'A');
  await page.getByRole('button', { name: 'Write one key (SET)' }).click();
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 1 keys$/);
  await page.getByRole('spinbutton', { name: 'Writes', exact: true }).fill('25');
  await page.getByRole('button', { name: 'Burst' }).click();
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 26 keys$/);
  await page.getByRole('spinbutton', { name: 'Writes/s' }).fill('40');
  await page.getByRole('button', { name: 'Start traffic' }).click();
  await expect(page.getByRole('button', { name: 'Stop traffic (40/s)' })).toBeVisible();
  await expect(card(page, 'A')).toContainText('40 writes/s');
  await runUntil(page, 1_800_000);
  await page.getByRole('button', { name: 'Stop traffic (40/s)' }).click();
  await expect(page.getByRole('button', { name: 'Start traffic' })).toBeVisible();
  // The replicas caught up: same key count as the master.
  await runUntil(page, 3_000_000);
  const keysA = (await cardValues(page, 'A')).match(/(\d+) keys/)?.[1];
  await expect(card(page, 'B')).toHaveAccessibleDescription(new RegExp(`, ${keysA} keys$`));
});

test('cut and heal a link: the replica reconnects with +CONTINUE', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'B');
  await page.getByRole('button', { name: 'Cut link B → A' }).click();
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toBeVisible();
  await selectNode(page, 'A');
  await page.getByRole('button', { name: 'Write one key (SET)' }).click();
  await runUntil(page, 1_200_000);
  // The replica's dataset differs from its master while cut.
  await selectNode(page, 'B');
  await nodeTab(page, 'Data');
  await expect(page.getByRole('cell', { name: /missing here/ })).toBeVisible();
  await nodeTab(page, 'Actions');
  await page.getByRole('button', { name: 'Heal link of B' }).click();
  await runFor(page, 2_000_000);
  await insight(page, 'PSYNC decision');
  const panel = page.getByRole('tabpanel');
  await expect(panel.filter({ hasText: 'B → A: PSYNC' }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '+CONTINUE' })).toBeVisible();
});

test('freeze and resume, restart with SAVE and NOSAVE, shutdown and start', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'C');
  await page.getByRole('button', { name: 'Freeze (SIGSTOP)' }).click();
  await expect(card(page, 'C')).toContainText('frozen (SIGSTOP)');
  await page.getByRole('button', { name: 'Resume (SIGCONT)' }).click();
  await expect(card(page, 'C')).not.toContainText('frozen');
  await page.getByRole('button', { name: 'Restart (SHUTDOWN SAVE)' }).click();
  await runFor(page, 2_000_000);
  await expect(page.getByRole('button', { name: 'Link C → A: online' })).toBeVisible();
  await page.getByRole('button', { name: 'Restart (SHUTDOWN NOSAVE)' }).click();
  await runFor(page, 2_000_000);
  await expect(page.getByRole('button', { name: 'Link C → A: online' })).toBeVisible();
  await page.getByRole('button', { name: 'SHUTDOWN NOSAVE', exact: true }).click();
  await expect(card(page, 'C')).toContainText('down');
  await page.getByRole('button', { name: 'Delete dump.rdb' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(card(page, 'C')).not.toContainText('down');
  // Restart the master too.
  await selectNode(page, 'A');
  await page.getByRole('button', { name: 'Restart (SHUTDOWN SAVE)' }).click();
  await runFor(page, 3_500_000);
  await expect(page.getByRole('button', { name: 'Link B → A: online' })).toBeVisible();
});

test('promote, re-point, add and remove replicas, change the replication settings', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'B');
  await page.getByRole('button', { name: 'Promote (REPLICAOF NO ONE)' }).click();
  await expect(card(page, 'B')).toHaveAccessibleName(/, master(,|$)/);
  // Re-point A under B: the old master becomes a replica.
  await selectNode(page, 'A');
  await page.getByRole('combobox', { name: 'REPLICAOF' }).selectOption('B');
  await page.getByRole('button', { name: 'Re-point' }).click();
  await runFor(page, 2_000_000);
  await expect(page.getByRole('button', { name: /^Link A → B: online/ })).toBeVisible();
  // Add a replica of B, then remove it.
  await selectNode(page, 'B');
  await page.getByRole('button', { name: 'Add a replica of B' }).click();
  await expect(card(page, 'D')).toBeVisible();
  await selectNode(page, 'D');
  await page.getByRole('button', { name: 'Remove node D' }).click();
  await expect(card(page, 'D')).toHaveCount(0);
  // Settings: CONFIG SET through the form.
  await selectNode(page, 'B');
  const size = page.getByRole('textbox', { name: 'repl-backlog-size' });
  await size.fill('32768');
  await page.getByRole('button', { name: 'CONFIG SET repl-backlog-size on B' }).click();
  await nodeTab(page, 'Console');
  await console_(page, 'B', 'CONFIG GET repl-backlog-size');
  await expect(page.getByRole('log', { name: 'Console of node B' })).toContainText('32768');
  await nodeTab(page, 'Actions');
  await page.getByRole('textbox', { name: 'repl-timeout' }).fill('5');
  await page.getByRole('button', { name: 'CONFIG SET repl-timeout on B' }).click();
  await page.getByRole('textbox', { name: 'repl-backlog-ttl' }).fill('7');
  await page.getByRole('button', { name: 'CONFIG SET repl-backlog-ttl on B' }).click();
  await page.getByRole('combobox', { name: 'repl-diskless-sync' }).selectOption('no');
  await page.getByRole('button', { name: 'CONFIG SET repl-diskless-sync on B' }).click();
  await nodeTab(page, 'INFO');
  await expect(page.getByText('repl_backlog_size:32768')).toBeVisible();
  // A bad value answers in Redis's words and breaks nothing.
  await nodeTab(page, 'Actions');
  await page.getByRole('textbox', { name: 'repl-backlog-size' }).fill('lots');
  await page.getByRole('button', { name: 'CONFIG SET repl-backlog-size on B' }).click();
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('ERR');
});

test('the console: INFO replication and ROLE as Redis prints them, history, errors', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  const log = page.getByRole('log', { name: 'Console of node A' });
  await console_(page, 'A', 'INFO replication');
  await expect(log).toContainText('# Replication');
  await expect(log).toContainText('role:master');
  await expect(log).toContainText('connected_slaves:2');
  await expect(log).toContainText(/slave0:ip=127\.0\.0\.1,port=710\d,state=online,offset=\d+,lag=\d+/);
  await console_(page, 'A', 'ROLE');
  await expect(log).toContainText('1) "master"');
  await console_(page, 'A', 'SET greeting "hello world"');
  await expect(log).toContainText('OK');
  await console_(page, 'A', 'GET greeting');
  await expect(log).toContainText('"hello world"');
  // Bad input of any kind: a Redis-style error, never a broken page.
  await console_(page, 'A', 'SET "unterminated');
  await expect(log).toContainText('Invalid argument(s)');
  await console_(page, 'A', 'NOSUCHCOMMAND x');
  await expect(log).toContainText("(error) ERR unknown command 'NOSUCHCOMMAND'");
  await console_(page, 'A', 'SET');
  await expect(log).toContainText("(error) ERR wrong number of arguments for 'set' command");
  await console_(page, 'A', '\u0000\u{1F600} "\\xZZ"');
  await console_(page, 'A', 'REPLICAOF 127.0.0.1 notaport');
  await expect(log.locator('pre.err').last()).toContainText('(error)');
  // History: ↑ recalls the previous line.
  const input = page.getByRole('textbox', { name: 'redis-cli command for node A' });
  await input.press('ArrowUp');
  await expect(input).toHaveValue('REPLICAOF 127.0.0.1 notaport');
  for (let i = 0; i < 3; i++) await input.press('ArrowUp');
  await expect(input).toHaveValue('NOSUCHCOMMAND x');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('SET');
  // A replica refuses writes, in Redis's words.
  await selectNode(page, 'B');
  await nodeTab(page, 'Console');
  await console_(page, 'B', 'SET k v');
  await expect(page.getByRole('log', { name: 'Console of node B' })).toContainText(
    "READONLY You can't write against a read only replica.",
  );
  // A huge value typed wraps like its reply: the console never scrolls sideways (it did, 39 000 px).
  await console_(page, 'B', `SET big ${'x'.repeat(5000)}`);
  const out = page.getByRole('log', { name: 'Console of node B' });
  await expect(out.locator('.cl-in').last()).toContainText('SET big xxx');
  expect(await out.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await console_(page, 'B', 'REPLICAOF NO ONE');
  await expect(card(page, 'B')).toHaveAccessibleName(/, master(,|$)/);
});

test('FAILOVER TO B from the console: A hands the master role to B, nobody full-syncs', async ({ page }) => {
  await open(page);
  await runUntil(page, 1_500_000);
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', 'SET k v');
  // TO B: a plain FAILOVER picks whichever replica acknowledged first (C, in some runs).
  await console_(page, 'A', 'FAILOVER TO 127.0.0.1 7102');
  await expect(page.getByRole('log', { name: 'Console of node A' })).toContainText(
    /FAILOVER TO 127\.0\.0\.1 7102\s*OK/,
  );
  // The side panel says whom A waits for and what B's last ACK is short of.
  await expect(page.getByRole('region', { name: 'FAILOVER waits for B.' })).toContainText(
    /must acknowledge offset \d+/,
  );
  // A switches at B's next ACK (once a second) — unless A's PINGs keep crossing B's ACKs (when the
  // command landed in an 80 ms window of the second), then until the crons drift apart: ≤ 40 s.
  await runFor(page, 45_000_000, 10);
  await expect(page.getByRole('region', { name: 'FAILOVER waits for B.' })).toHaveCount(0);
  await expect(card(page, 'B')).toHaveAccessibleName(/, master(,|$)/);
  await expect(card(page, 'A')).toHaveAccessibleName(/, replica(,|$)/);
  // B accepted A's PSYNC … FAILOVER through replid2: +CONTINUE, no full sync.
  await selectNode(page, 'B');
  await nodeTab(page, 'Console');
  await console_(page, 'B', 'INFO stats');
  const log = page.getByRole('log', { name: 'Console of node B' });
  await expect(log).toContainText('sync_full:0');
  await expect(log).toContainText('sync_partial_ok:1');
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', 'SET k2 v');
  await expect(page.getByRole('log', { name: 'Console of node A' })).toContainText(
    "READONLY You can't write against a read only replica.",
  );
});

test('keyboard: select, write, burst, cut, freeze, promote, add, console, language', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('1');
  await expect(card(page, 'A')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('w');
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 1 keys$/);
  await page.keyboard.press('b');
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 101 keys$/);
  await page.keyboard.press('2');
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toHaveCount(0);
  await page.keyboard.press('3');
  await page.keyboard.press('f');
  await expect(card(page, 'C')).toContainText('frozen');
  await page.keyboard.press('f');
  await page.keyboard.press('p');
  await expect(card(page, 'C')).toHaveAccessibleName(/, master(,|$)/);
  await page.keyboard.press('a');
  await expect(card(page, 'D')).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByRole('textbox', { name: 'redis-cli command for node C' })).toBeFocused();
  await page.keyboard.type('DBSIZE');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('log', { name: 'Console of node C' })).toContainText('(integer)');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Escape');
  const tabs = ['Handshake', 'PSYNC decision', 'Backlog', 'Offsets', 'Full sync'];
  const current = await page
    .getByRole('tablist', { name: 'What is happening' })
    .getByRole('tab', { selected: true })
    .textContent();
  await page.keyboard.press('v');
  const next = tabs[(tabs.indexOf(current ?? '') + 1) % tabs.length];
  await expect(page.getByRole('tab', { name: next })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('L');
  await expect(page.getByRole('button', { name: /^节点 A :7101/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the console drives the lab too: cut, heal, freeze, restart, bursts and traffic', async ({ page }) => {
  await open(page);
  await runUntil(page, 600_000);
  await selectNode(page, 'B');
  await nodeTab(page, 'Console');
  const log = page.getByRole('log', { name: 'Console of node B' });
  await console_(page, 'B', ':cut');
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toBeVisible();
  await console_(page, 'B', ':heal');
  await expect(page.getByRole('button', { name: /^Link B → A: cut/ })).toHaveCount(0);
  await console_(page, 'B', ':freeze');
  await expect(card(page, 'B')).toContainText('frozen');
  await console_(page, 'B', ':unfreeze');
  await console_(page, 'B', ':restart sometimes');
  await expect(log).toContainText('(error) ERR syntax error: :restart save|nosave');
  await console_(page, 'B', ':restart save');
  await console_(page, 'B', ':bogus');
  await expect(log).toContainText("(error) ERR unknown lab command ':bogus'");
  await console_(page, 'B', 'help');
  await expect(log).toContainText('Lab commands');
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', ':write 12');
  await expect(card(page, 'A')).toHaveAccessibleDescription(/, 12 keys$/);
  await console_(page, 'A', ':traffic 30');
  await expect(card(page, 'A')).toContainText('30 writes/s');
  await console_(page, 'A', ':traffic off');
  await expect(card(page, 'A')).not.toContainText('writes/s');
});

test("a node's console lists the actions on it in the page's language (zh), as the share list does", async ({
  page,
}) => {
  // QA walk 3: in zh the console said "link of B cut (partition)" while the link's list said it in Chinese.
  await open(page, '?lang=zh');
  await runUntil(page, 600_000);
  await page.getByRole('button', { name: /^节点 B :/ }).click();
  await page.getByRole('button', { name: '断开链路 B → A' }).click();
  await page.getByRole('button', { name: /^恢复 B 的链路/ }).click();
  await page
    .getByRole('tablist', { name: /^节点 / })
    .getByRole('tab', { name: '控制台' })
    .click();
  const out = page.locator('aside.side').getByRole('tabpanel');
  await expect(out).toContainText('断开 B 的复制链路（网络分区）');
  await expect(out).toContainText('恢复 B 的复制链路');
  await expect(out).not.toContainText('link of B');
});
