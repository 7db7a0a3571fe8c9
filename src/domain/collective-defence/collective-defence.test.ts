import { describe, test } from 'node:test';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents } from '../testing/fixtures.js';

const determine = (victims: string[], at = '2001-10-02', attackDate = '2001-09-11') =>
  command('DetermineArmedAttack', at, 'NAC', { determination: 'ART5-2001', victims, attackDate, description: 'Attacks of 11 September 2001' });
const measure = (by: string, at = '2001-10-04') => command('ReportArticle5Measure', at, by, { determination: 'ART5-2001', measure: 'Operation Eagle Assist' });

describe('Art. 5 — an armed attack against one is an attack against all', () => {
  test('the Council determines an armed attack against an Ally', () => {
    given(foundingEvents())
      .when(determine(['USA']))
      .then([
        {
          type: 'ArmedAttackDetermined',
          at: '2001-10-02',
          by: 'NAC',
          data: { determination: 'ART5-2001', victims: ['USA'], attackDate: '2001-09-11', description: 'Attacks of 11 September 2001' },
        },
      ]);
  });

  test('only an attack on an Ally engages Art. 5', () => {
    given(foundingEvents()).when(determine(['UKR'])).thenRejects('article5.victim_not_ally', { states: ['UKR'] });
  });

  test('only the Council determines', () => {
    given(foundingEvents())
      .when(command('DetermineArmedAttack', '2001-10-02', 'USA', { determination: 'X', victims: ['USA'], attackDate: '2001-09-11', description: 'x' }))
      .thenRejects('actor.not_allowed');
  });

  test('the attack precedes its determination', () => {
    given(foundingEvents()).when(determine(['USA'], '2001-10-02', '2001-10-03')).thenRejects('article5.attack_after_determination');
  });

  test('a determination id is used once', () => {
    given(eventsOf([determine(['USA'])], foundingEvents())).when(determine(['USA'], '2001-10-05')).thenRejects('article5.exists');
  });

  test('measures are reported only under a determination, by an Ally or the Council', () => {
    given(foundingEvents()).when(measure('NAC')).thenRejects('article5.no_determination');
    given(eventsOf([determine(['USA'])], foundingEvents())).when(measure('NAC')).thenAccepts();
    given(eventsOf([determine(['USA'])], foundingEvents())).when(measure('GBR')).thenAccepts();
    given(eventsOf([determine(['USA'])], foundingEvents())).when(measure('NAC', '2001-10-01')).thenRejects('article5.before_determination');
    given(eventsOf([determine(['USA'])], foundingEvents())).when(measure('AUS')).thenRejects('actor.not_ally');
  });

  describe('a conditional invocation, made operative by the determination', () => {
    const invoke = (victims: string[], at = '2001-09-12', attackDate = '2001-09-11') =>
      command('InvokeArticle5Conditionally', at, 'NAC', { determination: 'ART5-2001', victims, attackDate, condition: 'If the attack was directed from abroad' });

    test('the Council invokes Article 5 on a condition', () => {
      given(foundingEvents())
        .when(invoke(['USA']))
        .then([
          {
            type: 'Article5InvokedConditionally',
            at: '2001-09-12',
            by: 'NAC',
            data: { determination: 'ART5-2001', victims: ['USA'], attackDate: '2001-09-11', condition: 'If the attack was directed from abroad' },
          },
        ]);
    });

    test('the invocation is bound by Art. 5 and 6 as a determination is', () => {
      given(foundingEvents()).when(invoke(['UKR'])).thenRejects('article5.victim_not_ally', { states: ['UKR'] });
      given(foundingEvents()).when(invoke(['USA'], '2001-09-12', '2001-09-13')).thenRejects('article5.attack_after_determination');
      given(foundingEvents())
        .when(command('InvokeArticle5Conditionally', '2001-09-12', 'USA', { determination: 'X', victims: ['USA'], attackDate: '2001-09-11', condition: 'x' }))
        .thenRejects('actor.not_allowed');
    });

    test('an id is invoked once, and not after its determination', () => {
      given(eventsOf([invoke(['USA'])], foundingEvents())).when(invoke(['USA'], '2001-09-13')).thenRejects('article5.exists');
      given(eventsOf([determine(['USA'])], foundingEvents())).when(invoke(['USA'], '2001-10-03')).thenRejects('article5.exists');
    });

    test('the determination of the same id follows it and names the same Allies', () => {
      given(eventsOf([invoke(['USA'])], foundingEvents())).when(determine(['USA'])).thenAccepts();
      given(eventsOf([invoke(['USA'])], foundingEvents())).when(determine(['USA', 'CAN'])).thenRejects('article5.victims_differ', { invoked: ['USA'] });
      given(eventsOf([invoke(['USA'], '2001-09-20')], foundingEvents()))
        .when(determine(['USA'], '2001-09-15'))
        .thenRejects('article5.before_invocation', { invokedAt: '2001-09-20' });
    });

    test('no measure is reported under a conditional invocation alone', () => {
      given(eventsOf([invoke(['USA'])], foundingEvents())).when(measure('NAC')).thenRejects('article5.no_determination');
      given(eventsOf([invoke(['USA']), determine(['USA'])], foundingEvents())).when(measure('NAC')).thenAccepts();
    });
  });
});
