// Shared Playwright fixtures: every test runs with requests off the page's origin blocked and
// recorded (a test fails if one was attempted), and with page errors, console errors and
// Content-Security-Policy violations (the built lab has a policy: scripts/build/csp.ts) collected.
import { test as base, expect, type Page } from '@playwright/test';

interface Guard {
  offOrigin: string[];
  errors: string[];
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4319').origin;
      const guard: Guard = { offOrigin: [], errors: [] };
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
          return route.continue();
        guard.offOrigin.push(url);
        return route.abort('blockedbyclient');
      });
      await watchCsp(page, (v) => guard.errors.push(`csp: ${v}`));
      page.on('pageerror', (e) => guard.errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') guard.errors.push(`console: ${m.text()}`);
      });
      await use(guard);
      expect(guard.offOrigin, 'requests off the page origin').toEqual([]);
      expect(guard.errors, 'page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Calls `report` with each `securitypolicyviolation` the page's documents see (from the first script on). */
export async function watchCsp(page: Page, report: (violation: string) => void): Promise<void> {
  await page.exposeFunction('__psyncCspViolation', report);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __psyncCspViolation: (v: string) => void };
      w.__psyncCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
}

/** Open the lab and wait until the simulation runs (the play/pause button is enabled). */
export async function open(page: Page, query = '?lang=en'): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: /^(Pause|Play|暂停|播放)$/ })).toBeEnabled();
}

const PLAY = /^(Play|播放)$/;
const PAUSE = /^(Pause|暂停)$/;

export async function pause(page: Page): Promise<void> {
  const b = page.getByRole('button', { name: PAUSE });
  if (await b.isVisible()) await b.click();
  await expect(page.getByRole('button', { name: PLAY })).toBeVisible();
}

/** Current virtual time in µs, read from the time display. */
export async function now(page: Page): Promise<number> {
  const text = (await page.getByLabel(/^(Current virtual time|当前虚拟时间)$/).textContent()) ?? '';
  const m = /t = (\d+)\.(\d{6})/.exec(text);
  return m ? Number(m[1]) * 1e6 + Number(m[2]) : 0;
}

/** Play at `speed` (virtual s per wall s) until virtual time passes `us`, then pause. */
export async function runUntil(page: Page, us: number, speed = 1): Promise<void> {
  await page.getByRole('slider', { name: /^(Speed|速度)$/ }).fill(String(Math.log10(speed)));
  const play = page.getByRole('button', { name: PLAY });
  if (await play.isVisible()) await play.click();
  await expect.poll(() => now(page), { timeout: 30_000 }).toBeGreaterThan(us);
  await pause(page);
}

/**
 * Play for `us` of virtual time from now, then pause. After an action, wait with this rather than
 * runUntil to an absolute time: on a loaded machine the pause before the action may land late, and
 * an absolute target would leave what the action starts (a reconnect waits for the next
 * replicationCron, up to 1 s, then a ~0.4 s handshake) less time than the test means to give it.
 */
export async function runFor(page: Page, us: number, speed = 1): Promise<void> {
  await runUntil(page, (await now(page)) + us, speed);
}

export async function selectNode(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Node ${name} :`) }).click();
}

export async function nodeTab(
  page: Page,
  tab: 'Actions' | 'Console' | 'INFO' | 'Data' | 'Log',
): Promise<void> {
  await page
    .getByRole('tablist', { name: /^Node / })
    .getByRole('tab', { name: tab })
    .click();
}

export async function insight(page: Page, tab: string): Promise<void> {
  await page.getByRole('tablist', { name: 'What is happening' }).getByRole('tab', { name: tab }).click();
}

/** Type a command into the selected node's console. */
export async function console_(page: Page, node: string, line: string): Promise<void> {
  const input = page.getByRole('textbox', { name: `redis-cli command for node ${node}` });
  await input.fill(line);
  await input.press('Enter');
}

/** The guide's list of scenario steps (buttons labelled "… @ 1.234 s"). */
export function scenarioSteps(page: Page) {
  return page.getByRole('list').filter({ has: page.getByRole('button', { name: /@ \d+\.\d+ s/ }) });
}

/** Jump to the scenario's last step (the guide's list), then let it finish. */
export async function finishScenario(page: Page, extraUs = 1_500_000): Promise<void> {
  const steps = scenarioSteps(page);
  await steps.getByRole('button').last().click();
  const last = await steps.getByRole('button').last().textContent();
  const at = Number(/@ (\d+\.\d+) s/.exec(last ?? '')?.[1] ?? '0') * 1e6;
  await runUntil(page, at + extraUs, 2);
}

/**
 * A node card's description: its offset and key count (`offset 123, 7 keys`). They change ~10 times a
 * second while playing, so the card's accessible name leaves them out (NodeCard.tsx).
 */
export async function cardValues(page: Page, node: string): Promise<string> {
  const card = page.getByRole('button', { name: new RegExp(`^Node ${node} :`) });
  const id = await card.getAttribute('aria-describedby');
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}
