/**
 * Properties of the whole rules engine over random sequences of commands: most are refused, the
 * accepted ones build worlds in which the guarantees below must hold.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { objectorsAt } from './council/council.js';
import { command, eventsOf } from './testing/specification.js';
import { addDays, isAtOrBefore } from './time.js';
import { alliesAt, initialWorldState, project, replay, worldDecider, type WorldCommand, type WorldEvent, type WorldState } from './world.js';

const FOUNDERS = ['BEL', 'DNK', 'FRA', 'NOR'];
const OTHERS = ['SWE', 'FIN', 'UKR', 'JPN'];
const STATES = [...FOUNDERS, ...OTHERS];
const ACTORS = [...STATES, 'NAC', 'SG', 'DEPOSITARY'];
const PROTOCOLS = ['P1', 'P2'];
const PROPOSALS = ['X1', 'X2'];
const STAGES = ['parliament_approved', 'instrument_signed', 'instrument_deposited'] as const;
const START = '1969-09-01';

const founding = (): WorldEvent[] =>
  eventsOf([
    command('SignTreaty', '1949-04-04', 'PARTIES', { signatories: FOUNDERS }),
    command('TreatyEntersIntoForce', '1949-08-24', 'DEPOSITARY', { parties: FOUNDERS }),
  ]);

const state = fc.constantFrom(...STATES);
/** Mostly an Ally acting, sometimes anyone: refusals are exercised too. */
const actor = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FOUNDERS) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) });
const body = (right: string) => fc.oneof({ weight: 5, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) });
const protocol = fc.constantFrom(...PROTOCOLS);
const proposal = fc.constantFrom(...PROPOSALS);
const invitees = fc.subarray(OTHERS, { minLength: 1, maxLength: 2 });
const days = fc.integer({ min: 0, max: 5 });

/** Commands without their date, built from a day offset later. */
type Draft = (at: string) => WorldCommand[];
const one =
  <T,>(make: (value: T, at: string) => WorldCommand) =>
  (value: T): Draft =>
  (at) => [make(value, at)];

const w = (weight: number, arbitrary: fc.Arbitrary<Draft>) => ({ weight, arbitrary });

const draft: fc.Arbitrary<Draft> = fc.oneof(
  w(3, fc.tuple(protocol, invitees, body('NAC')).map(one(([p, i, by], at) => command('SignAccessionProtocol', at, by, { protocol: p, invitees: i })))),
  w(1, invitees.map(one((i, at) => command('InviteToAccede', at, 'NAC', { invitees: i })))),
  w(3, fc.tuple(protocol, state, fc.constantFrom(...STAGES), fc.boolean()).map(
    one(([p, s, stage, honest], at) => command('RecordRatificationStage', at, honest ? s : 'BEL', { protocol: p, ally: s, stage })),
  )),
  // Every Ally of the moment but perhaps one deposits: accessions complete, or stall on one Ally.
  w(3, fc.tuple(protocol, fc.option(state)).map(([p, skip]): Draft => (at) =>
    STATES.filter((s) => s !== skip).map((s) => command('RecordRatificationStage', at, s, { protocol: p, ally: s, stage: 'instrument_deposited' })),
  )),
  w(3, fc.tuple(protocol, body('DEPOSITARY')).map(one(([p, by], at) => command('ProtocolEntersIntoForce', at, by, { protocol: p })))),
  w(2, fc.tuple(protocol, state).map(one(([p, s], at) => command('DepositAccessionInstrument', at, s, { state: s, protocol: p })))),
  w(2, protocol.map((p): Draft => (at) => OTHERS.map((s) => command('DepositAccessionInstrument', at, s, { state: s, protocol: p })))),
  w(1, fc.tuple(state, state).map(one(([by, s], at) => command('NotifyDenunciation', at, by, { ally: s })))),
  w(3, fc.tuple(proposal, body('SG'), fc.boolean(), days).map(
    one(([x, by, silence, d], at) =>
      command('TableProposal', at, by, {
        proposal: x,
        title: { en: x },
        procedure: silence ? 'silence' : 'meeting',
        ...(silence ? { deadline: addDays(at, d) } : {}),
      }),
    ),
  )),
  w(2, fc.tuple(proposal, actor, fc.boolean()).map(one(([x, by, ad], at) => command('AgreeProposal', at, by, { proposal: x, adReferendum: ad })))),
  w(3, fc.tuple(proposal, actor).map(one(([x, by], at) => command('ObjectToProposal', at, by, { proposal: x })))),
  w(2, fc.tuple(proposal, actor).map(one(([x, by], at) => command('LiftObjection', at, by, { proposal: x })))),
  w(3, fc.tuple(proposal, actor).map(one(([x, by], at) => command('BreakSilence', at, by, { proposal: x })))),
  w(1, fc.tuple(proposal, actor).map(one(([x, by], at) => command('AttachFootnote', at, by, { proposal: x, text: 'reservation' })))),
  w(1, fc.tuple(proposal, body('SG')).map(one(([x, by], at) => command('ReviseProposal', at, by, { proposal: x })))),
  w(2, fc.tuple(proposal, body('SG'), days).map(one(([x, by, d], at) => command('PlaceUnderSilence', at, by, { proposal: x, deadline: addDays(at, d) })))),
  w(3, fc.tuple(proposal, body('NAC')).map(one(([x, by], at) => command('AdoptProposal', at, by, { proposal: x })))),
  w(3, fc.tuple(proposal, body('SG')).map(one(([x, by], at) => command('CloseSilence', at, by, { proposal: x })))),
  w(1, fc.tuple(proposal, body('SG')).map(one(([x, by], at) => command('WithdrawProposal', at, by, { proposal: x })))),
  w(1, fc.tuple(proposal, state).map(one(([x, s], at) => command('AssociateWithStatement', at, s, { proposal: x })))),
);

