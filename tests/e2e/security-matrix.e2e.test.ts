/**
 * The authorisation matrix: every role × clearance × classification × releasability × action,
 * allowed and refused. The expected answer comes from an oracle written here from BRIEF §4, not
 * from the code under test. A reader without the right cannot tell an entry exists: 404, and
 * absent from lists and counts.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';
import { CLASSIFICATIONS, type Classification } from '../../src/ledger/classification.js';

const RELEASABILITY = ['PUBLIC', 'NATO', 'UKR', 'EU'] as const;
const PASSWORD = 'a long enough password';

interface ReaderSpec { name: string; role?: string; party?: string; clearance?: Classification }
const READERS: ReaderSpec[] = [
  { name: 'public' },
  { name: 'admin', role: 'admin', clearance: 'COSMIC TOP SECRET' },
  ...CLASSIFICATIONS.map((c, i) => ({ name: `bel-${i}`, role: 'delegation', party: 'BEL', clearance: c })),
  { name: 'staff', role: 'staff', clearance: 'NATO SECRET' },
  { name: 'ukr', role: 'partner', party: 'UKR', clearance: 'NATO CONFIDENTIAL' },
  { name: 'geo', role: 'partner', party: 'GEO', clearance: 'COSMIC TOP SECRET' },
  { name: 'director', role: 'director', clearance: 'NATO SECRET' },
];

const rank = (c: string) => CLASSIFICATIONS.indexOf(c as Classification);

/**
 * BRIEF §4, restated: who may read what. Releasability names who beyond NATO may see it: NATO's
 * own people (delegations, staff, directors) see NATO-only, partner- and EU-releasable entries up
 * to their clearance; a partner sees public ones and those released to it; the public and
 * administrators only what is public.
 */
function oracleRead(reader: ReaderSpec, classification: Classification, releasability: string): boolean {
  if (!reader.role || reader.role === 'admin') return classification === 'PUBLIC' && releasability === 'PUBLIC';
  if (rank(classification) > rank(reader.clearance!)) return false;
  if (releasability === 'PUBLIC') return true;
  if (['delegation', 'staff', 'director'].includes(reader.role)) return true;
  return reader.role === 'partner' && reader.party === releasability;
}

/** Only an Ally's delegation acts for that Ally. */
const oracleActForBel = (reader: ReaderSpec) => reader.role === 'delegation' && reader.party === 'BEL';

