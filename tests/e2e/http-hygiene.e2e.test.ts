/**
 * HTTP hygiene: brotli/gzip for JSON and assets, immutable caching for hashed assets and
 * revalidation for the rest, a Content-Security-Policy without 'unsafe-inline', nosniff,
 * frame-ancestors 'none' and a referrer policy on every answer.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { initRecord } from '../../src/app/record-loader.js';
import { PLOT_STYLE } from '../../src/api/hygiene.js';
import { tempDir } from '../support/cli.js';

describe('HTTP hygiene', () => {
  const dir = tempDir('evere-hygiene-');
  const webRoot = join(dir, 'web');
  const script = `export const pages = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `page ${i}`))};\n`;
  let services: Services;
  let app: FastifyInstance;

  before(async () => {
    // A built web app as Vite lays it out: index.html naming hashed assets.
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-Ab3_dE-9.js"></script></head><body><div id="root"></div></body></html>');
    writeFileSync(join(webRoot, 'assets', 'index-Ab3_dE-9.js'), script);
    writeFileSync(join(webRoot, 'assets', 'plain.js'), script);
    const config = loadConfig({}, { db: join(dir, 'evere.db') });
    services = await openServices(config);
    await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
    app = await buildApp({ ...services, dataDir: config.dataDir }, { rateLimit: false, webRoot });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await services.close();
  });

  test('JSON answers are compressed with brotli or gzip as the client accepts, and say the same', async () => {
    const url = '/api/worlds/record/members?asOf=2024-01-01';
    const plain = await app.inject({ url });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, `brotli: ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.rawPayload).toString()), plain.json());
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString()), plain.json());
    assert.match(String(br.headers.vary), /accept-encoding/i);
  });

  test('hashed assets are immutable for a year and compressed; index.html and other files are revalidated', async () => {
    const hashed = await app.inject({ url: '/assets/index-Ab3_dE-9.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(hashed.statusCode, 200);
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(hashed.rawPayload).toString(), script);
    for (const url of ['/', '/en/', '/fr/allies/FRA', '/assets/plain.js']) {
      const r = await app.inject({ url });
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers['cache-control'], 'no-cache', url);
    }
  });

  test('every answer carries the security headers; the policy allows no inline script or style', async () => {
    for (const url of ['/en/', '/assets/index-Ab3_dE-9.js', '/api/worlds/record/members', '/api/nowhere', '/api/worlds/record/entries/999999', '/openapi.json']) {
      const r = await app.inject({ url });
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /(^|;)\s*script-src 'self'(;|$)/, `${url}: ${csp}`);
      assert.match(csp, /(^|;)\s*default-src 'self'/, url);
      assert.match(csp, /(^|;)\s*object-src 'none'/, url);
      assert.match(csp, /(^|;)\s*frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(r.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
    }
  });

  test('the live event stream carries the same security headers as every other answer', async () => {
    // A stream never ends, so inject cannot read it: a real socket, headers only.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      const stream = await fetch(`${address}/api/worlds/record/events`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      const json = await app.inject({ url: '/api/worlds/record/members' });
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers.get('content-type')), /^text\/event-stream/);
      for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) {
        assert.ok(json.headers[name], `${name} on JSON answers`);
        assert.equal(stream.headers.get(name), json.headers[name], `${name} on the event stream`);
      }
    } finally {
      controller.abort();
    }
  });

  test('the one inline style allowed (by hash) is exactly the one Observable Plot writes', () => {
    // Plot's source: svg.append("style").text(`…${className}…`) with its default class name.
    const plot = join(fileURLToPath(new URL('../../node_modules/@observablehq/plot', import.meta.url)), 'src');
    const source = readFileSync(join(plot, 'plot.js'), 'utf8');
    const template = /svg\.append\("style"\)\.text\(\s*`([\s\S]*?)`/.exec(source)?.[1];
    const className = /if \(name === undefined\) return "([^"]+)"/.exec(readFileSync(join(plot, 'style.js'), 'utf8'))?.[1];
    assert.ok(template && className, 'Plot still writes its chart style the same way');
    assert.equal(template.replaceAll('${className}', className), PLOT_STYLE);
  });
});
