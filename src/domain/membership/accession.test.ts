import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatViolation } from '../../messages/index.js';
import { command, eventsOf, given } from '../testing/specification.js';
import { FOUNDERS, allDeposit, foundingEvents, thirtyEvents } from '../testing/fixtures.js';
import { accessionStatus, alliesAt, replay, worldDecider } from '../world.js';

const GRC_TUR = 'GRC-TUR-1951';
const signGrcTur = command('SignAccessionProtocol', '1951-10-22', 'NAC', { protocol: GRC_TUR, invitees: ['GRC', 'TUR'] });
const deposit = (ally: string, at = '1952-01-15') =>
  command('RecordRatificationStage', at, ally, { protocol: GRC_TUR, ally, stage: 'instrument_deposited' });

/** Thirty Allies, Finland and Sweden invited in Madrid and their protocols signed. */
function nordicRound() {
  return eventsOf(
    [
      command('InviteToAccede', '2022-06-29', 'NAC', { invitees: ['FIN', 'SWE'], occasion: 'Madrid Summit' }),
      command('SignAccessionProtocol', '2022-07-05', 'NAC', { protocol: 'FIN-2022', invitees: ['FIN'] }),
      command('SignAccessionProtocol', '2022-07-05', 'NAC', { protocol: 'SWE-2022', invitees: ['SWE'] }),
    ],
    thirtyEvents(),
  );
}

describe('Art. 10 — invitation', () => {
  test('the Council invites a European state that is not an Ally', () => {
    given(foundingEvents())
      .when(command('InviteToAccede', '1951-09-20', 'NAC', { invitees: ['GRC', 'TUR'], occasion: 'Ottawa' }))
      .then([{ type: 'AccessionInvited', at: '1951-09-20', by: 'NAC', data: { invitees: ['GRC', 'TUR'], occasion: 'Ottawa' } }]);
  });

  test('only a European state may be invited', () => {
    given(foundingEvents())
      .when(command('InviteToAccede', '1990-01-01', 'NAC', { invitees: ['GEO', 'JPN'] }))
      .thenRejects('accession.not_european', { states: ['JPN'] });
  });

  test('an Ally cannot be invited', () => {
    given(foundingEvents()).when(command('InviteToAccede', '1950-01-01', 'NAC', { invitees: ['BEL'] })).thenRejects('accession.already_ally');
  });

  test('only the Council invites', () => {
    given(foundingEvents()).when(command('InviteToAccede', '1950-01-01', 'USA', { invitees: ['GRC'] })).thenRejects('actor.not_allowed');
  });

  test('a state applies for itself', () => {
    given(foundingEvents()).when(command('ApplyForMembership', '2022-05-18', 'FIN', { state: 'FIN' })).thenAccepts();
    given(foundingEvents()).when(command('ApplyForMembership', '2022-05-18', 'SWE', { state: 'FIN' })).thenRejects('actor.mismatch');
  });
});

describe('Art. 10 — accession protocol', () => {
  test('signature fixes the required ratifiers as the Allies at signature', () => {
    given(foundingEvents())
      .when(signGrcTur)
      .then([
        {
          type: 'AccessionProtocolSigned',
          at: '1951-10-22',
          by: 'NAC',
          data: { protocol: GRC_TUR, invitees: ['GRC', 'TUR'], requiredRatifiers: [...FOUNDERS].sort() },
        },
      ]);
  });

  test('a protocol may be signed without a recorded invitation', () => {
    given(foundingEvents()).when(signGrcTur).thenAccepts();
  });

  test('a recorded invitation must precede the signature', () => {
    const events = eventsOf([command('InviteToAccede', '1951-11-01', 'NAC', { invitees: ['GRC'] })], foundingEvents());
    given(events).when(signGrcTur).thenRejects('accession.invitation_after_signature', { state: 'GRC', invitedAt: '1951-11-01' });
  });

  test('a protocol id is used once', () => {
    given(eventsOf([signGrcTur], foundingEvents())).when(signGrcTur).thenRejects('accession.protocol_exists');
  });

  test('an invitee with an accession still pending cannot be named in another protocol', () => {
    given(eventsOf([signGrcTur], foundingEvents()))
      .when(command('SignAccessionProtocol', '1951-11-01', 'NAC', { protocol: 'GRC-bis', invitees: ['GRC'] }))
      .thenRejects('accession.protocol_pending', { state: 'GRC', protocol: GRC_TUR });
  });

  test('the invitee must be European and not an Ally', () => {
    given(foundingEvents())
      .when(command('SignAccessionProtocol', '1990-01-01', 'NAC', { protocol: 'X', invitees: ['AUS'] }))
      .thenRejects('accession.not_european');
  });
});