/** Commands in time order: each step moves on by a few days, sometimes by months. */
const step = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }) });
export const scenario = fc.array(fc.tuple(step, draft), { minLength: 10, maxLength: 80, size: 'max' }).map((steps) => {
  let at = START;
  return steps.flatMap(([d, make]) => {
    at = addDays(at, d);
    return make(at);
  });
});

export interface Run {
  readonly final: WorldState;
  readonly events: readonly WorldEvent[];
  /** Each accepted event with the state before it. */
  readonly steps: readonly { readonly before: WorldState; readonly event: WorldEvent }[];
}

export function run(commands: readonly WorldCommand[]): Run {
  const events = founding();
  let current = replay(events);
  const steps: { before: WorldState; event: WorldEvent }[] = [];
  for (const c of commands) {
    const decision = worldDecider.decide(current, c);
    if (!decision.ok) continue;
    for (const event of decision.events) {
      steps.push({ before: current, event });
      current = worldDecider.evolve(current, event);
      events.push(event);
    }
  }
  return { final: current, events, steps };
}

const RUNS = { numRuns: 300 };

describe('Properties of the rules engine', () => {
  test('Art. 10/11: nobody is an Ally without a deposit or the founding entry into force', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { final, events } = run(commands);
        for (const [iso3, periods] of Object.entries(final.membership.periods)) {
          for (const period of periods) {
            const cause = events.find(
              (e) =>
                e.at === period.from &&
                ((e.type === 'TreatyEnteredIntoForce' && e.data.parties.includes(iso3)) ||
                  (e.type === 'AccessionInstrumentDeposited' && e.data.state === iso3)),
            );
            assert.ok(cause, `${iso3} is an Ally from ${period.from} without a cause`);
          }
        }
        for (const e of events) {
          if (e.type === 'AccessionInstrumentDeposited') {
            const p = final.membership.protocols[e.data.protocol];
            assert.ok(p && p.status === 'in_force' && isAtOrBefore(p.enteredIntoForceAt, e.at), 'deposit under a protocol in force');
          }
          if (e.type === 'ProtocolEnteredIntoForce') {
            const p = final.membership.protocols[e.data.protocol];
            for (const ally of p?.requiredRatifiers ?? []) {
              const deposited = p?.ratifications[ally]?.stages.some((s) => s.stage === 'instrument_deposited' && isAtOrBefore(s.at, e.at));
              assert.ok(deposited, `${ally} had not deposited before ${e.data.protocol} entered into force`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test('Art. 10: required ratifiers never change after signature and are the Allies at signature', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { steps, final } = run(commands);
        for (const { before, event } of steps) {
          if (event.type !== 'AccessionProtocolSigned') continue;
          assert.deepEqual(event.data.requiredRatifiers, alliesAt(before, event.at));
        }
        const signatures = steps.flatMap(({ event }) => (event.type === 'AccessionProtocolSigned' ? [event] : []));
        for (const { before } of [...steps, { before: final }]) {
          for (const event of signatures) {
            const p = before.membership.protocols[event.data.protocol];
            if (p) assert.deepEqual(p.requiredRatifiers, event.data.requiredRatifiers);
          }
        }
      }),
      RUNS,
    );
  });

  test('Consensus: no adoption while any then-Ally objects or has broken silence in time', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { steps } = run(commands);
        for (const { before, event } of steps) {
          if (event.type !== 'ProposalAdopted') continue;
          const p = before.council.proposals[event.data.proposal];
          assert.ok(p, 'adopted proposal exists');
          assert.deepEqual(objectorsAt(before, p, event.at), [], 'no then-Ally objects');
          if (event.data.procedure === 'silence') {
            assert.equal(p.status, 'under_silence');
            const round = p.silenceRounds.at(-1);
            assert.ok(round && isAtOrBefore(round.deadline, event.at), 'closed at or after the deadline');
            assert.equal(round.breaks.length, 0, 'no break in time');
          }
          if (p.status === 'silence_broken') {
            for (const b of p.silenceRounds.at(-1)?.breaks ?? []) {
              const stillAlly = alliesAt(before, event.at).includes(b.ally);
              assert.ok(!stillAlly || p.positions[b.ally]?.stance !== 'objecting', `${b.ally} broke silence and still objects`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test('Replay: the same events always rebuild the same state, and projection is deterministic', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { final, events, steps } = run(commands);
        assert.deepEqual(replay(events), final);
        assert.deepEqual(replay(events), replay(events));
        assert.deepEqual(JSON.parse(JSON.stringify(final)), final, 'state is plain data');
        for (const { before, event } of steps) assert.deepEqual(project(before, event), project(before, event));
      }),
      RUNS,
    );
  });

  test('evolve never mutates the state it is given', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { steps } = run(commands);
        for (const { before, event } of steps) {
          const frozen = JSON.stringify(before);
          worldDecider.evolve(before, event);
          assert.equal(JSON.stringify(before), frozen);
        }
      }),
      { numRuns: 100 },
    );
  });

  test('the initial state has no Allies', () => {
    assert.deepEqual(alliesAt(initialWorldState(), '2024-01-01'), []);
  });
});
