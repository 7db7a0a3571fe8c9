/**
 * The server's log (Fastify's pino): one JSON line a request with its id, method, address, status
 * and time; an unexpected error logged with its stack under the request's id, while the answer
 * names only that id — never the error's own words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openServices } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { initRecord } from '../../src/app/record-loader.js';
import { tempDir } from '../support/cli.js';

test('one JSON line a request with its id; a 5xx logged with its stack, the answer naming only the request id', async () => {
  const dir = tempDir('evere-log-');
  const config = loadConfig({}, { db: join(dir, 'evere.db') });
  const services = await openServices(config);
  await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
  const lines: Record<string, unknown>[] = [];
  const app = await buildApp({ ...services, dataDir: config.dataDir }, { rateLimit: false, logger: 'info', logStream: { write: (line: string) => { lines.push(JSON.parse(line) as Record<string, unknown>); } } });
  // A handler that fails in a way no rule foresaw (its message holds what no client may read).
  app.get('/api/failing-for-test', async () => { throw new Error('internal detail: /srv/evere/evere.db is locked'); });
  await app.ready();
  try {
    const ok = await app.inject({ method: 'GET', url: '/api/worlds/record/members?asOf=2024-03-07' });
    assert.equal(ok.statusCode, 200);
    const okLine = lines.find((l) => l.msg === 'request' && l.url === '/api/worlds/record/members?asOf=2024-03-07');
    assert.ok(okLine, `a line for the request; got ${JSON.stringify(lines)}`);
    assert.equal(okLine.method, 'GET');
    assert.equal(okLine.status, 200);
    assert.equal(typeof okLine.ms, 'number');
    assert.match(String(okLine.reqId), /^[0-9a-f-]{36}$/);
    assert.equal(lines.filter((l) => l.reqId === okLine.reqId).length, 1, 'one line a request');
    // Asked again, the answer comes from the cache (written straight onto the socket): still its line.
    const again = await app.inject({ method: 'GET', url: '/api/worlds/record/members?asOf=2024-03-07' });
    assert.equal(again.body, ok.body);
    const lines200 = lines.filter((l) => l.msg === 'request' && l.url === '/api/worlds/record/members?asOf=2024-03-07' && l.status === 200);
    assert.equal(lines200.length, 2, `a line for the cached answer too; got ${JSON.stringify(lines200)}`);

    const bad = await app.inject({ method: 'GET', url: '/api/failing-for-test' });
    assert.equal(bad.statusCode, 500);
    const body = bad.json() as { requestId: string; detail: string };
    assert.doesNotMatch(bad.body, /internal detail|evere\.db|locked|Error:|at /, 'nothing of the error reaches the client');
    assert.match(body.detail, new RegExp(body.requestId));
    const logged = lines.find((l) => l.reqId === body.requestId && l.level === 50);
    assert.ok(logged, 'the error is logged under the id the answer names');
    const err = logged.err as { message: string; stack: string };
    assert.equal(err.message, 'internal detail: /srv/evere/evere.db is locked');
    assert.match(err.stack, /api-logging\.e2e\.test\.ts/);
    assert.ok(lines.some((l) => l.reqId === body.requestId && l.msg === 'request' && l.status === 500), 'and its request line');
    const badFr = await app.inject({ method: 'GET', url: '/api/failing-for-test', headers: { 'accept-language': 'fr' } });
    const bodyFr = badFr.json() as { requestId: string; detail: string };
    assert.equal(bodyFr.detail, `Une erreur interne s’est produite\u00a0; elle a été consignée sous la requête ${bodyFr.requestId}.`);
  } finally {
    await app.close();
    await services.close();
  }
});
