/**
 * One audit point that every read of classified material passes (issue 10): every route of the
 * API, enumerated from the OpenAPI document, is read by a NATO SECRET reader in a world holding a
 * NATO SECRET proposal (and, for scenario routes, in a scenario holding a NATO SECRET inject);
 * whenever an answer shows the classified material, the audit trail must have recorded it. Live
 * updates (SSE) are read over a real connection. A route this test does not know fails it: a new
 * route cannot escape the audit unnoticed.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { openSse } from '../support/sse.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';
import { Scenarios } from '../../src/app/scenarios/service.js';
import { readScenarioText } from '../../src/app/scenarios/scenario-file.js';
import { sendMessage } from '../../src/app/scenarios/channels.js';

const PASSWORD = 'a long enough password';
const MARKER = 'AUDIT-MARKER';

/** Routes that write, or read nothing of a world's entries: what they are, and why no audit. */
const NOT_READS: Record<string, string> = {
  'POST /api/auth/login': 'signs in',
  'POST /api/auth/logout': 'signs out',
  'GET /api/auth/me': 'the account itself',
  'GET /api/health': 'liveness',
  'GET /api/states': 'a reference table',
  'POST /api/worlds/{world}/commands': 'acts (tested in security-acts)',
  'POST /api/scenarios': 'creates',
  'PUT /api/scenarios/{name}/seats/{seat}': 'assigns',
  'POST /api/scenarios/{name}/participants': 'admits',
  'POST /api/scenarios/{name}/clock': 'steers the clock',
  'POST /api/scenarios/{name}/advance': 'steers the clock',
  'POST /api/scenarios/{name}/injects': 'delivers',
  'POST /api/scenarios/{name}/act': 'acts',
  'POST /api/scenarios/{name}/branch': 'branches',
  'POST /api/scenarios/{name}/messages': 'sends a message',
  'POST /api/scenarios/{name}/scores': 'scores an objective',
  'POST /api/worlds/{world}/log/add-cosignature': 'a witness hands back its cosignature (reads nothing)',
  'GET /api/worlds/{world}/events': 'live updates: read over a real connection below',
};

interface Operation { parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: unknown[] } }[] }

describe('the audit trail records every read of classified material, on every route', () => {
  let s: TestServer;
  const h = new Map<string, Record<string, string>>();
  let secretSeq = 0;
  let ids: Map<string, string>;

  before(async () => {
    s = await testServer({ record: false });
    const { ledger, accounts, config } = s.services;
    await createWorldFromRecord(ledger, config.dataDir, 'sec', { asOf: '2024-06-01' });
    const sg = await actingPrincipal(ledger, 'sec', 'SG');
    const [tabled] = await act(ledger, 'sec', { cmd: 'TableProposal', at: '2024-06-02T09:00:00Z', by: 'SG', data: { proposal: 'P-AUDIT', title: { en: MARKER }, procedure: 'meeting' } }, sg, { classification: 'NATO SECRET', releasability: ['NATO'] });
    secretSeq = tabled!.seq;
    await ledger.checkpoint('sec');
    await accounts.create({ username: 'staff', password: PASSWORD, role: 'staff', clearance: 'NATO SECRET' });
    await accounts.create({ username: 'otto', password: PASSWORD, role: 'observer', clearance: 'NATO SECRET' });
    const scenarios = new Scenarios({ ledger, dataDir: config.dataDir, accounts });
    await scenarios.create('drill', readScenarioText(JSON.stringify({ scenario: 'drill', title: { en: 'Drill' }, asOf: '2024-06-01', injects: [] }), 'drill.json'));
    await scenarios.admit('drill', 'otto');
    await scenarios.deliver('drill', { adHoc: { kind: 'intelligence', title: { en: MARKER }, tags: [], classification: 'NATO SECRET' } });
    await sendMessage(scenarios, 'drill', { from: 'EXCON', to: ['ALL'], text: MARKER, classification: 'NATO SECRET' });
    for (const who of ['staff', 'otto']) {
      const { cookie, csrf } = await signIn(s.app, who, PASSWORD);
      h.set(who, { cookie, 'x-csrf-token': csrf });
    }
    ids = new Map((await accounts.list()).map((a) => [a.username, a.id]));
  });
  after(() => s.close());

  const trail = async (who: string, world: string) =>
    (await s.services.accountStore.auditTrail(100_000)).filter((t) => t.accountId === ids.get(who) && t.world === world && t.classification === 'NATO SECRET').length;

  test('every route is known, and every answer that shows NATO SECRET material was audited', async () => {
    const doc = (await s.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const shown: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (NOT_READS[route]) continue;
        assert.equal(method, 'get', `${route}: a route this test does not know — say whether it reads classified material`);
        const scenario = path.startsWith('/api/scenarios');
        const who = scenario ? 'otto' : 'staff';
        const world = scenario ? 'drill' : 'sec';
        const values: Record<string, string> = { world, name: world, seq: String(secretSeq), code: 'BEL', kind: 'proposal', seat: 'HUN', id: 'P-AUDIT', file: 'consultations.csv' };
        let url = path.replace(/\{(\w+)\}/g, (_m, p: string) => {
          assert.ok(values[p], `${route}: no value for {${p}}`);
          return values[p]!;
        });
        const query = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=${encodeURIComponent(String(p.schema?.enum?.[0] ?? (p.schema?.type === 'integer' ? 0 : 'x')))}`);
        // A list pages from its start: ask for the part that holds the material.
        if (path === '/api/worlds/{world}/entries') query.push('since=600', 'limit=1000');
        if (query.length) url += `?${query.join('&')}`;
        for (const target of scenario ? [url] : [url, url.replace('/sec/', '/drill/')]) {
          const reader = target.includes('/drill/') ? 'otto' : who;
          const w = target.includes('/drill') ? 'drill' : 'sec';
          const before = await trail(reader, w);
          const res = await s.app.inject({ url: target, headers: h.get(reader)! });
          if (!res.body.includes(MARKER)) continue;
          shown.push(target);
          assert.ok(await trail(reader, w) > before, `${target} showed NATO SECRET material without an audit record`);
        }
      }
    }
    for (const expected of [`/api/worlds/sec/entries/${secretSeq}`, '/api/worlds/sec/entries?since=600&limit=1000', `/api/worlds/sec/proofs/inclusion/${secretSeq}`, '/api/worlds/sec/council/proposals', '/api/worlds/sec/facts/proposal', '/api/scenarios/drill/report', '/api/scenarios/drill/messages', '/api/worlds/drill/entries?since=600&limit=1000']) {
      assert.ok(shown.includes(expected), `${expected} shows the material (the test is not vacuous): ${shown.join(', ')}`);
    }
  });

  test('live updates (SSE) of classified entries are audited', async () => {
    const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const before = await trail('staff', 'sec');
    const sse = await openSse(`${address}/api/worlds/sec/events?since=${secretSeq}`, h.get('staff')!);
    try {
      const e = await sse.next((x) => x.data.includes(MARKER), 10_000);
      assert.ok(e);
      for (let i = 0; i < 50 && (await trail('staff', 'sec')) <= before; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(await trail('staff', 'sec') > before, 'the SSE read was audited');
    } finally {
      sse.close();
    }
  });
});
