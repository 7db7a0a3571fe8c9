/**
 * Bad input never hurts: thousands of malformed requests (bodies, headers, parameters, sizes)
 * to every route of the OpenAPI document, anonymous and signed in. Each gets a 4xx, none a 5xx,
 * and nothing changed: same log sizes, same roots.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testServer, type TestServer } from '../support/api.js';
import { createWorldFromRecord } from '../../src/app/acts.js';
import { toHex } from '../../src/ledger/bytes.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

describe('API fuzz', () => {
  let s: TestServer;
  let token = '';
  let routes: { method: string; path: string }[] = [];

  before(async () => {
    s = await testServer();
    await createWorldFromRecord(s.services.ledger, s.services.config.dataDir, 'ex', { asOf: '2024-06-01' });
    await s.services.accounts.create({ username: 'bel', password: 'a long enough password', role: 'delegation', party: 'BEL', clearance: 'NATO SECRET' });
    token = await s.services.accounts.createToken('bel', 'fuzz');
    const doc = (await s.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    // The event stream stays open on success, so it is fuzzed separately below.
    routes = Object.entries(doc.paths).filter(([path]) => !path.endsWith('/events'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    assert.ok(routes.length >= 15, `${routes.length} routes`);
  });
  after(() => s.close());

  const snapshot = async () => {
    const worlds = await s.services.ledger.store.worlds();
    return Promise.all(worlds.map(async (w) => {
      const size = await s.services.ledger.store.size(w.name);
      const cps = await s.services.ledger.store.checkpoints(w.name);
      return `${w.name}:${size}:${cps.map((c) => `${c.size}/${toHex(c.root)}`).join(',')}`;
    }));
  };

  test('every malformed request gets a 4xx, never a 5xx, and changes nothing', async () => {
    // Checkpoints are made on read; make them now so the snapshot is stable.
    for (const w of await s.services.ledger.store.worlds()) await s.services.ledger.checkpoint(w.name);
    const before = await snapshot();
    const junk = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', '-1', '0', '99999999999999999999', 'NaN', '%00', '..%2F..%2Fetc%2Fpasswd', 'record', 'ex', 'BEL', 'ZZZ', '2024-13-45', '\u{1F600}', 'a'.repeat(300)),
      fc.integer().map(String),
    );
    const segment = junk.map((v) => encodeURIComponent(v));
    const body = fc.oneof(
      fc.constant(undefined),
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{', '{"cmd":', 'null', '[]', '{"cmd":"AgreeProposal","by":"BEL","data":"x"}', '{"cmd":"TableProposal","by":"SG","data":{}}',
        '{"username":1,"password":[]}', `{"x":"${'y'.repeat(400_000)}"}`, '{"cmd":"AgreeProposal","by":"BEL","at":"not a date","data":{"proposal":"P"}}'),
      fc.record({ cmd: junk, by: junk, at: junk, data: fc.oneof(fc.object({ maxDepth: 2 }), junk) }).map((v) => JSON.stringify(v)),
    );
    const headers = fc.record({
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'garbage'),
      'accept-language': fc.oneof(fc.constant('fr'), junk),
      authorization: fc.constantFrom('', 'Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', `Bearer ${'evere_'.padEnd(600, 'z')}`, 'SIGNED'),
      cookie: fc.constantFrom('', 'evere_session=abc', 'evere_session=', '=;;;=', `evere_session=${'x'.repeat(5000)}`),
      'x-csrf-token': junk,
    }, { requiredKeys: [] });
    const request = fc.record({
      route: fc.integer({ min: 0, max: 1000 }),
      params: fc.array(segment, { minLength: 4, maxLength: 4 }),
      query: fc.array(fc.tuple(fc.constantFrom('asOf', 'knownAt', 'from', 'to', 'since', 'limit', 'type', 'format', 'x', 'seq'), junk), { maxLength: 4 }),
      method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), { nil: undefined }),
      body, headers,
    });
    let count = 0;
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const route = routes[r.route % routes.length]!;
      let i = 0;
      const path = route.path.replace(/\{[^}]+\}/g, () => r.params[i++ % 4]!);
      const qs = r.query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      const h: Record<string, string> = Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
      if (h.authorization === 'SIGNED') h.authorization = `Bearer ${token}`;
      const res = await s.app.inject({
        method: (r.method ?? route.method) as 'GET', url: `${path}${qs ? `?${qs}` : ''}`, headers: h,
        ...(r.body !== undefined && (r.method ?? route.method) !== 'GET' ? { payload: r.body } : {}),
      });
      count++;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${r.method ?? route.method} ${path}?${qs}: ${res.body.slice(0, 300)}`);
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261127) });
    assert.equal(count, RUNS);
    assert.deepEqual(await snapshot(), before);
    const fourxx = [...statuses].filter(([code]) => code >= 400).reduce((n, [, c]) => n + c, 0);
    assert.ok(fourxx > RUNS * 0.5, `mostly refused: ${JSON.stringify([...statuses])}`);
  });

  test('the event stream refuses malformed requests before it opens', async () => {
    for (const url of ['/api/worlds/nope/events', '/api/worlds/record/events?since=-1', '/api/worlds/record/events?since=abc', '/api/worlds/REC%00/events', `/api/worlds/${'a'.repeat(300)}/events`]) {
      const res = await s.app.inject({ url });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
    }
  });
});
