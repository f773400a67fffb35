// A course page on another origin embeds two widgets (?embed=1, each locked to a scenario) and
// drives them through the postMessage API (docs/embedding.md): load, play, seek; the events arrive
// (ready, height, milestones, the PSYNC decision with its outcome, a completed statement); a
// message from a third origin is ignored; a malformed one gets an error event and the lab goes on.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, now, test } from './fixtures.ts';

// The course page is served by a second server on the loopback (another port: another origin);
// a frame of a third origin is the same server under the name localhost. A route-fulfilled page
// would not do: Chromium counts it as a public page, and a public page may not frame 127.0.0.1.
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
let server: Server;
let COURSE = '';
let EVIL = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const file = new URL(req.url ?? '/', 'http://x').pathname.split('/').pop() ?? '';
    if (!/^[a-z]+\.(html|js|css)$/.test(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[file.split('.')[1]] }).end(readFileSync(`e2e/host/${file}`));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  COURSE = `http://127.0.0.1:${port}`;
  EVIL = `http://localhost:${port}`;
});

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

interface Ev {
  event: string;
  id?: string;
  [k: string]: unknown;
}

/** Let the page reach the host server (the fixture's guard blocks every other origin). */
async function allowHost(page: Page): Promise<void> {
  for (const origin of [COURSE, EVIL]) await page.route(`${origin}/**`, (route) => route.continue());
}

const events = (page: Page, w: 'a' | 'b') =>
  page.evaluate(
    (name) => (window as unknown as { course: { events: (n: string) => Ev[] } }).course.events(name),
    w,
  );

const call = (page: Page, w: 'a' | 'b', method: string, args?: unknown) =>
  page.evaluate(
    ([name, m, a]) =>
      (
        window as unknown as { course: { call: (n: string, m: string, a: unknown) => Promise<Ev> } }
      ).course.call(name as string, m as string, a),
    [w, method, args] as const,
  );

const raw = (page: Page, w: 'a' | 'b', data: unknown) =>
  page.evaluate(
    ([name, d]) =>
      (window as unknown as { course: { raw: (n: string, d: unknown) => void } }).course.raw(name, d),
    [w, data] as const,
  );

async function openCourse(page: Page, baseURL: string | undefined): Promise<void> {
  await allowHost(page);
  await page.goto(`${COURSE}/course.html?lab=${encodeURIComponent(`${baseURL}/`)}`);
  for (const w of ['a', 'b'] as const)
    await expect
      .poll(async () => (await events(page, w)).some((e) => e.event === 'ready'), { timeout: 30_000 })
      .toBe(true);
}

