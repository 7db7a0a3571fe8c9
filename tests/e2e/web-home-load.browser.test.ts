/**
 * The home page's first load in a real browser: its API answers come inside its HTML (nothing is
 * fetched for them), and its own code and today’s map shapes are asked for from the HTML, while the
 * entry's code is still on its way (held back by the test), each once: the shapes’ preload is
 * the one fetch the map then reads.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserSuite, type WebServer } from '../support/browser.js';
import { homeReadPaths } from '../../src/web/lib/home-reads.js';

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
    test(`${lang}: the answers are in the HTML; the home page’s code and the map shapes start with the entry's, each once`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const reads = homeReadPaths('record');
      const SHAPES = /^\/assets\/map-today-[\w-]+\.json$/;
      const HOME = /^\/assets\/home-[\w-]+\.js$/;
      const requested: string[] = [];
      const whileHeld: string[] = [];
      let holding = true;
      // The entry's code is held back until the home chunk and the map shapes have been asked for (or
      // 15 s): what starts meanwhile came from the HTML, not from running the app.
      let release!: () => void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => { await held; await route.continue(); });
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        requested.push(path);
        if (holding) whileHeld.push(path);
      });
      const all = () => whileHeld.some((p) => HOME.test(p)) && whileHeld.some((p) => SHAPES.test(p));
      const navigation = page.goto(`${server.url}/${lang}/`);
      const deadline = Date.now() + 15_000;
      while (!all() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      holding = false;
      release();
      const response = await navigation;
      const html = await response!.text();
      await page.waitForFunction(() => document.querySelector('[data-testid="enlargement-map"]')?.getAttribute('data-ready') === 'true'
        && /^\d+$/.test(document.querySelector('[data-testid="fig-allies"]')?.textContent ?? ''), null, { timeout: 60_000 });
      const booted = html.match(/<script type="application\/json" id="evere-boot">(.*?)<\/script>/s);
      assert.ok(booted, 'the HTML carries the home page’s answers');
      assert.deepEqual(Object.keys(JSON.parse(booted[1]!) as object).sort(), [...reads].sort(), 'every read of the home page, and only those');
      await context.close();
      for (const path of reads) assert.equal(requested.filter((p) => p === path).length, 0, `${path} is not fetched: it came with the page`);
      for (const [name, pattern] of [['the home chunk', HOME], ['the map shapes', SHAPES]] as const) {
        assert.ok(whileHeld.some((p) => pattern.test(p)), `${name} started while the entry was held back (asked meanwhile: ${whileHeld.join(' ')})`);
        assert.equal(requested.filter((p) => pattern.test(p)).length, 1, `${name} fetched once`);
      }
    });
  }
});
