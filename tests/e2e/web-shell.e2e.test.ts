/**
 * The home page's shell (src/api/web-shell.ts) tells a caller exactly what the API tells that
 * caller: each answer it carries is byte for byte the answer of the same read with the same
 * session, an answer the caller may not have (a closed world) is not in it, and another page's
 * shell carries none. It also names what the build described (module and fetch preloads) and is
 * never shared between callers (private, varies with the cookie).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { initRecord } from '../../src/app/record-loader.js';
import type { ShellDescription } from '../../src/api/web-shell.js';
import { BOOT_ELEMENT_ID, HOME_READS, WORLD_PLACEHOLDER, homeReadPaths } from '../../src/web/lib/home-reads.js';
import { tempDir } from '../support/cli.js';
import { signIn } from '../support/api.js';
import { PASSWORD, SCENARIO, seedScenario } from '../support/browser.js';

const INDEX = '<!doctype html><html lang="en"><head><script type="module" src="/assets/index-Ab3_dE-9.js"></script></head><body><div id="root"></div></body></html>';
const SHELL: ShellDescription = {
  home: { modulePreloads: ['/assets/home-Ab3_dE-9.js'], fetchPreloads: ['/assets/map-today-Ab3_dE-9.json'], reads: HOME_READS, worldPlaceholder: WORLD_PLACEHOLDER, bootElementId: BOOT_ELEMENT_ID },
};

describe('the home page’s shell', () => {
  const dir = tempDir('evere-shell-');
  const webRoot = join(dir, 'web');
  let services: Services;
  let app: FastifyInstance;

  before(async () => {
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    writeFileSync(join(webRoot, 'shell.json'), JSON.stringify(SHELL));
    const config = loadConfig({}, { db: join(dir, 'evere.db') });
    services = await openServices(config);
    await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
    await seedScenario(services);
    app = await buildApp({ ...services, dataDir: config.dataDir }, { rateLimit: false, webRoot });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await services.close();
  });

  const booted = (html: string): Record<string, unknown> | undefined => {
    const m = html.match(new RegExp(`<script type="application/json" id="${BOOT_ELEMENT_ID}">(.*?)</script>`, 's'));
    return m ? JSON.parse(m[1]!) as Record<string, unknown> : undefined;
  };

  /** The shell's answers against the API's, for one caller. */
  async function sameAsApi(url: string, world: string, cookie?: string): Promise<Record<string, unknown>> {
    const headers = cookie ? { cookie } : {};
    const shell = await app.inject({ url, headers: { ...headers, 'accept-language': 'fr' } });
    assert.equal(shell.statusCode, 200);
    assert.match(String(shell.headers['content-type']), /^text\/html/);
    assert.equal(shell.headers['cache-control'], 'private, no-cache');
    assert.match(String(shell.headers.vary), /cookie/i);
    const answers = booted(shell.body);
    assert.ok(answers, 'the home page’s shell carries answers');
    for (const path of homeReadPaths(world)) {
      const api = await app.inject({ url: path, headers: { ...headers, accept: 'application/json', 'accept-language': url.startsWith('/fr') ? 'fr' : 'en' } });
      if (api.statusCode === 200) assert.deepEqual(answers[path], api.json(), `${url}: ${path} as the API answers it`);
      else assert.ok(!(path in answers), `${url}: ${path} (${api.statusCode} from the API) is not in the page`);
    }
    assert.deepEqual(Object.keys(answers).filter((p) => !homeReadPaths(world).includes(p)), [], 'nothing but the home page’s reads');
    return answers;
  }

  test('for the public: the record’s answers, the public session, the build’s preloads', async () => {
    const answers = await sameAsApi('/en/', 'record');
    assert.equal(Object.keys(answers).length, HOME_READS.length, 'every read answered');
    assert.deepEqual(answers['/api/auth/session'], { signedIn: false });
    const html = (await app.inject({ url: '/fr/' })).body;
    assert.match(html, /^<!doctype html><html lang="fr">/);
    assert.match(html, /<link rel="modulepreload" crossorigin href="\/assets\/home-Ab3_dE-9\.js">/);
    assert.match(html, /<link rel="preload" as="fetch" crossorigin fetchpriority="low" href="\/assets\/map-today-Ab3_dE-9\.json">/);
  });

  test('a closed world’s answers are not in the public’s page; an admitted delegation’s page has them, as the API gives them to it', async () => {
    const outsider = await sameAsApi(`/en/?world=${SCENARIO}`, SCENARIO);
    const facts = homeReadPaths(SCENARIO).filter((p) => p.includes('/facts/'));
    for (const path of facts) assert.ok(!(path in outsider), `${path} withheld from the public`);
    const { cookie, csrf } = await signIn(app, 'bel', PASSWORD);
    const member = await sameAsApi(`/en/?world=${SCENARIO}`, SCENARIO, cookie);
    for (const path of facts) assert.ok(path in member, `${path} given to the admitted delegation`);
    assert.deepEqual(member['/api/auth/session'], (await app.inject({ url: '/api/auth/session', headers: { cookie } })).json());
    assert.equal((member['/api/auth/session'] as { csrf?: string }).csrf, csrf, 'the session’s own CSRF token, as the API gives it');
  });

  test('another page’s shell is the plain index.html in the page’s language, with no answers', async () => {
    for (const url of ['/en/allies', '/fr/council', `/en/ledger?world=${SCENARIO}`, `/fr/ledger?world=${SCENARIO}`]) {
      const r = await app.inject({ url });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^text\/html/, url);
      assert.equal(r.headers['cache-control'], 'no-cache', url);
      assert.equal(r.body, url.startsWith('/fr/') ? INDEX.replace('lang="en"', 'lang="fr"') : INDEX, url);
    }
  });

  test('an unknown world’s name is not echoed: the reads fall back to the record’s rule', async () => {
    const r = await app.inject({ url: '/en/?world=%3C%2Fscript%3E' });
    const answers = booted(r.body)!;
    assert.ok(Object.keys(answers).every((p) => !p.includes('script')), Object.keys(answers).join(' '));
    assert.ok('/api/worlds/record/facts/membership' in answers, 'an invalid world name reads the record, as the web app does');
  });
});
