/**
 * No French page shows the record in English. Every page of the web app in French (desktop), with
 * the real record loaded: the visible text is scanned for the English of every record text whose
 * French differs (src/messages/record-french.ts, and the `{ en, fr }` titles of the record lines),
 * and none may be found. The same pages in English must show such texts (a scan that finds nothing
 * anywhere would prove nothing), among them an Article 4 reason, an Article 5 measure and the
 * occasion "Madrid Summit".
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { browserSuite, inPool, SCENARIO, settle, signIn, type WebServer } from '../support/browser.js';
import { ENGLISH, VISIBLE_TEXT } from '../support/record-english.js';

const suite = browserSuite();

/** Every page that shows something of the record, and the Ally pages whose history cites it. */
const PAGES: readonly { path: string; signedIn?: boolean }[] = [
  { path: '' }, { path: 'allies' }, { path: 'allies/FIN' }, { path: 'allies/TUR' }, { path: 'allies/USA' }, { path: 'allies/POL' },
  { path: 'allies/GBR' }, { path: 'allies/NLD' }, { path: 'allies/MKD' },
  { path: 'accessions' }, { path: 'accessions/SWE-2022' }, { path: 'accessions/CZE-HUN-POL-1997' }, { path: 'council' },
  { path: 'consultations' }, { path: 'operations' }, { path: 'partnerships' }, { path: 'fund' }, { path: 'exercises' }, { path: 'eu' },
  { path: 'arms-control' }, { path: 'arms-control?instrument=INF' }, { path: 'arms-control?instrument=CFE' }, { path: 'human-security' }, { path: 'offices' },
  { path: 'ledger' }, { path: 'scenarios' },
  { path: `?world=${SCENARIO}`, signedIn: true }, { path: `operations?world=${SCENARIO}`, signedIn: true },
  { path: `fund?world=${SCENARIO}`, signedIn: true }, { path: `consultations?world=${SCENARIO}`, signedIn: true },
];

describe('French pages show the record in French', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await suite.start());
  });

  after(async () => {
    await suite.stop();
  });

  test('no English record text on any French page; the English pages do show them', async () => {
    assert.ok(ENGLISH.length > 100, `only ${ENGLISH.length} English texts to look for`);
    const viewport = { width: 1440, height: 900 };
    const publicContext = await browser.newContext({ viewport });
    const signedIn = await browser.newContext({ viewport });
    const contexts: BrowserContext[] = [publicContext, signedIn];
    await signIn(signedIn, server.url, 'bel');
    const found: string[] = [];
    const seenInEnglish = new Set<string>();
    try {
      const visits = (['fr', 'en'] as const).flatMap((lang) => PAGES.map((p) => ({ lang, p })));
      await inPool(visits, 4, async ({ lang, p }) => {
        const page = await (p.signedIn ? signedIn : publicContext).newPage();
        await page.goto(`${server.url}/${lang}/${p.path}`);
        await settle(page);
        const visible = await page.evaluate<string>(VISIBLE_TEXT);
        for (const e of ENGLISH) {
          if (!e.re.test(visible)) continue;
          if (lang === 'fr') found.push(`/fr/${p.path}: “${e.text}”`);
          else seenInEnglish.add(e.text);
        }
        await page.close();
      });
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
    assert.deepEqual(found.sort(), [], `record texts shown in English on French pages:\n${found.join('\n')}`);
    for (const expected of ['Madrid Summit', 'Russia\'s full-scale military attack on Ukraine', 'Treaty on Conventional Armed Forces in Europe (CFE)',
      'Enhance intelligence sharing and co-operation, bilaterally and in NATO bodies, on the threats posed by terrorism and the actions to be taken against it']) {
      assert.ok(seenInEnglish.has(expected), `the English pages should show “${expected}” (seen: ${seenInEnglish.size} texts)`);
    }
  });
  test('Article 5 in 2001, each step on its own date and in French: the conditional invocation, the determination, the measures', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/fr/consultations`);
    await settle(page);
    const card = page.locator('article.card-block').filter({ has: page.locator('[data-testid="art5-conditional"]') });
    assert.equal(await card.count(), 1);
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Invoqué le 12 septembre 2001, sous condition\s?:\s?«?\s?S’il est établi que l’attaque contre les États-Unis était dirigée depuis l’étranger/);
    assert.match(text, /Constatée le 2 octobre 2001/);
    assert.ok(text.indexOf('12 septembre 2001') < text.indexOf('Constatée le 2 octobre 2001'), 'the invocation before the determination');
    const measures = await card.locator('ol.events li').allTextContents();
    assert.ok(measures.length >= 8 && measures.every((m) => /^\d{1,2}(er)? \p{L}+ 2001 — /u.test(m)), measures.join(' | '));
    assert.ok(measures.every((m) => !/ septembre 2001 — /.test(m)), 'no measure before the determination');
    await context.close();
  });
});
