import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents } from '../testing/fixtures.js';
import { project, replay, secretaryGeneralAt, strategicConceptAt } from '../world.js';
import type { Office, PolicyKind, SeatBody } from './types.js';

const concept = (id: string, at: string) => command('AdoptStrategicConcept', at, 'NAC', { concept: id, title: `Strategic Concept ${id}`, place: 'Madrid' });
const appoint = (name: string, nationality: string, ordinal: number, at: string) =>
  command('AppointSecretaryGeneral', at, 'NAC', { name, nationality, ordinal });

describe('Strategic Concepts', () => {
  test('the Council adopts a Strategic Concept, which supersedes the previous one', () => {
    const events = eventsOf([concept('SC-2010', '2010-11-19'), concept('SC-2022', '2022-06-29')], foundingEvents());
    const state = replay(events);
    assert.equal(strategicConceptAt(state, '2015-01-01')?.concept, 'SC-2010');
    assert.equal(strategicConceptAt(state, '2022-06-29')?.concept, 'SC-2022');
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(
      facts.map((f) => (f.op === 'assert' ? [f.key, f.validFrom, f.validTo] : [])),
      [
        ['SC-2010', '2010-11-19', '2022-06-29'],
        ['SC-2022', '2022-06-29', undefined],
      ],
    );
  });

  test('a concept id is used once, and concepts come in time order', () => {
    const events = eventsOf([concept('SC-2010', '2010-11-19')], foundingEvents());
    given(events).when(concept('SC-2010', '2011-01-01')).thenRejects('strategy.concept_exists');
    given(events).when(concept('SC-1999', '1999-04-24')).thenRejects('strategy.concept_out_of_order');
  });
});

describe('Secretaries General', () => {
  test('a national of an Ally is appointed, succeeding the previous one', () => {
    const events = eventsOf([appoint('Lord Ismay', 'GBR', 1, '1952-03-24'), appoint('Paul-Henri Spaak', 'BEL', 2, '1957-05-16')], foundingEvents());
    assert.equal(secretaryGeneralAt(replay(events), '1955-01-01')?.name, 'Lord Ismay');
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => (f.op === 'assert' ? [f.key, f.validTo] : [])), [['1', '1957-05-16'], ['2', undefined]]);
  });

  test('the Secretary General is a national of an Ally at appointment', () => {
    given(foundingEvents()).when(appoint('Someone', 'SWE', 1, '1952-03-24')).thenRejects('strategy.sg_nationality_not_ally');
  });

  test('ordinals and dates follow each other', () => {
    const events = eventsOf([appoint('Lord Ismay', 'GBR', 1, '1952-03-24')], foundingEvents());
    given(events).when(appoint('X', 'BEL', 1, '1957-05-16')).thenRejects('strategy.sg_out_of_order');
    given(events).when(appoint('X', 'BEL', 2, '1950-01-01')).thenRejects('strategy.sg_out_of_order');
  });
});

describe('Summits', () => {
  const summit = (endDate?: string) =>
    command('HoldSummit', '2023-07-11', 'NAC', { summit: 'VILNIUS-2023', place: 'Vilnius', ...(endDate ? { endDate } : {}) });

  test('a summit is recorded with its dates; its fact runs to the day after it ends', () => {
    const events = eventsOf([summit('2023-07-12')], foundingEvents());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.equal(facts[0]?.op === 'assert' ? facts[0].validTo : undefined, '2023-07-13');
  });

  test('a summit ends no earlier than it opens, and is recorded once', () => {
    given(foundingEvents()).when(summit('2023-07-10')).thenRejects('strategy.summit_end_before_start');
    given(eventsOf([summit()], foundingEvents())).when(summit()).thenRejects('strategy.summit_exists');
  });
});

