/**
 * Exercise control in Debian's Chromium, without the CLI: a director creates a scenario from a
 * pasted file (its problems shown with line and column, the text selected there), then from the
 * record at a date; gives seats to people and back to bots; admits an observer; runs the clock;
 * branches a what-if at a scenario time and compares it with its parent. The proposal form in a
 * scenario proposes an id of the scenario's year and takes its deadline as scenario time (+24h).
 * Every page the director uses fits a 390 px phone and passes axe-core, in English and French,
 * with no console error (a CSP refusal is one).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, AXE_LANGUAGE, browserSuite, inPool, keepScreenshot, MEASURE, type Overflow, PASSWORD, ROOT, settle, signIn, violationLine, type WebServer } from '../support/browser.js';

const suite = browserSuite({ seed: false });

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots', 'control');
const FILE = readFileSync(join(ROOT, 'data', 'scenarios', 'grid-hybrid-attack.yaml'), 'utf8');
const NAME = 'blackout-web';
const START = Date.parse('2024-06-03T06:00:00Z');

/** The line (1-based) of the first line of `text` that starts with `prefix`. */
const lineOf = (text: string, prefix: string): number => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('exercise control in the browser', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;
  let base: string;
  // One signed-in context per account and screen width, made once even when pages ask at once.
  const contexts = new Map<string, Promise<BrowserContext>>();
  const as = (username: string, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> => {
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
  const errorsOf = (page: Page): string[] => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`script error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    return errors;
  };
  const apiGet = async <T>(username: string, path: string): Promise<T> => {
    const r = await (await as(username)).request.get(`${base}${path}`);
    assert.equal(r.status(), 200, `${path}: ${r.status()}`);
    return await r.json() as T;
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await suite.start());
    base = server.url;
    for (const [username, role] of [['dora', 'director'], ['hanna', 'player'], ['ines', 'player'], ['otto', 'observer']] as const) {
      await server.services.accounts.create({ username, password: PASSWORD, role, clearance: 'NATO SECRET' });
    }
  });

  after(async () => {
    for (const c of contexts.values()) await (await c).close();
    await suite.stop();
  });

  test('a pasted scenario file with mistakes: each problem with its line and column, the text selected there; nothing created; then checked and created', async () => {
    const page = await (await as('dora')).newPage();
    const errors = errorsOf(page);
    await page.goto(`${base}/en/scenarios`);
    await settle(page);
    const form = page.locator('[data-testid="new-scenario"]');
    await form.getByLabel('Name of the scenario’s world').fill(NAME);
    const bad = FILE.replace('  HUN: cautious-on-attribution', '  HUX: cautious-on-attribution').replace('  speed: 60 ', '  speeed: 60 ');
    await form.getByLabel('Scenario file', { exact: true }).fill(bad);
    await form.locator('[data-testid="create-scenario"]').click();
    const problems = form.locator('[data-testid="file-problems"] li');
    await problems.first().waitFor();
    const where = await problems.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-line')), Number(e.getAttribute('data-column')), e.textContent ?? '']));
    assert.deepEqual(where.map(([l, c]) => [l, c]), [[lineOf(bad, '  speeed:'), 3], [lineOf(bad, '  HUX:'), 3]]);
    assert.match(String(where[0]![2]), /Line 20, column 3.*clock\.speeed/);
    assert.match(String(where[1]![2]), /seats\.HUX.*neither an Ally/);
    // "Show in the text" selects the line of the problem in the textarea.
    await problems.nth(1).getByRole('button', { name: 'Show in the text' }).click();
    const selected = await form.getByLabel('Scenario file', { exact: true }).evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    assert.equal(selected, 'HUX: cautious-on-attribution');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
    await keepScreenshot(page, join(SHOTS, 'en-new-scenario-problems.png'), { fullPage: true });
    const listed = await apiGet<{ name: string }[]>('dora', '/api/scenarios');
    assert.deepEqual(listed, [], 'nothing was created');

    // A syntax error names its line and column too.
    await form.getByLabel('Scenario file', { exact: true }).fill('scenario: x\ntitle: { en: "a"\n');
    await form.locator('[data-testid="check-scenario"]').click();
    await page.waitForSelector('[data-testid="file-problems"] li[data-line="2"][data-column="8"]');

    // The right file: checked (nothing created), then created; the page goes to the new scenario.
    await form.getByLabel('Scenario file', { exact: true }).fill(FILE);
    await form.locator('[data-testid="check-scenario"]').click();
    const valid = page.locator('[data-testid="file-valid"]');
    await valid.waitFor();
    assert.match((await valid.textContent()) ?? '', /The file is valid: “Blackout in the Baltic.*”, \d+ injects, \d+ seat policies, forked as of 2024-06-01/);
    assert.deepEqual(await apiGet<unknown[]>('dora', '/api/scenarios'), [], 'a check creates nothing');
    await form.locator('[data-testid="create-scenario"]').click();
    await page.waitForURL(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    assert.match((await page.locator('main h1').textContent()) ?? '', /Blackout in the Baltic/);
    assert.equal(await page.title(), 'Blackout in the Baltic: a hybrid attack on an Ally\'s power grid — Evere');
    await page.locator('[data-testid="director-panel"]').waitFor();
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], 'only the refusals asked for');
    await page.close();
  });

  test('from the record at a date, in French: created; a name already taken is refused in French, naming it', async () => {
    const page = await (await as('dora')).newPage();
    const errors = errorsOf(page);
    await page.goto(`${base}/fr/scenarios`);
    await settle(page);
    const form = page.locator('[data-testid="new-scenario"]');
    await form.getByLabel('Nom du monde du scénario').fill(NAME);
    await form.getByLabel('Les archives à une date, sans inject').check();
    await form.getByLabel('Date de bifurcation (AAAA-MM-JJ)').fill('2023-04-04');
    await form.locator('[data-testid="create-scenario"]').click();
    const refusal = form.locator('[data-testid="control-error"]');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', new RegExp(`${NAME}.*existe déjà|existe déjà.*${NAME}`));
    await form.getByLabel('Nom du monde du scénario').fill('finland-day');
    await form.locator('[data-testid="create-scenario"]').click();
    await page.waitForURL(`${base}/fr/scenarios/finland-day?world=finland-day`);
    await settle(page);
    const status = await apiGet<{ asOf: string; seats: { seat: string; played: string }[] }>('dora', '/api/scenarios/finland-day');
    assert.equal(status.asOf, '2023-04-04');
    assert.ok(status.seats.some((s) => s.seat === 'FIN'), 'Finland is an Ally from 4 April 2023');
    assert.ok(status.seats.every((s) => s.played === 'bot'));
    assert.deepEqual(errors.filter((e) => !/status of 409/.test(e)), [], 'only the refusal asked for');
    await page.close();
  });

  test('seats to people and back to bots, an observer admitted — as the API then tells', async () => {
    const page = await (await as('dora')).newPage();
    const errors = errorsOf(page);
    await page.goto(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    const panel = page.locator('[data-testid="director-panel"]');
    const assign = panel.locator('[data-testid="assign-form"]');
    const give = async (seat: string, user: string) => {
      await assign.getByLabel('Seat', { exact: true }).selectOption(seat);
      await assign.getByLabel('Player (username)').fill(user);
      const done = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/seats/${seat}`));
      await assign.locator('[data-testid="assign-person"]').click();
      assert.equal((await done).status(), 200);
    };
    await give('HUN', 'hanna');
    await give('IS', 'ines');
    await page.waitForFunction(() => /Person: hanna/.test(document.querySelector('#seats')?.textContent ?? ''));
    let status = await apiGet<{ seats: { seat: string; holder?: string }[] }>('dora', `/api/scenarios/${NAME}`);
    assert.equal(status.seats.find((s) => s.seat === 'HUN')?.holder, 'hanna');
    assert.equal(status.seats.find((s) => s.seat === 'IS')?.holder, 'ines');
    // A seat given to someone who is no player is refused with the rule.
    await assign.getByLabel('Seat', { exact: true }).selectOption('EST');
    await assign.getByLabel('Player (username)').fill('otto');
    await assign.locator('[data-testid="assign-person"]').click();
    await panel.locator('[data-testid="control-error"]').waitFor();
    assert.match((await panel.locator('[data-testid="control-error"]').textContent()) ?? '', /scenario\.user_role/);
    // Hungary goes back to its bot.
    await assign.getByLabel('Seat', { exact: true }).selectOption('HUN');
    await assign.locator('[data-testid="assign-bot"]').click();
    await page.waitForFunction(() => !/Person: hanna/.test(document.querySelector('#seats')?.textContent ?? ''));
    status = await apiGet('dora', `/api/scenarios/${NAME}`);
    assert.equal(status.seats.find((s) => s.seat === 'HUN')?.holder, undefined);
    assert.deepEqual(await apiGet<{ name: string }[]>('otto', '/api/scenarios'), [], 'the observer is not admitted yet');
    const admit = panel.locator('[data-testid="admit-form"]');
    await admit.getByLabel('Username').fill('otto');
    const admitted = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/participants`));
    await admit.getByRole('button', { name: 'Admit' }).click();
    assert.equal((await admitted).status(), 200);
    assert.deepEqual((await apiGet<{ name: string }[]>('otto', '/api/scenarios')).map((s) => s.name), [NAME]);
    await keepScreenshot(page, join(SHOTS, 'en-director-seats.png'), { fullPage: true });
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], 'only the refusal asked for');
    await page.close();
  });

  test('the proposal form in a scenario: an id of the scenario’s year, the deadline typed as scenario time (+24h)', async () => {
    // Exercise control starts the clock, pauses it and advances to T+8h.
    const director = await (await as('dora')).newPage();
    await director.goto(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(director);
    await director.click('[data-testid="clock-start"]');
    await director.waitForSelector('[data-testid="clock-pause"]');
    await director.click('[data-testid="clock-pause"]');
    await director.waitForSelector('[data-testid="clock-resume"]');
    await director.fill('#advance-by', '8h');
    const advanced = director.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/advance`));
    await director.click('#advance-by ~ button[type="submit"]');
    assert.equal((await advanced).status(), 200);
    await director.close();
    const now = Date.parse((await apiGet<{ now: string }>('ines', `/api/scenarios/${NAME}`)).now);
    assert.ok(now >= START + 8 * 3_600_000, new Date(now).toISOString());

    const page = await (await as('ines')).newPage();
    const errors = errorsOf(page);
    await page.goto(`${base}/en/council?world=${NAME}`);
    await settle(page);
    await page.getByRole('button', { name: 'Table a proposal' }).click();
    const form = page.locator('form[data-cmd="TableProposal"]');
    const id = await form.getByLabel(/^Proposal/).inputValue();
    assert.match(id, /^PO-2024-\d{4}$/, 'the scenario’s year, not the real one');
    const existing = (await apiGet<{ data: { proposal: string } }[]>('ines', `/api/worlds/${NAME}/council/proposals`)).map((p) => p.data.proposal);
    assert.ok(!existing.includes(id), `${id} is free`);
    await form.getByLabel('Title (English)').fill('Statement on the restoration of the grid');
    const deadline = form.locator('[data-time-field="deadline"]');
    await deadline.fill('tomorrow');
    assert.match((await form.locator('[data-testid="time-deadline"]').textContent()) ?? '', /Not a time yet/);
    await deadline.fill('+24h');
    const expected = new Date(now + 24 * 3_600_000);
    const dtg = `${String(expected.getUTCDate()).padStart(2, '0')}${String(expected.getUTCHours()).padStart(2, '0')}${String(expected.getUTCMinutes()).padStart(2, '0')}Z JUN 24`;
    assert.equal((await form.locator('[data-testid="time-deadline"]').textContent())?.trim(), `That is ${dtg}.`);
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/act`));
    await form.locator('[data-testid="send-TableProposal"]').click();
    assert.equal((await sent).status(), 201);
    const tabled = (await apiGet<{ data: { proposal: string; deadline?: string } }[]>('ines', `/api/worlds/${NAME}/council/proposals`)).filter((p) => p.data.proposal === id);
    assert.equal(tabled.at(-1)?.data.deadline, expected.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    await keepScreenshot(page, join(SHOTS, 'en-scenario-proposal-tabled.png'), { fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a what-if branched at T+6h with one seat’s policy changed; its report compares it with the parent; any two compared', async () => {
    const page = await (await as('dora')).newPage();
    const errors = errorsOf(page);
    await page.goto(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    const form = page.locator('[data-testid="branch-form"]');
    await form.getByLabel('Name of the branch').fill(`${NAME}-hun`);
    await form.getByLabel('Branch point').fill('T+6h');
    await form.getByLabel('Seat', { exact: true }).selectOption('HUN');
    await form.getByLabel(/^Its new policy/).fill('default: agree');
    const made = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/branch`));
    await form.locator('[data-testid="make-branch"]').click();
    const response = await made;
    assert.equal(response.status(), 201, await response.text());
    const body = await response.json() as { status: { name: string; branch: { parent: string; atSeq: number } } };
    assert.equal(body.status.branch.parent, NAME);
    // The branch point is the first entry at or after T+6h.
    const entries = await apiGet<{ entries: { seq: number; validTime: string }[] }>('dora', `/api/worlds/${NAME}/entries?since=${body.status.branch.atSeq - 1}&limit=2`);
    assert.ok(Date.parse(entries.entries.find((e) => e.seq === body.status.branch.atSeq)!.validTime) >= START + 6 * 3_600_000);
    assert.ok(Date.parse(entries.entries.find((e) => e.seq === body.status.branch.atSeq - 1)!.validTime) < START + 6 * 3_600_000);
    await page.locator('[data-testid="branch-made"]').getByRole('link', { name: /compared with this scenario/ }).click();
    await page.waitForURL(`${base}/en/scenarios/${NAME}-hun/report?world=${NAME}-hun`);
    await settle(page);
    assert.match((await page.locator('#comparison-heading').textContent()) ?? '', new RegExp(`${NAME}.*${NAME}-hun|${NAME}-hun.*${NAME}`));
    assert.match(await page.title(), /^After-action report: Blackout in the Baltic.* — Evere$/);
    // Any two scenarios: the record-based one against this one.
    await page.selectOption('[data-testid="report-compare"]', 'finland-day');
    await page.waitForURL(/compare=finland-day/);
    await settle(page);
    assert.match((await page.locator('#comparison-heading').textContent()) ?? '', /finland-day/);
    await keepScreenshot(page, join(SHOTS, 'en-branch-report.png'), { fullPage: true });
    // A branch point that is no time is refused with the rule.
    await page.goto(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    await form.getByLabel('Name of the branch').fill(`${NAME}-x`);
    await form.getByLabel('Branch point').fill('yesterday');
    await form.getByLabel('Seat', { exact: true }).selectOption('HUN');
    await form.getByLabel(/^Its new policy/).fill('default: agree');
    await form.locator('[data-testid="make-branch"]').click();
    await page.locator('[data-testid="director-panel"] [data-testid="control-error"]').waitFor();
    assert.match((await page.locator('[data-testid="director-panel"] [data-testid="control-error"]').textContent()) ?? '', /scenario\.time_invalid/);
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
    await page.close();
  });

  test('the director’s pages fit a 390 px phone, and pass axe-core at both sizes and in both languages', async () => {
    const problems: string[] = [];
    const visits = [{ name: 'desktop', width: 1440, height: 900 } as const, { name: 'phone', width: 390, height: 844 } as const].flatMap((size) => (['en', 'fr'] as const).flatMap((lang) =>
      [{ name: 'scenarios', path: 'scenarios' }, { name: 'scenario', path: `scenarios/${NAME}?world=${NAME}` }, { name: 'report', path: `scenarios/${NAME}-hun/report?world=${NAME}-hun` }].map((p) => ({ size, lang, p }))));
    await inPool(visits, 4, async ({ size, lang, p }) => {
      const page = await (await as('dora', size)).newPage();
      const errors = errorsOf(page);
      const where = `/${lang}/${p.path} (${size.name})`;
      await page.goto(`${base}/${lang}/${p.path}`);
      await settle(page);
      await page.waitForFunction(() => document.querySelectorAll('.chart-figure').length === document.querySelectorAll('.chart-figure svg').length);
      const o = await page.evaluate<Overflow>(MEASURE);
      if (o.scrollWidth > size.width) problems.push(`${where}: ${o.scrollWidth} px wide; sticking out: ${o.culprits.join('; ')}`);
      const title = await page.title();
      if (title === 'Evere' || !title.endsWith(' — Evere')) problems.push(`${where}: title “${title}”`);
      if (p.name !== 'report' && await page.locator(p.name === 'scenarios' ? '[data-testid="new-scenario"]' : '[data-testid="director-panel"]').count() !== 1) problems.push(`${where}: no director’s form`);
      await keepScreenshot(page, join(SHOTS, `${lang}-${p.name}-${size.name}.png`), { fullPage: true });
      if (p.name !== 'report') await keepScreenshot(page.locator(p.name === 'scenarios' ? '[data-testid="new-scenario"]' : '[data-testid="director-panel"]'), join(SHOTS, `${lang}-${p.name}-form-${size.name}.png`));
      if (lang === AXE_LANGUAGE[size.name]) for (const v of await axe(page)) problems.push(`${where}: axe ${violationLine(v)}`);
      for (const e of errors) problems.push(`${where}: ${e}`);
      await page.close();
    });
    assert.deepEqual(problems.sort(), []);
  });
  test('an ad hoc inject with its full content: text, a link to an attachment, an addressee and a classification; a bad link refused with its rule and nothing delivered', async () => {
    const page = await (await as('dora')).newPage();
    const errors = errorsOf(page);
    await page.goto(`${base}/en/scenarios/${NAME}?world=${NAME}`);
    await settle(page);
    const form = page.locator('[data-testid="adhoc-inject"]');
    const delivered = async () => (await apiGet<{ entries: { payload: { inject: string } }[] }>('dora', `/api/worlds/${NAME}/entries?type=InjectDelivered&limit=1000`)).entries.map((e) => e.payload.inject);
    const before = await delivered();
    await form.getByLabel('Kind').selectOption('intelligence');
    await form.getByLabel('Id (optional; default ADHOC-n)').fill('ADHOC-WEB-1');
    await form.getByLabel('Classification').selectOption('NATO RESTRICTED');
    await form.getByLabel('Title in English').fill('Substation sabotage suspected');
    await form.getByLabel('Title in French (optional)').fill('Sabotage présumé d’un poste électrique');
    await form.getByLabel('Text in English (optional)').fill('Two substations near Tartu went dark at 04:10.');
    await form.getByLabel('Text in French (optional)').fill('Deux postes près de Tartu se sont éteints à 4 h 10.');
    await form.getByRole('button', { name: 'Add an attachment' }).click();
    await form.getByLabel('Attachment 1: title').fill('Grid operator bulletin');
    await form.getByLabel('Attachment 1: address').fill('ftp://files.example/bulletin.pdf');
    await form.getByLabel('International Staff (IS)').check();
    await keepScreenshot(form, join(SHOTS, 'en-adhoc-inject-form.png'));
    // An address that is not http(s) is refused by the rule a scenario file's inject meets; nothing is delivered.
    let answer = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/injects`));
    await form.locator('[data-testid="adhoc-deliver"]').click();
    assert.equal((await answer).status(), 400);
    await form.locator('[data-testid="control-error"]').waitFor();
    assert.match((await form.locator('[data-testid="control-error"]').textContent()) ?? '', /attachments/);
    assert.deepEqual(await delivered(), before, 'nothing delivered');
    // With an http(s) address it is delivered, with everything typed in.
    await form.getByLabel('Attachment 1: address').fill('https://files.example/bulletin.pdf');
    answer = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${NAME}/injects`));
    await form.locator('[data-testid="adhoc-deliver"]').click();
    assert.equal((await answer).status(), 201);
    const entry = (await apiGet<{ entries: { classification: string; payload: Record<string, unknown> }[] }>('dora', `/api/worlds/${NAME}/entries?type=InjectDelivered&limit=1000`)).entries.find((e) => e.payload.inject === 'ADHOC-WEB-1');
    assert.ok(entry, 'the inject was delivered');
    assert.equal(entry.classification, 'NATO RESTRICTED');
    assert.deepEqual(
      { kind: entry.payload.kind, title: entry.payload.title, text: entry.payload.text, attachments: entry.payload.attachments, to: entry.payload.to },
      {
        kind: 'intelligence',
        title: { en: 'Substation sabotage suspected', fr: 'Sabotage présumé d’un poste électrique' },
        text: { en: 'Two substations near Tartu went dark at 04:10.', fr: 'Deux postes près de Tartu se sont éteints à 4 h 10.' },
        attachments: [{ title: { en: 'Grid operator bulletin' }, url: 'https://files.example/bulletin.pdf' }],
        to: ['IS'],
      },
    );
    // The form is emptied when the page has taken the answer in, which may be a little after the response.
    const title = await form.getByLabel('Title in English').elementHandle();
    await page.waitForFunction((el) => (el as HTMLInputElement).value === '', title, { timeout: 5_000 }).catch(() => undefined);
    assert.equal(await form.getByLabel('Title in English').inputValue(), '', 'the form is emptied once delivered');
    await keepScreenshot(page, join(SHOTS, 'en-adhoc-inject.png'), { fullPage: true });
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], 'only the refusal asked for');
    await page.close();

    // The International Staff's player reads it in French, with its text, link and addressee.
    const player = await (await as('ines', { width: 390, height: 844 })).newPage();
    const playerErrors = errorsOf(player);
    await player.goto(`${base}/fr/scenarios/${NAME}?world=${NAME}`);
    await settle(player);
    const card = player.locator('[data-inject="ADHOC-WEB-1"]');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Sabotage présumé d’un poste électrique/);
    assert.match(text, /Deux postes près de Tartu/);
    assert.match(text, /Destinataires\u00a0: Secrétariat international/);
    assert.equal(await card.getByRole('link', { name: 'Grid operator bulletin' }).getAttribute('href'), 'https://files.example/bulletin.pdf');
    await keepScreenshot(card, join(SHOTS, 'fr-adhoc-inject-player-phone.png'));
    assert.deepEqual(playerErrors, []);
    await player.close();
  });
});
