/**
 * One visit of every page of the web app at one screen size, in English and in French, in Debian's
 * Chromium through the real server, with every check a page must pass made on that visit:
 * - it never scrolls sideways (the failure names the element that sticks out), and on the desktop
 *   no table is cut off;
 * - it has its own title in the reader's language, the English heading, and the 404 page where
 *   the address names nothing;
 * - no console error (signed out included: nothing answers 401 or 404 to the app's own reads);
 * - it is served with the Content-Security-Policy and raises no violation of it (no inline script
 *   or style is needed; the fund's Observable Plot charts draw under it);
 * - axe-core finds nothing serious (in English on the desktop, in French on the phone: AXE_LANGUAGE);
 * - a French page shows no record text in English, and the English pages do show such texts
 *   (a scan that finds nothing anywhere would prove nothing).
 *
 * A full-page screenshot of each visit is kept in test-artifacts/screenshots/pages/
 * (LANG-NAME-SIZE.png; see keepScreenshot for CI).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, AXE_LANGUAGE, browserSuite, inPool, keepScreenshot, MEASURE, type Overflow, ROOT, SCENARIO, settle, signIn, violationLine } from './browser.js';
import { ENGLISH, VISIBLE_TEXT } from './record-english.js';

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots', 'pages');

export interface PageCase {
  readonly name: string;
  /** Path after the language, with its query. */
  readonly path: string;
  /** The English heading. */
  readonly heading: RegExp;
  /** The page's own title in each language, where it is not "HEADING — Evere". */
  readonly title?: { readonly en: RegExp; readonly fr: RegExp };
  /** Read as a delegation signed in (an exercise world is closed to outsiders). */
  readonly signedIn?: boolean;
  /** The 404 page is what this address must show. */
  readonly notFound?: boolean;
  /** The page draws Observable Plot charts once their data and Plot's chunk arrive. */
  readonly charts?: boolean;
}

