/**
 * Military exercises (deterrence and defence): joint training "to maintain Alliance readiness and
 * improve interoperability" (seed), each with its dates, lead, participants, the core task it
 * serves and the resilience themes it trains for.
 */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { CoreTask, ResilienceTheme } from '../vocabulary.js';

export const EXERCISE_DOMAINS = ['land', 'maritime', 'air', 'cyber', 'space'] as const;
export type ExerciseDomain = (typeof EXERCISE_DOMAINS)[number];

export interface ExerciseDefinition {
  readonly name: string;
  /** Last day of the exercise (inclusive). */
  readonly endDate: string;
  /** The command or nation that leads it, as its source names it. */
  readonly lead: string;
  readonly coreTask: CoreTask;
  readonly participants?: readonly Iso3[];
  readonly themes?: readonly ResilienceTheme[];
  readonly domains?: readonly ExerciseDomain[];
  readonly personnel?: number;
  readonly hostNations?: readonly Iso3[];
}

// ---- commands (docs/record-format.md, "Exercises") ----

export type HoldExercise = RecordCommand<'HoldExercise', { readonly exercise: string } & ExerciseDefinition>;
export type ExercisesCommand = HoldExercise;

// ---- events ----

/** `allies` and `partners` split the participants by who was an Ally on the first day. */
export type ExerciseHeld = WorldEventOf<
  'ExerciseHeld',
  { exercise: string; allies: readonly Iso3[]; partners: readonly Iso3[] } & ExerciseDefinition
>;
export type ExercisesEvent = ExerciseHeld;

// ---- state ----

export interface Exercise extends ExerciseDefinition {
  readonly status: 'scheduled';
  readonly id: string;
  readonly startDate: string;
  readonly allies: readonly Iso3[];
  readonly partners: readonly Iso3[];
}

export interface ExercisesState {
  readonly exercises: Readonly<Record<string, Exercise>>;
}