describe('Other offices (Deputy, acting Secretary General, strategic commanders)', () => {
  const hold = (office: Office, name: string, nationality: string, at: string, until?: string) =>
    command('AppointOfficeHolder', at, 'NAC', { office, name, nationality, ...(until ? { until } : {}) });
  const keysOf = (facts: ReturnType<typeof project>) => facts.map((f) => (f.op === 'assert' ? [f.key, f.validFrom, f.validTo] : []));

  test('each holder holds the office until the next takes it; offices are counted apart', () => {
    const events = eventsOf([
      hold('saceur', 'Dwight D. Eisenhower', 'USA', '1951-04-02'),
      hold('deputy_secretary_general', 'Jonkheer van Vredenburch', 'NLD', '1952-05-01'),
      hold('saceur', 'Matthew B. Ridgway', 'USA', '1952-05-30'),
    ], foundingEvents());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(keysOf(facts), [['saceur/1', '1951-04-02', '1952-05-30'], ['saceur/2', '1952-05-30', undefined]]);
    const state = replay(events);
    assert.deepEqual(state.strategy.offices.deputy_secretary_general?.map((h) => [h.n, h.name]), [[1, 'Jonkheer van Vredenburch']]);
  });

  test('an acting holder leaves on the recorded day (the fact ends the day after), or earlier if a successor comes', () => {
    const events = eventsOf([hold('acting_secretary_general', 'Sergio Balanzino', 'ITA', '1994-08-13', '1994-10-16')], foundingEvents());
    assert.deepEqual(keysOf(project(replay(events.slice(0, -1)), events.at(-1)!)), [['acting_secretary_general/1', '1994-08-13', '1994-10-17']]);
    const next = eventsOf([hold('acting_secretary_general', 'Sergio Balanzino', 'ITA', '1995-10-20')], events);
    assert.deepEqual(keysOf(project(replay(next.slice(0, -1)), next.at(-1)!))[0], ['acting_secretary_general/1', '1994-08-13', '1994-10-17']);
  });

  test('holders are nationals of an Ally, take office in time order, and leave no earlier than they came', () => {
    const events = eventsOf([hold('sact', 'Stéphane Abrial', 'FRA', '2009-09-09')], foundingEvents());
    given(foundingEvents()).when(hold('saceur', 'Someone', 'SWE', '1951-04-02')).thenRejects('strategy.office_nationality_not_ally');
    given(events).when(hold('sact', 'Someone', 'USA', '2009-09-09')).thenRejects('strategy.office_out_of_order');
    given(events).when(hold('sact', 'Someone', 'USA', '2008-01-01')).thenRejects('strategy.office_out_of_order');
    given(foundingEvents()).when(hold('sact', 'Someone', 'USA', '2009-09-09', '2009-09-08')).thenRejects('strategy.office_until_before_start');
  });

  test('a term known only from the days a source shows the holder in post carries both bounds into its fact', () => {
    const bounded = command('AppointOfficeHolder', '2014-12-31', 'NAC', {
      office: 'wps_special_representative', name: 'Marriët Schuurman', nationality: 'NLD', until: '2017-03-29', dateIs: 'on_or_before', untilIs: 'on_or_after',
    } as never);
    const events = eventsOf([bounded], foundingEvents());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    const fact = facts[0];
    assert.ok(fact && fact.op === 'assert');
    assert.deepEqual([fact.validFrom, fact.validTo], ['2014-12-31', '2017-03-30']);
    const data = fact.data as { dateIs?: string; untilIs?: string };
    assert.deepEqual([data.dateIs, data.untilIs], ['on_or_before', 'on_or_after']);
    // Exact days carry no precision at all; a precision for a last day needs the day.
    const exact = eventsOf([command('AppointOfficeHolder', '2009-09-09', 'NAC', { office: 'sact', name: 'Stéphane Abrial', nationality: 'FRA', dateIs: 'exact' } as never)], foundingEvents());
    assert.deepEqual(Object.keys(exact.at(-1)!.data as object).sort(), ['name', 'nationality', 'office']);
    const noUntil = command('AppointOfficeHolder', '2009-09-09', 'NAC', { office: 'sact', name: 'Stéphane Abrial', nationality: 'FRA', untilIs: 'on_or_after' } as never);
    given(foundingEvents()).when(noUntil).thenRejects('strategy.office_until_precision_without_until');
  });
});

describe('Seats of NATO Headquarters and SHAPE', () => {
  const move = (body: SeatBody, place: string, at: string, site?: string) => command('MoveSeat', at, 'NAC', { body, place, ...(site ? { site } : {}) });

  test('a body sits in one place until it moves; each body is followed apart', () => {
    const events = eventsOf([
      move('shape', 'Rocquencourt', '1951-04-02'),
      move('nato_headquarters', 'Paris', '1952-04-16', 'Palais de Chaillot'),
      move('shape', 'Casteau', '1967-03-31'),
    ], foundingEvents());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => (f.op === 'assert' ? [f.key, f.validFrom, f.validTo] : [])), [['shape/1', '1951-04-02', '1967-03-31'], ['shape/2', '1967-03-31', undefined]]);
  });

  test('moves come in time order, and a move changes the place', () => {
    const events = eventsOf([move('nato_headquarters', 'Paris', '1952-04-16', 'Palais de Chaillot')], foundingEvents());
    given(events).when(move('nato_headquarters', 'Brussels', '1952-04-16')).thenRejects('strategy.seat_out_of_order');
    given(events).when(move('nato_headquarters', 'Paris', '1955-01-01', 'Palais de Chaillot')).thenRejects('strategy.seat_unchanged');
    given(events).when(move('nato_headquarters', 'Paris', '1959-12-14', 'Porte Dauphine')).thenAccepts();
  });
});

describe('Policies (Women, Peace and Security; human security)', () => {
  const adopt = (policy: string, kind: PolicyKind, at: string) =>
    command('AdoptPolicy', at, 'NAC', { policy, kind, title: { en: `Policy ${policy}`, fr: `Politique ${policy}` } });

  test('a policy is recorded from its adoption, and a later one does not end it', () => {
    const events = eventsOf([adopt('WPS-2018', 'wps_policy', '2018-07-12'), adopt('WPS-2024', 'wps_policy', '2024-07-10')], foundingEvents());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => (f.op === 'assert' ? [f.kind, f.key, f.validFrom, f.validTo] : [])), [['policy', 'WPS-2024', '2024-07-10', undefined]]);
    assert.deepEqual(Object.keys(replay(events).strategy.policies).sort(), ['WPS-2018', 'WPS-2024']);
  });

  test('a policy is recorded once, and by the Council', () => {
    given(eventsOf([adopt('HSA-2022', 'human_security_approach', '2022-10-14')], foundingEvents()))
      .when(adopt('HSA-2022', 'human_security_approach', '2023-01-01'))
      .thenRejects('strategy.policy_exists', { adoptedAt: '2022-10-14' });
    given(foundingEvents())
      .when(command('AdoptPolicy', '2024-07-10', 'USA', { policy: 'X', kind: 'wps_policy', title: { en: 'X' } }))
      .thenRejects('actor.not_allowed');
  });
});
