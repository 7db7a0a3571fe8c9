import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents } from '../testing/fixtures.js';
import { alliesAt, project, replay } from '../world.js';

const notice = (at: string, by = 'ISL', ally = 'ISL') => command('NotifyDenunciation', at, by, { ally });

describe('Art. 13 — denunciation', () => {
  test('an Ally gives notice and ceases to be a Party one year later', () => {
    given(foundingEvents())
      .when(notice('1975-03-01'))
      .then([{ type: 'DenunciationNotified', at: '1975-03-01', by: 'ISL', data: { ally: 'ISL', effectiveAt: '1976-03-01' } }]);
    const state = replay(eventsOf([notice('1975-03-01')], foundingEvents()));
    assert.ok(alliesAt(state, '1976-02-29').includes('ISL'));
    assert.ok(!alliesAt(state, '1976-03-01').includes('ISL'));
  });

  test('notice is possible only after twenty years in force', () => {
    given(foundingEvents()).when(notice('1969-08-23')).thenRejects('withdrawal.too_early', { from: '1969-08-24' });
    given(foundingEvents()).when(notice('1969-08-24')).thenAccepts();
  });

  test('notice is given once', () => {
    given(eventsOf([notice('1975-03-01')], foundingEvents())).when(notice('1975-06-01')).thenRejects('withdrawal.already_notified');
  });

  test('an Ally gives notice only for itself', () => {
    given(foundingEvents()).when(notice('1975-03-01', 'NOR', 'ISL')).thenRejects('actor.mismatch');
  });

  test('a state that is not an Ally cannot denounce', () => {
    given(foundingEvents()).when(notice('1975-03-01', 'SWE', 'SWE')).thenRejects('actor.not_ally');
  });

  test('the membership fact ends one year after notice', () => {
    const before = replay(foundingEvents());
    const decided = eventsOf([notice('1975-03-01')], foundingEvents()).at(-1)!;
    assert.deepEqual(project(before, decided), [
      { op: 'assert', kind: 'membership', key: 'ISL', validFrom: '1949-08-24', validTo: '1976-03-01', data: { state: 'ISL', via: 'founding', denouncedAt: '1975-03-01' } },
    ]);
  });
});
