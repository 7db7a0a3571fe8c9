/**
 * History drawn as it was, the ratification tracker by stage and the accessions comparison, in
 * Debian's Chromium through the real server with the real record, at 1440×900 and on a 390×844
 * phone, in English and French: borders of the date shown (the Federal Republic alone an Ally in
 * 1966, the GDR, the Soviet Union, Yugoslavia, Czechoslovakia), eleven accession-year colours
 * with the year on hover and in the table, the EU before it existed, who is pending at which
 * stage on a past date, honest duration bars, no clipped table, no English on French pages, no
 * horizontal scroll. Screenshots go to test-artifacts/history/.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, keepScreenshot, ROOT, settle, type WebServer } from '../support/browser.js';
import { MESSAGES } from '../../src/messages/interface.js';

const suite = browserSuite({ seed: false });

const SHOTS = join(ROOT, 'test-artifacts', 'history');
const SIZES = [{ name: 'desktop', width: 1440, height: 900 }, { name: 'phone', width: 390, height: 844 }] as const;
const LANGS = ['en', 'fr'] as const;
type Lang = typeof LANGS[number];

const msg = (key: keyof typeof MESSAGES, lang: Lang): string => (MESSAGES[key] as { en: string; fr: string })[lang];

interface Row { ally: string; stage: string; status: string; parliamentApproved?: string; instrumentSigned?: string }

/** The words a row's status must read, from the API's stage (the tracker's specification). */
function expectedStage(row: Row): keyof typeof MESSAGES {
  switch (row.stage) {
    case 'deposited': return row.status === 'deposited_by' ? 'acc.row_deposited_by' : 'acc.row_deposited';
    case 'instrument_signed': return 'acc.row_signed';
    case 'parliament_approved': return 'acc.row_approved';
    case 'undetermined': return row.instrumentSigned ? 'acc.row_undetermined_signed' : row.parliamentApproved ? 'acc.row_undetermined_approved' : 'acc.row_undetermined';
    case 'awaiting_parliament': return 'acc.row_awaiting_parliament';
    default: return 'acc.row_not_recorded';
  }
}

/** The page is no wider than the screen; on failure, the widest element that is not inside a scrolling box. */
async function assertNoHorizontalScroll(page: Page, width: number, what: string): Promise<void> {
  const result = await page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    let widest = '';
    let right = 0;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > right) { right = r.right; widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ').join('.')}`; }
    }
    return { scrollWidth, widest, right: Math.round(right) };
  });
  assert.ok(result.scrollWidth <= width, `${what}: page is ${result.scrollWidth} px wide at ${width} px (widest: ${result.widest}, right edge ${result.right})`);
}

/** English catalogue text of the accessions page and the map that must not show on a French page. */
function englishOnly(): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(MESSAGES)) {
    if (!/^(acc|map|home\.fig_e[uc]|home\.legend)/.test(key)) continue;
    const { en, fr } = value as { en: string; fr: string };
    if (en === fr) continue;
    // The literal runs of the template, long enough to be telling.
    for (const run of en.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)) if (run.trim().length >= 12 && !fr.includes(run.trim())) out.push(run.trim());
  }
  return out;
}

