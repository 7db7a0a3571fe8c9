/**
 * Negotiating a text in the browser, live: Hungary and Estonia (two players, two browsers) talk
 * over their bilateral channel, Hungary proposes wording for the bracketed paragraph, the chair
 * (International Staff, a third player) accepts it into a revision without brackets and adopts
 * the text once both delegations agree, while an evaluator scores an objective — each page
 * updating live from the others' acts (server-sent events), with no reload. Pages pass axe-core
 * and are screenshotted.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, browserSuite, keepScreenshot, PASSWORD, ROOT, settle, signIn, type WebServer } from '../support/browser.js';
import { Scenarios } from '../../src/app/scenarios/service.js';
import { readScenarioText } from '../../src/app/scenarios/scenario-file.js';

const suite = browserSuite({ seed: false });

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const NAME = 'drafting';
const TEXT = 'PO-DRAFT';

// A scenario whose only proposal is put on the table at T+1h by the chair (a person); the
// other 30 Allies are bots that agree within ten scenario minutes of each revision.
const FILE = `
scenario: drafting
title: { en: Drafting a statement, fr: Rédaction d'une déclaration }
asOf: 2024-06-01
start: 2024-06-03T06:00:00Z
duration: 30d
clock: { speed: 600 }
seats:
  default: { default: agree, delay: 10m, jitter: 0m }
injects: []
objectives:
  - id: OBJ-1
    title: { en: Consensus on the statement within 24 h of its tabling, fr: Consensus sur la déclaration dans les 24 h suivant son dépôt }
    measure: { kind: consensus, proposals: [${TEXT}], within: 24h }
  - id: OBJ-2
    title: { en: Delegations reconcile wording bilaterally, fr: Les délégations concilient la rédaction bilatéralement }
`;

async function seed(server: WebServer): Promise<void> {
  const { services } = server;
  for (const [username, role] of [['hanna', 'player'], ['tiit', 'player'], ['ivo', 'player'], ['eve', 'evaluator']] as const) {
    await services.accounts.create({ username, password: PASSWORD, role, clearance: 'NATO SECRET' });
  }
  const scenarios = new Scenarios({ ledger: services.ledger, dataDir: server.dataDir, accounts: services.accounts });
  await scenarios.create(NAME, readScenarioText(FILE, 'drafting.yaml'));
  await scenarios.admit(NAME, 'eve');
  await scenarios.assign(NAME, 'HUN', 'hanna');
  await scenarios.assign(NAME, 'EST', 'tiit');
  await scenarios.assign(NAME, 'IS', 'ivo');
  await scenarios.clock(NAME, { action: 'start' });
  await scenarios.advance(NAME, { by: 3_600_000 });
  await scenarios.act(NAME, {
    cmd: 'TableProposal', by: 'SG',
    data: {
      proposal: TEXT, title: { en: 'Statement on the grid attack' }, procedure: 'meeting',
      paragraphs: ['We, the Allies, met today in the North Atlantic Council.', 'We [condemn][express deep concern about] the attack on the energy grid of Estonia.'],
    },
  });
}

describe('negotiating a text in two browsers, with messages and an evaluator', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const open = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await signIn(context, base, username);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    (page as unknown as { errors: string[] }).errors = errors;
    await page.goto(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    return page;
  };
  const card = (page: Page) => page.locator(`[data-proposal="${TEXT}"]`);
  const act = async (page: Page, cmd: string, fill: Record<string, string> = {}) => {
    await card(page).locator(`button[data-cmd="${cmd}"]`).first().click();
    const form = card(page).locator(`form[data-cmd="${cmd}"]`);
    for (const [field, value] of Object.entries(fill)) {
      const input = form.locator(`[id$="-${field}"]`).first();
      if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
      else await input.fill(value);
    }
    await form.locator(`[data-testid="send-${cmd}"]`).click();
  };
  const send = async (page: Page, to: string, text: string) => {
    await page.selectOption('[data-testid="message-to"]', to);
    await page.fill('[data-testid="message-text"]', text);
    await page.click('[data-testid="message-send"]');
  };
  const marker = (page: Page) => page.evaluate(() => { (window as unknown as { marker: number }).marker = 7; });
  const notReloaded = async (page: Page) => assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 7, 'the page was not reloaded');

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await suite.start());
    base = server.url;
    await seed(server);
  });

  after(async () => {
    for (const c of contexts) await c.close();
    await suite.stop();
  });

  test('two delegations talk, amend, and the chair adopts the text once no bracket is left; the evaluator scores', { timeout: 120_000 }, async () => {
    const [hanna, tiit, ivo, eve] = [await open('hanna'), await open('tiit'), await open('ivo'), await open('eve')];
    for (const p of [hanna, tiit, ivo, eve]) await marker(p);
    assert.equal(await hanna.locator('#objectives').count(), 0, 'a player sees no evaluation');
    assert.equal(await eve.locator('[data-testid="message-form"]').count(), 0, 'an evaluator sends no message');

    // Hungary asks Estonia over their channel; Estonia reads it live and answers.
    await send(hanna, 'EST', 'Could Estonia accept “express deep concern” in paragraph 2?');
    await tiit.locator('[data-testid="messages"]', { hasText: 'Could Estonia accept' }).waitFor({ timeout: 10_000 });
    await send(tiit, 'HUN', 'Yes, if the text keeps “the attack on the energy grid of Estonia”.');
    await hanna.locator('[data-testid="messages"]', { hasText: 'Yes, if the text keeps' }).waitFor({ timeout: 10_000 });
    assert.equal(await ivo.locator('[data-testid="messages"]', { hasText: 'Could Estonia accept' }).count(), 0, 'the chair is no party to their channel');
    await eve.locator('[data-testid="messages"]', { hasText: 'Could Estonia accept' }).waitFor({ timeout: 10_000 });

    // The chair may not adopt a text with brackets: the engine refuses, naming the rule.
    await act(ivo, 'AdoptProposal');
    await ivo.locator('[data-testid="action-error"]', { hasText: 'council.open_brackets' }).waitFor({ timeout: 10_000 });
    await card(ivo).locator('form[data-cmd="AdoptProposal"] .command-form__buttons button[type="button"]').click();

    // Hungary proposes the wording; the chair sees it pending, live, and accepts it into revision 1.
    await act(hanna, 'ProposeAmendment', { paragraph: '2', op: 'replace', text: 'We express deep concern about the attack on the energy grid of Estonia.' });
    await ivo.locator('[data-testid="amendments"]', { hasText: 'express deep concern' }).waitFor({ timeout: 10_000 });
    await act(ivo, 'AcceptAmendments', { amendments: 'A1' });
    await tiit.locator(`[data-proposal="${TEXT}"] [data-testid="proposal-text"][aria-label="Text (revision 1)"]`).waitFor({ timeout: 10_000 });
    assert.equal(await tiit.locator(`[data-proposal="${TEXT}"] li[data-bracketed]`).count(), 0, 'no bracket is left');

    await act(hanna, 'AgreeProposal');
    await act(tiit, 'AgreeProposal');
    await act(ivo, 'AdoptProposal');
    await tiit.locator(`[data-proposal="${TEXT}"][data-status="adopted"]`).waitFor({ timeout: 15_000 });
    await hanna.locator(`[data-proposal="${TEXT}"][data-status="adopted"]`).waitFor({ timeout: 15_000 });

    // The evaluator sees the objective measured as met, live, and scores the other.
    await eve.locator('[data-objective="OBJ-1"][data-status="met"]').waitFor({ timeout: 15_000 });
    await eve.selectOption('#score-objective', 'OBJ-2');
    await eve.selectOption('#score-rating', 'met');
    await eve.fill('#score-observation', 'Hungary and Estonia settled paragraph 2 on their channel before the chair acted.');
    await eve.click('[data-testid="score-submit"]');
    await eve.locator('[data-objective="OBJ-2"] [data-testid="objective-score"]', { hasText: 'settled paragraph 2' }).waitFor({ timeout: 10_000 });

    for (const p of [hanna, tiit, ivo, eve]) await notReloaded(p);
    for (const [who, p] of [['hanna', hanna], ['eve', eve]] as const) {
      await keepScreenshot(p, join(SHOTS, `negotiation-${who}.png`), { fullPage: true });
      await keepScreenshot(p.locator('#messages'), join(SHOTS, `negotiation-${who}-messages.png`));
      const violations = await axe(p);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.length}`), [], `${who}: axe`);
    }
    for (const p of [hanna, tiit, ivo, eve]) assert.deepEqual((p as unknown as { errors: string[] }).errors.filter((e) => !/status of 4\d\d/.test(e)), [], 'no console errors');
  });

  test('the same in French, on a phone: the channels and the evaluation fit 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    await signIn(context, base, 'eve');
    const page = await context.newPage();
    await page.goto(`${base}/fr/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    await page.locator('[data-objective="OBJ-2"] [data-testid="objective-score"]').first().waitFor({ timeout: 10_000 });
    assert.match((await page.locator('#objectives').textContent()) ?? '', /Objectifs de l’exercice.*atteint/s);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    await keepScreenshot(page, join(SHOTS, 'negotiation-eve-fr-390.png'), { fullPage: true });
    await keepScreenshot(page.locator('#messages'), join(SHOTS, 'negotiation-messages-fr-390.png'));
    await keepScreenshot(page.locator('#objectives'), join(SHOTS, 'negotiation-objectives-fr-390.png'));
    assert.deepEqual((await axe(page)).map((v) => v.id), []);
  });

  test('the after-action report page scores every objective for the evaluator; a player’s has none', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await signIn(context, base, 'eve');
    const page = await context.newPage();
    await page.goto(`${base}/en/scenarios/${NAME}/report?world=${NAME}`);
    await settle(page);
    await page.locator('#report-objectives [data-objective="OBJ-1"][data-status="met"]').waitFor({ timeout: 10_000 });
    assert.match((await page.locator('#report-objectives').textContent()) ?? '', /OBJ-2.*met — eve, T\+\d\d:\d\d: Hungary and Estonia settled/s);
    await page.click('#timeline button[aria-controls="timeline-table"]');
    assert.match((await page.locator('#timeline-table').textContent()) ?? '', /Message from HUN to EST/, 'messages are kept in the timeline');
    await keepScreenshot(page.locator('#report-objectives'), join(SHOTS, 'negotiation-report-objectives.png'));
    assert.deepEqual((await axe(page)).map((v) => v.id), []);
    const player = await (await open('hanna')).context().newPage();
    await player.goto(`${base}/en/scenarios/${NAME}/report?world=${NAME}`);
    await settle(player);
    await player.locator('#timeline').waitFor();
    assert.equal(await player.locator('#report-objectives').count(), 0);
  });
});
