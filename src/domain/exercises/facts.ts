/** Index changes for exercises (kind `exercise`): valid from the first day to the day after the last. */
import type { FactChange } from '../facts.js';
import { addDays } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { ExercisesEvent } from './types.js';

export function projectExercises(after: WorldState, event: ExercisesEvent): FactChange[] {
  const x = after.exercises.exercises[event.data.exercise];
  if (!x) return [];
  const { id, status: _status, ...rest } = x;
  return [{ op: 'assert', kind: 'exercise', key: id, validFrom: x.startDate, validTo: addDays(x.endDate, 1), data: { exercise: id, ...rest } }];
}