export const PAGES: readonly PageCase[] = [
  { name: 'home', path: '', heading: /North Atlantic Alliance/ },
  { name: 'allies', path: 'allies', heading: /^Allies$/ },
  { name: 'ally-finland', path: 'allies/FIN', heading: /^Finland$/ },
  // Ally pages whose history cites the record's texts (Council decisions, accessions, reservations).
  { name: 'ally-turkiye', path: 'allies/TUR', heading: /^Türkiye$/ },
  { name: 'ally-usa', path: 'allies/USA', heading: /^United States$/ },
  { name: 'ally-poland', path: 'allies/POL', heading: /^Poland$/ },
  { name: 'ally-uk', path: 'allies/GBR', heading: /^United Kingdom$/ },
  { name: 'ally-netherlands', path: 'allies/NLD', heading: /^Netherlands$/ },
  { name: 'ally-north-macedonia', path: 'allies/MKD', heading: /^North Macedonia$/ },
  { name: 'accessions', path: 'accessions', heading: /^Accessions$/, title: { en: / — Evere$/, fr: / — Evere$/ } },
  { name: 'accession-sweden', path: 'accessions/SWE-2022', heading: /^Accessions$/, title: { en: /^Accession of Sweden — Evere$/, fr: /^Adhésion de la Suède — Evere$/ } },
  { name: 'accession-1997', path: 'accessions/CZE-HUN-POL-1997', heading: /^Accessions$/, title: { en: /^Accession of Czechia.*Poland — Evere$/, fr: /^Adhésion de la Tchéquie.*Pologne — Evere$/ } },
  { name: 'council', path: 'council', heading: /North Atlantic Council/ },
  { name: 'consultations', path: 'consultations', heading: /Consultations/ },
  { name: 'operations', path: 'operations', heading: /Operations and missions/ },
  { name: 'partnerships', path: 'partnerships', heading: /Partnerships/ },
  { name: 'fund', path: 'fund', heading: /DCB/, charts: true },
  { name: 'exercises', path: 'exercises', heading: /Exercises/ },
  { name: 'eu', path: 'eu', heading: /European Union/ },
  { name: 'arms-control', path: 'arms-control', heading: /Arms control/ },
  { name: 'arms-control-inf', path: 'arms-control?instrument=INF', heading: /Arms control/, title: { en: /^Treaty on the Elimination of Intermediate-Range.*INF.* — Arms control, disarmament and non-proliferation — Evere$/, fr: /^(?!Maîtrise des armements).+ — Maîtrise des armements, désarmement et non-prolifération — Evere$/ } },
  { name: 'arms-control-cfe', path: 'arms-control?instrument=CFE', heading: /Arms control/, title: { en: /^Treaty on Conventional Armed Forces in Europe.* — Arms control, disarmament and non-proliferation — Evere$/, fr: /^(?!Maîtrise des armements).+ — Maîtrise des armements, désarmement et non-prolifération — Evere$/ } },
  { name: 'operation-kfor', path: 'operations?op=KFOR', heading: /Operations and missions/, title: { en: /^Kosovo Force.* — Operations and missions — Evere$/, fr: /^Force (pour le|au) Kosovo.* — Opérations et missions — Evere$/ } },
  { name: 'human-security', path: 'human-security', heading: /Human security/ },
  { name: 'offices', path: 'offices', heading: /^Offices and headquarters$/ },
  { name: 'ledger', path: 'ledger', heading: /ledger/ },
  { name: 'scenarios', path: 'scenarios', heading: /^Scenarios$/ },
  { name: 'sign-in', path: 'sign-in', heading: /Sign in/ },
  { name: 'no-such-page', path: 'no-such-page', heading: /^Page not found$/, notFound: true },
  { name: 'no-such-ally', path: 'allies/XYZ', heading: /^Page not found$/, notFound: true },
  { name: 'no-such-world', path: 'council?world=no-such-world', heading: /^Page not found$/, notFound: true },
  // A closed exercise world read by someone not admitted to it: as if it did not exist.
  { name: 'exercise-signed-out', path: `council?world=${SCENARIO}`, heading: /^Page not found$/, notFound: true },
  { name: 'exercise-home', path: `?world=${SCENARIO}`, heading: /North Atlantic Alliance/, signedIn: true },
  { name: 'exercise-council', path: `council?world=${SCENARIO}`, heading: /North Atlantic Council/, signedIn: true },
  { name: 'exercise-consultations', path: `consultations?world=${SCENARIO}`, heading: /Consultations/, signedIn: true },
  { name: 'exercise-operations', path: `operations?world=${SCENARIO}`, heading: /Operations/, signedIn: true },
  { name: 'exercise-fund', path: `fund?world=${SCENARIO}`, heading: /DCB/, signedIn: true },
  { name: 'exercise-ledger', path: `ledger?world=${SCENARIO}`, heading: /ledger/, signedIn: true },
  { name: 'exercise-scenarios', path: 'scenarios', heading: /^Scenarios$/, signedIn: true },
];

/** Record texts the English pages must show: from the Council's record, an Article 4 reason, an Article 5 measure, arms control. */
const SEEN_IN_ENGLISH = ['Madrid Summit', 'Russia\'s full-scale military attack on Ukraine', 'Treaty on Conventional Armed Forces in Europe (CFE)',
  'Enhance intelligence sharing and co-operation, bilaterally and in NATO bodies, on the threats posed by terrorism and the actions to be taken against it'];

export interface Size { readonly name: 'desktop' | 'phone'; readonly width: number; readonly height: number }
export const DESKTOP: Size = { name: 'desktop', width: 1440, height: 900 };
export const PHONE: Size = { name: 'phone', width: 390, height: 844 };

/** Has every page of the context gather its own reports of CSP violations, from before its first script runs. */
export async function watchPolicy(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
  });
}

/** The CSP violations a watched page has reported so far. */
export async function policyViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