describe('Art. 10 — ratification', () => {
  const signedEvents = () => eventsOf([signGrcTur], foundingEvents());

  test('a required ratifier records its stages in order, skipping some', () => {
    const events = eventsOf(
      [command('RecordRatificationStage', '1951-12-01', 'BEL', { protocol: GRC_TUR, ally: 'BEL', stage: 'parliament_approved', vote: { for: 150, against: 2, abstain: 1 } })],
      signedEvents(),
    );
    given(events)
      .when(deposit('BEL'))
      .then([{ type: 'RatificationStageRecorded', at: '1952-01-15', by: 'BEL', data: { protocol: GRC_TUR, ally: 'BEL', stage: 'instrument_deposited', required: true } }]);
  });

  test('a stage is never repeated', () => {
    given(eventsOf([deposit('BEL')], signedEvents())).when(deposit('BEL', '1952-01-20')).thenRejects('accession.stage_out_of_order');
  });

  test('stages never go backwards', () => {
    given(eventsOf([deposit('BEL')], signedEvents()))
      .when(command('RecordRatificationStage', '1952-01-20', 'BEL', { protocol: GRC_TUR, ally: 'BEL', stage: 'parliament_approved' }))
      .thenRejects('accession.stage_out_of_order', { last: 'instrument_deposited' });
  });

  test('a later stage cannot be dated before an earlier one', () => {
    const events = eventsOf(
      [command('RecordRatificationStage', '1952-01-10', 'BEL', { protocol: GRC_TUR, ally: 'BEL', stage: 'parliament_approved' })],
      signedEvents(),
    );
    given(events).when(deposit('BEL', '1952-01-05')).thenRejects('accession.stage_before_previous');
  });

  test('a stage known only by a bound does not date the next one; the bound is kept on the stage', () => {
    const events = eventsOf(
      [command('RecordRatificationStage', '1952-01-10', 'BEL', { protocol: GRC_TUR, ally: 'BEL', stage: 'parliament_approved', dateIs: 'on_or_before' })],
      signedEvents(),
    );
    given(events).when(deposit('BEL', '1952-01-05')).then([
      { type: 'RatificationStageRecorded', at: '1952-01-05', by: 'BEL', data: { protocol: GRC_TUR, ally: 'BEL', stage: 'instrument_deposited', required: true } },
    ]);
  });

  test('no ratification before the signature of the protocol', () => {
    given(signedEvents()).when(deposit('BEL', '1951-10-01')).thenRejects('accession.ratification_before_signature');
  });

  test('an Ally ratifies only for itself', () => {
    given(signedEvents())
      .when(command('RecordRatificationStage', '1952-01-15', 'USA', { protocol: GRC_TUR, ally: 'BEL', stage: 'instrument_deposited' }))
      .thenRejects('actor.mismatch');
  });

  test('a state that is not an Ally cannot ratify', () => {
    given(signedEvents())
      .when(command('RecordRatificationStage', '1952-01-15', 'GRC', { protocol: GRC_TUR, ally: 'GRC', stage: 'instrument_deposited' }))
      .thenRejects('actor.not_ally');
  });

  test('ratifying an unknown protocol is refused', () => {
    given(foundingEvents()).when(deposit('BEL')).thenRejects('accession.protocol_unknown');
  });

  test('an Ally that joined after signature may ratify, recorded as not required', () => {
    const events = eventsOf(
      [
        ...allDeposit('FIN-2022', alliesAt(replay(nordicRound()), '2022-07-05'), '2023-03-30'),
        command('ProtocolEntersIntoForce', '2023-04-04', 'DEPOSITARY', { protocol: 'FIN-2022' }),
        command('DepositAccessionInstrument', '2023-04-04', 'FIN', { state: 'FIN', protocol: 'FIN-2022' }),
      ],
      nordicRound(),
    );
    given(events)
      .when(command('RecordRatificationStage', '2023-06-01', 'FIN', { protocol: 'SWE-2022', ally: 'FIN', stage: 'instrument_deposited' }))
      .then([{ type: 'RatificationStageRecorded', at: '2023-06-01', by: 'FIN', data: { protocol: 'SWE-2022', ally: 'FIN', stage: 'instrument_deposited', required: false } }]);
  });
});

