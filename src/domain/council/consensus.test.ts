import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents, withAccession } from '../testing/fixtures.js';
import { project, proposalStatusAt, replay } from '../world.js';

const P = 'PO(2024)0001';
const table = (extra: Partial<{ invitees: string[]; tags: string[] }> = {}) =>
  command('TableProposal', '2024-01-10', 'SG', { proposal: P, title: { en: 'Communiqué', fr: 'Communiqué' }, procedure: 'meeting', ...extra });
const tabled = (extra: Partial<{ invitees: string[] }> = {}) => eventsOf([table(extra)], foundingEvents());
const object = (ally: string, at = '2024-01-11') => command('ObjectToProposal', at, ally, { proposal: P, reason: 'text' });
const adopt = (at = '2024-01-12') => command('AdoptProposal', at, 'NAC', { proposal: P });

describe('Art. 9 — tabling a proposal', () => {
  test('the Secretary General tables a proposal for a meeting', () => {
    given(foundingEvents())
      .when(table())
      .then([
        {
          type: 'ProposalTabled',
          at: '2024-01-10',
          by: 'SG',
          data: { proposal: P, title: { en: 'Communiqué', fr: 'Communiqué' }, procedure: 'meeting', invitees: [], tags: [] },
        },
      ]);
  });

  test('an Ally may table a proposal; a state that is not an Ally may not', () => {
    given(foundingEvents()).when(command('TableProposal', '2024-01-10', 'TUR', { proposal: P, title: { en: 'x' }, procedure: 'meeting' })).thenRejects('actor.not_ally');
    given(foundingEvents()).when(command('TableProposal', '2024-01-10', 'NOR', { proposal: P, title: { en: 'x' }, procedure: 'meeting' })).thenAccepts();
  });

  test('a proposal id is used once', () => {
    given(tabled()).when(table()).thenRejects('council.proposal_exists');
  });

  test('invitees are not Allies', () => {
    given(foundingEvents()).when(table({ invitees: ['SWE', 'BEL'] })).thenRejects('council.invitee_is_ally', { states: ['BEL'] });
  });

  test('a meeting proposal has no silence deadline', () => {
    given(foundingEvents())
      .when(command('TableProposal', '2024-01-10', 'SG', { proposal: P, title: { en: 'x' }, procedure: 'meeting', deadline: '2024-01-12' }))
      .thenRejects('council.deadline_for_meeting');
  });

  test('acts on an unknown proposal are refused', () => {
    given(foundingEvents()).when(adopt()).thenRejects('council.proposal_unknown');
  });

  test('no act precedes the tabling', () => {
    given(tabled()).when(object('BEL', '2024-01-09')).thenRejects('council.before_tabling');
  });
});

