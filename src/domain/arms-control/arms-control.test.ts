import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { project, replay } from '../world.js';
import { armsControlStatusAt } from './queries.js';

const register = (id = 'CFE', at = '1990-11-19', kind = 'treaty') =>
  command('RegisterArmsControlInstrument', at, 'SG', { instrument: id, name: 'Treaty on Conventional Armed Forces in Europe', kind, field: 'conventional' } as never);
const status = (state: string, value: string, at: string, by = state) =>
  command('RecordArmsControlStatus', at, by, { instrument: 'CFE', state, status: value } as never);

const registered = () => eventsOf([register()], fourteenEvents());
const party = () => eventsOf([status('USA', 'signed', '1990-11-19'), status('USA', 'party', '1992-11-09')], registered());

describe('Arms control: the register of instruments', () => {
  test('the Secretary General registers an instrument once', () => {
    given(fourteenEvents()).when(register()).thenAccepts();
    given(registered()).when(register()).thenRejects('arms_control.instrument_exists');
  });

  test('a treaty enters into force once; a politically binding arrangement never does', () => {
    const inForce = command('ArmsControlInstrumentEntersIntoForce', '1992-11-09', 'SG', { instrument: 'CFE' });
    given(registered()).when(inForce).thenAccepts();
    given(eventsOf([inForce], registered())).when(inForce).thenRejects('arms_control.already_in_force');
    const vienna = eventsOf([register('VD', '1990-11-17', 'politically_binding')], fourteenEvents());
    given(vienna).when(command('ArmsControlInstrumentEntersIntoForce', '1991-01-01', 'SG', { instrument: 'VD' })).thenRejects('arms_control.not_a_treaty');
  });

  test('no status in an instrument not yet registered', () => {
    given(fourteenEvents()).when(status('USA', 'signed', '1990-11-19')).thenRejects('arms_control.instrument_unknown');
    given(registered()).when(status('USA', 'signed', '1989-01-01')).thenRejects('arms_control.instrument_unknown');
  });
});

describe('Arms control: each state’s status over time', () => {
  test('signed, then party, then suspended: each status holds until the next', () => {
    const events = eventsOf([status('USA', 'suspended', '2023-12-07')], party());
    const ac = replay(events).armsControl;
    assert.equal(armsControlStatusAt(ac, 'CFE', 'USA', '1991-01-01'), 'signed');
    assert.equal(armsControlStatusAt(ac, 'CFE', 'USA', '2000-01-01'), 'party');
    assert.equal(armsControlStatusAt(ac, 'CFE', 'USA', '2024-01-01'), 'suspended');
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => [f.key, f.op === 'assert' ? f.validTo : '']), [['CFE/USA/2', '2023-12-07'], ['CFE/USA/3', undefined]]);
  });

  test('a state records its own status', () => {
    given(registered()).when(status('USA', 'signed', '1990-11-19', 'GBR')).thenRejects('actor.mismatch');
  });

  test('a status changes only along the allowed transitions', () => {
    given(registered()).when(status('USA', 'suspended', '1991-01-01')).thenRejects('arms_control.transition_invalid', { from: 'none', to: 'suspended' });
    given(party()).when(status('USA', 'signed', '1995-01-01')).thenRejects('arms_control.transition_invalid');
    given(party()).when(status('USA', 'party', '1995-01-01')).thenRejects('arms_control.status_unchanged');
    given(party()).when(status('USA', 'withdrawn', '2019-08-02')).thenAccepts();
  });

  test('statuses come in date order', () => {
    given(party()).when(status('USA', 'suspended', '1991-01-01')).thenRejects('arms_control.before_previous');
  });

  test('a first status known only by a day it held is dated "on or before" that day, in state and index; a later one cannot be', () => {
    const bounded = command('RecordArmsControlStatus', '2000-12-14', 'UKR', { instrument: 'CFE', state: 'UKR', status: 'party', dateIs: 'on_or_before' } as never);
    const events = eventsOf([bounded], registered());
    const recorded = events.at(-1)!;
    assert.equal((recorded.data as { dateIs?: string }).dateIs, 'on_or_before');
    const ac = replay(events).armsControl;
    assert.equal(armsControlStatusAt(ac, 'CFE', 'UKR', '2000-12-13'), undefined);
    assert.equal(armsControlStatusAt(ac, 'CFE', 'UKR', '2000-12-14'), 'party');
    const fact = project(replay(events.slice(0, -1)), recorded).find((c) => c.op === 'assert' && c.kind === 'arms-control-status');
    assert.deepEqual(fact && fact.op === 'assert' ? fact.data : undefined, { instrument: 'CFE', state: 'UKR', status: 'party', from: '2000-12-14', fromIs: 'on_or_before' });
    // An exact status carries no precision; a bound after a first status is refused, naming it.
    const exact = eventsOf([status('USA', 'signed', '1990-11-19')], registered()).at(-1)!;
    assert.equal((exact.data as { dateIs?: string }).dateIs, undefined);
    const suspendedBy = command('RecordArmsControlStatus', '2023-12-07', 'USA', { instrument: 'CFE', state: 'USA', status: 'suspended', dateIs: 'on_or_before' } as never);
    given(party()).when(suspendedBy).thenRejects('arms_control.bound_not_first');
  });
});

