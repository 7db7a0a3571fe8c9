/**
 * The scenario pages in Debian's Chromium, through the real server: a scenario created from
 * data/scenarios/grid-hybrid-attack.yaml through the app layer, with Hungary and Estonia held by
 * two players in two browsers. A silence break by Hungary appears in Estonia's browser within a
 * second; Estonia answers the inject that asks it to request consultations in one click; exercise
 * control pauses and advances the clock; the after-action report shows its charts and tables; the
 * Council page of the scenario acts at scenario time. Every new page passes axe-core (no serious
 * or critical violation) in English and French and is screenshotted.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, AXE_LANGUAGE, browserSuite, inPool, keepScreenshot, MEASURE, type Overflow, PASSWORD, ROOT, settle, signIn, violationLine, type WebServer } from '../support/browser.js';
import { Scenarios } from '../../src/app/scenarios/service.js';
import { readScenarioText } from '../../src/app/scenarios/scenario-file.js';

const suite = browserSuite({ seed: false });

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const NAME = 'blackout';
const STATEMENT = 'PO-2024-0601';




/**
 * The scenario as a director would set it up: created from the example file, Hungary and Estonia
 * given to two players, a director and an observer admitted, the clock started and paused at T+7h
 * (the Council statement is under silence; Estonia has been asked to request consultations).
 */
async function seed(server: WebServer): Promise<void> {
  const { services } = server;
  for (const [username, role] of [['dora', 'director'], ['hanna', 'player'], ['tiit', 'player'], ['otto', 'observer']] as const) {
    await services.accounts.create({ username, password: PASSWORD, role, clearance: 'NATO SECRET' });
  }
  const scenarios = new Scenarios({ ledger: services.ledger, dataDir: server.dataDir, accounts: services.accounts });
  const file = join(ROOT, 'data', 'scenarios', 'grid-hybrid-attack.yaml');
  const definition = readScenarioText(readFileSync(file, 'utf8'), 'grid-hybrid-attack.yaml');
  await scenarios.create(NAME, definition);
  await scenarios.admit(NAME, 'dora');
  await scenarios.admit(NAME, 'otto');
  await scenarios.assign(NAME, 'HUN', 'hanna');
  await scenarios.assign(NAME, 'EST', 'tiit');
  await scenarios.clock(NAME, { action: 'start' });
  await scenarios.clock(NAME, { action: 'pause' });
  await scenarios.advance(NAME, { to: Date.parse(definition.start) + 7 * 3_600_000 });
}

