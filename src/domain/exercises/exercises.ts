/**
 * The exercises decider. Guarantees: an exercise is recorded once; it ends no earlier than it
 * begins; when participants are listed, at least one is an Ally on the first day, and each is
 * classed as Ally or partner as of that day.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { datePart, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { ExerciseDefinition, ExercisesCommand, ExercisesEvent, ExercisesState } from './types.js';

export function initialExercisesState(): ExercisesState {
  return { exercises: {} };
}

export function definitionOf(data: ExerciseDefinition): ExerciseDefinition {
  const { name, endDate, lead, coreTask, participants, themes, domains, personnel, hostNations } = data;
  return {
    name, endDate, lead, coreTask,
    ...(participants === undefined ? {} : { participants }),
    ...(themes === undefined ? {} : { themes }),
    ...(domains === undefined ? {} : { domains }),
    ...(personnel === undefined ? {} : { personnel }),
    ...(hostNations === undefined ? {} : { hostNations }),
  };
}

export function decideExercises(world: WorldState, command: ExercisesCommand): Decision<ExercisesEvent> {
  switch (command.cmd) {
    case 'HoldExercise': {
      const { exercise, endDate, participants } = command.data;
      const existing = world.exercises.exercises[exercise];
      if (existing) return reject('exercise.exists', 'data.exercise', { exercise, startDate: existing.startDate });
      if (isBefore(endDate, datePart(command.at))) return reject('exercise.end_before_start', 'data.endDate', { exercise, endDate, at: command.at });
      const list = participants ?? [];
      const allies = list.filter((s) => isAllyAt(world.membership, s, command.at));
      if (list.length > 0 && allies.length === 0) return reject('exercise.no_ally', 'data.participants', { exercise, at: command.at });
      const partners = list.filter((s) => !allies.includes(s));
      return accept(eventFrom(command, 'ExerciseHeld', { exercise, ...definitionOf(command.data), allies, partners }));
    }
    default:
      return assertNever(command.cmd);
  }
}

export function evolveExercises(state: ExercisesState, event: ExercisesEvent): ExercisesState {
  switch (event.type) {
    case 'ExerciseHeld': {
      const { exercise, allies, partners, ...definition } = event.data;
      return {
        ...state,
        exercises: {
          ...state.exercises,
          [exercise]: { status: 'scheduled', id: exercise, startDate: event.at, ...definitionOf(definition), allies, partners },
        },
      };
    }
    default:
      return assertNever(event.type);
  }
}
