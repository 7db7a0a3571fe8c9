import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { project, replay } from '../world.js';

const exercise = (data: Record<string, unknown> = {}, at = '2018-10-25', by = 'SHAPE') =>
  command('HoldExercise', at, by, {
    exercise: 'TJ18', name: 'Trident Juncture 2018', endDate: '2018-11-07', lead: 'Allied Joint Force Command Naples',
    coreTask: 'deterrence_and_defence', participants: ['NOR', 'GBR', 'SWE'], themes: ['military_mobility'], ...data,
  } as never);

describe('Exercises', () => {
  test('an exercise is recorded with its dates, lead and participants, split into Allies and partners', () => {
    const [event] = given(fourteenEvents()).when(exercise()).thenAccepts();
    const data = event?.data as unknown as { allies: string[]; partners: string[] };
    assert.deepEqual([data.allies, data.partners], [['NOR', 'GBR'], ['SWE']]);
  });

  test('its fact runs from the first day to the day after the last', () => {
    const events = eventsOf([exercise()], fourteenEvents());
    const [fact] = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.ok(fact?.op === 'assert' && fact.validFrom === '2018-10-25' && fact.validTo === '2018-11-08');
  });

  test('an exercise ends no earlier than it begins', () => {
    given(fourteenEvents()).when(exercise({ endDate: '2018-10-24' })).thenRejects('exercise.end_before_start');
  });

  test('an exercise is recorded once', () => {
    given(eventsOf([exercise()], fourteenEvents())).when(exercise()).thenRejects('exercise.exists');
  });

  test('an Alliance exercise has at least one Ally among its listed participants', () => {
    given(fourteenEvents()).when(exercise({ participants: ['SWE', 'FIN'] })).thenRejects('exercise.no_ally');
  });

  test('exercises are recorded by SHAPE or the Council, not by a state', () => {
    given(fourteenEvents()).when(exercise({}, '2018-10-25', 'NOR')).thenRejects('actor.not_allowed');
  });

  test('a resilience theme outside the vocabulary is refused when the line is read', async () => {
    const { parseCommand } = await import('../parse-command.js');
    const parsed = parseCommand({ cmd: 'HoldExercise', at: '2018-10-25', by: 'SHAPE', source: 'https://example.org', data: {
      exercise: 'X', name: 'X', endDate: '2018-10-26', lead: 'SHAPE', coreTask: 'deterrence_and_defence', themes: ['floods'] } });
    assert.equal(parsed.ok, false);
  });
});
