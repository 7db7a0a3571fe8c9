import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { project, replay } from '../world.js';

const op = command('LaunchOperation', '2011-03-31', 'NAC', {
  operation: 'OUP', name: { en: 'Operation Unified Protector' }, kind: 'operation', coreTask: 'crisis_prevention_and_management',
  area: 'Libya', mandate: ['unscr'], resolutions: ['1970', '1973'],
});
const tag = (at: string, data: Record<string, unknown> = {}) =>
  command('TagHumanSecurity', at, 'SG', { activity: 'operation', id: 'OUP', pillars: ['protection_of_civilians'], ...data } as never);
const launched = () => eventsOf([op], fourteenEvents());

describe('Human security and WPS tags', () => {
  test('an operation is tagged with the pillars it addresses and carries its core task', () => {
    const [event] = given(launched()).when(tag('2011-03-31', { genderAnalysis: true })).thenAccepts();
    assert.deepEqual(event?.data, { activity: 'operation', id: 'OUP', coreTask: 'crisis_prevention_and_management', pillars: ['protection_of_civilians'], genderAnalysis: true });
  });

  test('only an activity that exists on that date is tagged', () => {
    given(fourteenEvents()).when(tag('2011-03-31')).thenRejects('human_security.activity_unknown');
    given(launched()).when(tag('2011-01-01')).thenRejects('human_security.activity_unknown');
    given(launched()).when(command('TagHumanSecurity', '2011-04-01', 'SG', { activity: 'exercise', id: 'OUP', pillars: [] })).thenRejects('human_security.activity_unknown');
  });

  test('a later tag supersedes the earlier one; both stay in the index with their periods', () => {
    const before = eventsOf([tag('2011-03-31')], launched());
    const events = eventsOf([tag('2011-06-01', { pillars: ['protection_of_civilians', 'children_armed_conflict'] })], before);
    const facts = project(replay(before), events.at(-1)!);
    assert.deepEqual(facts.map((f) => [f.key, f.op === 'assert' ? f.validTo : '']), [['operation/OUP', '2011-06-01'], ['operation/OUP/2', undefined]]);
    given(events).when(tag('2011-05-01')).thenRejects('human_security.before_previous');
  });

  test('DCB packages are tagged as cooperative security', () => {
    const pkg = eventsOf([command('LaunchDcbPackage', '2014-09-05', 'NAC', { package: 'JOR', partner: 'JOR', areas: [] })], fourteenEvents());
    const [event] = given(pkg).when(command('TagHumanSecurity', '2015-01-01', 'SG', { activity: 'dcb_package', id: 'JOR', pillars: [] })).thenAccepts();
    assert.equal((event?.data as { coreTask: string }).coreTask, 'cooperative_security');
  });

  test('states do not tag; the Secretary General or the Council does', () => {
    given(launched()).when(command('TagHumanSecurity', '2011-04-01', 'USA', { activity: 'operation', id: 'OUP', pillars: [] })).thenRejects('actor.not_allowed');
  });
});
