import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents } from '../testing/fixtures.js';
import { project, replay, secretaryGeneralAt, strategicConceptAt } from '../world.js';

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
