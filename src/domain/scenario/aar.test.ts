import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterActionReport, type TimelineItem } from './aar.js';
import { compareReports, distribution, runOutcome, summariseRuns } from './stats.js';

const meta = { id: 's', title: { en: 'S' }, asOf: '2024-06-01', start: '2024-06-03T06:00:00Z', end: '2024-06-06T06:00:00Z' };
const item = (at: string, type: string, by: string, data: Record<string, unknown>, source: TimelineItem['source'] = 'bot'): TimelineItem => ({ at, type, by, data, source });

const items: TimelineItem[] = [
  item('2024-06-03T06:00:00Z', 'InjectDelivered', 'EXCON', { inject: 'INJ-1', kind: 'incident', title: { en: 'Blackout' } }, 'control'),
  item('2024-06-03T09:00:00Z', 'ConsultationsRequested', 'EST', { consultation: 'A4', requesters: ['EST', 'LVA'], reason: 'grid' }),
  item('2024-06-03T12:00:00Z', 'ProposalTabled', 'SG', { proposal: 'P-1', title: { en: 'Statement' }, procedure: 'silence', deadline: '2024-06-04T12:00:00Z', invitees: [], tags: [] }),
  item('2024-06-03T13:00:00Z', 'ConsultationsHeld', 'NAC', { consultation: 'A4' }),
  item('2024-06-03T14:00:00Z', 'FootnoteAttached', 'HUN', { proposal: 'P-1', text: 'Reserved.' }, 'player'),
  item('2024-06-03T14:00:00Z', 'SilenceBroken', 'HUN', { proposal: 'P-1', reason: 'para 3' }, 'player'),
  item('2024-06-04T12:30:00Z', 'ProposalRevised', 'SG', { proposal: 'P-1', revision: 1 }),
  item('2024-06-04T13:00:00Z', 'ProposalPlacedUnderSilence', 'SG', { proposal: 'P-1', deadline: '2024-06-05T13:00:00Z' }),
  item('2024-06-05T13:00:00Z', 'ProposalAdopted', 'SG', { proposal: 'P-1', procedure: 'silence' }),
  item('2024-06-04T02:00:00Z', 'ProposalTabled', 'LTU', { proposal: 'P-2', title: { en: 'Article 5' }, procedure: 'meeting', invitees: [], tags: ['article-5'] }),
  item('2024-06-04T03:00:00Z', 'ObjectionRaised', 'TUR', { proposal: 'P-2', reason: 'premature' }),
  item('2024-06-04T04:00:00Z', 'ProposalTabled', 'SG', { proposal: 'P-3', title: { en: 'Vigilance' }, procedure: 'silence', deadline: '2024-06-05T04:00:00Z', invitees: [], tags: [] }),
  item('2024-06-04T05:00:00Z', 'SilenceBroken', 'FRA', { proposal: 'P-3' }),
];

