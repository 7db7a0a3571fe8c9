import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { replay, type WorldState } from '../world.js';
import { afterActionReport, itemsOfSteps } from './aar.js';
import { seededRandom } from './random.js';
import { seatList } from './seats.js';
import { simulate, type SimResult } from './simulate.js';
import { DEFAULT_CHAIR, DEFAULT_CONTROL, DEFAULT_POLICY, endMs, startMs, type Inject, type ScenarioDefinition, type SeatPolicy } from './types.js';

const H = 3_600_000;
const world14: WorldState = replay(fourteenEvents());

function definition(over: Partial<ScenarioDefinition> = {}): ScenarioDefinition {
  return {
    id: 'test', title: { en: 'Test' }, asOf: '2003-02-01', start: '2003-02-03T08:00:00Z', durationMs: 120 * H, speed: 60, seed: 'seed',
    partners: [], defaultPolicy: DEFAULT_POLICY, seats: {}, chair: DEFAULT_CHAIR, control: DEFAULT_CONTROL, injects: [], ...over,
  };
}

function tabling(id: string, atMs: number, proposal: string, extra: Record<string, unknown> = {}): Inject {
  return {
    id, atMs, kind: 'proposal', title: { en: `Proposal ${proposal}` }, tags: [],
    command: { cmd: 'TableProposal', by: 'SG', data: { proposal, title: { en: proposal }, procedure: 'meeting', ...extra } },
  };
}

const policy = (over: Partial<SeatPolicy>): SeatPolicy => ({ ...DEFAULT_POLICY, ...over });

function run(def: ScenarioDefinition, options: { world?: WorldState; humans?: string[]; seed?: string } = {}): SimResult {
  const world = options.world ?? world14;
  return simulate({
    world, definition: def, random: seededRandom(options.seed ?? def.seed), seats: seatList(world, def),
    humanSeats: new Set(options.humans ?? []), delivered: new Map(), fromMs: startMs(def), toMs: endMs(def),
  });
}

const report = (def: ScenarioDefinition, result: SimResult) =>
  afterActionReport({ id: def.id, title: def.title, asOf: def.asOf, start: def.start, end: '' }, itemsOfSteps(result.steps));
const statusOf = (result: SimResult, proposal: string) => result.world.council.proposals[proposal]?.status;

describe('bot policies, as the issue states them', () => {
  test('agree unless the proposal is tagged X', () => {
    const def = definition({
      injects: [tabling('I1', H, 'P-X', { tags: ['X'] }), tabling('I2', H, 'P-OTHER')],
      seats: { FRA: policy({ rules: [{ when: { tagged: ['X'] }, then: 'object', reason: 'not with X' }] }) },
    });
    const result = run(def);
    assert.equal(statusOf(result, 'P-OTHER'), 'adopted');
    assert.equal(statusOf(result, 'P-X'), 'draft');
    const r = report(def, result);
    assert.deepEqual(r.failed.map((f) => [f.proposal, f.reason.code, f.reason.params.objectors]), [['P-X', 'aar.failed_objected', ['FRA']]]);
    assert.equal(result.world.council.proposals['P-OTHER']?.positions.FRA?.stance, 'agreed');
  });

  test('break silence on Y: the chair revises and re-issues; a break on every text fails it', () => {
    const silence = { procedure: 'silence', deadline: '+24h', tags: ['Y'] };
    const always = definition({
      injects: [tabling('I1', H, 'P-Y', silence)],
      seats: { BEL: policy({ rules: [{ when: { tagged: ['Y'] }, then: 'break-silence' }] }) },
    });
    const broken = run(always);
    const p = broken.world.council.proposals['P-Y']!;
    assert.equal(p.status, 'silence_broken');
    assert.equal(p.silenceRounds.length, 3, 'tabled, then re-issued after each of two revisions');
    assert.ok(p.silenceRounds.every((round) => round.breaks.some((b) => b.ally === 'BEL' && b.at <= round.deadline)));
    assert.equal(report(always, broken).failed[0]?.reason.code, 'aar.failed_silence_broken');

    const firstTextOnly = definition({
      injects: [tabling('I1', H, 'P-Y', silence)],
      seats: { BEL: policy({ rules: [{ when: { tagged: ['Y'], maxRevision: 0 }, then: 'break-silence' }] }) },
    });
    const adopted = run(firstTextOnly);
    const q = adopted.world.council.proposals['P-Y']!;
    assert.equal(q.status, 'adopted');
    assert.equal(q.status === 'adopted' && q.adoptedUnder, 'silence');
    assert.equal(q.revision, 1);
  });

  test('object until a footnote is accepted', () => {
    const seats = { DNK: policy({ rules: [{ when: { tagged: ['Z'] }, then: 'object-until-footnote', footnote: 'Denmark reserves its position.' }] }) };
    const accepted = run(definition({ injects: [tabling('I1', H, 'P-Z', { tags: ['Z'] })], seats }));
    const p = accepted.world.council.proposals['P-Z']!;
    assert.equal(p.status, 'adopted');
    assert.deepEqual(p.footnotes.map((f) => [f.ally, f.text]), [['DNK', 'Denmark reserves its position.']]);
    assert.equal(p.revision, 1, 'the chair accepted the footnote by revising the text');
    assert.equal(p.positions.DNK?.stance, 'agreed');

    const refused = run(definition({ injects: [tabling('I1', H, 'P-Z', { tags: ['Z'] })], seats, chair: { ...DEFAULT_CHAIR, acceptFootnotes: false } }));
    assert.equal(statusOf(refused, 'P-Z'), 'draft');
    assert.equal(refused.world.council.proposals['P-Z']!.positions.DNK?.stance, 'objecting');
  });

  test('a rule may hold only until an inject is delivered', () => {
    const def = definition({
      injects: [tabling('I1', H, 'P-1', { tags: ['X'] }), { id: 'EVIDENCE', atMs: 30 * H, kind: 'intelligence', title: { en: 'Evidence shared' }, tags: [] }],
      seats: { NOR: policy({ rules: [{ when: { tagged: ['X'], beforeInjects: ['EVIDENCE'] }, then: 'object' }] }) },
    });
    const result = run(def);
    const p = result.world.council.proposals['P-1']!;
    assert.equal(p.status, 'adopted');
    assert.ok(p.status === 'adopted' && p.adoptedAt > '2003-02-04T14:00:00Z', 'adopted only after the evidence');
  });
});

