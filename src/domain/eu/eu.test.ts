import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { thirtyEvents } from '../testing/fixtures.js';
import { project, replay } from '../world.js';
import { euMembersAt, sharedMembershipAt } from './queries.js';

const join = (state: string, at: string, by = state) => command('JoinEuropeanUnion', at, by, { state });
const notify = (state: string, at: string) => command('NotifyEuWithdrawal', at, state, { state });
const leave = (state: string, at: string) => command('LeaveEuropeanUnion', at, state, { state });
const declaration = (id: string, at: string) =>
  command('SignNatoEuDeclaration', at, 'SG', { declaration: id, title: 'Joint Declaration', areas: ['hybrid_threats', 'cyber_defence'] });

const members = () => eventsOf([join('FRA', '1958-01-01'), join('GBR', '1973-01-01'), join('AUT', '1995-01-01')], thirtyEvents());

describe('NATO-EU: EU membership over time', () => {
  test('a state joins the EU for itself; shared members are computed at any date', () => {
    const world = replay(members());
    assert.deepEqual(euMembersAt(world.eu, '1990-01-01'), ['FRA', 'GBR']);
    const shared = sharedMembershipAt(world.membership, world.eu, '2000-01-01');
    assert.deepEqual(shared.both, ['FRA', 'GBR']);
    assert.deepEqual(shared.euOnly, ['AUT']);
    assert.ok(shared.natoOnly.includes('USA'));
    given(thirtyEvents()).when(join('GBR', '1973-01-01', 'FRA')).thenRejects('actor.mismatch');
  });

  test('a member does not join again while a member', () => {
    given(members()).when(join('GBR', '1990-01-01')).thenRejects('eu.already_member');
  });

  test('Art. 50 TEU: a member leaves only after notifying its intention to withdraw', () => {
    given(members()).when(leave('GBR', '2020-01-31T23:00:00Z')).thenRejects('eu.not_notified');
    const notified = eventsOf([notify('GBR', '2017-03-29')], members());
    given(notified).when(notify('GBR', '2018-01-01')).thenRejects('eu.already_notified');
    given(notified).when(leave('GBR', '2020-01-31T23:00:00Z')).thenAccepts();
  });

  test('only a member notifies or leaves', () => {
    given(members()).when(notify('NOR', '2017-03-29')).thenRejects('eu.not_member');
    given(members()).when(leave('NOR', '2017-03-29')).thenRejects('eu.not_member');
  });

  test('after leaving, a state is an Ally only, and the index ends its membership', () => {
    const before = eventsOf([notify('GBR', '2017-03-29')], members());
    const events = eventsOf([leave('GBR', '2020-01-31T23:00:00Z')], before);
    const world = replay(events);
    assert.ok(sharedMembershipAt(world.membership, world.eu, '2019-06-01').both.includes('GBR'));
    assert.ok(sharedMembershipAt(world.membership, world.eu, '2021-01-01').natoOnly.includes('GBR'));
    const [fact] = project(replay(before), events.at(-1)!);
    assert.ok(fact?.op === 'assert' && fact.validTo === '2020-01-31T23:00:00Z');
  });
});

describe('NATO-EU: joint declarations', () => {
  test('a joint declaration is signed once, with the areas of cooperation it names', () => {
    given(thirtyEvents()).when(declaration('WARSAW-2016', '2016-07-08')).thenAccepts();
    given(eventsOf([declaration('WARSAW-2016', '2016-07-08')], thirtyEvents())).when(declaration('WARSAW-2016', '2016-07-09')).thenRejects('eu.declaration_exists');
  });
});
