/**
 * Acts and refusals leak nothing (issue 10, "what was seen"). Two servers hold the same world,
 * except that world A also holds entries an unclassified actor may not read: a NATO SECRET
 * contribution to a DCB package and a NATO SECRET proposal. The unclassified actor's acts must get
 * byte-identical answers from both; a cleared actor's acts show that the hidden entries are real.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';

const PASSWORD = 'a long enough password';
const W = 'sec';

async function seed(s: TestServer, hidden: boolean): Promise<Map<string, Record<string, string>>> {
  const { ledger, accounts } = s.services;
  await createWorldFromRecord(ledger, s.services.config.dataDir, W, { asOf: '2024-06-01' });
  const nac = await actingPrincipal(ledger, W, 'NAC');
  const sg = await actingPrincipal(ledger, W, 'SG');
  await act(ledger, W, { cmd: 'LaunchDcbPackage', at: '2024-06-02T09:00:00Z', by: 'NAC', data: { package: 'TST-2024', partner: 'GEO', areas: ['cyber_defence'], title: 'Test package' } }, nac);
  await act(ledger, W, { cmd: 'TableProposal', at: '2024-06-02T10:00:00Z', by: 'SG', data: { proposal: 'P-RESTRICTED', title: { en: 'Restricted statement' }, procedure: 'meeting' } }, sg, { classification: 'NATO RESTRICTED', releasability: ['NATO'] });
  if (hidden) {
    const bel = await actingPrincipal(ledger, W, 'BEL');
    await act(ledger, W, { cmd: 'ContributeToFund', at: '2024-06-03T09:00:00Z', by: 'BEL', data: { contribution: 'C-SECRET', ally: 'BEL', amount: 500_000_000, currency: 'EUR', package: 'TST-2024' } }, bel, { classification: 'NATO SECRET', releasability: ['NATO'] });
    await act(ledger, W, { cmd: 'TableProposal', at: '2024-06-03T10:00:00Z', by: 'SG', data: { proposal: 'P-SECRET', title: { en: 'Hidden statement' }, procedure: 'silence', deadline: '2024-06-20T12:00:00Z' } }, sg, { classification: 'NATO SECRET', releasability: ['NATO'] });
    await act(ledger, W, { cmd: 'RequestConsultations', at: '2024-06-03T11:00:00Z', by: 'BEL', data: { consultation: 'K-SECRET', requesters: ['BEL'], reason: 'Hidden threat' } }, bel, { classification: 'NATO SECRET', releasability: ['NATO'] });
    await act(ledger, W, { cmd: 'PledgeToFund', at: '2024-06-03T12:00:00Z', by: 'BEL', data: { pledge: 'PL-SECRET', ally: 'BEL', amount: 700_000_000, currency: 'EUR', package: 'TST-2024' } }, bel, { classification: 'NATO SECRET', releasability: ['NATO'] });
  }
  const people: [string, string, string | undefined, string][] = [
    ['staff-u', 'staff', undefined, 'NATO UNCLASSIFIED'], ['staff-s', 'staff', undefined, 'NATO SECRET'],
    ['bel-u', 'delegation', 'BEL', 'NATO UNCLASSIFIED'], ['bel-s', 'delegation', 'BEL', 'NATO SECRET'],
  ];
  const headers = new Map<string, Record<string, string>>();
  for (const [username, role, party, clearance] of people) {
    await accounts.create({ username, password: PASSWORD, role, ...(party ? { party } : {}), clearance });
    const { cookie, csrf } = await signIn(s.app, username, PASSWORD);
    headers.set(username, { cookie, 'x-csrf-token': csrf });
  }
  return headers;
}

describe('acts and refusals leak nothing', () => {
  let a: TestServer;
  let b: TestServer;
  let ha: Map<string, Record<string, string>>;
  let hb: Map<string, Record<string, string>>;

  before(async () => {
    a = await testServer({ record: false });
    b = await testServer({ record: false });
    ha = await seed(a, true);
    hb = await seed(b, false);
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  /** The same act as the same actor in both worlds: the answers, byte for byte. */
  const both = async (who: string, payload: object) => {
    const send = (s: TestServer, h: Map<string, Record<string, string>>) =>
      s.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: h.get(who)!, payload });
    const [ra, rb] = [await send(a, ha), await send(b, hb)];
    return { a: ra, b: rb };
  };

  test('an unclassified staff account cannot allocate money only a NATO SECRET contribution provides; its refusal quotes no hidden balance', async () => {
    const allocate = { cmd: 'AllocateToProject', by: 'DCB', at: '2024-06-04T09:00:00Z', data: { project: 'PRJ-1', package: 'TST-2024', area: 'cyber_defence', amount: 500_000_000, currency: 'EUR' } };
    const r = await both('staff-u', allocate);
    assert.equal(r.a.statusCode, 422, r.a.body);
    assert.equal(r.a.body, r.b.body, 'refused exactly as in the world without the SECRET contribution');
    assert.equal(r.a.json().violations[0].code, 'fund.insufficient_funds');
    assert.match(r.a.json().violations[0].message, / 0\.00 EUR received and unallocated/, 'the balance it may read');
    // The money is real: a NATO SECRET staff account allocates it.
    const cleared = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: ha.get('staff-s')!, payload: { ...allocate, data: { ...allocate.data, project: 'PRJ-2' }, classification: 'NATO SECRET' } });
    assert.equal(cleared.statusCode, 201, cleared.body);
  });

  test('breaking silence on a NATO SECRET proposal, for an unclassified delegation, is refused as for a proposal that does not exist', async () => {
    const brk = { cmd: 'BreakSilence', by: 'BEL', at: '2024-06-04T10:00:00Z', data: { proposal: 'P-SECRET', reason: 'para 3' } };
    const r = await both('bel-u', brk);
    assert.equal(r.a.statusCode, 422, r.a.body);
    assert.equal(r.a.body, r.b.body);
    assert.equal(r.a.json().violations[0].code, 'council.proposal_unknown');
    const entries = (await a.app.inject({ url: `/api/worlds/${W}/entries?type=SilenceBroken`, headers: ha.get('bel-s')! })).json().entries;
    assert.equal(entries.length, 0, 'no unclassified entry names the SECRET proposal');
    const cleared = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: ha.get('bel-s')!, payload: { ...brk, classification: 'NATO SECRET' } });
    assert.equal(cleared.statusCode, 201, cleared.body);
  });

  test('a refusal decided on what the actor may not read names no hidden id, date or title', async () => {
    const table = { cmd: 'TableProposal', by: 'SG', at: '2024-06-04T11:00:00Z', data: { proposal: 'P-SECRET', title: { en: 'Mine' }, procedure: 'meeting' } };
    const r = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: ha.get('staff-u')!, payload: table });
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().violations[0].code, 'act.not_possible');
    for (const hidden of ['2024-06-03', 'Hidden statement', 'tabled']) assert.ok(!r.body.includes(hidden), `${hidden} in ${r.body}`);
    const fr = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: { ...ha.get('staff-u')!, 'accept-language': 'fr' }, payload: table });
    assert.ok(!fr.body.includes('2024-06-03'), fr.body);
  });

  test('creating a consultation or a pledge under an id hidden material holds gets the generic refusal, not consultation.exists or fund.pledge_exists, and names nothing hidden', async () => {
    const acts = [
      { cmd: 'RequestConsultations', by: 'BEL', at: '2024-06-04T11:00:00Z', data: { consultation: 'K-SECRET', requesters: ['BEL'], reason: 'threat' } },
      { cmd: 'PledgeToFund', by: 'BEL', at: '2024-06-04T12:00:00Z', data: { pledge: 'PL-SECRET', ally: 'BEL', amount: 1_000, currency: 'EUR', package: 'TST-2024' } },
    ];
    for (const payload of acts) {
      for (const lang of ['en', 'fr']) {
        const r = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: { ...ha.get('bel-u')!, 'accept-language': lang }, payload });
        assert.equal(r.statusCode, 422, r.body);
        const codes = (r.json() as { violations: { code: string }[] }).violations.map((v) => v.code);
        assert.deepEqual(codes, ['act.not_possible'], `${payload.cmd}: ${r.body}`);
        for (const hidden of ['2024-06-03', 'Hidden threat', '700', 'exists', 'existe']) assert.ok(!r.body.includes(hidden), `${payload.cmd} ${lang}: ${hidden} in ${r.body}`);
      }
      // A cleared delegation is told what is there.
      const cleared = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: ha.get('bel-s')!, payload });
      assert.equal(cleared.statusCode, 422, cleared.body);
      assert.notDeepEqual((cleared.json() as { violations: { code: string }[] }).violations.map((v) => v.code), ['act.not_possible'], cleared.body);
    }
  });

  test('an act’s entry is at least as restricted as what it refers to', async () => {
    const agree = { cmd: 'AgreeProposal', by: 'BEL', at: '2024-06-04T12:00:00Z', data: { proposal: 'P-RESTRICTED' }, classification: 'PUBLIC', releasability: ['PUBLIC'] };
    const r = await a.app.inject({ method: 'POST', url: `/api/worlds/${W}/commands`, headers: ha.get('bel-s')!, payload: agree });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json()[0].classification, 'NATO RESTRICTED');
    assert.deepEqual(r.json()[0].releasability, ['NATO']);
    const seen = await a.app.inject({ url: `/api/worlds/${W}/entries/${r.json()[0].seq}` });
    assert.equal(seen.statusCode, 404, 'the public does not see that Belgium agreed to a restricted proposal');
  });

  test('the commands available to an unclassified delegation are judged on what it may read', async () => {
    const get = (s: TestServer, h: Map<string, Record<string, string>>) => s.app.inject({ url: `/api/worlds/${W}/commands/available`, headers: h.get('bel-u')! });
    const [ra, rb] = [await get(a, ha), await get(b, hb)];
    assert.equal(ra.statusCode, 200);
    assert.equal(ra.body, rb.body);
  });
});