describe('Arms control: a state that no longer exists', () => {
  // The Soviet Union (SUN, ISO 3166-3) existed until 25 December 1991 (src/domain/states.ts).
  const soviet = () => eventsOf([status('SUN', 'signed', '1990-11-19')], registered());

  test('its status holds up to its last day and ends with it, in state and in the index', () => {
    const events = eventsOf([status('SUN', 'party', '1991-06-01')], soviet());
    const ac = replay(events).armsControl;
    assert.equal(armsControlStatusAt(ac, 'CFE', 'SUN', '1991-01-01'), 'signed');
    assert.equal(armsControlStatusAt(ac, 'CFE', 'SUN', '1991-12-25'), 'party');
    assert.equal(armsControlStatusAt(ac, 'CFE', 'SUN', '1991-12-26'), undefined);
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => [f.key, f.op === 'assert' ? f.validTo : '']), [['CFE/SUN', '1991-06-01'], ['CFE/SUN/2', '1991-12-26']]);
  });

  test('it records no status after its last day; its continuing state records its own from the next', () => {
    given(soviet()).when(status('SUN', 'party', '1992-11-09')).thenRejects('arms_control.state_dissolved', { state: 'SUN', until: '1991-12-25' });
    given(soviet()).when(status('SUN', 'party', '1991-12-25')).thenAccepts();
    const russia = eventsOf([status('RUS', 'party', '1991-12-26')], soviet());
    const ac = replay(russia).armsControl;
    assert.equal(armsControlStatusAt(ac, 'CFE', 'RUS', '1991-12-25'), undefined);
    assert.equal(armsControlStatusAt(ac, 'CFE', 'RUS', '1991-12-26'), 'party');
    assert.equal(armsControlStatusAt(ac, 'CFE', 'SUN', '1991-12-26'), undefined);
  });
});

describe('Arms control: the Alliance’s bodies', () => {
  test('the Council establishes the High-Level Task Force once', () => {
    const hltf = command('EstablishArmsControlCommittee', '1986-05-30', 'NAC', { committee: 'HLTF', name: 'High-Level Task Force on Conventional Arms Control' });
    given(fourteenEvents()).when(hltf).thenAccepts();
    given(eventsOf([hltf], fourteenEvents())).when(hltf).thenRejects('arms_control.committee_exists');
  });
});

describe('Arms control: a treaty ceases to be in force', () => {
  const inForce = () => eventsOf([command('ArmsControlInstrumentEntersIntoForce', '1992-11-09', 'SG', { instrument: 'CFE' })], registered());
  const terminate = (at: string) => command('ArmsControlInstrumentTerminates', at, 'SG', { instrument: 'CFE', reason: 'withdrawal' } as never);

  test('only a treaty in force terminates, on or after its entry into force, and once', () => {
    given(registered()).when(terminate('2019-08-02')).thenRejects('arms_control.not_in_force');
    given(inForce()).when(terminate('1992-11-08')).thenRejects('arms_control.not_in_force');
    given(inForce()).when(terminate('2019-08-02')).thenAccepts();
    given(eventsOf([terminate('2019-08-02')], inForce())).when(terminate('2020-01-01')).thenRejects('arms_control.already_terminated');
    given(eventsOf([terminate('2019-08-02')], inForce())).when(command('ArmsControlInstrumentEntersIntoForce', '2020-01-01', 'SG', { instrument: 'CFE' })).thenRejects('arms_control.already_in_force');
  });

  test('the instrument’s fact keeps its entry into force and gains the day it ended', () => {
    const events = eventsOf([terminate('2019-08-02')], inForce());
    const changes = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(changes.map((c) => c.op === 'assert' && (c.data as { enteredIntoForceAt?: string; terminatedAt?: string })), [
      { instrument: 'CFE', name: 'Treaty on Conventional Armed Forces in Europe', kind: 'treaty', field: 'conventional', openedAt: '1990-11-19', enteredIntoForceAt: '1992-11-09', terminatedAt: '2019-08-02', terminationReason: 'withdrawal' },
    ]);
  });
});