describe('Art. 9 — consensus: a decision stands when no Ally objects', () => {
  test('with no objection the Council adopts the proposal', () => {
    given(tabled()).when(adopt()).then([{ type: 'ProposalAdopted', at: '2024-01-12', by: 'NAC', data: { proposal: P, procedure: 'meeting' } }]);
  });

  test('a single Ally’s objection blocks adoption', () => {
    given(eventsOf([object('LUX')], tabled())).when(adopt()).thenRejects('council.no_consensus', { objectors: ['LUX'] });
  });

  test('once the objection is lifted the Council adopts', () => {
    const events = eventsOf([object('LUX'), command('LiftObjection', '2024-01-11', 'LUX', { proposal: P })], tabled());
    given(events).when(adopt()).thenAccepts();
  });

  test('agreeing after objecting replaces the objection', () => {
    const events = eventsOf([object('LUX'), command('AgreeProposal', '2024-01-11', 'LUX', { proposal: P })], tabled());
    given(events).when(adopt()).thenAccepts();
  });

  test('an objection is lifted only if raised; raised only once', () => {
    given(tabled()).when(command('LiftObjection', '2024-01-11', 'LUX', { proposal: P })).thenRejects('council.no_objection');
    given(eventsOf([object('LUX')], tabled())).when(object('LUX')).thenRejects('council.already_objecting');
  });

  test('agreement ad referendum is recorded and does not block', () => {
    given(tabled())
      .when(command('AgreeProposal', '2024-01-11', 'ITA', { proposal: P, adReferendum: true }))
      .then([{ type: 'ProposalAgreed', at: '2024-01-11', by: 'ITA', data: { proposal: P, adReferendum: true } }]);
    const events = eventsOf([command('AgreeProposal', '2024-01-11', 'ITA', { proposal: P, adReferendum: true })], tabled());
    given(events).when(adopt()).thenAccepts();
  });

  test('a footnote is recorded and does not block adoption', () => {
    const events = eventsOf([command('AttachFootnote', '2024-01-11', 'DNK', { proposal: P, text: 'Denmark reserves its position.' })], tabled());
    given(events).when(adopt()).thenAccepts();
    assert.equal(replay(events).council.proposals[P]?.footnotes.length, 1);
  });

  test('an invitee takes no part in consensus', () => {
    given(tabled({ invitees: ['SWE'] })).when(object('SWE')).thenRejects('actor.not_ally');
    given(tabled({ invitees: ['SWE'] })).when(command('AgreeProposal', '2024-01-11', 'SWE', { proposal: P })).thenRejects('actor.not_ally');
  });

  test('consensus counts only those who are Allies at adoption', () => {
    const start = eventsOf(
      [
        command('TableProposal', '1975-01-10', 'SG', { proposal: P, title: { en: 'x' }, procedure: 'meeting' }),
        command('ObjectToProposal', '1975-01-11', 'ISL', { proposal: P }),
        command('NotifyDenunciation', '1975-02-01', 'ISL', { ally: 'ISL' }),
      ],
      foundingEvents(),
    );
    given(start).when(adopt('1975-06-01')).thenRejects('council.no_consensus', { objectors: ['ISL'] });
    given(start).when(adopt('1976-02-01')).thenAccepts();
  });

  test('a revision resets positions: objections to the old text lapse', () => {
    const events = eventsOf([object('LUX'), command('ReviseProposal', '2024-01-11', 'SG', { proposal: P, title: { en: 'Communiqué rev. 1' } })], tabled());
    given(events).when(adopt()).thenAccepts();
    assert.equal(replay(events).council.proposals[P]?.revision, 1);
  });

  test('nothing more happens to an adopted proposal', () => {
    const events = eventsOf([adopt()], tabled());
    given(events).when(object('LUX', '2024-01-13')).thenRejects('council.proposal_closed', { status: 'adopted' });
    given(events).when(adopt('2024-01-13')).thenRejects('council.proposal_closed');
  });

  test('the Secretary General or the tabling Ally withdraws a proposal; nothing more happens to it', () => {
    given(tabled()).when(command('WithdrawProposal', '2024-01-11', 'SG', { proposal: P })).thenAccepts();
    given(tabled()).when(command('WithdrawProposal', '2024-01-11', 'BEL', { proposal: P })).thenRejects('council.not_tabler');
    const events = eventsOf([command('WithdrawProposal', '2024-01-11', 'SG', { proposal: P })], tabled());
    given(events).when(adopt()).thenRejects('council.proposal_closed', { status: 'withdrawn' });
  });

  test('the decision fact is valid from adoption and the proposal’s history tells its status on any date', () => {
    const events = eventsOf([adopt()], tabled());
    const state = replay(events);
    assert.equal(proposalStatusAt(state, P, '2024-01-11'), 'draft');
    assert.equal(proposalStatusAt(state, P, '2024-01-12'), 'adopted');
    assert.equal(proposalStatusAt(state, P, '2024-01-09'), undefined);
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => [f.kind, f.op === 'assert' ? f.validFrom : '']), [
      ['proposal', '2024-01-10'],
      ['decision', '2024-01-12'],
    ]);
  });
});

describe('Invitees associate themselves with a statement', () => {
  const withSweden = () => withAccession(foundingEvents(), 'FIN-2022', ['FIN'], { signed: '2022-07-05', ratified: '2023-03-30', inForce: '2023-04-04', acceded: '2023-04-04' });
  const vilnius = (extra: string[] = ['SWE']) =>
    eventsOf(
      [
        command('TableProposal', '2023-07-10', 'SG', { proposal: 'VILNIUS', title: { en: 'Vilnius Summit Communiqué' }, procedure: 'meeting', invitees: extra }),
        command('AdoptProposal', '2023-07-11', 'NAC', { proposal: 'VILNIUS' }),
      ],
      withSweden(),
    );

  test('the invitee associates itself with the adopted communiqué', () => {
    given(vilnius()).when(command('AssociateWithStatement', '2023-07-11', 'SWE', { proposal: 'VILNIUS' })).then([
      { type: 'StatementAssociated', at: '2023-07-11', by: 'SWE', data: { proposal: 'VILNIUS' } },
    ]);
  });

  test('a state not invited cannot associate itself when invitees are listed', () => {
    given(vilnius()).when(command('AssociateWithStatement', '2023-07-11', 'UKR', { proposal: 'VILNIUS' })).thenRejects('council.not_invitee');
  });

  test('an Ally joins the consensus rather than associating itself', () => {
    given(vilnius()).when(command('AssociateWithStatement', '2023-07-11', 'FIN', { proposal: 'VILNIUS' })).thenRejects('council.associate_ally');
  });

  test('association is recorded once and updates the decision fact', () => {
    const events = eventsOf([command('AssociateWithStatement', '2023-07-11', 'SWE', { proposal: 'VILNIUS' })], vilnius());
    given(events).when(command('AssociateWithStatement', '2023-07-12', 'SWE', { proposal: 'VILNIUS' })).thenRejects('council.already_associated');
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    const decision = facts.find((f) => f.kind === 'decision');
    assert.deepEqual(decision && decision.op === 'assert' ? (decision.data as { associations: unknown }).associations : undefined, [
      { state: 'SWE', at: '2023-07-11' },
    ]);
  });
});
