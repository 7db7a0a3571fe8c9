import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents, fourteenEvents } from '../testing/fixtures.js';
import { project, replay } from '../world.js';
import { contributorsAt, operationStatusAt } from './queries.js';

const kfor = { name: { en: 'Kosovo Force (KFOR)' }, kind: 'operation', coreTask: 'crisis_prevention_and_management', area: 'Kosovo', mandate: ['unscr'], resolutions: ['1244'] } as const;
const launch = (at: string, data: Record<string, unknown> = {}) =>
  command('LaunchOperation', at, 'NAC', { operation: 'KFOR', ...kfor, ...data } as never);
const end = (at: string, data: Record<string, unknown> = {}) => command('EndOperation', at, 'NAC', { operation: 'KFOR', ...data } as never);
const join = (state: string, at: string, by = state) => command('JoinOperation', at, by, { operation: 'KFOR', contributor: state });
const leave = (state: string, at: string, by = state) => command('LeaveOperation', at, by, { operation: 'KFOR', contributor: state });

const launched = () => eventsOf([launch('1999-06-12', { decidedAt: '1999-06-10' })], fourteenEvents());

describe('Operations: launch by Council decision (case by case, by consensus)', () => {
  test('the Council launches an operation with its UN mandate; it is active from its launch', () => {
    const [event] = given(fourteenEvents()).when(launch('1999-06-12', { decidedAt: '1999-06-10' })).thenAccepts();
    assert.equal(event?.type, 'OperationLaunched');
    const op = replay(launched()).operations.operations['KFOR']!;
    assert.equal(operationStatusAt(op, '1999-06-11'), undefined);
    assert.equal(operationStatusAt(op, '2005-01-01'), 'active');
  });

  test('only the Council launches an operation', () => {
    given(fourteenEvents()).when(command('LaunchOperation', '1999-06-12', 'USA', { operation: 'KFOR', ...kfor } as never)).thenRejects('actor.not_allowed');
  });

  test('an operation id is launched once', () => {
    given(launched()).when(launch('2000-01-01')).thenRejects('operation.exists');
  });

  test('a launch without a plan needs the whole definition', () => {
    given(fourteenEvents()).when(command('LaunchOperation', '1999-06-12', 'NAC', { operation: 'KFOR' })).thenRejects('operation.definition_missing', { field: 'name' });
  });

  test('the Council decision cannot postdate what it decided', () => {
    given(fourteenEvents()).when(launch('1999-06-12', { decidedAt: '1999-06-13' })).thenRejects('operation.decided_after');
  });

  test('a planned operation is launched later, keeping its plan', () => {
    const planned = eventsOf([command('PlanOperation', '1999-06-01', 'NAC', { operation: 'KFOR', ...kfor } as never)], fourteenEvents());
    const events = given(planned).when(command('LaunchOperation', '1999-06-12', 'NAC', { operation: 'KFOR' })).thenAccepts();
    assert.deepEqual((events[0]?.data as { resolutions?: string[] }).resolutions, ['1244']);
    const op = replay(eventsOf([command('LaunchOperation', '1999-06-12', 'NAC', { operation: 'KFOR' })], planned)).operations.operations['KFOR']!;
    assert.equal(operationStatusAt(op, '1999-06-05'), 'planned');
  });

  test('a planned operation is not launched before its plan, nor redefined at launch', () => {
    const planned = eventsOf([command('PlanOperation', '1999-06-01', 'NAC', { operation: 'KFOR', ...kfor } as never)], fourteenEvents());
    given(planned).when(command('LaunchOperation', '1999-05-01', 'NAC', { operation: 'KFOR' })).thenRejects('operation.launch_before_plan');
    given(planned).when(command('LaunchOperation', '1999-06-12', 'NAC', { operation: 'KFOR', area: 'Serbia' })).thenRejects('operation.definition_with_plan');
  });
});

