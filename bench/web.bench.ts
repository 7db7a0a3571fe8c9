/**
 * The web app's first load: the JavaScript a first visit to the home page downloads (gzipped,
 * measured from what Chromium actually fetched), against 250 KB; and the time until the home page
 * is interactive on loopback — the map drawn and the key figures shown — against 1 s (median of
 * several cold loads, each in a fresh browser context: no cache).
 */
import { gzipSync } from 'node:zlib';
import { browserSkipReason, ensureWebBuild, launchBrowser, startWebServer } from '../tests/support/browser.js';
import { fmt, report } from './support.js';

const JS_BUDGET_KB = 250;
const TTI_BUDGET_MS = 1000;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);

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
  const server = await startWebServer({ seed: false });
  const browser = await launchBrowser();
  try {
    // First-load JavaScript: every script response of a cold visit to the home page.
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Promise<{ url: string; raw: number; gz: number }>[] = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.request().resourceType() === 'script' || /javascript/.test(type)) {
        scripts.push(response.body().then((body) => ({ url: response.url(), raw: body.length, gz: gzipSync(body, { level: 9 }).length })));
      }
    });
    await page.goto(`${server.url}/en/`, { waitUntil: 'networkidle' });
    const files = await Promise.all(scripts);
    const gz = files.reduce((s, f) => s + f.gz, 0) / 1024;
    const raw = files.reduce((s, f) => s + f.raw, 0) / 1024;
    await context.close();
    report({
      name: `web: first-load JS of the home page (${files.length} files)`,
      value: `${fmt(gz, 'KB')} gzipped (${fmt(raw, 'KB')} raw)`,
      against: `${JS_BUDGET_KB} KB`, ratio: gz / JS_BUDGET_KB,
      goal: `< ${JS_BUDGET_KB} KB`, met: gz < JS_BUDGET_KB,
    });

    // Time to interactive: navigation start → map drawn and key figures rendered.
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`${server.url}/en/`);
      await p.waitForFunction(() => {
        const map = document.querySelector('[data-testid="enlargement-map"]');
        const allies = document.querySelector('[data-testid="fig-allies"]')?.textContent ?? '';
        return map?.getAttribute('data-ready') === 'true' && map.querySelector('path[data-status="ally"]') !== null && /^\d+$/.test(allies);
      }, null, { polling: 'raf', timeout: 10_000 });
      times.push(await p.evaluate(() => performance.now()));
      await ctx.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    report({
      name: `web: home page interactive on loopback (median of ${RUNS})`,
      value: `${fmt(median, 'ms')} (min ${fmt(times[0]!, 'ms')}, max ${fmt(times.at(-1)!, 'ms')})`,
      against: `${TTI_BUDGET_MS} ms`, ratio: median / TTI_BUDGET_MS,
      goal: `< ${TTI_BUDGET_MS} ms`, met: median < TTI_BUDGET_MS,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