/** Registers the suite that visits every page at `size` in both languages. */
export function describeSweep(size: Size): void {
  const suite = browserSuite();
  describe(`every page at ${size.width}×${size.height} (${size.name}), in English and French`, { skip: suite.skip }, () => {
    let base: string;
    let browser: Browser;

    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      let server;
      ({ server, browser } = await suite.start());
      base = server.url;
    });
    after(async () => {
      await suite.stop();
    });

    test('no sideways scroll, its own title, no console error or CSP violation, axe-clean, the record in the page’s language', async () => {
      const viewport = { width: size.width, height: size.height };
      const publicContext = await browser.newContext({ viewport });
      const signedIn = await browser.newContext({ viewport });
      const contexts: BrowserContext[] = [publicContext, signedIn];
      await signIn(signedIn, base, 'bel');
      for (const c of contexts) await watchPolicy(c);
      const problems: string[] = [];
      const seenInEnglish = new Set<string>();
      const visits = (['en', 'fr'] as const).flatMap((lang) => PAGES.map((p) => ({ lang, p })));
      try {
        await inPool(visits, 4, async ({ lang, p }) => {
          const where = `/${lang}/${p.path} (${p.name}, ${size.name})`;
          const fail = (what: string) => problems.push(`${where}: ${what}`);
          const page: Page = await (p.signedIn ? signedIn : publicContext).newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(`script error: ${e.message}`));
          page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
          // The address behind a "Failed to load resource" in the console.
          page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} from ${r.request().method()} ${r.url().replace(base, '')}`); });
          const response = await page.goto(`${base}/${lang}/${p.path}`);
          if (!response?.headers()['content-security-policy']?.includes("script-src 'self'")) fail('not served with the Content-Security-Policy');
          await settle(page);
          if (p.charts) {
            // Drawn after their data and Plot's own chunk arrive (a loaded machine takes seconds).
            await page.locator('svg[class^="plot-"]').first().waitFor({ timeout: 15_000 }).catch(() => fail('no Observable Plot chart drawn'));
          }
          if (await page.getAttribute('html', 'lang') !== lang) fail('<html lang>');
          const h1 = ((await page.locator('main h1').first().textContent()) ?? '').trim();
          if (lang === 'en' && !p.heading.test(h1)) fail(`heading “${h1}”`);
          if (p.notFound && await page.locator('[data-testid="not-found"]').count() !== 1) fail('not the 404 page');
          // Never developer's advice or an endless retry on the reader's screen.
          const body = (await page.locator('main').textContent()) ?? '';
          for (const bad of [/evere \w+/, /`/, /Reconnecting/, /Reconnexion/, /Try again/, /Réessayer/]) {
            if (bad.test(body)) fail(`the page says ${bad}`);
          }

          const title = await page.title();
          if (p.title ? !p.title[lang].test(title) : title !== `${h1} — Evere`) fail(`title “${title}”`);
          if (title === 'Evere') fail('no title of its own');

          const o = await page.evaluate<Overflow>(MEASURE);
          if (o.scrollWidth > size.width || o.scrollWidth > o.viewport) {
            fail(`the page is ${o.scrollWidth} px wide on a ${o.viewport} px screen; sticking out: ${o.culprits.join('; ') || '(nothing measurable)'}`);
          }
          if (size.name === 'desktop' && o.scrolledTables.length > 0) fail(`tables cut off at ${size.width} px: ${o.scrolledTables.join(', ')}`);

          const visible = await page.evaluate<string>(VISIBLE_TEXT);
          for (const e of ENGLISH) {
            if (!e.re.test(visible)) continue;
            if (lang === 'fr') fail(`record text in English: “${e.text}”`);
            else seenInEnglish.add(e.text);
          }

          await keepScreenshot(page, join(SHOTS, `${lang}-${p.name}-${size.name}.png`), { fullPage: true });
          if (lang === AXE_LANGUAGE[size.name]) for (const v of await axe(page)) fail(`axe ${violationLine(v)}`);
          // Read last: a violation raised while the page went on drawing is counted too.
          for (const v of await policyViolations(page)) fail(`CSP violation: ${v}`);
          for (const e of errors) fail(e);
          await page.close();
        });
      } finally {
        await Promise.all(contexts.map((c) => c.close()));
      }
      assert.deepEqual(problems.sort(), []);
      for (const expected of SEEN_IN_ENGLISH) {
        assert.ok(seenInEnglish.has(expected), `the English pages should show “${expected}” (seen: ${seenInEnglish.size} texts)`);
      }
    });
  });
}
