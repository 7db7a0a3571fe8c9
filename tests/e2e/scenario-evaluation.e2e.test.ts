/**
 * Evaluation against the scenario file's objectives, over HTTP: the system measures what it can
 * (time to consultations, time to consensus from the request, participation of the seats people
 * hold), evaluators score each objective with an observation (an entry signed by the evaluator,
 * never shown to players), and the report — JSON and HTML — scores every objective.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testServer, signIn, type TestServer } from '../support/api.js';

const PASSWORD = 'a long enough password';
const GRID = readFileSync(new URL('../../data/scenarios/grid-hybrid-attack.yaml', import.meta.url), 'utf8');

interface ObjectiveView { id: string; measured: { status: string; code: string; params: Record<string, unknown> }; scores: { rating: string; observation: string; evaluator: string; signedBy: string }[] }

describe('scenario evaluation over HTTP', () => {
  let s: TestServer;
  const h = new Map<string, Record<string, string>>();
  const as = (who: string) => h.get(who)!;
  const post = (who: string, url: string, payload: object) => s.app.inject({ method: 'POST', url, headers: as(who), payload });
  const objectives = async (who: string): Promise<Map<string, ObjectiveView>> => {
    const r = await s.app.inject({ url: '/api/scenarios/grid/objectives', headers: as(who) });
    assert.equal(r.statusCode, 200, r.body);
    return new Map((r.json().objectives as ObjectiveView[]).map((o) => [o.id, o]));
  };

  before(async () => {
    s = await testServer({ record: false });
    for (const [username, role] of [['dora', 'director'], ['eve', 'evaluator'], ['otto', 'observer'], ['hanna', 'player'], ['tiit', 'player']] as const) {
      await s.services.accounts.create({ username, password: PASSWORD, role, clearance: 'NATO SECRET' });
      const { cookie, csrf } = await signIn(s.app, username, PASSWORD);
      h.set(username, { cookie, 'x-csrf-token': csrf });
    }
    assert.equal((await post('dora', '/api/scenarios', { name: 'grid', text: GRID })).statusCode, 201);
    for (const [seat, username] of [['HUN', 'hanna'], ['EST', 'tiit']]) {
      assert.equal((await s.app.inject({ method: 'PUT', url: `/api/scenarios/grid/seats/${seat}`, headers: as('dora'), payload: { username } })).statusCode, 200);
    }
    for (const username of ['eve', 'otto']) assert.equal((await post('dora', '/api/scenarios/grid/participants', { username })).statusCode, 200);
  });
  after(() => s.close());

  test('the system measures what it can, as play goes on', async () => {
    assert.equal((await post('dora', '/api/scenarios/grid/advance', { to: 'T+3h' })).statusCode, 200);
    const early = await objectives('eve');
    assert.deepEqual([...early.keys()], ['OBJ-1', 'OBJ-2', 'OBJ-3', 'OBJ-4', 'OBJ-5']);
    assert.equal(early.get('OBJ-2')!.measured.status, 'pending', 'no consultations requested yet, play goes on');
    assert.equal(early.get('OBJ-4')!.measured.status, 'pending');
    assert.deepEqual(early.get('OBJ-4')!.measured.params.silent, ['EST', 'HUN'], 'the seats people hold that have not acted');
    assert.equal(early.get('OBJ-5')!.measured.status, 'not-measured', 'an objective without a measure is for evaluators');

    // Estonia (a person) answers the prompt to request consultations at T+3h; the chair holds them 4 h later.
    const requested = await post('tiit', '/api/scenarios/grid/act', { cmd: 'RequestConsultations', by: 'EST', data: { consultation: 'A4-BALTIC-GRID', requesters: ['EST', 'LVA', 'LTU'], reason: 'attack on the grid' } });
    assert.equal(requested.statusCode, 201, requested.body);
    assert.equal((await post('hanna', '/api/scenarios/grid/messages', { from: 'HUN', to: ['EST'], text: 'We will not stand in the way.' })).statusCode, 201);
    assert.equal((await post('dora', '/api/scenarios/grid/advance', { to: 'T+40h' })).statusCode, 200);
    const later = await objectives('eve');
    const consult = later.get('OBJ-2')!.measured;
    assert.equal(consult.status, 'met', JSON.stringify(consult));
    assert.ok(Number(consult.params.hours) > 0 && Number(consult.params.hours) <= 12);
    assert.equal(later.get('OBJ-4')!.measured.status, 'met', 'both seats acted (a message counts)');
    const statement = later.get('OBJ-1')!.measured;
    assert.ok(['met', 'not-met'].includes(statement.status), JSON.stringify(statement));
    const report = (await s.app.inject({ url: '/api/scenarios/grid/report', headers: as('eve') })).json();
    const decision = report.aar.decisions.find((d: { tags: string[] }) => d.tags.includes('statement'));
    const request = Date.parse(report.aar.consultations[0].requestedAt);
    const within = decision?.adoptedAt !== undefined && Date.parse(decision.adoptedAt) - request <= 24 * 3600_000;
    assert.equal(statement.status, within ? 'met' : 'not-met', 'consensus is timed from the request, as the objective says');
  });

  test('evaluators score with an observation; observers read; players neither', async () => {
    const scored = await post('eve', '/api/scenarios/grid/scores', { objective: 'OBJ-5', rating: 'partly-met', observation: 'Hungary and Estonia settled paragraph 2 bilaterally; the others waited for the chair.' });
    assert.equal(scored.statusCode, 201, scored.body);
    assert.equal(scored.headers['x-evere-exercise'], 'EXERCISE');
    assert.equal(scored.json().signedBy, 'evaluator-eve');
    const entry = (await s.app.inject({ url: `/api/worlds/grid/entries/${scored.json().seq}`, headers: as('dora') })).json();
    assert.equal(entry.exercise, true);
    assert.deepEqual(entry.releasability, ['XEV']);

    const seen = (await objectives('otto')).get('OBJ-5')!.scores;
    assert.deepEqual(seen.map((x) => [x.rating, x.evaluator]), [['partly-met', 'eve']], 'observers read the scores');
    assert.equal((await post('otto', '/api/scenarios/grid/scores', { objective: 'OBJ-5', rating: 'met', observation: 'x' })).statusCode, 403);
    assert.equal((await post('hanna', '/api/scenarios/grid/scores', { objective: 'OBJ-5', rating: 'met', observation: 'x' })).statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/scenarios/grid/objectives', headers: as('hanna') })).statusCode, 403);
    const hannaEntries = (await s.app.inject({ url: '/api/worlds/grid/entries?type=ObjectiveScored&limit=100', headers: as('hanna') })).json().entries;
    assert.equal(hannaEntries.length, 0, 'a player reads no score, through any route');
    const unknown = await post('eve', '/api/scenarios/grid/scores', { objective: 'OBJ-9', rating: 'met', observation: 'x' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().detail, /OBJ-9.*OBJ-1, OBJ-2/);
  });

  test('the report scores every objective (JSON and HTML); a player’s report has none', async () => {
    const report = (await s.app.inject({ url: '/api/scenarios/grid/report', headers: as('dora') })).json();
    assert.equal(report.objectives.length, 5);
    assert.equal(report.objectives.find((o: ObjectiveView) => o.id === 'OBJ-5').scores[0].rating, 'partly-met');
    const html = (await s.app.inject({ url: '/api/scenarios/grid/report?format=html&lang=fr', headers: as('eve') })).body;
    assert.match(html, /Objectifs de l’exercice/);
    assert.match(html, /partiellement atteint — eve/);
    assert.match(html, /OBJ-2 — Le Conseil tient les consultations/);
    const player = (await s.app.inject({ url: '/api/scenarios/grid/report', headers: as('hanna') })).json();
    assert.equal(player.objectives, undefined);
    assert.doesNotMatch(JSON.stringify(player), /settled paragraph 2/);
  });
});
