/**
 * The web app's first load, each figure against a floor measured in the same run:
 * - the JavaScript a first visit to the home page downloads (gzipped, from what Chromium fetched),
 *   against 250 KB, and every byte of that visit as transferred (compressed where served so);
 * - the time until the home page is interactive — the map drawn and the key figures shown —
 *   against a static page that fetches and compiles the same JavaScript bytes (as module
 *   preloads, not run) and shows the same content already rendered, served as a file by the same
 *   server (a copy of the built app with the page added) over the same link, throttled or not.
 *   Floor and page are loaded in alternation, each in a fresh browser context (no cache), on
 *   loopback and then with Chromium's throttling at the mobile setting Lighthouse simulates (4×
 *   slower CPU, 1.6 Mbps down, 750 kbps up, 150 ms round trip), where the page must also be
 *   usable within 2.5 s.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WEB_DIST, browserSkipReason, ensureWebBuild, launchBrowser, startWebServer } from '../tests/support/browser.js';
import { tempDir } from '../tests/support/cli.js';
import { fmt, paired, report, reportPaired } from './support.js';

const JS_BUDGET_KB = 250;
const THROTTLED_BUDGET_MS = 2500;
const ROUNDS = Number(process.env.BENCH_WEB_RUNS ?? 7);
/** Lighthouse's simulated mobile throttling ("Slow 4G"): its throttling constants. */
const SLOW_4G = { rttMs: 150, downKbps: 1638.4, upKbps: 750, cpu: 4 };

interface Throttle { readonly rttMs: number; readonly downKbps: number; readonly upKbps: number; readonly cpu: number }

async function openPage(browser: Browser, throttle?: Throttle): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: throttle.rttMs,
      downloadThroughput: (throttle.downKbps * 1024) / 8, uploadThroughput: (throttle.upKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  }
  return { context, page };
}

/** Navigation start → map drawn with its Allies and the key figures rendered, in ms. */
async function homeInteractive(browser: Browser, url: string, throttle?: Throttle): Promise<number> {
  const { context, page } = await openPage(browser, throttle);
  try {
    await page.goto(`${url}/en/`);
    await page.waitForFunction(() => {
      const map = document.querySelector('[data-testid="enlargement-map"]');
      const allies = document.querySelector('[data-testid="fig-allies"]')?.textContent ?? '';
      return map?.getAttribute('data-ready') === 'true' && map.querySelector('path[data-status="ally"]') !== null && /^\d+$/.test(allies);
    }, null, { polling: 'raf', timeout: 60_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

/** The floor's page, a file of the served copy of the app. */
const FLOOR_PAGE = 'bench-floor.html';

/** Navigation start → the static page shown and every one of its module preloads fetched, in ms. */
async function floorInteractive(browser: Browser, url: string, throttle?: Throttle): Promise<number> {
  const { context, page } = await openPage(browser, throttle);
  try {
    await page.goto(`${url}/${FLOOR_PAGE}`);
    await page.waitForFunction(() => {
      const wanted = Array.from(document.querySelectorAll('link[rel="modulepreload"]')).map((l) => (l as HTMLLinkElement).href);
      const done = new Set(performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseEnd > 0).map((e) => e.name));
      return document.querySelector('[data-testid="fig-allies"]') !== null && wanted.every((u) => done.has(u));
    }, null, { polling: 'raf', timeout: 60_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

export async function webBenchmarks(): Promise<void> {
  let reason: string | false;
  try {
    reason = browserSkipReason();
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (reason) {
    console.log(`web benchmarks skipped: ${reason}`);
    return;
  }
  await ensureWebBuild();
  // A copy of the built app, so that the floor's page is served like the app's own files.
  const webRoot = tempDir('evere-web-bench-');
  cpSync(WEB_DIST, webRoot, { recursive: true });
  // The static files are routed when the server starts: the page exists now, and is written below.
  writeFileSync(join(webRoot, FLOOR_PAGE), '');
  const server = await startWebServer({ seed: false, webRoot });
  const browser = await launchBrowser();
  try {
    // First visit: every script's bytes, and every response's bytes as they travelled.
    const { context, page } = await openPage(browser);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { transferred += e.encodedDataLength; });
    const scripts: Promise<{ url: string; raw: number; gz: number }>[] = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.request().resourceType() === 'script' || /javascript/.test(type)) {
        scripts.push(response.body().then((body) => ({ url: response.url(), raw: body.length, gz: gzipSync(body, { level: 9 }).length })));
      }
    });
    await page.goto(`${server.url}/en/`, { waitUntil: 'networkidle' });
    const files = await Promise.all(scripts);
    // The floor: the same content, already rendered, with the same scripts as module preloads.
    const html = await page.evaluate(() => {
      const head = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map((l) => l.outerHTML).join('');
      const body = document.body.cloneNode(true) as HTMLElement;
      body.querySelectorAll('script').forEach((s) => s.remove());
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>${head}</head><body>${body.innerHTML}</body></html>`;
    });
    await context.close();
    writeFileSync(join(webRoot, FLOOR_PAGE), html.replace('</head>', `${files.map((f) => `<link rel="modulepreload" href="${f.url}">`).join('')}</head>`));
    const gz = files.reduce((s, f) => s + f.gz, 0) / 1024;
    const raw = files.reduce((s, f) => s + f.raw, 0) / 1024;
    report({
      name: `web: first-load JS of the home page (${files.length} files)`,
      value: `${fmt(gz, 'KB')} gzipped (${fmt(raw, 'KB')} raw)`,
      against: `${JS_BUDGET_KB} KB`, ratio: gz / JS_BUDGET_KB,
      goal: `< ${JS_BUDGET_KB} KB`, met: gz < JS_BUDGET_KB,
    });
    report({ name: 'web: first visit to the home page, bytes transferred', value: fmt(transferred / 1024, 'KB'), against: `${fmt(raw, 'KB')} of raw JavaScript alone` });

    const loopback = await paired(() => floorInteractive(browser, server.url), () => homeInteractive(browser, server.url), ROUNDS);
    reportPaired('web: home page interactive on loopback', loopback, 'ms', 'time', 1.5, 'static page, same JS bytes');
    const slow = await paired(() => floorInteractive(browser, server.url, SLOW_4G), () => homeInteractive(browser, server.url, SLOW_4G), ROUNDS);
    reportPaired('web: home page interactive, 4× CPU, 1.6 Mbps', slow, 'ms', 'time', 1.5, 'static page, same JS bytes');
    report({
      name: 'web: home page usable on a throttled phone link',
      value: fmt(slow.ours, 'ms'), against: `${THROTTLED_BUDGET_MS} ms (4× CPU, 1.6 Mbps, 150 ms RTT)`,
      ratio: slow.ours / THROTTLED_BUDGET_MS, goal: `≤ ${THROTTLED_BUDGET_MS} ms`, met: slow.ours <= THROTTLED_BUDGET_MS,
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  }
}
