/** Violations of the rules on human-security and gender tags. */
import type { Codes } from '../message.js';

export const HUMAN_SECURITY = {
  'human_security.activity_unknown': {
    en: 'There is no {activity} {id} to tag on {at}',
    fr: 'Il n’y a pas de {activity} {id} à qualifier le {at}',
  },
  'human_security.before_previous': {
    en: 'A tag of {activity} {id} on {at} cannot precede its tag of {from}',
    fr: 'Une qualification de {activity} {id} le {at} ne peut précéder celle du {from}',
  },
} satisfies Codes;
