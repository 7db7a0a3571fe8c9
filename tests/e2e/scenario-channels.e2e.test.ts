/**
 * Channels of a scenario over HTTP: a player sends from the seat they hold (signed by that seat's
 * delegation, dated in scenario time, marked EXERCISE); a message is read by its parties' holders
 * exercise control and evaluators only — through the one authorisation layer, so the generic entries route,
 * the report's timeline and the listing agree — and a seat given back to its bot takes its
 * channels with it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testServer, signIn, type TestServer } from '../support/api.js';

const PASSWORD = 'a long enough password';
const GRID = readFileSync(new URL('../../data/scenarios/grid-hybrid-attack.yaml', import.meta.url), 'utf8');
const ACCESSION = readFileSync(new URL('../../data/scenarios/accession-ratification.yaml', import.meta.url), 'utf8');

describe('scenario channels over HTTP', () => {
  let s: TestServer;
  const h = new Map<string, Record<string, string>>();
  const as = (who: string) => h.get(who)!;
  const post = (who: string, url: string, payload: object) => s.app.inject({ method: 'POST', url, headers: as(who), payload });
  const texts = async (who: string): Promise<string[]> => {
    const r = await s.app.inject({ url: '/api/scenarios/grid/messages', headers: as(who) });
    assert.equal(r.statusCode, 200, r.body);
    return (r.json().messages as { text: string }[]).map((m) => m.text);
  };
  const entryTexts = async (who: string): Promise<string[]> => {
    const r = await s.app.inject({ url: '/api/worlds/grid/entries?type=MessageSent&limit=1000', headers: as(who) });
    assert.equal(r.statusCode, 200, r.body);
    return (r.json().entries as { payload: { text: string } }[]).map((e) => e.payload.text);
  };

  before(async () => {
    s = await testServer({ record: false });
    const people: [string, string][] = [
      ['dora', 'director'], ['eve', 'evaluator'], ['hanna', 'player'], ['tiit', 'player'], ['fritz', 'player'], ['ivo', 'player'], ['nobody', 'player'],
    ];
    for (const [username, role] of people) {
      await s.services.accounts.create({ username, password: PASSWORD, role, clearance: 'NATO SECRET' });
      const { cookie, csrf } = await signIn(s.app, username, PASSWORD);
      h.set(username, { cookie, 'x-csrf-token': csrf });
    }
    assert.equal((await post('dora', '/api/scenarios', { name: 'grid', text: GRID })).statusCode, 201);
    for (const [seat, username] of [['HUN', 'hanna'], ['EST', 'tiit'], ['FRA', 'fritz'], ['IS', 'ivo']]) {
      const r = await s.app.inject({ method: 'PUT', url: `/api/scenarios/grid/seats/${seat}`, headers: as('dora'), payload: { username } });
      assert.equal(r.statusCode, 200, r.body);
    }
    assert.equal((await post('dora', '/api/scenarios/grid/participants', { username: 'eve' })).statusCode, 200);
    assert.equal((await post('dora', '/api/scenarios/grid/advance', { to: 'T+2h' })).statusCode, 200);
  });
  after(() => s.close());

  test('a bilateral message is signed by the sending seat, dated in scenario time, and read by its parties, exercise control and evaluators only', async () => {
    const r = await post('hanna', '/api/scenarios/grid/messages', { from: 'HUN', to: ['EST'], text: 'Can you live with “express deep concern” in paragraph 2?' });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.headers['x-evere-exercise'], 'EXERCISE');
    const m = r.json();
    assert.equal(m.signedBy, 'delegation-hun');
    assert.equal(m.channel, 'bilateral');
    assert.equal(m.offset, 'T+02:00');
    assert.deepEqual(m.releasability, ['EST', 'HUN', 'XEV']);
    const entry = (await s.app.inject({ url: `/api/worlds/grid/entries/${m.seq}`, headers: as('dora') })).json();
    assert.equal(entry.exercise, true, 'marked EXERCISE like every entry of the world');
    assert.equal(entry.actor, 'delegation-hun');

    const text = m.text as string;
    assert.ok((await texts('tiit')).includes(text), 'the addressee reads it');
    assert.ok((await texts('hanna')).includes(text), 'the sender reads it');
    assert.ok((await texts('dora')).includes(text), 'exercise control reads every channel');
    assert.ok(!(await texts('fritz')).includes(text), 'a seat not party to it does not');
    assert.ok(!(await texts('ivo')).includes(text), 'nor the chair');
    assert.ok((await texts('eve')).includes(text), 'evaluators read every channel too (they judge what was said), never as players');
    assert.ok(!(await entryTexts('fritz')).includes(text), 'the generic entries route applies the same rule');
    assert.ok((await entryTexts('tiit')).includes(text));
    const report = async (who: string) => JSON.stringify((await s.app.inject({ url: '/api/scenarios/grid/report', headers: as(who) })).json().aar.timeline);
    assert.match(await report('tiit'), /aar\.MessageSent/, 'kept in the report’s timeline for its parties');
    assert.doesNotMatch(await report('fritz'), /live with/, 'and out of the others’ reports');
  });

  test('to the chair, to everyone, and from exercise control', async () => {
    const chair = await post('tiit', '/api/scenarios/grid/messages', { from: 'EST', to: ['IS'], text: 'Estonia asks the chair to table a statement today.' });
    assert.equal(chair.statusCode, 201, chair.body);
    assert.equal(chair.json().channel, 'chair');
    assert.ok((await texts('ivo')).includes('Estonia asks the chair to table a statement today.'), 'International Staff read what is sent to the chair');
    assert.ok(!(await texts('hanna')).includes('Estonia asks the chair to table a statement today.'));

    const all = await post('ivo', '/api/scenarios/grid/messages', { from: 'SG', to: ['ALL'], text: 'The Council meets at 14:00.' });
    assert.equal(all.statusCode, 201, all.body);
    assert.equal(all.json().signedBy, 'staff-sg');
    assert.deepEqual(all.json().releasability, ['NATO']);
    for (const who of ['hanna', 'tiit', 'fritz', 'eve', 'dora']) assert.ok((await texts(who)).includes('The Council meets at 14:00.'), who);

    const excon = await post('dora', '/api/scenarios/grid/messages', { from: 'EXCON', to: ['HUN'], text: 'Your capital instructs you to hold.', classification: 'NATO RESTRICTED' });
    assert.equal(excon.statusCode, 201, excon.body);
    assert.equal(excon.json().channel, 'control');
    assert.equal(excon.json().signedBy, 'exercise-control');
    assert.ok((await texts('hanna')).includes('Your capital instructs you to hold.'));
    assert.ok(!(await texts('tiit')).includes('Your capital instructs you to hold.'));
  });

  test('refusals name the rule and change nothing', async () => {
    const before = (await texts('dora')).length;
    const notMine = await post('hanna', '/api/scenarios/grid/messages', { from: 'EST', to: ['HUN'], text: 'pretending' });
    assert.equal(notMine.statusCode, 403);
    assert.equal(notMine.json().code, 'channel.not_seated');
    const playerAsControl = await post('hanna', '/api/scenarios/grid/messages', { from: 'EXCON', to: ['EST'], text: 'pretending' });
    assert.equal(playerAsControl.statusCode, 403);
    const unknown = await post('hanna', '/api/scenarios/grid/messages', { from: 'HUN', to: ['XYZ', 'HUN'], text: 'hello' });
    assert.equal(unknown.statusCode, 422);
    assert.deepEqual(unknown.json().violations.map((v: { code: string; path: string }) => `${v.code}@${v.path}`), ['channel.seat_unknown@to[0]', 'channel.to_self@to[1]']);
    assert.match(unknown.json().detail, /XYZ/);
    const fr = await s.app.inject({ method: 'POST', url: '/api/scenarios/grid/messages', headers: { ...as('hanna'), 'accept-language': 'fr' }, payload: { from: 'HUN', to: ['ALL', 'EST'], text: 'x' } });
    assert.match(fr.json().detail, /Un message à tous/);
    const above = await post('hanna', '/api/scenarios/grid/messages', { from: 'HUN', to: ['EST'], text: 'x', classification: 'COSMIC TOP SECRET' });
    assert.equal(above.statusCode, 403, 'nobody writes above their clearance');
    const outsider = await s.app.inject({ url: '/api/scenarios/grid/messages', headers: as('nobody') });
    assert.equal(outsider.statusCode, 404, 'a scenario one takes no part in does not exist');
    assert.equal((await texts('dora')).length, before);
  });

  test('a seat given back to its bot takes its channels with it', async () => {
    assert.ok((await texts('hanna')).some((t) => t.includes('live with')));
    const r = await s.app.inject({ method: 'PUT', url: '/api/scenarios/grid/seats/HUN', headers: as('dora'), payload: { bot: true } });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(!(await texts('hanna')).some((t) => t.includes('live with')));
    assert.ok((await texts('hanna')).includes('The Council meets at 14:00.'), 'what is sent to everyone stays readable');
    const gone = await post('hanna', '/api/scenarios/grid/messages', { from: 'HUN', to: ['EST'], text: 'still here?' });
    assert.equal(gone.statusCode, 403);
  });

  test('a scenario file closes a channel: a message on it is refused naming it', async () => {
    assert.equal((await post('dora', '/api/scenarios', { name: 'acc', text: ACCESSION })).statusCode, 201);
    assert.equal((await s.app.inject({ method: 'PUT', url: '/api/scenarios/acc/seats/DEU', headers: as('dora'), payload: { username: 'fritz' } })).statusCode, 200);
    const all = await post('fritz', '/api/scenarios/acc/messages', { from: 'DEU', to: ['ALL'], text: 'To every Ally' });
    assert.equal(all.statusCode, 422, all.body);
    assert.deepEqual(all.json().violations.map((v: { code: string }) => v.code), ['channel.closed']);
    assert.equal((await post('fritz', '/api/scenarios/acc/messages', { from: 'DEU', to: ['SWE'], text: 'Our Bundestag votes next week.' })).statusCode, 201, 'a bilateral channel is open');
  });
});
