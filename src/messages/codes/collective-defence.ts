/** Violations of Art. 5 and 6 (collective defence, treaty area). */
import type { Codes } from '../message.js';

export const ARTICLE5 = {
  'article5.exists': {
    en: 'Art. 5: determination {determination} was already made on {determinedAt}',
    fr: 'Art. 5\u00a0: la constatation {determination} a déjà été faite le {determinedAt}',
  },
  'article5.victim_not_ally': {
    en: 'Art. 5: an armed attack is against all only when against an Ally; {states} not an Ally on {at}',
    fr: 'Art. 5\u00a0: une attaque armée ne vise toutes les Parties que si elle vise un Allié\u00a0; {states} n’est pas Allié le {at}',
  },
  'article5.outside_treaty_area': {
    en: 'Art. 6: {states} outside the treaty area',
    fr: 'Art. 6\u00a0: {states} hors de la zone du Traité',
  },
  'article5.attack_after_determination': {
    en: 'Art. 5: the attack of {attackDate} cannot postdate its determination on {at}',
    fr: 'Art. 5\u00a0: l’attaque du {attackDate} ne peut être postérieure à sa constatation le {at}',
  },
  'article5.no_determination': {
    en: 'Art. 5: no armed attack {determination} has been determined',
    fr: 'Art. 5\u00a0: aucune attaque armée {determination} n’a été constatée',
  },
  'article5.before_determination': {
    en: 'Art. 5: a measure on {at} cannot precede the determination of {determinedAt}',
    fr: 'Art. 5\u00a0: une mesure le {at} ne peut précéder la constatation du {determinedAt}',
  },
  'article5.before_invocation': {
    en: 'Art. 5: determination {determination} on {at} cannot precede its conditional invocation of {invokedAt}',
    fr: 'Art. 5\u00a0: la constatation {determination} le {at} ne peut précéder son invocation conditionnelle du {invokedAt}',
  },
  'article5.victims_differ': {
    en: 'Art. 5: determination {determination} names {victims}, but its conditional invocation named {invoked}',
    fr: 'Art. 5\u00a0: la constatation {determination} désigne {victims}, mais son invocation conditionnelle désignait {invoked}',
  },
} satisfies Codes;
