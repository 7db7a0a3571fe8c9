/**
 * The web app in Debian's Chromium, through the real server: navigation across every page, the
 * timeline slider redrawing the map, a silence break in one browser appearing in another within a
 * second, the language switch keeping the page, sign-in and a refused action naming the rule.
 * Every page at both sizes and in both languages (layout, titles, console, CSP, axe-core, the
 * record's language, screenshots) is the page sweep, tests/support/page-sweep.ts.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, keepScreenshot, PASSWORD, PROPOSALS, ROOT, SCENARIO, settle, signIn, type WebServer } from '../support/browser.js';

const suite = browserSuite();

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');

const statusOf = (page: Page, proposal: string) => page.locator(`[data-proposal="${proposal}"]`).getAttribute('data-status');

describe('the web app in Chromium', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await suite.start());
    base = server.url;
  });

  after(async () => {
    await suite.stop();
  });

  test('navigation: the main menu reaches every section without a page load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/en/`);
    await settle(page);
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });
    const links = await page.locator('nav[aria-label="Main"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    assert.ok(links.length >= 13, `nav links: ${links.length}`);
    for (const href of links) {
      await page.click(`nav[aria-label="Main"] a[href="${href}"]`);
      await page.waitForURL(`${base}${href}`);
      await settle(page);
      assert.equal(await page.locator(`nav[aria-label="Main"] a[href="${href}"]`).getAttribute('aria-current'), 'page');
      assert.ok((await page.locator('main h1').count()) === 1, `${href}: one h1`);
      // The new page's heading has the focus (a screen reader announces where the reader is),
      // and the tab says which page it is.
      if (href !== '/en/') await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'), null, { timeout: 5000 });
      const heading = ((await page.locator('main h1').textContent()) ?? '').trim();
      if (!href?.includes('accessions')) assert.equal(await page.title(), `${heading} — Evere`, `${href}: title`);
      assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 42, `${href}: client-side navigation`);
    }
    // The browser's back button returns to the previous page.
    await page.goBack();
    await page.waitForURL(`${base}${links.at(-2)}`);
    await context.close();
  });

  test('the timeline slider redraws the map and the key figures: Finland is an Ally in 2024, not in 2022', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/en/`);
    await settle(page);
    await page.waitForSelector('[data-testid="enlargement-map"][data-ready="true"]');
    const slider = page.locator('#year-slider');
    const finland = page.locator('[data-testid="enlargement-map"] path[data-iso3="FIN"]');
    const current = Number(await slider.inputValue());
    await slider.focus();
    for (let y = current; y > 2022; y--) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (document.querySelector('#year-slider') as HTMLInputElement).value === '2022');
    assert.notEqual(await finland.getAttribute('data-status'), 'ally', 'Finland is not coloured as an Ally at the end of 2022');
    assert.equal(await page.locator('[data-testid="fig-allies"]').textContent(), '30');
    assert.match(page.url(), /at=2022-12-31/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (document.querySelector('#year-slider') as HTMLInputElement).value === '2024');
    assert.equal(await finland.getAttribute('data-status'), 'ally', 'Finland is coloured as an Ally at the end of 2024');
    assert.equal(await page.locator('[data-testid="fig-allies"]').textContent(), '32');
    // 1949: the twelve founders.
    await page.keyboard.press('Home');
    await page.waitForFunction(() => (document.querySelector('#year-slider') as HTMLInputElement).value === '1949');
    assert.equal(await page.locator('[data-testid="fig-allies"]').textContent(), '12');
    assert.equal(await page.locator('[data-testid="enlargement-map"] path[data-iso3="DEU"]').getAttribute('data-status'), 'none');
    // The animation can be played and paused (WCAG 2.2.2).
    const play = page.locator('.timeline__play');
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => Number((document.querySelector('#year-slider') as HTMLInputElement).value) > 1949);
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'false');
    // The same data as a table.
    await page.click('button[aria-controls="map-table"]');
    assert.ok(await page.locator('#map-table table').isVisible());
    await context.close();
  });

  test('the language switch keeps the page, and every page has <html lang>', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/en/allies/FIN`);
    await settle(page);
    assert.equal(await page.locator('main h1').textContent(), 'Finland');
    const toFrench = page.locator('a.lang-switch');
    assert.equal(await toFrench.textContent(), 'Français');
    assert.equal(await toFrench.getAttribute('lang'), 'fr');
    await toFrench.click();
    await page.waitForURL(`${base}/fr/allies/FIN`);
    await settle(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('main h1').textContent(), 'Finlande');
    assert.equal(await page.locator('a.lang-switch').textContent(), 'English');
    // The query string (date, world) is kept too.
    await page.goto(`${base}/fr/?at=2022-12-31`);
    await settle(page);
    await page.click('a.lang-switch');
    await page.waitForURL(`${base}/en/?at=2022-12-31`);
    assert.equal(await page.locator('#year-slider').inputValue(), '2022');
    await context.close();
  });

  test('sign-in, then an action after the silence deadline is refused with the rule that refused it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/en/sign-in?world=${SCENARIO}&next=council`);
    await settle(page);
    // A wrong password: an error summary, and no session.
    await page.fill('#username', 'bel');
    await page.fill('#password', 'not the password');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-testid="sign-in-error"]');
    assert.match((await page.locator('[data-testid="sign-in-error"]').textContent()) ?? '', /problem/i);
    await page.fill('#password', PASSWORD);
    await page.click('form button[type="submit"]');
    await page.waitForURL(`${base}/en/council?world=${SCENARIO}`);
    await settle(page);
    assert.match((await page.locator('.account').textContent()) ?? '', /bel/);
    // Classified material is on the page: banners at top and bottom; the world is an exercise.
    assert.equal(await page.locator('[data-testid="banners-top"] [data-marking="classification"]').getAttribute('data-level'), 'NATO RESTRICTED');
    assert.equal(await page.locator('[data-testid="banners-bottom"] [data-marking="classification"]').getAttribute('data-level'), 'NATO RESTRICTED');
    assert.equal(await page.locator('[data-testid="banners-top"] [data-marking="exercise"]').count(), 1);

    const lapsed = page.locator(`[data-proposal="${PROPOSALS.lapsed}"]`);
    await lapsed.locator('button[data-cmd="BreakSilence"]').click();
    await lapsed.locator('[data-testid="send-BreakSilence"]').click();
    const error = lapsed.locator('[data-testid="action-error"]');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    assert.match(text, /does not count/, text);
    assert.match(text, /council\.deadline_passed/, text);
    assert.equal(await statusOf(page, PROPOSALS.lapsed), 'under_silence');
    // In French, the same rule in French.
    await page.click('a.lang-switch');
    await page.waitForURL(/\/fr\/council/);
    await settle(page);
    const lapsedFr = page.locator(`[data-proposal="${PROPOSALS.lapsed}"]`);
    // The page kept its state across the switch: the form is still open; send it again.
    await lapsedFr.locator('[data-testid="send-BreakSilence"]').click();
    await page.waitForFunction((id) => /ne compte pas/.test(document.querySelector(`[data-proposal="${id}"] [data-testid="action-error"]`)?.textContent ?? ''), PROPOSALS.lapsed);
    await keepScreenshot(page, join(SHOTS, 'fr-exercise-council-refused.png'), { fullPage: true });
    await context.close();
  });

  test('a silence break made in one browser appears in another within a second, without reload', async () => {
    const belgium = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const france = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signIn(belgium, base, 'bel');
    await signIn(france, base, 'fra');
    const a = await belgium.newPage();
    const b = await france.newPage();
    await Promise.all([a.goto(`${base}/en/council?world=${SCENARIO}`), b.goto(`${base}/en/council?world=${SCENARIO}`)]);
    await Promise.all([settle(a), settle(b)]);
    assert.equal(await statusOf(b, PROPOSALS.open), 'under_silence');
    await b.evaluate(() => { (window as unknown as { marker: number }).marker = 7; });
    // The other delegation's page is connected to the live stream.
    await b.waitForFunction(() => document.body.textContent?.includes('Live'));

    const card = a.locator(`[data-proposal="${PROPOSALS.open}"]`);
    await card.locator('button[data-cmd="BreakSilence"]').click();
    await card.getByRole('textbox', { name: /^Reason/ }).fill('Belgium cannot join consensus on paragraph 3.');
    const acknowledged = a.waitForResponse((r) => r.url().endsWith(`/api/worlds/${SCENARIO}/commands`) && r.request().method() === 'POST');
    await card.locator('[data-testid="send-BreakSilence"]').click();
    const response = await acknowledged;
    assert.equal(response.status(), 201);
    const t0 = Date.now();
    await b.waitForFunction((id) => document.querySelector(`[data-proposal="${id}"]`)?.getAttribute('data-status') === 'silence_broken', PROPOSALS.open, { timeout: 1000 });
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < 1000, `seen after ${elapsed} ms`);
    assert.equal(await b.evaluate(() => (window as unknown as { marker?: number }).marker), 7, 'no reload');
    assert.match((await b.locator(`[data-proposal="${PROPOSALS.open}"]`).textContent()) ?? '', /Belgium — Broke silence/);
    assert.match((await b.locator('[data-testid="council-status"]').textContent()) ?? '', /Silence broken/);
    await keepScreenshot(b, join(SHOTS, 'en-exercise-council-live.png'), { fullPage: true });
    await Promise.all([belgium.close(), france.close()]);
  });

  test('the public cannot act, and reads no classified Council business', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/en/council?world=${SCENARIO}`);
    await settle(page);
    assert.equal(await page.locator('[data-proposal]').count(), 0);
    assert.equal(await page.locator('button[data-cmd]').count(), 0);
    assert.equal(await page.locator('[data-marking="classification"]').count(), 0);
    const r = await context.request.post(`${base}/api/worlds/${SCENARIO}/commands`, { data: { cmd: 'BreakSilence', by: 'BEL', data: { proposal: PROPOSALS.open } } });
    assert.equal(r.status(), 401);
    await context.close();
  });
});