describe('Operations: the mandate says what the operation rests on', () => {
  test('a UN mandate names its resolutions by number', () => {
    given(fourteenEvents()).when(launch('1999-06-12', { resolutions: undefined })).thenRejects('operation.mandate_incomplete', { field: 'resolutions' });
    given(fourteenEvents()).when(launch('1999-06-12', { resolutions: ['S/RES/1244'] })).thenRejects('operation.resolution_invalid');
  });

  test('a host government’s request names the host', () => {
    given(fourteenEvents()).when(launch('2001-08-22', { mandate: ['host_request'], resolutions: undefined })).thenRejects('operation.mandate_incomplete', { field: 'requestedBy' });
    given(fourteenEvents()).when(launch('2001-08-22', { mandate: ['host_request'], resolutions: undefined, requestedBy: ['MKD'] })).thenAccepts();
  });

  test('an organisation’s request names the organisation', () => {
    given(fourteenEvents()).when(launch('2005-07-01', { mandate: ['organisation_request'], resolutions: undefined })).thenRejects('operation.mandate_incomplete', { field: 'requestingOrganisation' });
  });

  test('Art. 5: an operation rests only on a determination already made', () => {
    const a5 = { mandate: ['article5'], resolutions: undefined, determination: 'ART5-2001' };
    given(fourteenEvents()).when(launch('2001-10-26', a5)).thenRejects('operation.determination_unknown');
    const determined = eventsOf(
      [command('DetermineArmedAttack', '2001-10-02', 'NAC', { determination: 'ART5-2001', victims: ['USA'], attackDate: '2001-09-11', description: '9/11' })],
      fourteenEvents(),
    );
    given(determined).when(launch('2001-10-26', a5)).thenAccepts();
  });

  test('a mandate of none stands alone, and every detail belongs to a basis named', () => {
    given(fourteenEvents()).when(launch('2004-03-29', { mandate: ['none', 'unscr'] })).thenRejects('operation.mandate_none_exclusive');
    given(fourteenEvents()).when(launch('2004-03-29', { mandate: ['none'] })).thenRejects('operation.mandate_detail_unused', { field: 'resolutions' });
    given(fourteenEvents()).when(launch('2004-03-29', { mandate: ['none'], resolutions: undefined })).thenAccepts();
  });
});

describe('Operations: the end', () => {
  test('the Council ends an active operation; it is ended from that date', () => {
    const events = eventsOf([end('2014-12-31', { decidedAt: '2014-12-01', successor: 'RSM' })], launched());
    const op = replay(events).operations.operations['KFOR']!;
    assert.equal(operationStatusAt(op, '2014-12-30'), 'active');
    assert.equal(operationStatusAt(op, '2014-12-31'), 'ended');
  });

  test('an operation cannot end before it began', () => {
    given(launched()).when(end('1999-01-01')).thenRejects('operation.end_before_start', { launchedAt: '1999-06-12' });
  });

  test('an operation ends once, and only if it was launched', () => {
    given(eventsOf([end('2014-12-31')], launched())).when(end('2015-01-01')).thenRejects('operation.already_ended');
    given(fourteenEvents()).when(end('2014-12-31')).thenRejects('operation.unknown');
    const planned = eventsOf([command('PlanOperation', '1999-06-01', 'NAC', { operation: 'KFOR', ...kfor } as never)], fourteenEvents());
    given(planned).when(end('1999-07-01')).thenRejects('operation.not_launched');
  });
});

