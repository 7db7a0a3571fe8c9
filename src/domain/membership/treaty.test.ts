import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { FOUNDERS, founding, foundingEvents } from '../testing/fixtures.js';
import { alliesAt, replay } from '../world.js';

const signed = () => eventsOf(founding.slice(0, 1));

describe('Art. 11 — signature and entry into force of the Treaty', () => {
  test('the Parties sign the Treaty once', () => {
    given([])
      .when(command('SignTreaty', '1949-04-04', 'PARTIES', { signatories: ['USA', 'BEL'] }))
      .then([{ type: 'TreatySigned', at: '1949-04-04', by: 'PARTIES', data: { signatories: ['BEL', 'USA'] } }]);
  });

  test('a second signature of the Treaty is refused', () => {
    given(signed())
      .when(command('SignTreaty', '1949-04-05', 'PARTIES', { signatories: ['BEL'] }))
      .thenRejects('treaty.already_signed', { signedAt: '1949-04-04' });
  });

  test('only the Parties together sign the Treaty', () => {
    given([]).when(command('SignTreaty', '1949-04-04', 'NAC', { signatories: ['BEL'] })).thenRejects('actor.not_allowed');
  });

  test('entry into force makes the signatories Allies from that date', () => {
    const state = replay(foundingEvents());
    assert.deepEqual(alliesAt(state, '1949-08-24'), [...FOUNDERS].sort());
    assert.deepEqual(alliesAt(state, '1949-08-23'), []);
  });

  test('signature alone makes nobody an Ally', () => {
    assert.deepEqual(alliesAt(replay(signed()), '1949-06-01'), []);
  });

  test('entry into force needs a signed Treaty', () => {
    given([]).when(command('TreatyEntersIntoForce', '1949-08-24', 'DEPOSITARY', { parties: ['BEL'] })).thenRejects('treaty.not_signed');
  });

  test('a party that did not sign cannot be a founding Party', () => {
    given(signed())
      .when(command('TreatyEntersIntoForce', '1949-08-24', 'DEPOSITARY', { parties: ['BEL', 'DEU'] }))
      .thenRejects('treaty.party_not_signatory', { states: ['DEU'] });
  });

  test('entry into force cannot precede signature', () => {
    given(signed()).when(command('TreatyEntersIntoForce', '1949-04-01', 'DEPOSITARY', { parties: ['BEL'] })).thenRejects('treaty.before_signature');
  });

  test('the Treaty enters into force once', () => {
    given(foundingEvents())
      .when(command('TreatyEntersIntoForce', '1950-01-01', 'DEPOSITARY', { parties: ['BEL'] }))
      .thenRejects('treaty.already_in_force');
  });

  test('Art. 9: the Council cannot act before the Treaty is in force', () => {
    given(signed())
      .when(command('InviteToAccede', '1949-05-01', 'NAC', { invitees: ['GRC'] }))
      .thenRejects('treaty.not_in_force');
  });
});
