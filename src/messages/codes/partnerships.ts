/** Violations of the rules on partnership frameworks, partners and tailored programmes. */
import type { Codes } from '../message.js';

export const PARTNERSHIP = {
  'partnership.framework_exists': {
    en: 'Partnership framework {framework} was already established on {establishedAt}',
    fr: 'Le cadre de partenariat {framework} a déjà été établi le {establishedAt}',
  },
  'partnership.framework_unknown': {
    en: 'No partnership framework {framework} has been established by {at}',
    fr: 'Aucun cadre de partenariat {framework} n’a été établi au {at}',
  },
  'partnership.partner_is_ally': {
    en: '{partner} is an Ally on {at}; Allies are not partners',
    fr: '{partner} est Allié le {at}\u00a0; les Alliés ne sont pas des partenaires',
  },
  'partnership.already_member': {
    en: '{partner} has taken part in {framework} since {from}',
    fr: '{partner} participe à {framework} depuis le {from}',
  },
  'partnership.not_member': {
    en: '{partner} does not take part in {framework} on {at}: it never joined it, or left it',
    fr: '{partner} ne participe pas à {framework} le {at}\u00a0: il n’y a jamais adhéré, ou l’a quitté',
  },
  'partnership.already_suspended': {
    en: 'The participation of {partner} in {framework} has been suspended since {from}',
    fr: 'La participation de {partner} à {framework} est suspendue depuis le {from}',
  },
  'partnership.not_suspended': {
    en: 'The participation of {partner} in {framework} is not suspended on {at}',
    fr: 'La participation de {partner} à {framework} n’est pas suspendue le {at}',
  },
  'partnership.suspended': {
    en: 'The participation of {partner} in {framework} has been suspended since {from}; no programme can be agreed',
    fr: 'La participation de {partner} à {framework} est suspendue depuis le {from}\u00a0; aucun programme ne peut être convenu',
  },
  'partnership.programme_exists': {
    en: 'Programme {programme} was already agreed on {agreedAt}',
    fr: 'Le programme {programme} a déjà été convenu le {agreedAt}',
  },
} satisfies Codes;