describe('the simulation', () => {
  const def = definition({
    injects: [tabling('I1', H, 'P-1'), tabling('I2', 2 * H, 'P-2', { procedure: 'silence', deadline: '+24h', tags: ['Y'] })],
    seats: { ITA: policy({ rules: [{ when: { tagged: ['Y'] }, then: 'break-silence', probability: 0.5 }] }) },
  });

  test('is deterministic: the same seed gives the same steps, another seed other times', () => {
    assert.deepEqual(run(def).steps, run(def).steps);
    const times = (r: SimResult) => r.steps.map((s) => s.at).join(',');
    assert.notEqual(times(run(def, { seed: 'a' })), times(run(def, { seed: 'b' })));
  });

  test('acts in time order, each decided by the rules engine, none refused', () => {
    const result = run(def);
    const times = result.steps.map((s) => s.at);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(result.steps.filter((s) => s.kind === 'refused').length, 0);
    assert.equal(result.reached, endMs(def));
  });

  test('a seat held by a person gets no bot, and an inject meant for it is a prompt', () => {
    const withPrompt = definition({
      injects: [{
        id: 'A4', atMs: H, kind: 'consultation-request', title: { en: 'Request consultations' }, tags: [],
        command: { cmd: 'RequestConsultations', by: 'TUR', data: { consultation: 'A4-TUR', requesters: ['TUR'], reason: 'threat' } },
      }, tabling('I2', 2 * H, 'P-1')],
    });
    const result = run(withPrompt, { humans: ['TUR'] });
    const inject = result.steps.find((s) => s.kind === 'inject' && s.inject.id === 'A4');
    assert.ok(inject && inject.kind === 'inject' && inject.prompt);
    assert.equal(result.world.consultation.consultations['A4-TUR'], undefined);
    assert.ok(result.steps.every((s) => s.kind !== 'act' || s.seat !== 'TUR'));
    assert.equal(result.world.council.proposals['P-1']?.positions.TUR, undefined);
    const bots = run(withPrompt);
    assert.equal(bots.world.consultation.consultations['A4-TUR']?.status, 'held', 'the chair holds requested consultations');
  });

  test('ratification: bots ratify, the depositary records entry into force, the invitee accedes', () => {
    const events = eventsOf([command('SignAccessionProtocol', '2003-01-20', 'NAC', { protocol: 'AUT-2003', invitees: ['AUT'] })], fourteenEvents());
    const world = replay(events);
    const ratifying = definition({
      defaultPolicy: policy({ ratify: [{ afterMs: 24 * H, jitterMs: 48 * H, depositAfterMs: 24 * H }] }),
      seats: { TUR: policy({ ratify: [{ afterMs: 24 * H, jitterMs: 0, depositAfterMs: 24 * H, afterInjects: ['DEAL'] }] }) },
      injects: [{ id: 'DEAL', atMs: 72 * H, kind: 'instruction', title: { en: 'A deal' }, tags: [] }],
      durationMs: 10 * 24 * H,
    });
    assert.ok(seatList(world, ratifying).includes('AUT'), 'an invitee with a pending accession has a seat');
    const result = run(ratifying, { world });
    const protocol = result.world.membership.protocols['AUT-2003']!;
    assert.equal(protocol.status, 'in_force');
    const tur = protocol.ratifications.TUR!.stages;
    assert.ok(tur[0]!.at >= '2003-02-07T08:00:00Z', 'Türkiye ratifies only after the deal');
    assert.ok(result.world.membership.periods.AUT?.length, 'Austria acceded');
    const r = report(ratifying, result);
    assert.equal(r.accessions[0]?.protocol, 'AUT-2003');
    assert.equal(r.accessions[0]?.deposited.length, 14);
    assert.ok((r.accessions[0]?.hoursToEntryIntoForce ?? 0) > 96);
  });
});