describe('the after-action report', () => {
  const r = afterActionReport(meta, items);

  test('time to consensus per decision, in scenario hours from tabling', () => {
    assert.deepEqual(r.decisions.map((d) => [d.proposal, d.status, d.hoursToConsensus ?? null]), [
      ['P-1', 'adopted', 49], ['P-2', 'draft', null], ['P-3', 'silence_broken', null],
    ]);
    assert.equal(r.decisions[0]!.silenceRounds, 2);
  });

  test('silence breaks and footnotes by delegation', () => {
    assert.deepEqual(r.silenceBreaks.map((b) => [b.party, b.count]), [['FRA', 1], ['HUN', 1]]);
    assert.deepEqual(r.footnotes.map((f) => [f.party, f.count, f.proposals]), [['HUN', 1, ['P-1']]]);
  });

  test('proposals that failed, and why', () => {
    assert.deepEqual(r.failed.map((f) => [f.proposal, f.reason.code]), [['P-2', 'aar.failed_objected'], ['P-3', 'aar.failed_silence_broken']]);
    assert.deepEqual(r.failed[0]!.reason.params, { objectors: ['TUR'], reasons: 'TUR: premature' });
    assert.deepEqual(r.failed[1]!.reason.params, { breakers: ['FRA'], rounds: 1 });
  });

  test('objectors and their reasons are listed in one order, each reason with its objector', () => {
    const more = [
      ...items,
      item('2024-06-04T03:30:00Z', 'ObjectionRaised', 'SVK', { proposal: 'P-2', reason: 'consult first' }),
      item('2024-06-04T03:40:00Z', 'ObjectionRaised', 'HUN', { proposal: 'P-2' }),
    ];
    const failed = afterActionReport(meta, more).failed.find((f) => f.proposal === 'P-2')!;
    assert.deepEqual(failed.reason.params, { objectors: ['HUN', 'SVK', 'TUR'], reasons: 'SVK: consult first; TUR: premature' });
  });

  test('an agreement ad referendum is shown as such in the timeline', () => {
    const agreed = afterActionReport(meta, [...items, item('2024-06-04T06:00:00Z', 'ProposalAgreed', 'FRA', { proposal: 'P-2', adReferendum: true })]);
    assert.equal(agreed.timeline.at(-1)!.summary.code, 'aar.ProposalAgreedAdReferendum');
  });

  test('response times per seat: first act on each text put to the Council', () => {
    // P-1 tabled 12:00 → HUN 14:00 (2 h); revised 12:30, placed under silence 13:00: HUN does not answer.
    // P-2 tabled 02:00 → TUR 03:00 (1 h). P-3 tabled 04:00 → FRA 05:00 (1 h).
    assert.deepEqual(r.responseTimes, [
      { party: 'FRA', answers: 1, unanswered: 4, medianHours: 1, maxHours: 1 },
      { party: 'HUN', answers: 1, unanswered: 4, medianHours: 2, maxHours: 2 },
      { party: 'TUR', answers: 1, unanswered: 4, medianHours: 1, maxHours: 1 },
    ]);
  });

  test('consultations, injects, participation and the timeline', () => {
    assert.deepEqual(r.consultations[0], { consultation: 'A4', requesters: ['EST', 'LVA'], reason: 'grid', requestedAt: '2024-06-03T09:00:00Z', heldAt: '2024-06-03T13:00:00Z', hoursToConsultations: 4 });
    assert.equal(r.injects[0]!.offset, 'T+00:00');
    assert.equal(r.participation.find((p) => p.party === 'HUN')?.played, 'player');
    assert.equal(r.timeline.length, items.length);
    assert.equal(r.timeline[2]!.category, 'council');
    assert.equal(r.totals.adoptedShare, 1 / 3);
  });
});

describe('distributions and comparison', () => {
  test('order statistics and an equal-width histogram', () => {
    const d = distribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    assert.equal(d.p50, 5);
    assert.equal(d.p10, 1);
    assert.equal(d.p90, 9);
    assert.equal(d.mean, 5.5);
    assert.deepEqual(d.histogram.map((h) => h.count), [2, 2, 2, 2, 2]);
    assert.deepEqual(distribution([]), { count: 0, histogram: [] });
  });

  test('many runs: share adopted and time to consensus per proposal', () => {
    const a = runOutcome(afterActionReport(meta, items));
    const b = runOutcome(afterActionReport(meta, items.slice(0, 6)));
    const s = summariseRuns([a, b]);
    const p1 = s.proposals.find((p) => p.proposal === 'P-1')!;
    assert.equal(p1.adoptedShare, 0.5);
    assert.equal(p1.hoursToConsensus.count, 1);
    assert.equal(s.adoptedShare.count, 2);
  });

  test('two outcomes side by side', () => {
    const c = compareReports({ name: 'a', report: afterActionReport(meta, items) }, { name: 'b', report: afterActionReport(meta, items.slice(0, 6)) });
    const p1 = c.proposals.find((p) => p.proposal === 'P-1')!;
    assert.equal(p1.changed, true);
    assert.deepEqual(p1.left, { status: 'adopted', hours: 49 });
    assert.deepEqual(p1.right, { status: 'silence_broken' });
    assert.deepEqual(c.totals.find((t) => t.measure === 'adopted'), { measure: 'adopted', left: 1, right: 0 });
  });
});
