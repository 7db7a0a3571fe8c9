/**
 * Live updates over server-sent events, filtered by the same rules as every read: a delegation
 * sees a silence break as it happens; the public does not see NATO-only entries.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { testServer, type TestServer } from '../support/api.js';
import { openSse } from '../support/sse.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';

describe('live updates (SSE)', () => {
  let s: TestServer;
  let base = '';
  let token = '';
  before(async () => {
    s = await testServer({ record: false });
    await createWorldFromRecord(s.services.ledger, s.services.config.dataDir, 'ex', { asOf: '2024-06-01' });
    await s.services.accounts.create({ username: 'fra', password: 'a long enough password', role: 'delegation', party: 'FRA', clearance: 'NATO SECRET' });
    token = await s.services.accounts.createToken('fra', 'live');
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  });
  after(() => s.close());

  test('a delegation receives a silence break within a second; the public sees only public entries', async () => {
    const delegation = await openSse(`${base}/api/worlds/ex/events`, { authorization: `Bearer ${token}` });
    const publicStream = await openSse(`${base}/api/worlds/ex/events`);
    const { ledger } = s.services;
    const sg = await actingPrincipal(ledger, 'ex', 'SG');
    await act(ledger, 'ex', { cmd: 'TableProposal', at: '2024-06-05T09:00:00Z', by: 'SG', data: { proposal: 'L-1', title: { en: 'Live' }, procedure: 'silence', deadline: '2024-06-10T12:00:00Z' } }, sg);
    const hun = await actingPrincipal(ledger, 'ex', 'HUN');
    const start = Date.now();
    await act(ledger, 'ex', { cmd: 'BreakSilence', at: '2024-06-09T09:00:00Z', by: 'HUN', data: { proposal: 'L-1' } }, hun);
    const e = await delegation.next((x) => x.event === 'entry' && JSON.parse(x.data).type === 'SilenceBroken', 1000);
    assert.ok(Date.now() - start < 1000);
    assert.equal(JSON.parse(e.data).actingFor, 'HUN');
    await act(ledger, 'ex', { cmd: 'TableProposal', at: '2024-06-11T09:00:00Z', by: 'SG', data: { proposal: 'L-2', title: { en: 'Public' }, procedure: 'meeting' } }, sg, { classification: 'PUBLIC', releasability: ['PUBLIC'] });
    const pub = await publicStream.next((x) => x.event === 'entry', 1000);
    assert.equal(JSON.parse(pub.data).payload.proposal, 'L-2');
    assert.ok(!publicStream.events.some((x) => x.data.includes('SilenceBroken')), 'NATO-only entries never reach the public');
    delegation.close();
    publicStream.close();
  });

  test('forty listeners sharing reads each receive every entry of a burst, once and in order', async () => {
    const streams = await Promise.all(Array.from({ length: 40 }, (_, i) => openSse(`${base}/api/worlds/ex/events`, i % 2 ? { authorization: `Bearer ${token}` } : {})));
    const { ledger } = s.services;
    const sg = await actingPrincipal(ledger, 'ex', 'SG');
    // Appends in quick succession, some while earlier reads are still in flight.
    await Promise.all(Array.from({ length: 12 }, (_, i) => act(ledger, 'ex', { cmd: 'TableProposal', at: '2024-07-01T09:00:00Z', by: 'SG', data: { proposal: `B-${i}`, title: { en: `Burst ${i}` }, procedure: 'meeting' } }, sg, { classification: 'PUBLIC', releasability: ['PUBLIC'] })));
    for (const stream of streams) {
      await stream.next(() => stream.events.filter((e) => e.event === 'entry' && JSON.parse(e.data).payload?.proposal?.startsWith('B-')).length >= 12, 5000);
      const seqs = stream.events.filter((e) => e.event === 'entry').map((e) => Number(e.id));
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'in log order');
      assert.equal(new Set(seqs).size, seqs.length, 'no entry twice');
      stream.close();
    }
  });
});
