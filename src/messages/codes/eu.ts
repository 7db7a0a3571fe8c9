/** Violations of the rules on EU membership (TEU Art. 49 and 50) and NATO-EU declarations. */
import type { Codes } from '../message.js';

export const EU = {
  'eu.already_member': {
    en: '{state} has been a member of the European Union since {from}',
    fr: '{state} est membre de l’Union européenne depuis le {from}',
  },
  'eu.not_member': {
    en: '{state} is not a member of the European Union on {at}',
    fr: '{state} n’est pas membre de l’Union européenne le {at}',
  },
  'eu.already_notified': {
    en: 'Art. 50 TEU: {state} already notified its withdrawal on {notifiedAt}',
    fr: 'Art. 50 TUE\u00a0: {state} a déjà notifié son retrait le {notifiedAt}',
  },
  'eu.not_notified': {
    en: 'Art. 50 TEU: {state} cannot leave on {at} without having notified its intention to withdraw',
    fr: 'Art. 50 TUE\u00a0: {state} ne peut se retirer le {at} sans avoir notifié son intention de le faire',
  },
  'eu.declaration_exists': {
    en: 'NATO-EU declaration {declaration} was already signed on {signedAt}',
    fr: 'La déclaration OTAN-UE {declaration} a déjà été signée le {signedAt}',
  },
} satisfies Codes;
