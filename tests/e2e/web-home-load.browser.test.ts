/**
 * The home page's first load in a real browser: its atlas and its API reads start from the entry
 * point, before the home page's own code has arrived, and each is fetched once.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserSkipReason, ensureWebBuild, launchBrowser, startWebServer, type WebServer } from '../support/browser.js';
import { HOME_FACTS } from '../../src/web/lib/home-data.js';

let skip: string | false = false;
let ciFailure: unknown;
try {
  skip = browserSkipReason();
} catch (error) {
  ciFailure = error;
}

describe('the home page’s first load', { skip }, () => {
  let server: WebServer;
  let browser: Browser;
  before(async () => {
    if (ciFailure) throw ciFailure;
    await ensureWebBuild();
    server = await startWebServer({ seed: false });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'fr']) {
    test(`${lang}: the atlas and the reads start before the home page's code has arrived, each once`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}/${lang}/`);
      await page.waitForFunction(() => document.querySelector('[data-testid="enlargement-map"]')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });
      const timing = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd };
      }));
      await context.close();
      const home = timing.find((t) => /^\/assets\/home-[\w-]+\.js$/.test(t.path));
      const atlas = timing.find((t) => /^\/assets\/countries-110m-[\w-]+\.json$/.test(t.path));
      assert.ok(home, `the home chunk was loaded: ${timing.map((t) => t.path).join(' ')}`);
      assert.ok(atlas, 'the atlas was loaded');
      const reads = [...HOME_FACTS.map((kind) => `/api/worlds/record/facts/${kind}`), '/api/states'];
      for (const path of [...reads, atlas.path]) {
        assert.equal(requested.filter((p) => p === path).length, 1, `${path} fetched once`);
        const t = timing.find((x) => x.path === path)!;
        assert.ok(t.start < home.end, `${path} started (${t.start.toFixed(0)} ms) before the home chunk arrived (${home.end.toFixed(0)} ms)`);
      }
    });
  }
});
