import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fourteenEvents } from '../testing/fixtures.js';
import { replay, type WorldState } from '../world.js';
import { afterActionReport, itemsOfSteps } from './aar.js';
import { normaliseDefinition } from './definition.js';
import { seededRandom } from './random.js';
import { seatList } from './seats.js';
import { simulate, type SimResult } from './simulate.js';
import { DEFAULT_CHAIR, DEFAULT_CONTROL, DEFAULT_POLICY, endMs, startMs, type Inject, type ScenarioDefinition, type SeatPolicy } from './types.js';

const H = 3_600_000;
const world14: WorldState = replay(fourteenEvents());
const START = Date.parse('2003-02-03T08:00:00Z');

function definition(over: Partial<ScenarioDefinition> = {}): ScenarioDefinition {
  return {
    id: 'branching', title: { en: 'Branching' }, asOf: '2003-02-01', start: '2003-02-03T08:00:00Z', durationMs: 72 * H, speed: 60, seed: 'seed',
    partners: [], defaultPolicy: { ...DEFAULT_POLICY, jitterMs: 0 }, seats: {}, chair: DEFAULT_CHAIR, control: DEFAULT_CONTROL, injects: [], ...over,
  };
}

const statement: Inject = {
  id: 'INJ-01', atMs: H, kind: 'proposal', title: { en: 'The statement' }, tags: [],
  command: { cmd: 'TableProposal', by: 'SG', data: { proposal: 'P-STATEMENT', title: { en: 'Statement' }, procedure: 'meeting' } },
};
/** "If no statement is adopted by T+12h, deliver INJ-07." */
const fallback: Inject = {
  id: 'INJ-07', atMs: 12 * H, kind: 'media-report', title: { en: 'The press asks why the Allies are silent' }, tags: [],
  condition: { notAdopted: ['P-STATEMENT'] },
};
const objecting: SeatPolicy = { ...DEFAULT_POLICY, default: 'object', jitterMs: 0, reason: 'Not this text' };

function run(def: ScenarioDefinition, seed = def.seed, delivered = new Map<string, number>()): SimResult {
  return simulate({
    world: world14, definition: def, random: seededRandom(seed), seats: seatList(world14, def),
    humanSeats: new Set(), delivered, fromMs: startMs(def), toMs: endMs(def),
  });
}

const deliveries = (r: SimResult) => r.steps.filter((s) => s.kind === 'inject').map((s) => [s.inject.id, (s.at - START) / H]);
const withheld = (r: SimResult) => r.steps.filter((s) => s.kind === 'withheld').map((s) => [s.inject.id, (s.at - START) / H]);

