import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AfterActionReport, DecisionRow } from './aar.js';
import { measureObjective, readObjectives, type Objective } from './objectives.js';

const H = 3_600_000;
const at = (h: number) => new Date(Date.parse('2024-06-03T06:00:00Z') + h * H).toISOString().replace('.000Z', 'Z');
const decision = (proposal: string, tabled: number, adopted: number | undefined, extra: Partial<DecisionRow> = {}): DecisionRow => ({
  proposal, title: { en: proposal }, procedure: 'meeting', tags: ['statement'], tabledBy: 'SG', tabledAt: at(tabled), status: adopted === undefined ? 'draft' : 'adopted',
  ...(adopted !== undefined ? { adoptedAt: at(adopted) } : {}), revisions: 0, silenceRounds: 0, breaks: [], footnotes: [], objectors: [], agreedAdReferendum: [], associations: [], ...extra,
});
const report = (over: Partial<AfterActionReport>): AfterActionReport => ({
  reachedAt: at(30), decisions: [], consultations: [], objections: [], silenceBreaks: [], footnotes: [], participation: [], ...over,
} as unknown as AfterActionReport);
const objective = (measure: Objective['measure']): Objective => ({ id: 'O', title: { en: 'O' }, ...(measure ? { measure } : {}) });

describe('objectives: measured on what was played', () => {
  test('consensus is timed from the tabling, or from the Article 4 request', () => {
    const r = report({ decisions: [decision('P1', 6, 20)], consultations: [{ consultation: 'C', requesters: ['EST'], reason: 'x', requestedAt: at(3) }] });
    const fromTabling = measureObjective(objective({ kind: 'consensus', withinMs: 15 * H, from: 'tabled' }), r, { humanSeats: [], ended: false });
    assert.deepEqual([fromTabling.status, fromTabling.params.hours], ['met', 14]);
    const fromRequest = measureObjective(objective({ kind: 'consensus', withinMs: 15 * H, from: 'request' }), r, { humanSeats: [], ended: false });
    assert.deepEqual([fromRequest.status, fromRequest.params.proposals], ['not-met', ['P1']], '17 h after the request');
  });

  test('what has not happened yet and still can is pending until play ends', () => {
    const r = report({ reachedAt: at(10), decisions: [decision('P1', 6, undefined)] });
    const m = objective({ kind: 'consensus', withinMs: 24 * H, from: 'tabled' });
    assert.equal(measureObjective(m, r, { humanSeats: [], ended: false }).status, 'pending');
    assert.equal(measureObjective(m, r, { humanSeats: [], ended: true }).status, 'not-met');
    assert.equal(measureObjective(m, report({ reachedAt: at(31), decisions: [decision('P1', 6, undefined)] }), { humanSeats: [], ended: false }).status, 'not-met', 'the time has passed');
  });

  test('an Ally alone against a text without a footnote is isolated; with one, it is not', () => {
    const m = objective({ kind: 'no-isolated-objector' });
    const alone = report({ decisions: [decision('P1', 1, undefined)], objections: [{ party: 'HUN', count: 1, proposals: ['P1'] }] });
    assert.deepEqual(measureObjective(m, alone, { humanSeats: [], ended: true }).params.isolated, ['HUN (P1)']);
    const footnoted = report({
      decisions: [decision('P1', 1, 5, { footnotes: [{ ally: 'HUN', at: at(2), text: 'x' }] })],
      silenceBreaks: [{ party: 'HUN', count: 1, proposals: ['P1'] }],
    });
    assert.equal(measureObjective(m, footnoted, { humanSeats: [], ended: true }).status, 'met');
    const two = report({ decisions: [decision('P1', 1, undefined)], objections: [{ party: 'HUN', count: 1, proposals: ['P1'] }, { party: 'TUR', count: 1, proposals: ['P1'] }] });
    assert.equal(measureObjective(m, two, { humanSeats: [], ended: true }).status, 'met', 'two objectors are not isolated');
  });

  test('participation counts the seats people hold that acted (International Staff acting as SG)', () => {
    const r = report({ participation: [{ party: 'SG', acts: 2, played: 'player' }, { party: 'HUN', acts: 1, played: 'bot' }, { party: 'EST', acts: 1, played: 'both' }] });
    const m = measureObjective(objective({ kind: 'participation', min: 1 }), r, { humanSeats: ['IS', 'HUN', 'EST'], ended: true });
    assert.deepEqual([m.status, m.params.active, m.params.silent], ['not-met', 2, ['HUN']]);
    assert.equal(measureObjective(objective({ kind: 'participation', min: 0.6 }), r, { humanSeats: ['IS', 'HUN', 'EST'], ended: true }).status, 'met');
    assert.equal(measureObjective(objective(undefined), r, { humanSeats: [], ended: true }).status, 'not-measured');
  });

  test('a file’s objectives: duplicates and a missing duration are named with their field', () => {
    const { problems } = readObjectives([
      { id: 'A', title: { en: 'a' }, measure: { kind: 'consensus' } },
      { id: 'A', title: { en: 'b' } },
    ]);
    assert.deepEqual(problems.map((p) => `${p.code}@${p.path.join('.')}`), ['objective.within_missing@objectives.0.measure.within', 'objective.duplicate@objectives.1.id']);
  });
});
