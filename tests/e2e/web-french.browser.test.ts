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
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { browserSkipReason, ensureWebBuild, launchBrowser, ROOT, SCENARIO, settle, signIn, startWebServer, type WebServer } from '../support/browser.js';
import { readRecordLines } from '../../src/app/record-loader.js';
import { RECORD_FRENCH } from '../../src/messages/record-french.js';

let skip: string | false = false;
let ciFailure: unknown;
try {
  skip = browserSkipReason();
} catch (error) {
  ciFailure = error;
}

/** Every page that shows something of the record, and the Ally pages whose history cites it. */
const PAGES: readonly { path: string; signedIn?: boolean }[] = [
  { path: '' }, { path: 'allies' }, { path: 'allies/FIN' }, { path: 'allies/TUR' }, { path: 'allies/USA' }, { path: 'allies/POL' },
  { path: 'allies/GBR' }, { path: 'allies/NLD' }, { path: 'allies/MKD' },
  { path: 'accessions' }, { path: 'accessions/SWE-2022' }, { path: 'accessions/CZE-HUN-POL-1997' }, { path: 'council' },
  { path: 'consultations' }, { path: 'operations' }, { path: 'partnerships' }, { path: 'fund' }, { path: 'exercises' }, { path: 'eu' },
  { path: 'arms-control' }, { path: 'arms-control?instrument=INF' }, { path: 'arms-control?instrument=CFE' }, { path: 'human-security' },
  { path: 'ledger' }, { path: 'scenarios' },
  { path: `?world=${SCENARIO}`, signedIn: true }, { path: `operations?world=${SCENARIO}`, signedIn: true },
  { path: `fund?world=${SCENARIO}`, signedIn: true }, { path: `consultations?world=${SCENARIO}`, signedIn: true },
];

/** The English of every record text that reads differently in French. */
function englishOnly(): string[] {
  const texts = new Set<string>();
  for (const [en, entry] of Object.entries(RECORD_FRENCH)) if (entry.fr !== en) texts.add(en);
  for (const l of readRecordLines(join(ROOT, 'data', 'record')).lines) {
    for (const v of Object.values((l.value as { data?: Record<string, unknown> }).data ?? {})) {
      const title = v as { en?: unknown; fr?: unknown } | null;
      if (title && typeof title === 'object' && typeof title.en === 'string' && typeof title.fr === 'string' && title.fr !== title.en) texts.add(title.en);
    }
  }
  return [...texts];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only: "terrorism" is not found in "terrorisme". */
const pattern = (s: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u');

describe('French pages show the record in French', { skip: skip || undefined }, () => {
  let server: WebServer;
  let browser: Browser;
  const english = englishOnly().map((text) => ({ text, re: pattern(text) }));

  before(async () => {
    if (ciFailure) throw ciFailure;
    await ensureWebBuild();
    server = await startWebServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no English record text on any French page; the English pages do show them', async () => {
    assert.ok(english.length > 100, `only ${english.length} English texts to look for`);
    const viewport = { width: 1440, height: 900 };
    const publicContext = await browser.newContext({ viewport });
    const signedIn = await browser.newContext({ viewport });
    const contexts: BrowserContext[] = [publicContext, signedIn];
    await signIn(signedIn, server.url, 'bel');
    const found: string[] = [];
    const seenInEnglish = new Set<string>();
    try {
      for (const lang of ['fr', 'en'] as const) {
        for (const p of PAGES) {
          const page = await (p.signedIn ? signedIn : publicContext).newPage();
          await page.goto(`${server.url}/${lang}/${p.path}`);
          await settle(page);
          // What a reader sees, and what a pointer or a screen reader is told (titles, labels).
          const visible = await page.evaluate(() => {
            const hints = Array.from(document.querySelectorAll('[title], [aria-label]')).map((e) => `${e.getAttribute('title') ?? ''}\n${e.getAttribute('aria-label') ?? ''}`);
            return `${document.title}\n${document.body.innerText}\n${hints.join('\n')}`;
          });
          for (const e of english) {
            if (!e.re.test(visible)) continue;
            if (lang === 'fr') found.push(`/fr/${p.path}: “${e.text}”`);
            else seenInEnglish.add(e.text);
          }
          await page.close();
        }
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
    assert.deepEqual(found, [], `record texts shown in English on French pages:\n${found.join('\n')}`);
    for (const expected of ['Madrid Summit', 'Russia\'s full-scale military attack on Ukraine', 'Treaty on Conventional Armed Forces in Europe (CFE)',
      'Enhance intelligence sharing and co-operation, bilaterally and in NATO bodies, on the threats posed by terrorism and the actions to be taken against it']) {
      assert.ok(seenInEnglish.has(expected), `the English pages should show “${expected}” (seen: ${seenInEnglish.size} texts)`);
    }
  });
});