describe('branching injects', () => {
  test('"if no statement is adopted by T+12h, deliver INJ-07": withheld when it was adopted, delivered at T+12h when it was not', () => {
    const agreed = run(definition({ injects: [statement, fallback] }));
    assert.equal(agreed.world.council.proposals['P-STATEMENT']?.status, 'adopted');
    assert.deepEqual(deliveries(agreed), [['INJ-01', 1]]);
    assert.deepEqual(withheld(agreed), [['INJ-07', 12]]);
    assert.ok(agreed.withheld.has('INJ-07') && !agreed.delivered.has('INJ-07'));

    const blocked = run(definition({ injects: [statement, fallback], seats: { FRA: objecting } }));
    assert.notEqual(blocked.world.council.proposals['P-STATEMENT']?.status, 'adopted');
    assert.deepEqual(deliveries(blocked), [['INJ-01', 1], ['INJ-07', 12]]);
    assert.deepEqual(withheld(blocked), []);
  });

  test('with until, it waits for its condition and is delivered the moment it holds', () => {
    const onAdoption: Inject = { id: 'INJ-08', atMs: 0, untilMs: 48 * H, kind: 'media-report', title: { en: 'Statement welcomed' }, tags: [], condition: { adopted: ['P-STATEMENT'] } };
    const r = run(definition({ injects: [statement, onAdoption] }));
    const adoption = r.steps.find((s) => s.kind === 'act' && s.command.cmd === 'AdoptProposal');
    assert.ok(adoption, 'the statement was adopted');
    const delivery = r.steps.find((s) => s.kind === 'inject' && s.inject.id === 'INJ-08');
    assert.equal(delivery?.at, adoption.at, 'delivered at the time of the adoption');
    assert.ok(r.steps.indexOf(delivery!) > r.steps.indexOf(adoption), 'after it');

    const never = run(definition({ injects: [statement, onAdoption], seats: { FRA: objecting } }));
    assert.deepEqual(withheld(never), [['INJ-08', 48]], 'withheld at the end of its wait');
  });

  test('a delivered branching inject carries out its command; conditions on injects, silence, consultations and states', () => {
    const follow: Inject = {
      id: 'INJ-09', atMs: 10 * H, kind: 'proposal', title: { en: 'A softer text' }, tags: [],
      condition: { any: [{ status: { 'P-STATEMENT': ['draft', 'silence_broken'] } }, { silenceBroken: ['P-STATEMENT'] }], delivered: ['INJ-01'], consultationsNotHeld: ['C-NONE'] },
      command: { cmd: 'TableProposal', by: 'SG', data: { proposal: 'P-SOFTER', title: { en: 'Softer' }, procedure: 'meeting' } },
    };
    const r = run(definition({ injects: [statement, follow], seats: { FRA: { ...objecting, rules: [{ when: { proposals: ['P-SOFTER'] }, then: 'agree' }] } } }));
    assert.deepEqual(deliveries(r), [['INJ-01', 1], ['INJ-09', 10]]);
    assert.equal(r.world.council.proposals['P-SOFTER']?.status, 'adopted');
    const notYet = run(definition({ injects: [statement, { ...follow, condition: { notDelivered: ['INJ-01'] } }] }));
    assert.deepEqual(withheld(notYet), [['INJ-09', 10]]);
    const held = run(definition({ injects: [statement, { ...follow, condition: { consultationsHeld: ['C-NONE'] } }] }));
    assert.deepEqual(withheld(held), [['INJ-09', 10]]);
  });

  test('the same inputs give the same branches; a withheld inject is neither delivered again nor considered again', () => {
    const def = definition({ injects: [statement, fallback], seats: { FRA: { ...objecting, rules: [{ when: {}, then: 'object', probability: 0.5 }], default: 'agree' } } });
    const outcomes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const a = run(def, `s/${i}`);
      const b = run(def, `s/${i}`);
      assert.deepEqual(a.steps, b.steps);
      outcomes.add(JSON.stringify([deliveries(a), withheld(a)]));
    }
    assert.equal(outcomes.size, 2, 'both branches occur across seeds');
    // Played in two parts (as a live world's ticks are), the branch is the same.
    const whole = run(def, 's/0');
    const first = simulate({ world: world14, definition: def, random: seededRandom('s/0'), seats: seatList(world14, def), humanSeats: new Set(), delivered: new Map(), fromMs: START, toMs: START + 5 * H });
    const second = simulate({ world: first.world, definition: def, random: seededRandom('s/0'), seats: seatList(world14, def), humanSeats: new Set(), delivered: first.delivered, withheld: first.withheld, fromMs: first.reached, toMs: endMs(def) });
    assert.deepEqual([...first.steps, ...second.steps].map((s) => [s.kind, s.at]), whole.steps.map((s) => [s.kind, s.at]));
    const again = simulate({ world: whole.world, definition: def, random: seededRandom('s/0'), seats: seatList(world14, def), humanSeats: new Set(), delivered: whole.delivered, withheld: whole.withheld, fromMs: endMs(def), toMs: endMs(def) });
    assert.deepEqual(again.steps, []);
  });

  test('the report lists a withheld inject as exercise control\'s, not as an act', () => {
    const def = definition({ injects: [statement, fallback] });
    const r = run(def);
    const aar = afterActionReport({ id: def.id, title: def.title, asOf: def.asOf, start: def.start, end: '' }, itemsOfSteps(r.steps));
    const row = aar.timeline.find((t) => t.type === 'InjectWithheld');
    assert.deepEqual([row?.category, row?.summary.code, row?.summary.params.inject], ['control', 'aar.InjectWithheld', 'INJ-07']);
  });
});

describe('branching injects in a scenario file', () => {
  const doc = (inject: Record<string, unknown>) => ({
    scenario: 'b', title: { en: 'B' }, asOf: '2003-02-01', injects: [
      { id: 'INJ-01', at: 'T+1h', kind: 'incident', title: { en: 'One' } },
      { id: 'INJ-07', at: 'T+12h', kind: 'media-report', title: { en: 'Seven' }, ...inject },
    ],
  });

  test('if and until are read into the inject', () => {
    const r = normaliseDefinition(doc({ if: { notAdopted: ['P-1'], delivered: ['INJ-01'] }, until: 'T+20h' }));
    assert.ok(r.ok);
    const inject = r.definition.injects[1]!;
    assert.deepEqual([inject.condition, inject.untilMs], [{ notAdopted: ['P-1'], delivered: ['INJ-01'] }, 20 * H]);
  });

  test('an unknown inject in a condition, an until before the inject or without a condition are each named', () => {
    const problems = (inject: Record<string, unknown>) => {
      const r = normaliseDefinition(doc(inject));
      assert.ok(!r.ok);
      return r.problems.map((p) => [p.path.join('.'), p.code]);
    };
    assert.deepEqual(problems({ if: { any: [{ delivered: ['INJ-99'] }] } }), [['injects.1.if.any.0.delivered.0', 'scenario.inject_unknown']]);
    assert.deepEqual(problems({ if: { adopted: ['P-1'] }, until: 'T+2h' }), [['injects.1.until', 'scenario.until_invalid']]);
    assert.deepEqual(problems({ until: 'T+20h' }), [['injects.1.until', 'scenario.until_without_if']]);
  });
});
