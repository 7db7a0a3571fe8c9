/** Violations of the rules on military exercises. */
import type { Codes } from '../message.js';

export const EXERCISE = {
  'exercise.exists': {
    en: 'Exercise {exercise} was already recorded, from {startDate}',
    fr: 'L’exercice {exercise} a déjà été enregistré, à partir du {startDate}',
  },
  'exercise.end_before_start': {
    en: 'Exercise {exercise} cannot end on {endDate}, before it begins on {at}',
    fr: 'L’exercice {exercise} ne peut se terminer le {endDate}, avant son début le {at}',
  },
  'exercise.no_ally': {
    en: 'Exercise {exercise} is an Alliance exercise: at least one participant must be an Ally on {at}',
    fr: 'L’exercice {exercise} est un exercice de l’Alliance\u00a0: au moins un participant doit être Allié le {at}',
  },
} satisfies Codes;