describe('the scenario pages in Chromium', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;
  // One signed-in context per account, made once even when pages ask at once.
  const contexts = new Map<string, Promise<BrowserContext>>();
  const as = (username: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> => {
    const key = `${username}@${viewport.width}`;
    let c = contexts.get(key);
    if (!c) {
      c = browser.newContext({ viewport }).then(async (context) => {
        await signIn(context, base, username);
        return context;
      });
      contexts.set(key, c);
    }
    return c;
  };
  const open = async (username: string, path: string): Promise<Page> => {
    const page = await (await as(username)).newPage();
    await page.goto(`${base}${path}`);
    await settle(page);
    return page;
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await suite.start());
    base = server.url;
    await seed(server);
  });

  after(async () => {
    for (const c of contexts.values()) await (await c).close();
    await suite.stop();
  });

  test('the list of scenarios links to each scenario page, which keeps the scenario as its world', async () => {
    const page = await open('hanna', '/en/scenarios');
    assert.equal(await page.locator('main h1').textContent(), 'Scenarios');
    assert.equal(await page.locator('nav[aria-label="Main"] a[href="/en/scenarios"]').getAttribute('aria-current'), 'page');
    await page.click(`a[data-scenario="${NAME}"]`);
    await page.waitForURL(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    assert.match((await page.locator('main h1').textContent()) ?? '', /[Gg]rid|hybrid|Estonia/);
    assert.equal(await page.locator('[data-testid="banners-top"] [data-marking="exercise"]').count(), 1);
    assert.match((await page.locator('[data-testid="your-seat"]').textContent()) ?? '', /Hungary/);
    assert.equal(await page.locator('[data-testid="control-panel"]').count(), 0, 'a player has no exercise control');
    assert.equal(await page.locator('[data-testid="scenario-offset"]').textContent(), 'T+07:00');
    assert.equal(await page.locator('[data-testid="clock-status"]').first().getAttribute('data-status'), 'paused');
    // Without ?world= the page puts the scenario's world in the address.
    await page.goto(`${base}/en/scenarios/${NAME}`);
    await page.waitForURL(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await page.close();
  });

  test('Hungary breaks silence in one browser; Estonia sees it in the other within a second, without reload', async () => {
    const [a, b] = await Promise.all([open('hanna', `/en/scenarios/${NAME}?world=${NAME}`), open('tiit', `/en/scenarios/${NAME}?world=${NAME}`)]);
    const status = (p: Page) => p.locator(`[data-proposal="${STATEMENT}"]`).getAttribute('data-status');
    assert.equal(await status(a), 'under_silence');
    assert.equal(await status(b), 'under_silence');
    await b.evaluate(() => { (window as unknown as { marker: number }).marker = 7; });
    await b.waitForFunction(() => document.body.textContent?.includes('Live'));
    // The countdown to the next silence deadline runs in scenario time.
    assert.match((await a.locator('[data-testid="next-deadline"]').textContent()) ?? '', new RegExp(STATEMENT));

    const card = a.locator(`[data-proposal="${STATEMENT}"]`);
    await card.locator('button[data-cmd="BreakSilence"]').click();
    await card.getByRole('textbox', { name: /^Reason/ }).fill('Paragraph 3 must await the forensic investigation.');
    const acknowledged = a.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/act`) && r.request().method() === 'POST');
    await card.locator('[data-testid="send-BreakSilence"]').click();
    const response = await acknowledged;
    assert.equal(response.status(), 201);
    const entries = await response.json() as { validTime: string; actor: string }[];
    assert.equal(entries[0]!.validTime, '2024-06-03T13:00:00Z', 'dated in scenario time');
    const t0 = Date.now();
    await b.waitForFunction((id) => document.querySelector(`[data-proposal="${id}"]`)?.getAttribute('data-status') === 'silence_broken', STATEMENT, { timeout: 1000 });
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < 1000, `seen after ${elapsed} ms`);
    assert.equal(await b.evaluate(() => (window as unknown as { marker?: number }).marker), 7, 'no reload');
    assert.match((await b.locator(`[data-proposal="${STATEMENT}"]`).textContent()) ?? '', /Hungary — Broke silence/);
    await keepScreenshot(b, join(SHOTS, 'en-scenario-live-estonia.png'), { fullPage: true });

    // A second break is refused, with the rule, in the page language.
    await a.reload();
    await settle(a);
    assert.equal(await a.locator(`[data-proposal="${STATEMENT}"] button[data-cmd="BreakSilence"]`).count(), 0, 'no break offered on a broken silence');
    await Promise.all([a.close(), b.close()]);
  });

  test('a refusal names the rule, in French on the French page', async () => {
    // Exercise control asks for an advance that is no duration: the page shows the rule, in French.
    const page = await open('dora', `/fr/scenarios/${NAME}?world=${NAME}`);
    await page.fill('#advance-by', 'deux jours');
    await page.click('#advance-by ~ button[type="submit"]');
    const error = page.locator('[data-testid="control-panel"] [data-testid="action-error"]');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    assert.match(text, /n’est pas une durée/, text);
    assert.match(text, /scenario\.duration_invalid/, text);
    await keepScreenshot(page, join(SHOTS, 'fr-scenario-control-refused.png'), { fullPage: true });
    // Acting for a seat one does not hold is refused by the scenario's rule.
    const refused = await page.evaluate(async (name) => {
      const me = await (await fetch('/api/auth/me')).json() as { csrf: string };
      const r = await fetch(`/api/scenarios/${name}/act`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf, 'accept-language': 'fr' },
        body: JSON.stringify({ cmd: 'AgreeProposal', by: 'HUN', data: { proposal: 'PO-2024-0601' } }),
      });
      return { status: r.status, body: await r.json() as { code: string; detail: string } };
    }, NAME);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'scenario.not_seated');
    assert.match(refused.body.detail, /n’occupe aucun siège/);
    await page.close();
  });

  test('Estonia answers the inject that asks it to request consultations, in one click', async () => {
    const page = await open('tiit', `/en/scenarios/${NAME}?world=${NAME}`);
    const prompt = page.locator('[data-prompt="INJ-04"]');
    assert.equal(await prompt.getAttribute('data-answered'), 'false');
    const acknowledged = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/act`) && r.request().method() === 'POST');
    await prompt.locator('[data-testid="answer-INJ-04"]').click();
    assert.equal((await acknowledged).status(), 201);
    await page.waitForSelector('[data-prompt="INJ-04"][data-answered="true"]');
    await keepScreenshot(page, join(SHOTS, 'en-scenario-prompt-answered.png'), { fullPage: true });
    // After a reload the prompt is still shown as answered (read from the log).
    await page.reload();
    await settle(page);
    await page.waitForSelector('[data-prompt="INJ-04"][data-answered="true"]');
    const held = await page.evaluate(async (name) => (await (await fetch(`/api/worlds/${name}/entries?type=ConsultationsRequested&limit=10`)).json()) as { entries: { actingFor: string; payload: { consultation: string } }[] }, NAME);
    assert.ok(held.entries.some((e) => e.actingFor === 'EST' && e.payload.consultation === 'A4-BALTIC-GRID'));
    await page.close();
  });

  test('exercise control resumes and pauses the clock, and advances it; the player’s page follows live', async () => {
    const director = await open('dora', `/en/scenarios/${NAME}?world=${NAME}`);
    const player = await open('hanna', `/en/scenarios/${NAME}?world=${NAME}`);
    const clockState = (p: Page) => p.locator('[data-testid="scenario-clock"] [data-testid="clock-status"]').getAttribute('data-status');
    assert.equal(await clockState(director), 'paused');
    await director.click('[data-testid="clock-resume"]');
    await director.waitForSelector('[data-testid="scenario-clock"] [data-testid="clock-status"][data-status="running"]');
    await player.waitForSelector('[data-testid="scenario-clock"] [data-testid="clock-status"][data-status="running"]', { timeout: 3000 });
    await director.click('[data-testid="clock-pause"]');
    await director.waitForSelector('[data-testid="scenario-clock"] [data-testid="clock-status"][data-status="paused"]');
    await player.waitForSelector('[data-testid="scenario-clock"] [data-testid="clock-status"][data-status="paused"]', { timeout: 3000 });
    const api = await (await as('dora')).request.get(`${base}/api/scenarios/${NAME}`);
    assert.equal((await api.json() as { clock: { status: string } }).clock.status, 'paused');
    await keepScreenshot(director, join(SHOTS, 'en-scenario-control.png'), { fullPage: true });
    // Two scenario days later, the Council has worked through the statement and more.
    await director.fill('#advance-by', '2d');
    const advanced = director.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/advance`));
    await director.click('#advance-by ~ button[type="submit"]');
    assert.equal((await advanced).status(), 200);
    await director.waitForFunction(() => /^T\+2d/.test(document.querySelector('[data-testid="scenario-offset"]')?.textContent ?? ''));
    await player.waitForFunction(() => /^T\+2d/.test(document.querySelector('[data-testid="scenario-offset"]')?.textContent ?? ''), null, { timeout: 5000 });
    await Promise.all([director.close(), player.close()]);
  });

  test('the Council page of a scenario acts through the seat, at scenario time', async () => {
    const page = await open('hanna', `/en/council?world=${NAME}`);
    assert.equal(await page.locator('[data-testid="council-scenario-note"]').count(), 1);
    const offered = page.locator('[data-proposal] button[data-cmd]');
    assert.ok(await offered.count() > 0, 'the player’s seat is offered acts');
    await keepScreenshot(page, join(SHOTS, 'en-scenario-council.png'), { fullPage: true });
    await page.close();
  });

  test('the after-action report: charts with their tables, the HTML and JSON links', async () => {
    const page = await open('otto', `/en/scenarios/${NAME}/report`);
    await page.waitForURL(`${base}/en/scenarios/${NAME}/report?world=${NAME}`);
    await settle(page);
    assert.equal(await page.locator('main h1').textContent(), 'After-action report');
    for (const chart of ['chart-timeline', 'chart-consensus', 'chart-breaks']) {
      await page.waitForSelector(`[data-testid="${chart}"] svg[role="img"]`);
    }
    assert.ok(await page.locator('#consensus table').count() === 1, 'time to consensus as a table');
    assert.match((await page.locator('#by-delegation table').textContent()) ?? '', /Hungary/);
    assert.ok(await page.locator('#failed').count() === 1);
    await page.click('button[aria-controls="timeline-table"]');
    assert.ok(await page.locator('#timeline-table table tbody tr').count() > 10);
    const html = await (await as('otto')).request.get(`${base}${await page.locator('[data-testid="report-html"]').getAttribute('href')}`);
    assert.equal(html.status(), 200);
    assert.match(await html.text(), /EXERCISE/);
    const json = await (await as('otto')).request.get(`${base}${await page.locator('[data-testid="report-json"]').getAttribute('href')}`);
    assert.equal((await json.json() as { exercise: boolean }).exercise, true);
    await page.close();
  });

  test('on a 390×844 phone every scenario page fits the screen (the director’s controls included), with its own title and <html lang>, no console error, axe-clean in French', async () => {
    const pages: { name: string; who: string; path: string }[] = [
      { name: 'scenarios', who: 'hanna', path: 'scenarios' },
      { name: 'scenario-player', who: 'hanna', path: `scenarios/${NAME}?world=${NAME}` },
      { name: 'scenario-director', who: 'dora', path: `scenarios/${NAME}?world=${NAME}` },
      { name: 'scenario-report', who: 'otto', path: `scenarios/${NAME}/report?world=${NAME}` },
      { name: 'scenario-council', who: 'tiit', path: `council?world=${NAME}` },
    ];
    const problems: string[] = [];
    const visits = (['en', 'fr'] as const).flatMap((lang) => pages.map((p) => ({ lang, p })));
    await inPool(visits, 4, async ({ lang, p }) => {
      const page = await (await as(p.who, { width: 390, height: 844 })).newPage();
      const where = `/${lang}/${p.path} (${p.name}, as ${p.who})`;
      page.on('pageerror', (e) => problems.push(`${where}: script error ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`${where}: console ${m.text()}`); });
      await page.goto(`${base}/${lang}/${p.path}`);
      await settle(page);
      await page.waitForFunction(() => document.querySelectorAll('.chart-figure').length === document.querySelectorAll('.chart-figure svg').length);
      const o = await page.evaluate<Overflow>(MEASURE);
      if (o.scrollWidth > 390) problems.push(`${where}: the page is ${o.scrollWidth} px wide; sticking out: ${o.culprits.join('; ')}`);
      const title = await page.title();
      if (title === 'Evere' || !title.endsWith(' — Evere')) problems.push(`${where}: title “${title}”`);
      if (await page.getAttribute('html', 'lang') !== lang) problems.push(`${where}: <html lang>`);
      await keepScreenshot(page, join(SHOTS, `${lang}-${p.name}-phone.png`), { fullPage: true });
      if (lang === AXE_LANGUAGE.phone) for (const v of await axe(page)) problems.push(`${where}: ${violationLine(v)}`);
      if (p.name === 'scenario-director') {
        await keepScreenshot(page.locator('#deliver-inject').locator('xpath=ancestor::section[1]'), join(SHOTS, `${lang}-scenario-director-controls-phone.png`));
      }
      await page.close();
    });
    assert.deepEqual(problems.sort(), []);
  });

  test('every scenario page passes axe-core on the desktop in English (in French on the phone, above), and is screenshotted', async () => {
    const pages: { name: string; who: string; path: string }[] = [
      { name: 'scenarios', who: 'hanna', path: 'scenarios' },
      { name: 'scenario-player', who: 'hanna', path: `scenarios/${NAME}?world=${NAME}` },
      { name: 'scenario-director', who: 'dora', path: `scenarios/${NAME}?world=${NAME}` },
      { name: 'scenario-report', who: 'otto', path: `scenarios/${NAME}/report?world=${NAME}` },
      { name: 'scenario-council', who: 'tiit', path: `council?world=${NAME}` },
    ];
    const problems: string[] = [];
    const lang = AXE_LANGUAGE.desktop;
    await inPool(pages, 4, async (p) => {
      const page = await (await as(p.who)).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/${lang}/${p.path}`);
      await settle(page);
      await page.waitForFunction(() => document.querySelectorAll('.chart-figure').length === document.querySelectorAll('.chart-figure svg').length);
      if (await page.getAttribute('html', 'lang') !== lang) problems.push(`${lang}/${p.path}: <html lang>`);
      await keepScreenshot(page, join(SHOTS, `${lang}-${p.name}.png`), { fullPage: true });
      for (const v of await axe(page)) problems.push(`${lang}/${p.path}: ${violationLine(v)}`);
      for (const e of errors) problems.push(`${lang}/${p.path}: script error ${e}`);
      await page.close();
    });
    // Signed out, the list asks to sign in.
    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    await page.goto(`${base}/en/scenarios`);
    await settle(page);
    assert.match((await page.locator('main').textContent()) ?? '', /Sign in/);
    for (const v of await axe(page)) problems.push(`public scenarios: ${v.impact} ${v.id} — ${v.help}`);
    await anonymous.close();
    assert.deepEqual(problems, []);
  });
});
