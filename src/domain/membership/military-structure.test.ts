import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents } from '../testing/fixtures.js';
import { outOfMilitaryStructureAt, project, replay } from '../world.js';

const leave = (at: string, ally = 'FRA') => command('LeaveIntegratedMilitaryStructure', at, ally, { ally });
const rejoin = (at: string, ally = 'FRA') => command('RejoinIntegratedMilitaryStructure', at, ally, { ally });

describe('Integrated military structure — separate from membership', () => {
  test('an Ally in the structure may leave it', () => {
    given(foundingEvents()).when(leave('1966-07-01')).then([{ type: 'MilitaryStructureLeft', at: '1966-07-01', by: 'FRA', data: { ally: 'FRA' } }]);
  });

  test('an Ally already out cannot leave again', () => {
    given(eventsOf([leave('1966-07-01')], foundingEvents())).when(leave('1970-01-01')).thenRejects('military_structure.already_out');
  });

  test('only an Ally out of the structure may rejoin', () => {
    given(foundingEvents()).when(rejoin('2009-04-04')).thenRejects('military_structure.not_out');
  });

  test('a state that is not an Ally cannot leave the structure', () => {
    given(foundingEvents()).when(leave('1966-07-01', 'ESP')).thenRejects('actor.not_ally');
  });

  test('leaving the structure does not end membership; rejoining ends the interval out', () => {
    const events = eventsOf([leave('1966-07-01'), rejoin('2009-04-04')], foundingEvents());
    const state = replay(events);
    assert.deepEqual(outOfMilitaryStructureAt(state, '1980-01-01'), ['FRA']);
    assert.deepEqual(outOfMilitaryStructureAt(state, '2009-04-04'), []);
    const before = replay(events.slice(0, -1));
    assert.deepEqual(project(before, events.at(-1)!), [
      { op: 'assert', kind: 'military-structure', key: 'FRA', validFrom: '1966-07-01', validTo: '2009-04-04', data: { ally: 'FRA', out: true } },
    ]);
  });

  test('a second interval out gets its own key', () => {
    const events = eventsOf([leave('1966-07-01'), rejoin('2009-04-04'), leave('2030-01-01')], foundingEvents());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.equal(facts[0]?.key, 'FRA/2');
  });
});