describe('Operations: contributors over time', () => {
  test('an Ally and a partner join an active operation; each is classed as of joining', () => {
    const events = eventsOf([join('GBR', '1999-06-12'), join('FIN', '1999-07-01')], launched());
    const joined = events.slice(-2).map((e) => (e.data as { role: string }).role);
    assert.deepEqual(joined, ['ally', 'partner']);
    assert.deepEqual(contributorsAt(replay(events).operations.operations['KFOR']!, '2000-01-01'), ['FIN', 'GBR']);
  });

  test('a state joins only for itself', () => {
    given(launched()).when(join('FIN', '1999-07-01', 'GBR')).thenRejects('actor.mismatch');
  });

  test('one may join only an operation active on that date', () => {
    given(launched()).when(join('GBR', '1999-06-01')).thenRejects('operation.not_active', { status: 'not_begun' });
    given(eventsOf([end('2014-12-31')], launched())).when(join('GBR', '2015-06-01')).thenRejects('operation.not_active', { status: 'ended' });
  });

  test('a contributor joins once until it leaves, and leaves only what it joined', () => {
    const joined = eventsOf([join('GBR', '1999-06-12')], launched());
    given(joined).when(join('GBR', '2000-01-01')).thenRejects('operation.already_contributing');
    given(launched()).when(leave('GBR', '2000-01-01')).thenRejects('operation.not_contributing');
    given(joined).when(leave('GBR', '2003-01-01')).thenAccepts();
  });

  test('the end of an operation closes open contributions, and the index says so', () => {
    const before = eventsOf([join('GBR', '1999-06-12')], launched());
    const events = eventsOf([end('2014-12-31')], before);
    const facts = project(replay(before), events.at(-1)!);
    const contribution = facts.find((f) => f.kind === 'operation-contribution');
    assert.ok(contribution?.op === 'assert' && contribution.validTo === '2014-12-31');
    const operation = facts.find((f) => f.kind === 'operation');
    assert.ok(operation?.op === 'assert' && operation.validFrom === '1999-06-12' && operation.validTo === '2014-12-31');
  });

  test('a contribution rejoined after leaving is a second period with its own key', () => {
    const events = eventsOf([join('GBR', '1999-06-12'), leave('GBR', '2001-01-01'), join('GBR', '2002-01-01')], launched());
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => f.key), ['KFOR/GBR/2']);
  });

  test('a contributor named on a list of one day joins by that day: the period carries the bound, not a start', () => {
    const bounded = command('JoinOperation', '2008-12-01', 'FIN', { operation: 'KFOR', contributor: 'FIN', dateIs: 'on_or_before' });
    const events = eventsOf([bounded], launched());
    assert.equal((events.at(-1)!.data as { dateIs?: string }).dateIs, 'on_or_before');
    const op = replay(events).operations.operations['KFOR']!;
    assert.deepEqual(op.contributions, [{ contributor: 'FIN', role: 'partner', from: '2008-12-01', fromIs: 'on_or_before' }]);
    const [fact] = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.ok(fact?.op === 'assert');
    assert.deepEqual(fact.data, { operation: 'KFOR', contributor: 'FIN', role: 'partner', from: '2008-12-01', fromIs: 'on_or_before' });
    // An exact join carries no bound.
    const exact = eventsOf([join('GBR', '1999-06-12')], launched());
    assert.equal((exact.at(-1)!.data as { dateIs?: string }).dateIs, undefined);
    assert.equal(replay(exact).operations.operations['KFOR']!.contributions[0]!.fromIs, undefined);
  });

  test('a departure known only by a day it had happened by closes the period with that bound, not a day', () => {
    const bounded = command('LeaveOperation', '2016-06-14', 'GBR', { operation: 'KFOR', contributor: 'GBR', dateIs: 'on_or_before' });
    const events = eventsOf([join('GBR', '1999-06-12'), bounded], launched());
    assert.equal((events.at(-1)!.data as { dateIs?: string }).dateIs, 'on_or_before');
    const op = replay(events).operations.operations['KFOR']!;
    assert.deepEqual(op.contributions, [{ contributor: 'GBR', role: 'ally', from: '1999-06-12', until: '2016-06-14', untilIs: 'on_or_before' }]);
    const [fact] = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.ok(fact?.op === 'assert' && fact.validTo === '2016-06-14');
    assert.equal((fact.data as { untilIs?: string }).untilIs, 'on_or_before');
    // An exact departure carries no bound.
    const exact = eventsOf([join('GBR', '1999-06-12'), leave('GBR', '2001-01-01')], launched());
    assert.equal(replay(exact).operations.operations['KFOR']!.contributions[0]!.untilIs, undefined);
  });

  test('no operation before the Treaty is in force: the Council does not exist', () => {
    given([]).when(launch('1948-01-01')).thenRejects('treaty.not_in_force');
    void foundingEvents;
  });
});