test('a course page drives two embedded widgets through the API', async ({ page, baseURL }) => {
  test.slow(); // many round trips: on a loaded machine more than the default minute
  await openCourse(page, baseURL);
  const a = page.frameLocator('#lab-a');
  const b = page.frameLocator('#lab-b');

  // Compact and locked: no scenario picker; controls=min is play/pause, one step, the time.
  await expect(a.locator('select')).toHaveCount(0);
  await expect(b.locator('select')).toHaveCount(0);
  await expect(a.getByRole('button', { name: /^(Pause|Play)$/ })).toBeVisible();
  await expect(a.getByRole('button', { name: 'One event forward' })).toBeVisible();
  await expect(a.getByRole('slider')).toHaveCount(0);
  await expect(b.getByRole('slider', { name: 'Speed' })).toBeVisible();
  const ready = (await events(page, 'a')).find((e) => e.event === 'ready')!;
  expect(ready).toMatchObject({ version: 1, controls: 'min', state: { scenario: 'b_short_drop_partial' } });

  // The height it reports is the height the host gave the iframe.
  // (Widget b starts out of view, where a browser runs no ResizeObserver: `ready` carries a height too.)
  for (const w of ['a', 'b'] as const) {
    const last = async () =>
      ((await events(page, w)).filter((e) => e.event === 'height').pop()?.height as number | undefined) ?? 0;
    await expect.poll(last).toBeGreaterThan(200);
    await expect
      .poll(
        async () =>
          (await page.locator(`#lab-${w}`).evaluate((f: HTMLElement) => f.offsetHeight)) - (await last()),
      )
      .toBe(2); // the 1 px border
  }

  // Play: the run moves and milestones arrive.
  expect(await call(page, 'a', 'play', { speed: 2 })).toMatchObject({ event: 'reply', method: 'play' });
  await expect
    .poll(async () => (await call(page, 'a', 'state')).result)
    .toMatchObject({
      state: { t: expect.any(Number), playing: true },
    });
  // Seek to a milestone: forward to B's +CONTINUE; the master's decision came with it.
  const seek = await call(page, 'a', 'seek', { milestone: 'continue', node: 'B' });
  expect(seek).toMatchObject({ event: 'reply', method: 'seek', result: { state: { playing: false } } });
  const ea = await events(page, 'a');
  expect(ea.some((e) => e.event === 'milestone' && e.kind === 'continue' && e.node === 'B')).toBe(true);
  const continued = ea.find((e) => e.event === 'psync' && e.outcome === 'CONTINUE');
  expect(continued).toMatchObject({ replica: 'B', master: 'A', reason: 'accepted' });
  await expect(a.getByRole('button', { name: 'Play' })).toBeVisible();

  // Load (the same scenario again, by the API), then seek past its end in one call.
  expect(await call(page, 'b', 'load', { scenario: 'c_backlog_overflow_full', seed: 1 })).toMatchObject({
    event: 'reply',
    result: { state: { scenario: 'c_backlog_overflow_full', t: expect.any(Number) } },
  });
  const st = (await call(page, 'b', 'state')).result as { state: { endAt: number } };
  await call(page, 'b', 'seek', { t: st.state.endAt });
  await expect.poll(async () => (await events(page, 'b')).some((e) => e.event === 'statement')).toBe(true);
  const eb = await events(page, 'b');
  const decided = eb.filter((e) => e.event === 'psync').map((e) => `${e.replica} ${e.outcome} ${e.reason}`);
  expect(decided).toContain('B FULLRESYNC offset-before-backlog');
  const done = eb.find((e) => e.event === 'statement')!.statement as Record<string, Record<string, unknown>>;
  expect(done.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
  expect(done.object.id).toMatch(/\?scenario=c_backlog_overflow_full$/);
  expect(done.result).toMatchObject({ success: true, completion: true });
  expect(eb.some((e) => e.event === 'progress')).toBe(true);

  // A step by the API.
  const before = ((await call(page, 'b', 'state')).result as { state: { t: number } }).state.t;
  await call(page, 'b', 'step');
  const after = ((await call(page, 'b', 'state')).result as { state: { t: number } }).state.t;
  expect(after).toBeGreaterThan(before);

  // Bad calls: an error event each, with the id when one was given, and the run goes on.
  const t0 = ((await call(page, 'a', 'state')).result as { state: { t: number } }).state.t;
  await raw(page, 'a', { psyncLab: 1, id: 'bad-1', method: 'foo' });
  await raw(page, 'a', 'play');
  await raw(page, 'a', { psyncLab: 1, id: 'bad-2', method: 'seek', args: { t: 'soon' } });
  await raw(page, 'a', { psyncLab: 1, id: 'bad-3', method: 'seek', args: { milestone: 'lunch' } });
  expect(await call(page, 'a', 'load', { scenario: 'no_such_scenario' })).toMatchObject({
    event: 'error',
    message: "ERR unknown scenario 'no_such_scenario'",
  });
  const errors = (await events(page, 'a')).filter((e) => e.event === 'error');
  expect(errors.map((e) => e.message)).toEqual([
    "ERR unknown method 'foo'",
    'ERR not a PSYNC Lab message: expected {psyncLab: 1, method, args}',
    expect.stringMatching(/^ERR wrong arguments for 'seek': t: /),
    // The field the host sent, not the first seek form's missing t.
    expect.stringMatching(/^ERR wrong arguments for 'seek': milestone: .*"lunch"/),
    "ERR unknown scenario 'no_such_scenario'",
  ]);
  expect(errors[0].id).toBe('bad-1');
  expect(await call(page, 'a', 'state')).toMatchObject({
    result: { state: { scenario: 'b_short_drop_partial', t: t0 } },
  });
  await expect(a.locator('.cluster')).toBeVisible();
});

test('a message from another origin is ignored', async ({ page, baseURL }) => {
  await openCourse(page, baseURL);
  await call(page, 'a', 'play');
  const n = (await events(page, 'a')).length;
  // A frame of a third origin inside the course page posts pause / seek / a bad method to widget a.
  await page.evaluate(
    ([evil, lab]) => {
      const f = document.createElement('iframe');
      f.id = 'evil';
      f.title = 'another origin';
      f.src = `${evil}/evil.html?lab=${encodeURIComponent(lab)}`;
      document.querySelector('main')!.append(f);
    },
    [EVIL, `${baseURL}/`] as const,
  );
  await expect.poll(() => page.frame({ url: /^http:\/\/localhost:/ })?.title()).toBe('sent');
  // The widget answers its parent's next call; nothing from the third origin came before it.
  expect(await call(page, 'a', 'state')).toMatchObject({ result: { state: { playing: true } } });
  const later = (await events(page, 'a')).slice(n);
  expect(later.filter((e) => String(e.id ?? '').startsWith('evil'))).toEqual([]);
  expect(later.filter((e) => e.event === 'error')).toEqual([]);
});

test('widgets pass axe, and the course page looks right', async ({ page, baseURL }) => {
  await openCourse(page, baseURL);
  await call(page, 'a', 'seek', { milestone: 'continue' });
  await call(page, 'b', 'seek', { milestone: 'fullresync', node: 'B' });
  // The last height each widget reported is the height its iframe has, before the picture.
  for (const w of ['a', 'b'] as const)
    await expect
      .poll(async () => {
        const h = ((await events(page, w)).filter((e) => e.event === 'height').pop()?.height as number) ?? 0;
        return (await page.locator(`#lab-${w}`).evaluate((f: HTMLElement) => f.offsetHeight)) - h;
      })
      .toBe(2);
  const r = await new AxeBuilder({ page }).analyze();
  const summary = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe violations (course page with two widgets)').toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/embed-course.png', fullPage: true });
});

