/**
 * The HTTP API through buildApp + inject: queries, problem+json in two languages, the OpenAPI
 * document against the OpenAPI 3.1 schema, sign-in with CSRF, tokens, throttling, and acting.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { createWorldFromRecord } from '../../src/app/acts.js';

describe('HTTP API', () => {
  let s: TestServer;
  const PASSWORD = 'correct horse battery';
  before(async () => {
    s = await testServer();
    await createWorldFromRecord(s.services.ledger, s.services.config.dataDir, 'ex', { asOf: '2024-06-01' });
    await s.services.accounts.create({ username: 'hun', password: PASSWORD, role: 'delegation', party: 'HUN', clearance: 'NATO SECRET' });
    await s.services.accounts.create({ username: 'sg', password: PASSWORD, role: 'staff', clearance: 'NATO SECRET' });
  });
  after(() => s.close());

  test('coverage per area: reference counts with their source; unmodelled areas are not recorded, never 0', async () => {
    const areas = (await s.app.inject({ url: '/api/worlds/record/coverage' })).json() as { area: string; status: string; measures: { measure: string; recorded: number; of?: number; source?: string; modelled: boolean }[] }[];
    const patg = areas.find((a) => a.area === 'partnerships')!.measures.find((m) => m.measure === 'partners.PATG')!;
    assert.equal(patg.of, 9);
    assert.match(patg.source!, /^https:\/\/www\.nato\.int\//);
    assert.ok(patg.recorded >= 2 && patg.recorded <= 9);
    const eop = areas.find((a) => a.area === 'partnerships')!.measures.find((m) => m.measure === 'partners.EOP')!;
    assert.deepEqual([eop.modelled, eop.recorded, eop.of], [true, 6, 6]);
    const wps = areas.find((a) => a.area === 'wps_human_security')!.measures;
    assert.ok(wps.every((m) => m.modelled), JSON.stringify(wps));
    assert.ok(wps.find((m) => m.measure === 'wps.policies')!.recorded >= 5);
    assert.equal(wps.find((m) => m.measure === 'human_security.approach')!.recorded, 1);
    const seats = areas.find((a) => a.area === 'places')!;
    assert.ok(seats.measures.every((m) => m.modelled && m.recorded >= 2), JSON.stringify(seats));
    const offices = (await s.app.inject({ url: '/api/worlds/record/offices?asOf=2010-01-01' })).json() as { data: { office: string; name: string } }[];
    assert.ok(offices.some((o) => o.data.office === 'sact' && o.data.name === 'Stéphane Abrial'), JSON.stringify(offices));
    // The terms with their bounds and the spans no source covers, as evere offices gives them.
    type Term = { what: string; holder?: string; place?: string; from: string; until?: string; recorded: boolean; fromIs?: string; untilIs?: string };
    const at1980 = (await s.app.inject({ url: '/api/worlds/record/offices/terms?asOf=1980-06-01' })).json() as Term[];
    assert.deepEqual(at1980.filter((t) => t.what === 'saceur').map((t) => [t.recorded, t.holder, t.from.slice(0, 10), t.fromIs, t.until?.slice(0, 10)]), [[true, 'Bernard W. Rogers', '1979-07-31', 'on_or_before', '1987-06-26']]);
    assert.equal(at1980.find((t) => t.what === 'nato_headquarters')?.place, 'Brussels');
    const at1993 = (await s.app.inject({ url: '/api/worlds/record/offices/terms?asOf=1993-11-01' })).json() as Term[];
    assert.deepEqual(at1993.filter((t) => t.what === 'saceur').map((t) => [t.recorded, t.holder, t.from.slice(0, 10), t.until?.slice(0, 10)]), [[false, undefined, '1993-09-01', '1994-01-31']]);
    const terms = (await s.app.inject({ url: '/api/worlds/record/offices/terms' })).json() as Term[];
    const rizzo = terms.find((t) => t.holder === 'Alessandro Minuto-Rizzo');
    assert.deepEqual([rizzo?.fromIs, rizzo?.untilIs], ['on_or_before', 'on_or_before']);
    assert.ok(terms.filter((t) => t.what === 'wps_special_representative' && !t.recorded).length >= 2, JSON.stringify(terms));
    const seats1960 = (await s.app.inject({ url: '/api/worlds/record/seats?asOf=1960-01-01' })).json() as { data: { body: string; place: string } }[];
    assert.deepEqual(seats1960.map((f) => [f.data.body, f.data.place]).sort(), [['nato_headquarters', 'Paris'], ['shape', 'Rocquencourt']]);
    const early = (await s.app.inject({ url: '/api/worlds/record/coverage?asOf=1940-01-01' })).json() as typeof areas;
    assert.equal(early.find((a) => a.area === 'places')!.status, 'not_recorded');
    const before = (await s.app.inject({ url: '/api/worlds/record/coverage?asOf=1990-01-01' })).json() as typeof areas;
    assert.equal(before.find((a) => a.area === 'article5')!.status, 'not_recorded');
  });

  test('members at a date, as JSON', async () => {
    const r = await s.app.inject({ url: '/api/worlds/record/members?asOf=2023-04-04' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().length, 31);
  });

  test('errors are RFC 9457 problem details naming the rule, in French by Accept-Language', async () => {
    const r = await s.app.inject({ url: '/api/worlds/record/accessions/XYZ', headers: { 'accept-language': 'fr-BE,fr;q=0.9' } });
    assert.equal(r.statusCode, 404);
    assert.match(r.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(r.json().code, 'query.no_protocol');
    assert.match(r.json().detail, /Aucun protocole d’adhésion/);
    const bad = await s.app.inject({ url: '/api/worlds/record/members?asOf=yesterday' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().detail, /Invalid asOf: "yesterday"/);
  });

  test('a state code with two readings is refused the same way as in the CLI, naming both', async () => {
    for (const path of ['allies/RS', 'accessions/IS']) {
      const r = await s.app.inject({ url: `/api/worlds/record/${path}` });
      assert.equal(r.statusCode, 400, path);
      assert.equal(r.json().code, 'query.ambiguous_state');
    }
    const r = await s.app.inject({ url: '/api/worlds/record/allies/AU', headers: { 'accept-language': 'fr' } });
    assert.match(r.json().detail, /«\u00a0AU\u00a0» est ambigu\u00a0: il se lit AUS \(ISO 3166-1 alpha-2\), AUT \(NATO\/FIPS 10-4\)/);
    assert.equal((await s.app.inject({ url: '/api/worlds/record/allies/TU' })).json().code, 'TUR');
  });

  test('the OpenAPI document is valid OpenAPI 3.1 and lists every route', async () => {
    const r = await s.app.inject({ url: '/openapi.json' });
    const doc = r.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    assert.ok(result.valid, String(JSON.stringify(result.errors)).slice(0, 500));
    assert.equal(validator.version, '3.1');
    for (const path of ['/api/worlds/{world}/members', '/api/worlds/{world}/commands', '/api/worlds/{world}/proofs/inclusion/{seq}', '/api/worlds/{world}/events', '/api/auth/login']) {
      assert.ok(doc.paths[path], path);
    }
    const page = await s.app.inject({ url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html/i);
  });

  test('a delegation signs in, and acts for its Ally only; writes need the CSRF token', async () => {
    const { cookie, csrf } = await signIn(s.app, 'hun', PASSWORD);
    const me = await s.app.inject({ url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.json().account.party, 'HUN');
    // The session status answers 200 signed in or not (the web app asks on every load).
    const status = await s.app.inject({ url: '/api/auth/session', headers: { cookie } });
    assert.equal(status.statusCode, 200);
    assert.deepEqual([status.json().signedIn, status.json().account.party, status.json().csrf], [true, 'HUN', csrf]);
    const anonymous = await s.app.inject({ url: '/api/auth/session' });
    assert.equal(anonymous.statusCode, 200);
    assert.deepEqual(anonymous.json(), { signedIn: false });
    const table = { cmd: 'TableProposal', by: 'SG', at: '2024-06-05T09:00:00Z', data: { proposal: 'P-API', title: { en: 'Test' }, procedure: 'silence', deadline: '2024-06-10T12:00:00Z' } };
    const sg = await signIn(s.app, 'sg', PASSWORD);
    let r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { cookie: sg.cookie, 'x-csrf-token': sg.csrf }, payload: table });
    assert.equal(r.statusCode, 201, r.body);
    const brk = { cmd: 'BreakSilence', by: 'HUN', at: '2024-06-09T10:00:00Z', data: { proposal: 'P-API', reason: 'para 2' } };
    r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { cookie }, payload: brk });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, 'auth.csrf');
    r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { cookie, 'x-csrf-token': csrf }, payload: { ...brk, by: 'FRA' } });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, 'act.not_authorised');
    r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { cookie, 'x-csrf-token': csrf }, payload: brk });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json()[0].actor, 'delegation-hun');
    assert.equal(r.json()[0].type, 'SilenceBroken');
    r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { cookie, 'x-csrf-token': csrf }, payload: brk });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().code, 'act.refused');
    assert.ok(r.json().violations.length >= 1);
    const fr = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { cookie, 'x-csrf-token': csrf, 'accept-language': 'fr' }, payload: brk });
    assert.match(fr.json().detail, /^Refusé\u00a0: /);
    assert.equal(fr.json().detail.slice('Refusé\u00a0: '.length), fr.json().violations.map((v: { message: string }) => v.message).join('\u00a0; '), 'the rule is in French too');
    r = await s.app.inject({ method: 'POST', url: '/api/worlds/record/commands', headers: { cookie, 'x-csrf-token': csrf }, payload: brk });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, 'world.read_only');
  });

  test('bearer tokens for scripts; a wrong token is 401', async () => {
    const token = await s.services.accounts.createToken('hun', 'script');
    const me = await s.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.json().account.username, 'hun');
    const bad = await s.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer evere_nope' } });
    assert.equal(bad.statusCode, 401);
    const anonymous = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', payload: { cmd: 'AgreeProposal', by: 'HUN', data: { proposal: 'P-API' } } });
    assert.equal(anonymous.statusCode, 401);
  });

  test('sign-in is throttled after repeated failures', async () => {
    await s.services.accounts.create({ username: 'victim', password: PASSWORD, role: 'staff' });
    for (let i = 0; i < 5; i++) {
      const r = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: 'wrong' } });
      assert.equal(r.statusCode, 401);
    }
    const locked = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: PASSWORD } });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'auth.throttled');
  });

  test('transparency: checkpoint, keys and proofs are enough for an outside verifier', async () => {
    const cp = (await s.app.inject({ url: '/api/worlds/record/checkpoint' })).json();
    assert.match(cp.note, /^evere\.local\/record\n/);
    const proof = (await s.app.inject({ url: '/api/worlds/record/proofs/inclusion/5' })).json();
    assert.equal(proof.treeSize, cp.size);
    const consistency = await s.app.inject({ url: `/api/worlds/record/proofs/consistency?from=${cp.size}` });
    assert.equal(consistency.statusCode, 200);
    const keys = (await s.app.inject({ url: '/api/worlds/record/keys' })).json();
    assert.equal(keys.logKey, cp.verifierKey);
    assert.ok(keys.principals.every((p: Record<string, unknown>) => !JSON.stringify(p).includes('PRIVATE')));
  });

  test('cached answers are dropped on every append, this process’s or another connection’s', async () => {
    const url = '/api/worlds/ex/council/proposals';
    const before = (await s.app.inject({ url, headers: { authorization: `Bearer ${await s.services.accounts.createToken('sg', 'c')}` } })).json().length;
    const token = await s.services.accounts.createToken('sg', 'cache');
    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await s.app.inject({ url, headers: auth })).json().length, before);
    const r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: auth, payload: { cmd: 'TableProposal', by: 'SG', at: '2024-06-20T09:00:00Z', data: { proposal: 'P-CACHE', title: { en: 'x' }, procedure: 'meeting' } } });
    assert.equal(r.statusCode, 201);
    assert.equal((await s.app.inject({ url, headers: auth })).json().length, before + 1);
    // Another connection to the same SQLite file (e.g. the CLI in another terminal) appends.
    const { openServices } = await import('../../src/main.js');
    const other = await openServices(s.services.config);
    const { act, actingPrincipal } = await import('../../src/app/acts.js');
    await act(other.ledger, 'ex', { cmd: 'TableProposal', at: '2024-06-21T09:00:00Z', by: 'SG', data: { proposal: 'P-OTHER', title: { en: 'y' }, procedure: 'meeting' } }, await actingPrincipal(other.ledger, 'ex', 'SG'));
    await other.close();
    assert.equal((await s.app.inject({ url, headers: auth })).json().length, before + 2);
  });

  test('oversized bodies are refused early with 413', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/worlds/ex/commands', headers: { 'content-type': 'application/json' }, payload: `{"cmd":"X","by":"HUN","data":{"x":"${'a'.repeat(100_000)}"}}` });
    assert.equal(r.statusCode, 413);
  });
});

describe('HTTP API: the Alliance’s work', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  test('operations, EU overlap, fund, arms control and human security answer at a date', async () => {
    const ops = (await s.app.inject({ url: '/api/worlds/record/operations?asOf=2005-01-01' })).json() as { operation: string; status: string }[];
    assert.equal(ops.find((o) => o.operation === 'KFOR')?.status, 'active');
    const eu2019 = (await s.app.inject({ url: '/api/worlds/record/eu?asOf=2019-06-01' })).json();
    const eu2021 = (await s.app.inject({ url: '/api/worlds/record/eu?asOf=2021-06-01' })).json();
    assert.equal(eu2019.shared.length - eu2021.shared.length, 1, 'the United Kingdom left the EU in between');
    const fundSummary = (await s.app.inject({ url: '/api/worlds/record/fund' })).json();
    assert.ok(fundSummary.balances.every((b: { reconciles: boolean }) => b.reconciles));
    const byAlly = await s.app.inject({ url: '/api/worlds/record/fund/report?by=ally' });
    assert.equal(byAlly.statusCode, 200);
    const badDimension = await s.app.inject({ url: '/api/worlds/record/fund/report?by=galaxy' });
    assert.equal(badDimension.statusCode, 400);
    assert.equal((await s.app.inject({ url: '/api/worlds/record/arms-control' })).statusCode, 200);
    assert.equal((await s.app.inject({ url: '/api/worlds/record/human-security' })).statusCode, 200);
    const missing = await s.app.inject({ url: '/api/worlds/record/operations/NOPE' });
    assert.equal(missing.statusCode, 404);
  });
});
