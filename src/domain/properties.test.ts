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
const actor = fc.constantFrom(...ACTORS);
const protocol = fc.constantFrom(...PROTOCOLS);
const proposal = fc.constantFrom(...PROPOSALS);
const invitees = fc.subarray(OTHERS, { minLength: 1, maxLength: 2 });

/** A command without its date, built from a day offset later. */
type Draft = (at: string) => WorldCommand;

const draft: fc.Arbitrary<Draft> = fc.oneof(
  fc.tuple(protocol, invitees).map(([p, i]): Draft => (at) => command('SignAccessionProtocol', at, 'NAC', { protocol: p, invitees: i })),
  invitees.map((i): Draft => (at) => command('InviteToAccede', at, 'NAC', { invitees: i })),
  fc.tuple(protocol, state, fc.constantFrom(...STAGES), fc.boolean()).map(
    ([p, s, stage, honest]): Draft => (at) => command('RecordRatificationStage', at, honest ? s : 'BEL', { protocol: p, ally: s, stage }),
  ),
  fc.tuple(protocol, fc.constantFrom('DEPOSITARY', 'NAC')).map(([p, by]): Draft => (at) => command('ProtocolEntersIntoForce', at, by, { protocol: p })),
  fc.tuple(protocol, state).map(([p, s]): Draft => (at) => command('DepositAccessionInstrument', at, s, { state: s, protocol: p })),
  state.map((s): Draft => (at) => command('NotifyDenunciation', at, s, { ally: s })),
  fc.tuple(proposal, actor, fc.boolean(), fc.integer({ min: 0, max: 5 })).map(
    ([x, by, silence, days]): Draft => (at) =>
      command('TableProposal', at, by, {
        proposal: x,
        title: { en: x },
        procedure: silence ? 'silence' : 'meeting',
        ...(silence ? { deadline: addDays(at, days) } : {}),
      }),
  ),
  fc.tuple(proposal, actor, fc.boolean()).map(([x, by, ad]): Draft => (at) => command('AgreeProposal', at, by, { proposal: x, adReferendum: ad })),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('ObjectToProposal', at, by, { proposal: x })),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('LiftObjection', at, by, { proposal: x })),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('BreakSilence', at, by, { proposal: x })),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('AttachFootnote', at, by, { proposal: x, text: 'reservation' })),
  proposal.map((x): Draft => (at) => command('ReviseProposal', at, 'SG', { proposal: x })),
  fc.tuple(proposal, fc.integer({ min: 0, max: 5 })).map(
    ([x, days]): Draft => (at) => command('PlaceUnderSilence', at, 'SG', { proposal: x, deadline: addDays(at, days) }),
  ),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('AdoptProposal', at, by, { proposal: x })),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('CloseSilence', at, by, { proposal: x })),
  fc.tuple(proposal, actor).map(([x, by]): Draft => (at) => command('WithdrawProposal', at, by, { proposal: x })),
  fc.tuple(proposal, state).map(([x, s]): Draft => (at) => command('AssociateWithStatement', at, s, { proposal: x })),
);

/** Commands in time order: each step moves 0–200 days on (many accessions take under a year). */
export const scenario = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), draft), { maxLength: 60 }).map((steps) => {
  let at = START;
  return steps.map(([days, make]) => {
    at = addDays(at, days);
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
