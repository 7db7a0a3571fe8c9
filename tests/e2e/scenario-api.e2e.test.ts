/**
 * Scenarios over HTTP, with the exercise roles: a director creates and seats; a controller runs
 * the clock and injects but seats nobody; players act only for their own seat, at scenario time;
 * evaluators and observers see all but exercise control’s own material and act on nothing; people outside a
 * scenario do not see it. Two sessions act as two delegations, as two browsers would.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { testServer, signIn, type TestServer } from '../support/api.js';

const PASSWORD = 'a long enough password';
const GRID = readFileSync(new URL('../../data/scenarios/grid-hybrid-attack.yaml', import.meta.url), 'utf8');

describe('scenarios over HTTP', () => {
  let s: TestServer;
  const h = new Map<string, Record<string, string>>();
  const as = (who: string) => h.get(who)!;

  before(async () => {
    s = await testServer({ record: false });
    const people: [string, string, string?][] = [
      ['dora', 'director'], ['ada', 'admin'], ['carl', 'controller'], ['eve', 'evaluator'], ['otto', 'observer'],
      ['hanna', 'player'], ['tiit', 'player'], ['bel', 'delegation', 'BEL'],
    ];
    for (const [username, role, party] of people) {
      await s.services.accounts.create({ username, password: PASSWORD, role, ...(party ? { party } : {}), clearance: 'NATO SECRET' });
      const { cookie, csrf } = await signIn(s.app, username, PASSWORD);
      h.set(username, { cookie, 'x-csrf-token': csrf });
    }
  });
  after(() => s.close());

  const post = (who: string, url: string, payload: object) => s.app.inject({ method: 'POST', url, headers: as(who), payload });

  test('a director creates a scenario from a scenario file; a player may not; a bad file names its line', async () => {
    const refused = await post('hanna', '/api/scenarios', { name: 'grid', text: GRID });
    assert.equal(refused.statusCode, 403);
    const bad = await post('dora', '/api/scenarios', { name: 'bad', text: GRID.replace('kind: incident', 'kind: rumour') });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().detail, /line \d+, column \d+, injects\[0\]\.kind: "rumour" is not one of/);
    const r = await post('dora', '/api/scenarios', { name: 'grid', text: GRID });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.headers['x-evere-exercise'], 'EXERCISE');
    assert.equal(r.json().exercise, true);
    assert.equal(r.json().upcoming.length, 20, 'exercise control sees the injects to come');
    const dora = (await s.services.accounts.list()).find((a) => a.username === 'dora')!;
    assert.deepEqual(dora.worlds, ['grid']);
    const byAdmin = await post('ada', '/api/scenarios', { name: 'bare', asOf: '2024-06-01' });
    assert.equal(byAdmin.statusCode, 201, byAdmin.body);
  });

  test('the director seats players and admits exercise control, evaluators and observers', async () => {
    for (const [seat, username] of [['HUN', 'hanna'], ['EST', 'tiit']]) {
      const r = await s.app.inject({ method: 'PUT', url: `/api/scenarios/grid/seats/${seat}`, headers: as('dora'), payload: { username } });
      assert.equal(r.statusCode, 200, r.body);
    }
    for (const username of ['carl', 'eve', 'otto']) assert.equal((await post('dora', '/api/scenarios/grid/participants', { username })).statusCode, 200);
    const byController = await s.app.inject({ method: 'PUT', url: '/api/scenarios/grid/seats/FRA', headers: as('carl'), payload: { username: 'hanna' } });
    assert.equal(byController.statusCode, 403);
    const noCsrf = await s.app.inject({ method: 'PUT', url: '/api/scenarios/grid/seats/FRA', headers: { cookie: as('dora').cookie! }, payload: { bot: true } });
    assert.equal(noCsrf.statusCode, 403);
    // A seat given to nobody is refused, with the reason in the reader's language.
    const neither = (lang: string) => s.app.inject({ method: 'PUT', url: '/api/scenarios/grid/seats/FRA', headers: { ...as('dora'), 'accept-language': lang }, payload: {} });
    const neitherEn = await neither('en');
    assert.equal(neitherEn.statusCode, 400);
    assert.equal(neitherEn.json().code, 'input.invalid');
    assert.equal(neitherEn.json().detail, 'Invalid body: give username, or bot: true.');
    const neitherFr = await neither('fr-FR,fr;q=0.9');
    assert.equal(neitherFr.statusCode, 400);
    assert.equal(neitherFr.json().detail, 'body invalide\u00a0: indiquez username, ou bot: true.');
  });

  test('exercise control runs the clock; others may not', async () => {
    assert.equal((await post('otto', '/api/scenarios/grid/clock', { action: 'start' })).statusCode, 403);
    assert.equal((await post('hanna', '/api/scenarios/grid/clock', { action: 'start' })).statusCode, 403);
    const started = await post('carl', '/api/scenarios/grid/clock', { action: 'start', speed: 60 });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().clock.status, 'running');
    assert.equal((await post('carl', '/api/scenarios/grid/clock', { action: 'start' })).statusCode, 409);
    assert.equal((await post('carl', '/api/scenarios/grid/clock', { action: 'pause' })).statusCode, 200);
    const advanced = await post('carl', '/api/scenarios/grid/advance', { to: 'T+7h' });
    assert.equal(advanced.statusCode, 200, advanced.body);
    assert.ok(advanced.json().entries >= 5);
    assert.ok(advanced.json().status.delivered.some((d: { inject: string }) => d.inject === 'INJ-06'));
  });

  test('a player reads the commands their seat may give now; others get none', async () => {
    const hun = await s.app.inject({ url: '/api/scenarios/grid/available', headers: as('hanna') });
    assert.equal(hun.statusCode, 200, hun.body);
    const cmds = hun.json() as { cmd: string; by: string }[];
    assert.ok(cmds.length > 0 && cmds.every((c) => c.by === 'HUN'));
    assert.ok(cmds.some((c) => c.cmd === 'BreakSilence'));
    assert.deepEqual((await s.app.inject({ url: '/api/scenarios/grid/available', headers: as('otto') })).json(), []);
    assert.equal((await s.app.inject({ url: '/api/scenarios/grid/available', headers: as('bel') })).statusCode, 404);
  });

  test('two delegations, two sessions: each acts only for its own seat, at scenario time', async () => {
    const hun = await post('hanna', '/api/scenarios/grid/act', { cmd: 'BreakSilence', by: 'HUN', data: { proposal: 'PO-2024-0601', reason: 'paragraph 3' } });
    assert.equal(hun.statusCode, 201, hun.body);
    assert.equal(hun.json()[0].actor, 'delegation-hun');
    assert.equal(hun.json()[0].exercise, true);
    assert.equal(hun.json()[0].validTime, '2024-06-03T13:00:00Z');
    const est = await post('tiit', '/api/scenarios/grid/act', { cmd: 'RequestConsultations', by: 'EST', data: { consultation: 'A4-EST', requesters: ['EST'], reason: 'second wave' } });
    assert.equal(est.statusCode, 201, est.body);
    assert.equal((await post('hanna', '/api/scenarios/grid/act', { cmd: 'AgreeProposal', by: 'EST', data: { proposal: 'PO-2024-0601' } })).statusCode, 403);
    assert.equal((await post('otto', '/api/scenarios/grid/act', { cmd: 'AgreeProposal', by: 'HUN', data: { proposal: 'PO-2024-0601' } })).statusCode, 403);
    assert.equal((await post('dora', '/api/scenarios/grid/act', { cmd: 'AgreeProposal', by: 'FRA', data: { proposal: 'PO-2024-0601' } })).statusCode, 403);
    const direct = await post('hanna', '/api/worlds/grid/commands', { cmd: 'AgreeProposal', by: 'HUN', data: { proposal: 'PO-2024-0601' } });
    assert.equal(direct.statusCode, 403, 'players act through their seat only');
    const refused = await post('hanna', '/api/scenarios/grid/act', { cmd: 'BreakSilence', by: 'HUN', data: { proposal: 'PO-2024-0601' } });
    assert.equal(refused.statusCode, 422, 'the rules engine refuses a second break');
  });

  test('players see delivered injects, never the list ahead; evaluators and observers everything but exercise control’s own; outsiders nothing', async () => {
    const player = (await s.app.inject({ url: '/api/scenarios/grid', headers: as('hanna') })).json();
    assert.equal(player.upcoming, undefined);
    assert.ok(player.delivered.length >= 6);
    const msel = (who: string) => s.app.inject({ url: '/api/worlds/grid/entries?type=ScenarioDefined', headers: as(who) });
    assert.equal((await msel('hanna')).json().entries.length, 0, 'the master scenario events list is for exercise control');
    for (const who of ['otto', 'eve']) assert.equal((await msel(who)).json().entries.length, 0, `${who}: XEX is for exercise control only`);
    for (const who of ['carl', 'dora']) assert.equal((await msel(who)).json().entries.length, 1, who);
    const secret = await s.app.inject({ url: '/api/worlds/grid/entries?type=InjectDelivered&limit=100', headers: as('otto') });
    assert.ok(secret.json().entries.length >= 6);
    assert.equal((await s.app.inject({ url: '/api/scenarios/grid', headers: as('bel') })).statusCode, 404);
    assert.deepEqual((await s.app.inject({ url: '/api/scenarios', headers: as('bel') })).json(), []);
    assert.deepEqual((await s.app.inject({ url: '/api/scenarios', headers: as('otto') })).json().map((x: { name: string }) => x.name), ['grid']);
    assert.equal((await s.app.inject({ url: '/api/scenarios' })).statusCode, 401);
  });

  test('exercise control delivers an ad-hoc inject with its full content; a bad one names its field and delivers nothing', async () => {
    const full = {
      id: 'ADHOC-GRID-MAP', kind: 'intelligence', title: { en: 'Substation map', fr: 'Carte des postes' },
      text: { en: 'Three substations are down.', fr: 'Trois postes sont hors service.' },
      attachments: [{ title: { en: 'Map' }, url: 'https://example.org/exercise/map.pdf' }],
      to: ['HUN', 'IS'], classification: 'NATO CONFIDENTIAL', releasability: ['NATO'],
    };
    assert.equal((await post('hanna', '/api/scenarios/grid/injects', full)).statusCode, 403, 'a player delivers nothing');
    const delivered = (await s.app.inject({ url: '/api/scenarios/grid', headers: as('carl') })).json().delivered.length;
    const bad = async (change: object, field: RegExp) => {
      const r = await post('carl', '/api/scenarios/grid/injects', { ...full, ...change });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().detail, field);
    };
    await bad({ to: ['HUN', 'AUT'] }, /addressed to AUT, which is not a seat/);
    await bad({ attachments: [{ title: { en: 'Map' }, url: 'javascript:alert(1)' }] }, /attachments\[0\]\.url/);
    await bad({ command: { cmd: 'AgreeProposal', by: 'HUN' } }, /additional properties|command/);
    assert.equal((await s.app.inject({ url: '/api/scenarios/grid', headers: as('carl') })).json().delivered.length, delivered, 'nothing delivered');
    const r = await post('carl', '/api/scenarios/grid/injects', full);
    assert.equal(r.statusCode, 201, r.body);
    const [entry] = r.json();
    assert.equal(entry.type, 'InjectDelivered');
    assert.equal(entry.classification, 'NATO CONFIDENTIAL');
    assert.deepEqual(entry.payload.attachments, full.attachments);
    assert.deepEqual(entry.payload.to, ['HUN', 'IS']);
    assert.deepEqual(entry.payload.text, full.text);
    const seen = await s.app.inject({ url: '/api/worlds/grid/entries?type=InjectDelivered&limit=200', headers: as('hanna') });
    assert.ok(seen.json().entries.some((e: { payload: { inject: string } }) => e.payload.inject === 'ADHOC-GRID-MAP'), 'the addressee reads it');
  });

  test('the report, in JSON and in HTML, as the reader may see it', async () => {
    await post('carl', '/api/scenarios/grid/advance', { by: '3d' });
    const json = await s.app.inject({ url: '/api/scenarios/grid/report', headers: as('eve') });
    assert.equal(json.statusCode, 200, json.body);
    const r = json.json();
    assert.equal(r.exercise, true);
    assert.equal(r.classification, 'NATO SECRET');
    assert.ok(r.aar.silenceBreaks.some((b: { party: string }) => b.party === 'HUN'));
    assert.ok(r.aar.decisions.length === 3);
    const player = (await s.app.inject({ url: '/api/scenarios/grid/report', headers: as('hanna') })).json();
    assert.ok(!player.aar.timeline.some((t: { type: string }) => t.type === 'ScenarioDefined'), 'a player’s report holds what a player may see');
    const html = await s.app.inject({ url: '/api/scenarios/grid/report?format=html', headers: { ...as('otto'), 'accept-language': 'fr' } });
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.ok(html.body.includes('<html lang="fr">'));
    assert.ok(html.body.includes('<svg role="img"'));
    // Its policy, as a header and in the file itself: only its own stylesheet (by hash), no script, no framing.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html.body)![1]!;
    const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html.body)?.[1];
    for (const policy of [meta, html.headers['content-security-policy'] as string]) {
      assert.ok(policy?.includes(`style-src ${hash}`), `the inline stylesheet is allowed by its hash: ${policy}`);
      assert.match(policy!, /default-src 'none'/);
      assert.doesNotMatch(policy!, /unsafe-inline|script-src/);
    }
    assert.match(html.headers['content-security-policy'] as string, /frame-ancestors 'none'/);
    assert.equal(html.headers['x-content-type-options'], 'nosniff');
  });

  test('a what-if branch by the director, compared with its parent', async () => {
    const size = await s.services.ledger.store.size('grid');
    const defined = (await s.app.inject({ url: '/api/worlds/grid/entries?type=ScenarioDefined', headers: as('dora') })).json().entries[0].seq;
    assert.equal((await post('carl', '/api/scenarios/grid/branch', { branch: 'grid-x', atSeq: defined + 5, seat: 'HUN', policy: { default: 'agree' } })).statusCode, 403);
    const r = await post('dora', '/api/scenarios/grid/branch', { branch: 'grid-x', atSeq: defined + 5, seat: 'HUN', policy: { default: 'agree' } });
    assert.equal(r.statusCode, 201, r.body);
    assert.ok(r.json().copied < size);
    const report = (await s.app.inject({ url: '/api/scenarios/grid-x/report', headers: as('dora') })).json();
    assert.equal(report.comparison.left, 'grid');
    assert.equal(report.comparison.right, 'grid-x');
  });

  test('while its clock runs, the server brings a scenario up to it without being asked', async () => {
    const created = await post('dora', '/api/scenarios', { name: 'ticking', text: GRID });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await post('dora', '/api/scenarios/ticking/clock', { action: 'start', speed: 36_000 })).statusCode, 200);
    await new Promise((resolve) => setTimeout(resolve, 2600));
    const rows = await s.services.ledger.store.findEntries('ticking', { types: ['InjectDelivered'] });
    assert.ok(rows.length >= 5, `injects delivered by the ticker: ${rows.length}`);
    assert.equal((await post('dora', '/api/scenarios/ticking/clock', { action: 'pause' })).statusCode, 200);
  });

  test('the API document lists the scenario routes', async () => {
    const doc = (await s.app.inject({ url: '/openapi.json' })).json();
    for (const path of ['/api/scenarios', '/api/scenarios/{name}/act', '/api/scenarios/{name}/report', '/api/scenarios/{name}/clock']) assert.ok(doc.paths[path], path);
  });
});