describe('Art. 10 — entry into force and accession', () => {
  test('a protocol enters into force only when every required ratifier has deposited', () => {
    const allies = alliesAt(replay(nordicRound()), '2022-07-05');
    const events = eventsOf(allDeposit('SWE-2022', allies.filter((a) => a !== 'HUN' && a !== 'TUR'), '2023-01-01'), nordicRound());
    const violations = given(events)
      .when(command('ProtocolEntersIntoForce', '2023-06-01', 'DEPOSITARY', { protocol: 'SWE-2022' }))
      .thenRejects('accession.not_ratified', { invitees: ['SWE'], missing: ['HUN', 'TUR'] });
    assert.equal(formatViolation(violations[0]!), 'Art. 10: protocol for SWE not ratified by HUN, TUR');
    assert.equal(formatViolation(violations[0]!, 'fr'), 'Art. 10\u00a0: protocole pour SWE non ratifié par HUN, TUR');
  });

  test('a parliament’s approval alone is not a ratification', () => {
    const events = eventsOf(
      [
        ...allDeposit(GRC_TUR, FOUNDERS.filter((a) => a !== 'USA'), '1952-01-15'),
        command('RecordRatificationStage', '1952-01-20', 'USA', { protocol: GRC_TUR, ally: 'USA', stage: 'instrument_signed' }),
      ],
      eventsOf([signGrcTur], foundingEvents()),
    );
    given(events)
      .when(command('ProtocolEntersIntoForce', '1952-02-15', 'DEPOSITARY', { protocol: GRC_TUR }))
      .thenRejects('accession.not_ratified', { missing: ['USA'] });
  });

  const ratifiedGrcTur = () => eventsOf([signGrcTur, ...allDeposit(GRC_TUR, FOUNDERS, '1952-01-15')], foundingEvents());

  test('with every deposit, the protocol enters into force', () => {
    given(ratifiedGrcTur())
      .when(command('ProtocolEntersIntoForce', '1952-02-15', 'DEPOSITARY', { protocol: GRC_TUR }))
      .then([{ type: 'ProtocolEnteredIntoForce', at: '1952-02-15', by: 'DEPOSITARY', data: { protocol: GRC_TUR } }]);
  });

  test('entry into force cannot precede the last deposit', () => {
    given(ratifiedGrcTur())
      .when(command('ProtocolEntersIntoForce', '1952-01-01', 'DEPOSITARY', { protocol: GRC_TUR }))
      .thenRejects('accession.before_last_ratification');
  });

  test('no ratification after entry into force', () => {
    const events = eventsOf([command('ProtocolEntersIntoForce', '1952-02-15', 'DEPOSITARY', { protocol: GRC_TUR })], ratifiedGrcTur());
    given(events).when(deposit('BEL', '1952-03-01')).thenRejects('accession.protocol_in_force');
  });

  test('the invitee cannot deposit before the protocol is in force', () => {
    given(ratifiedGrcTur())
      .when(command('DepositAccessionInstrument', '1952-02-18', 'GRC', { state: 'GRC', protocol: GRC_TUR }))
      .thenRejects('accession.protocol_not_in_force');
  });

  const inForce = () => eventsOf([command('ProtocolEntersIntoForce', '1952-02-15', 'DEPOSITARY', { protocol: GRC_TUR })], ratifiedGrcTur());

  test('the invitee that deposits its instrument is an Ally from that date', () => {
    const events = eventsOf([command('DepositAccessionInstrument', '1952-02-18', 'GRC', { state: 'GRC', protocol: GRC_TUR })], inForce());
    const state = replay(events);
    assert.ok(alliesAt(state, '1952-02-18').includes('GRC'));
    assert.ok(!alliesAt(state, '1952-02-17').includes('GRC'));
    assert.ok(!alliesAt(state, '1952-02-18').includes('TUR'), 'Türkiye has not deposited yet');
  });

  test('only an invitee of the protocol deposits under it', () => {
    given(inForce())
      .when(command('DepositAccessionInstrument', '1952-02-18', 'DEU', { state: 'DEU', protocol: GRC_TUR }))
      .thenRejects('accession.not_invited', { state: 'DEU', protocol: GRC_TUR });
  });

  test('the invitee deposits for itself', () => {
    given(inForce())
      .when(command('DepositAccessionInstrument', '1952-02-18', 'USA', { state: 'GRC', protocol: GRC_TUR }))
      .thenRejects('actor.mismatch');
  });

  test('an instrument of accession is deposited once', () => {
    const events = eventsOf([command('DepositAccessionInstrument', '1952-02-18', 'GRC', { state: 'GRC', protocol: GRC_TUR })], inForce());
    given(events)
      .when(command('DepositAccessionInstrument', '1952-02-19', 'GRC', { state: 'GRC', protocol: GRC_TUR }))
      .thenRejects('accession.already_deposited');
  });

  test('required ratifiers stay those of the signature when Allies join later', () => {
    const state = replay(nordicRound());
    const allies = alliesAt(state, '2022-07-05');
    assert.equal(allies.length, 30);
    const events = eventsOf(
      [
        ...allDeposit('FIN-2022', allies, '2023-03-30'),
        command('ProtocolEntersIntoForce', '2023-04-04', 'DEPOSITARY', { protocol: 'FIN-2022' }),
        command('DepositAccessionInstrument', '2023-04-04', 'FIN', { state: 'FIN', protocol: 'FIN-2022' }),
      ],
      nordicRound(),
    );
    const after = replay(events);
    assert.equal(alliesAt(after, '2023-04-04').length, 31);
    assert.deepEqual(after.membership.protocols['SWE-2022']?.requiredRatifiers, allies);
  });

  test('accession status tells who has deposited, who not, and the days elapsed', () => {
    const allies = alliesAt(replay(nordicRound()), '2022-07-05');
    const events = eventsOf(allDeposit('SWE-2022', allies.filter((a) => a !== 'HUN' && a !== 'TUR'), '2023-01-01'), nordicRound());
    const status = accessionStatus(replay(events), 'SWE', '2023-07-05');
    assert.equal(status?.protocol, 'SWE-2022');
    assert.deepEqual(status?.notDeposited, ['HUN', 'TUR']);
    assert.equal(status?.deposited.length, 28);
    assert.equal(status?.daysElapsed, 365);
    assert.equal(accessionStatus(replay(events), 'SWE', '2022-12-31')?.deposited.length, 0);
    assert.equal(accessionStatus(replay(events), 'SWE-2022', '2022-07-04'), undefined);
  });

  test('nobody is an Ally without a deposit or the founding entry into force', () => {
    const state = worldDecider.initialState();
    assert.deepEqual(alliesAt(state, '2024-01-01'), []);
  });
});