test('the widget reports lesson progress, an answered prediction and a fault', async ({ page, baseURL }) => {
  test.slow();
  await openCourse(page, baseURL);
  const b = page.frameLocator('#lab-b');

  // The free lab's Predict switch: the run stops at B's PSYNC, the student answers, the master decides.
  await call(page, 'b', 'seek', { step: 6 }); // reconnect-link: B's PSYNC comes next
  await b.getByRole('checkbox', { name: 'Predict' }).check();
  await call(page, 'b', 'play');
  await b.getByRole('button', { name: '+CONTINUE' }).click();
  await expect.poll(async () => (await events(page, 'b')).some((e) => e.event === 'statement')).toBe(true);
  const st = (await events(page, 'b')).find((e) => e.event === 'statement')!.statement as {
    verb: { id: string };
    object: { id: string; definition: Record<string, unknown> };
    result: Record<string, unknown>;
  };
  expect(st.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
  expect(st.object.id).toMatch(/\?scenario=c_backlog_overflow_full#psync=B@\d+$/);
  expect(st.object.definition).toMatchObject({
    interactionType: 'choice',
    correctResponsesPattern: ['FULLRESYNC'],
  });
  expect(st.result).toMatchObject({ success: false, response: 'CONTINUE' });

  // Load a lesson chapter by the API: the lesson panel shows in the widget, its position is reported.
  expect(await call(page, 'a', 'load', { chapter: 1 })).toMatchObject({
    event: 'reply',
    result: { state: { chapter: 1 } },
  });
  await expect(page.frameLocator('#lab-a').locator('.lesson-panel')).toBeVisible();
  await page.locator('#lab-a').screenshot({ path: 'e2e/screenshots/embed-chapter.png' });
  await expect
    .poll(async () => (await events(page, 'a')).filter((e) => e.event === 'progress' && 'lesson' in e).length)
    .toBeGreaterThan(0);
  expect(await call(page, 'a', 'load', { chapter: 99 })).toMatchObject({
    event: 'error',
    message: expect.stringMatching(/^ERR no chapter 99: lesson 27 has \d+$/),
  });
  expect(await call(page, 'a', 'state')).toMatchObject({ result: { state: { chapter: 1 } } });

  // A fault in widget a reaches the host with its reproduction link; widget b plays on.
  const frameA = page.frames().find((f) => f.url().includes('scenario=b_short_drop_partial'))!;
  await frameA.evaluate(() =>
    (
      window as unknown as { psyncLab: { controller: { crash(): Promise<void> } } }
    ).psyncLab.controller.crash(),
  );
  await expect
    .poll(async () => (await events(page, 'a')).find((e) => e.event === 'fault')?.message)
    .toMatch(/^ERR /);
  const fault = (await events(page, 'a')).find((e) => e.event === 'fault')!;
  expect(fault.repro).toMatch(/embed|scenario|seed=/);
  expect(await call(page, 'b', 'state')).toMatchObject({ event: 'reply' });
});

test('without parent= the API is closed: a message is not read, nothing is sent', async ({ page }) => {
  await page.goto('./?embed=1&scenario=b_short_drop_partial&lang=en');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const t0 = await now(page);
  // The page's own window posts to itself (source = window.parent = window, origin = the lab's).
  await page.evaluate(() => {
    const w = window as unknown as { got: unknown[] };
    w.got = [];
    window.addEventListener('message', (e) => w.got.push(e.data));
    window.postMessage({ psyncLab: 1, id: 'x', method: 'pause' }, '*');
    window.postMessage({ psyncLab: 1, id: 'y', method: 'nope' }, '*');
  });
  // Still playing: time moves on, and nothing but the two messages themselves went by.
  await expect.poll(() => now(page)).toBeGreaterThan(t0 + 50_000);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const got = await page.evaluate(() =>
    (window as unknown as { got: { id?: string }[] }).got.map((m) => m.id),
  );
  expect(got).toEqual(['x', 'y']);
});