describe('history, the tracker and the accessions pages in Chromium', { skip: suite.skip }, () => {
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

  const api = async (path: string): Promise<unknown> => {
    const response = await fetch(`${base}${path}`);
    assert.equal(response.status, 200, path);
    return response.json();
  };

  async function open(size: typeof SIZES[number], path: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/${path}`);
    await settle(page);
    return { page, errors, close: () => context.close() };
  }

  for (const size of SIZES) {
    for (const lang of LANGS) {
      test(`${lang}, ${size.width}×${size.height}: the map draws the borders of the date, in eleven accession colours, with the year on hover and in the table`, async () => {
        const { page, close, errors } = await open(size, `${lang}/?at=1966-12-31`);
        await page.waitForSelector('[data-testid="enlargement-map"][data-ready="true"]');
        const map = (sel: string) => page.locator(`[data-testid="enlargement-map"] ${sel}`);
        assert.equal(await page.locator('[data-testid="fig-allies"]').textContent(), '15');
        // Before the Maastricht Treaty (1 November 1993) the Six were the European Communities, not the EU.
        const euFigure = page.locator('.figure', { has: page.locator('[data-testid="fig-eu"]') });
        assert.equal(await euFigure.locator('dt').textContent(), msg('home.fig_ec', lang));
        assert.equal(await page.locator('[data-testid="fig-eu"]').textContent(), '6');
        // 1966: the Federal Republic is an Ally, not today's Germany; the GDR and Berlin apart.
        const frg = map('path[data-numeric="276"]').first();
        assert.equal(await frg.getAttribute('data-status'), 'ally');
        assert.equal(await frg.getAttribute('data-name'), msg('map.frg', lang));
        assert.equal(await frg.getAttribute('data-year'), '1955');
        assert.match((await frg.locator('title').textContent()) ?? '', /1955/);
        assert.equal(await map('path[data-numeric="278"]').first().getAttribute('data-status'), 'none');
        assert.equal(await map('path[data-numeric="278"]').first().getAttribute('data-iso3'), 'DDR');
        assert.equal(await map('path[data-numeric="berlin"]').count(), 1);
        // The states around the Alliance as they stood: the Soviet Union, Yugoslavia, Czechoslovakia.
        for (const [numeric, iso3] of [['810', 'SUN'], ['890', 'YUG'], ['200', 'CSK']] as const) {
          assert.equal(await map(`path[data-numeric="${numeric}"]`).first().getAttribute('data-iso3'), iso3, `${iso3} drawn in 1966`);
        }
        for (const today of ['643', '804', '233', '688', '203', '705']) assert.equal(await map(`path[data-numeric="${today}"]`).count(), 0, `${today} is not drawn on its own in 1966`);
        // The legend: eleven years in eleven different colours.
        const legend = await page.locator('.map__legend li[data-year]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-year'), getComputedStyle(li.querySelector('.swatch')!).backgroundColor]));
        assert.deepEqual(legend.map(([y]) => y), ['1949', '1952', '1955', '1982', '1999', '2004', '2009', '2017', '2020', '2023', '2024']);
        assert.equal(new Set(legend.map(([, c]) => c)).size, 11, `distinct colours: ${JSON.stringify(legend)}`);
        // The map's fill for the Federal Republic is the legend's 1955 colour.
        const fill = await frg.evaluate((p) => getComputedStyle(p).fill);
        assert.equal(fill, legend.find(([y]) => y === '1955')![1]);
        // The same in the table: the Federal Republic, Ally since 1955.
        await page.click('button[aria-controls="map-table"]');
        const row = page.locator('#map-table tbody tr', { hasText: msg('map.frg', lang) });
        assert.equal(await row.count(), 1, 'the table names the Federal Republic');
        assert.equal(await row.locator('[data-year]').getAttribute('data-year'), '1955');
        await assertNoHorizontalScroll(page, size.width, `home 1966 (${lang})`);
        await keepScreenshot(page, join(SHOTS, `${lang}-${size.name}-home-1966.png`), { fullPage: true });

        // 3 October 1990: one Germany, no GDR, no Berlin of its own.
        await page.goto(`${base}/${lang}/?at=1990-10-03`);
        await settle(page);
        await page.waitForSelector('[data-testid="enlargement-map"][data-ready="true"]');
        assert.equal(await map('path[data-numeric="278"]').count(), 0);
        assert.equal(await map('path[data-numeric="berlin"]').count(), 0);
        assert.equal(await map('path[data-numeric="276"]').first().getAttribute('data-status'), 'ally');
        assert.notEqual(await map('path[data-numeric="276"]').first().getAttribute('data-name'), msg('map.frg', lang));
        assert.equal(await map('path[data-numeric="810"]').count(), 1, 'the Soviet Union still stands in October 1990');

        // 1949: the European Communities do not exist yet, and the figure says so instead of "0 of 0".
        await page.goto(`${base}/${lang}/?at=1949-12-31`);
        await settle(page);
        const eu = (await page.locator('[data-testid="key-figures"]').textContent()) ?? '';
        assert.doesNotMatch(eu, /of 0 EU|sur 0 membres/);
        assert.match((await page.locator('[data-testid="fig-eu"]').textContent()) ?? '', lang === 'en' ? /European Communities.*1 January 1958/ : /Communautés européennes.*1er janvier 1958/);
        await keepScreenshot(page, join(SHOTS, `${lang}-${size.name}-home-1949.png`), { fullPage: true });
        assert.deepEqual(errors, []);
        await close();
      });

      test(`${lang}, ${size.width}×${size.height}: the tracker by stage at past dates, honest bars, nothing clipped, no English in French`, async () => {
        const { page, close, errors } = await open(size, `${lang}/accessions/SWE-2022?at=2023-06-01`);
        const stage = (id: string) => page.locator(`[data-testid="stages"] [data-stage="${id}"]`);
        const pending = (id: string) => page.locator(`[data-testid="pending"] [data-pending="${id}"] dd`);
        const names = { HUN: lang === 'en' ? 'Hungary' : 'Hongrie', TUR: 'Türkiye' };
        // 1 June 2023: 28 of 30 parliaments had approved; Hungary and Türkiye had not.
        await page.waitForSelector('[data-testid="tracker"][data-as-of="2023-06-01"]');
        assert.equal(await stage('parliament').getAttribute('data-value'), '28');
        assert.equal(await stage('parliament').getAttribute('data-max'), '30');
        // Deposits depend on how exactly the record dates them: the page shows what the API answers.
        const june = await api(`/api/worlds/record/accessions/SWE-2022?asOf=2023-06-01`) as { stages: { deposited: number } };
        assert.equal(await stage('deposited').getAttribute('data-value'), String(june.stages.deposited));
        assert.equal(await stage('in-force').getAttribute('data-value'), '0');
        const awaiting = (await pending('parliament').textContent()) ?? '';
        assert.ok(awaiting.includes(names.HUN) && awaiting.includes(names.TUR), `awaiting parliament: ${awaiting}`);
        if (lang === 'fr') assert.match((await page.locator('.tracker h4').first().textContent()) ?? '', /1er juin 2023/);
        await keepScreenshot(page, join(SHOTS, `${lang}-${size.name}-tracker-2023-06-01.png`), { fullPage: true });

        // 1 February 2024: Türkiye's parliament approved on 23 January; it is no longer shown like Albania.
        await page.goto(`${base}/${lang}/accessions/SWE-2022?at=2024-02-01`);
        await settle(page);
        await page.waitForSelector('[data-testid="tracker"][data-as-of="2024-02-01"]');
        assert.equal(await stage('parliament').getAttribute('data-value'), '29');
        assert.equal((await pending('parliament').textContent())?.trim(), names.HUN);
        // Each row says its furthest stage: Türkiye's approval (23 January) and signature (25 January)
        // are said even where its deposit is dated only by a bound, unlike an Ally known only to have approved.
        const february = await api(`/api/worlds/record/accessions/SWE-2022?asOf=2024-02-01`) as { rows: Row[] };
        const rowStatus = async (iso3: string) => (await page.locator(`.tracker tbody tr:has(a[href*="/allies/${iso3}"]) [data-stage]`).textContent())?.replace(/^[^\p{L}]+/u, '').trim();
        const tur = february.rows.find((r) => r.ally === 'TUR')!;
        assert.ok(tur.parliamentApproved === '2024-01-23' && tur.stage !== 'awaiting_parliament', `Türkiye at 1 February 2024: ${JSON.stringify(tur)}`);
        for (const row of february.rows) assert.equal(await rowStatus(row.ally), msg(expectedStage(row), lang), `${row.ally}'s status`);
        assert.equal(await rowStatus('TUR'), msg(tur.stage === 'undetermined' ? 'acc.row_undetermined_signed' : tur.status === 'deposited' ? 'acc.row_deposited' : 'acc.row_deposited_by', lang));
        assert.equal(await rowStatus('HUN'), msg('acc.row_awaiting_parliament', lang));
        // The chart's axis in the reader's language.
        assert.match((await page.locator('.tracker svg.chart text').last().textContent()) ?? '', lang === 'en' ? /^\d+ d$/ : /^\d+ j$/);

        // The rounds compared: 266 and 611 days draw in proportion (no cap), and the table is not clipped on a desktop.
        const bar = (days: number) => page.locator(`#rounds .duration[data-days="${days}"] .duration__bar`).boundingBox();
        const [short, long] = await Promise.all([bar(266), bar(611)]);
        assert.ok(short && long, 'both bars drawn');
        assert.ok(Math.abs(short.width / long.width - 266 / 611) < 0.03, `bars ${short.width} and ${long.width} px for 266 and 611 days`);
        if (size.width >= 1440) {
          const clip = await page.locator('#rounds .table-wrap').evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
          assert.ok(clip.scroll <= clip.client, `rounds table ${clip.scroll} px in a ${clip.client} px box`);
          const trackerClip = await page.locator('.tracker .table-wrap').evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
          assert.ok(trackerClip.scroll <= trackerClip.client, `tracker table ${trackerClip.scroll} px in a ${trackerClip.client} px box`);
        }
        await assertNoHorizontalScroll(page, size.width, `accessions (${lang})`);
        if (lang === 'fr') {
          const text = await page.locator('main').innerText();
          const english = englishOnly().filter((s) => text.includes(s));
          assert.deepEqual(english, [], 'English catalogue text on the French page');
          assert.doesNotMatch(text, /\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/, 'the first of the month is “1er”');
        }
        await keepScreenshot(page, join(SHOTS, `${lang}-${size.name}-tracker-2024-02-01.png`), { fullPage: true });

        // A signature known only by a bound says so: Türkiye's Council of Ministers decision on Montenegro's protocol.
        await page.goto(`${base}/${lang}/accessions/MNE-2016?at=2017-04-20`);
        await settle(page);
        await page.waitForSelector('[data-testid="tracker"][data-as-of="2017-04-20"]');
        const signedCell = (await page.locator('.tracker tbody tr:has(a[href*="/allies/TUR"]) td').allTextContents()).join(' | ');
        assert.match(signedCell, lang === 'en' ? /^— \| on or before 2016-09-08 \|/ : /^— \| au plus tard le 2016-09-08 \|/, signedCell);
        // Counted as approved from the signature, with no parliamentary approval recorded: named under the bar.
        const implied = (await page.locator('[data-testid="parliament-implied"]').textContent()) ?? '';
        assert.match(implied, lang === 'en' ? /^No parliamentary approval recorded for .*Türkiye/ : /^Aucune approbation parlementaire enregistrée pour .*Türkiye/, implied);
        assert.deepEqual(errors, []);
        await close();
      });
    }
  }
});
