/**
 * The home page's first load in a real browser: its atlas and its API reads start from the entry
 * point, while the home page's own code is still on its way (held back by the test), and each is
 * fetched once.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserSuite, type WebServer } from '../support/browser.js';
import { HOME_FACTS } from '../../src/web/lib/home-data.js';

const suite = browserSuite({ seed: false });

describe('the home page’s first load', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;
  before(async () => {
    ({ server, browser } = await suite.start());
  });
  after(async () => {
    await suite.stop();
  });

  for (const lang of ['en', 'fr']) {
    test(`${lang}: the atlas and the reads start while the home page's code is still on its way, each once`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const reads = [...HOME_FACTS.map((kind) => `/api/worlds/record/facts/${kind}`), '/api/states'];
      const ATLAS = /^\/assets\/countries-110m-[\w-]+\.json$/;
      const requested: string[] = [];
      const whileHeld: string[] = [];
      let holding = true;
      let homeAsked = false;
      // The home page's code is held back until the reads and the atlas have been asked for (or 15 s):
      // what starts meanwhile cannot have waited for it.
      let release!: () => void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      await page.route(/\/assets\/home-[\w-]+\.js$/, async (route) => { homeAsked = true; await held; await route.continue(); });
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        requested.push(path);
        if (holding) whileHeld.push(path);
      });
      const all = () => reads.every((p) => whileHeld.includes(p)) && whileHeld.some((p) => ATLAS.test(p));
      const navigation = page.goto(`${server.url}/${lang}/`);
      const deadline = Date.now() + 15_000;
      while (!all() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      holding = false;
      release();
      await navigation;
      await page.waitForFunction(() => document.querySelector('[data-testid="enlargement-map"]')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });
      await context.close();
      assert.ok(homeAsked, 'the home chunk was asked for');
      for (const path of reads) {
        assert.ok(whileHeld.includes(path), `${path} started while the home chunk was held back (asked meanwhile: ${whileHeld.join(' ')})`);
        assert.equal(requested.filter((p) => p === path).length, 1, `${path} fetched once`);
      }
      assert.ok(whileHeld.some((p) => ATLAS.test(p)), `the atlas started while the home chunk was held back (asked meanwhile: ${whileHeld.join(' ')})`);
      assert.equal(requested.filter((p) => ATLAS.test(p)).length, 1, 'the atlas fetched once');
    });
  }
});
