// The built lab's Content-Security-Policy (scripts/build/csp.ts): the page carries it as a <meta>
// (and `vite preview` as a header, so the worker's script runs under it too); the lab plays with
// the lazily loaded parts open (chart, help, console) and no violation (the guard fixture fails a
// test on any `securitypolicyviolation` or console error); and the policy really bites: an inline
// script and a remote origin are refused. (No eval probe: code run by page.evaluate goes through
// the DevTools protocol, which may allow eval inside it; the policy text is checked instead.)
import { HOSTED_CSP } from '../scripts/build/csp.ts';
import {
  console_,
  expect,
  finishScenario,
  insight,
  nodeTab,
  open,
  selectNode,
  test,
  watchCsp,
} from './fixtures.ts';

test('the lab plays under its CSP: no inline code, no eval, no remote origin', async ({
  page,
  context,
  guard,
}) => {
  const response = await page.goto('./?scenario=c_backlog_overflow_full&lang=en');
  expect(response?.headers()['content-security-policy']).toBe(HOSTED_CSP);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    HOSTED_CSP,
  );
  expect(HOSTED_CSP).toContain("default-src 'self'");
  expect(HOSTED_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);

  await open(page, '?scenario=c_backlog_overflow_full&lang=en');
  await finishScenario(page, 3_000_000);
  await insight(page, 'Offsets');
  await expect(page.getByRole('img', { name: /Chart of master_repl_offset/ })).toBeVisible();
  await selectNode(page, 'A');
  await nodeTab(page, 'Console');
  await console_(page, 'A', 'INFO replication');
  await page.getByRole('button', { name: /^\? Shortcuts$/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  expect(guard.errors).toEqual([]);

  // The policy is in force: each of these is refused (and reported — the listener works). On a
  // page of its own, whose refusals the guard does not count.
  const probe = await context.newPage();
  const violations: string[] = [];
  await watchCsp(probe, (v) => violations.push(v));
  await probe.goto('./?lang=en');
  await expect(probe.getByRole('button', { name: 'Pause' })).toBeVisible();
  const seen = () => violations.join('\n');
  const refused = await probe.evaluate(async () => {
    const out: string[] = [];
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    out.push(`inline ran: ${String((window as unknown as { __inlineRan?: boolean }).__inlineRan === true)}`);
    try {
      await fetch('https://example.com/');
    } catch (e) {
      out.push(`remote: ${(e as Error).name}`);
    }
    return out;
  });
  expect(refused).toEqual(['inline ran: false', 'remote: TypeError']);
  await expect.poll(seen).toMatch(/script-src(-elem)? blocked inline/);
  await expect.poll(seen).toMatch(/connect-src blocked https:\/\/example\.com/);
  await probe.close();
});