describe('security matrix', () => {
  let s: TestServer;
  const entries: { seq: number; proposal: string; classification: Classification; releasability: string }[] = [];
  const headers = new Map<string, Record<string, string>>();

  before(async () => {
    s = await testServer({ record: false });
    const { ledger, accounts } = s.services;
    await createWorldFromRecord(ledger, s.services.config.dataDir, 'sec', { asOf: '2024-06-01' });
    const sg = await actingPrincipal(ledger, 'sec', 'SG');
    let n = 0;
    for (const classification of CLASSIFICATIONS) {
      for (const releasability of RELEASABILITY) {
        const proposal = `S-${n++}`;
        const [entry] = await act(ledger, 'sec', { cmd: 'TableProposal', at: '2024-06-05T09:00:00Z', by: 'SG', data: { proposal, title: { en: `${classification} / ${releasability}` }, procedure: 'meeting' } }, sg, { classification, releasability: [releasability] });
        entries.push({ seq: entry!.seq, proposal, classification, releasability });
      }
    }
    for (const r of READERS) {
      if (!r.role) { headers.set(r.name, {}); continue; }
      await accounts.create({ username: r.name, password: PASSWORD, role: r.role, ...(r.party ? { party: r.party } : {}), clearance: r.clearance! });
      const { cookie, csrf } = await signIn(s.app, r.name, PASSWORD);
      headers.set(r.name, { cookie, 'x-csrf-token': csrf });
    }
  });
  after(() => s.close());

  test('read one entry: 200 when allowed, 404 otherwise', async () => {
    let allowed = 0;
    for (const r of READERS) {
      for (const e of entries) {
        const res = await s.app.inject({ url: `/api/worlds/sec/entries/${e.seq}`, headers: headers.get(r.name)! });
        const expected = oracleRead(r, e.classification, e.releasability);
        assert.equal(res.statusCode, expected ? 200 : 404, `${r.name} reading ${e.classification} / ${e.releasability}`);
        if (expected) allowed++;
      }
    }
    assert.ok(allowed > 0 && allowed < READERS.length * entries.length);
  });

  test('lists and counts show exactly the allowed entries, and nothing of the others', async () => {
    const first = entries[0]!.seq;
    for (const r of READERS) {
      const res = await s.app.inject({ url: `/api/worlds/sec/entries?type=ProposalTabled&since=${first}&limit=1000`, headers: headers.get(r.name)! });
      assert.equal(res.statusCode, 200);
      const seen = (res.json().entries as { seq: number }[]).map((e) => e.seq).sort((a, b) => a - b);
      const expected = entries.filter((e) => oracleRead(r, e.classification, e.releasability)).map((e) => e.seq);
      assert.deepEqual(seen, expected, r.name);
      const proposals = await s.app.inject({ url: '/api/worlds/sec/council/proposals', headers: headers.get(r.name)! });
      const ids = (proposals.json() as { key: string }[]).map((p) => p.key).filter((k) => k.startsWith('S-')).sort();
      assert.deepEqual(ids, entries.filter((e) => oracleRead(r, e.classification, e.releasability)).map((e) => e.proposal).sort(), `${r.name} proposals`);
    }
  });

  test('inclusion proofs only for entries the reader may see', async () => {
    for (const r of READERS) {
      for (const e of entries) {
        const res = await s.app.inject({ url: `/api/worlds/sec/proofs/inclusion/${e.seq}`, headers: headers.get(r.name)! });
        assert.equal(res.statusCode, oracleRead(r, e.classification, e.releasability) ? 200 : 404, `${r.name} proof of ${e.classification} / ${e.releasability}`);
      }
    }
  });

  test('acting for Belgium: only Belgium’s delegation; nobody writes above their clearance', async () => {
    let i = 0;
    for (const r of READERS) {
      const payload = { cmd: 'AgreeProposal', by: 'BEL', at: '2024-06-06T09:00:00Z', data: { proposal: entries[i++ % entries.length]!.proposal }, classification: 'PUBLIC', releasability: ['PUBLIC'] };
      const res = await s.app.inject({ method: 'POST', url: '/api/worlds/sec/commands', headers: headers.get(r.name)!, payload });
      if (oracleActForBel(r)) assert.ok([201, 422].includes(res.statusCode), `${r.name}: ${res.statusCode} ${res.body}`);
      else assert.equal(res.statusCode, r.role ? 403 : 401, `${r.name}: ${res.body}`);
      if (res.statusCode === 201) assert.equal(res.json()[0].actor, 'delegation-bel');
    }
    const restricted = headers.get('bel-2')!;
    const above = await s.app.inject({ method: 'POST', url: '/api/worlds/sec/commands', headers: restricted, payload: { cmd: 'AgreeProposal', by: 'BEL', at: '2024-06-06T10:00:00Z', data: { proposal: 'S-3' }, classification: 'NATO SECRET' } });
    assert.equal(above.statusCode, 403);
  });

  test('an index row never becomes less restricted: a later unclassified act leaves a restricted proposal restricted', async () => {
    const { ledger } = s.services;
    const sg = await actingPrincipal(ledger, 'sec', 'SG');
    const bel = await actingPrincipal(ledger, 'sec', 'BEL');
    await act(ledger, 'sec', { cmd: 'TableProposal', at: '2024-06-07T09:00:00Z', by: 'SG', data: { proposal: 'STICKY', title: { en: 'Restricted text' }, procedure: 'meeting' } }, sg, { classification: 'NATO RESTRICTED', releasability: ['NATO'] });
    await act(ledger, 'sec', { cmd: 'AgreeProposal', at: '2024-06-07T10:00:00Z', by: 'BEL', data: { proposal: 'STICKY' } }, bel, { classification: 'PUBLIC', releasability: ['PUBLIC'] });
    const publicView = (await s.app.inject({ url: '/api/worlds/sec/council/proposals' })).json() as { key: string }[];
    assert.ok(!publicView.some((p) => p.key === 'STICKY'), 'the public cannot see the restricted proposal');
    const cleared = (await s.app.inject({ url: '/api/worlds/sec/council/proposals', headers: headers.get('bel-2')! })).json() as { key: string; classification: string }[];
    assert.equal(cleared.find((p) => p.key === 'STICKY')?.classification, 'NATO RESTRICTED');
    // The same holds after the service is restarted (the markings are rebuilt from the log).
    ledger.forget('sec');
    await act(ledger, 'sec', { cmd: 'ObjectToProposal', at: '2024-06-07T11:00:00Z', by: 'BEL', data: { proposal: 'STICKY' } }, bel, { classification: 'PUBLIC', releasability: ['PUBLIC'] });
    const again = (await s.app.inject({ url: '/api/worlds/sec/council/proposals' })).json() as { key: string }[];
    assert.ok(!again.some((p) => p.key === 'STICKY'));
  });

  test('reads of classified entries are audited; public reads are not', async () => {
    const secret = entries.find((e) => e.classification === 'NATO SECRET' && e.releasability === 'NATO')!;
    await s.app.inject({ url: `/api/worlds/sec/entries/${secret.seq}`, headers: headers.get('staff')! });
    const trail = await s.services.accountStore.auditTrail(500);
    const staff = (await s.services.accounts.list()).find((a) => a.username === 'staff')!;
    assert.ok(trail.some((t) => t.accountId === staff.id && t.seq === secret.seq && t.classification === 'NATO SECRET'));
    assert.ok(!trail.some((t) => t.classification === 'PUBLIC'));
  });
});
