/** Violations of the records of Strategic Concepts, Secretaries General and summits. */
import type { Codes } from '../message.js';

export const STRATEGY = {
  'strategy.concept_exists': {
    en: 'Strategic Concept {concept} was already adopted on {adoptedAt}',
    fr: 'Le concept stratégique {concept} a déjà été adopté le {adoptedAt}',
  },
  'strategy.concept_out_of_order': {
    en: 'A Strategic Concept adopted on {at} cannot precede {previous}, adopted on {previousAt}, which it would supersede',
    fr: 'Un concept stratégique adopté le {at} ne peut précéder {previous}, adopté le {previousAt}, qu’il remplacerait',
  },
  'strategy.sg_nationality_not_ally': {
    en: 'The Secretary General is a national of an Ally; {nationality} is not an Ally on {at}',
    fr: 'Le Secrétaire général est ressortissant d’un Allié\u00a0; {nationality} n’est pas Allié le {at}',
  },
  'strategy.sg_out_of_order': {
    en: 'Secretary General no. {ordinal} must follow no. {lastOrdinal} ({lastName}, in office from {lastAt})',
    fr: 'Le Secrétaire général n° {ordinal} doit succéder au n° {lastOrdinal} ({lastName}, en fonctions depuis le {lastAt})',
  },
  'strategy.policy_exists': {
    en: 'Policy {policy} was already recorded as adopted on {adoptedAt}',
    fr: 'La politique {policy} a déjà été enregistrée comme adoptée le {adoptedAt}',
  },
  'strategy.summit_exists': {
    en: 'Summit {summit} was already recorded on {heldAt}',
    fr: 'Le sommet {summit} a déjà été enregistré le {heldAt}',
  },
  'strategy.summit_end_before_start': {
    en: 'Summit {summit} cannot end on {endDate}, before it opens on {at}',
    fr: 'Le sommet {summit} ne peut se terminer le {endDate}, avant son ouverture le {at}',
  },
  'strategy.office_nationality_not_ally': {
    en: 'The holder of office {office} is a national of an Ally; {nationality} is not an Ally on {at}',
    fr: 'Le titulaire de la fonction {office} est ressortissant d’un Allié\u00a0; {nationality} n’est pas Allié le {at}',
  },
  'strategy.office_out_of_order': {
    en: 'A holder of office {office} taking office on {at} cannot precede {lastName}, in office from {lastAt}',
    fr: 'Un titulaire de la fonction {office} entrant en fonctions le {at} ne peut précéder {lastName}, en fonctions depuis le {lastAt}',
  },
  'strategy.office_until_precision_without_until': {
    en: 'untilIs says how exactly a last day is known; a holder of office {office} without until has none',
    fr: 'untilIs dit avec quelle précision un dernier jour est connu ; un titulaire de la fonction {office} sans until n’en a pas',
  },
  'strategy.office_until_before_start': {
    en: 'A holder of office {office} cannot leave it on {until}, before taking it on {at}',
    fr: 'Un titulaire de la fonction {office} ne peut la quitter le {until}, avant d’y entrer le {at}',
  },
  'strategy.seat_out_of_order': {
    en: 'The seat of {body} cannot move on {at}: it is recorded in {place} from {from}',
    fr: 'Le siège de {body} ne peut changer le {at}\u00a0: il est enregistré à {place} depuis le {from}',
  },
  'strategy.seat_unchanged': {
    en: 'The seat of {body} is already in {place} (from {from})',
    fr: 'Le siège de {body} est déjà à {place} (depuis le {from})',
  },
} satisfies Codes;
