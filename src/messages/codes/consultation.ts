/** Violations of Art. 4 (consultations). */
import type { Codes } from '../message.js';

export const CONSULTATION = {
  'consultation.exists': {
    en: 'Art. 4: consultations {consultation} were already requested on {requestedAt}',
    fr: 'Art. 4\u00a0: les consultations {consultation} ont déjà été demandées le {requestedAt}',
  },
  'consultation.requester_not_ally': {
    en: 'Art. 4: only Allies may request consultations; {states} not an Ally on {at}',
    fr: 'Art. 4\u00a0: seuls les Alliés peuvent demander des consultations\u00a0; {states} n’est pas Allié le {at}',
  },
  'consultation.requester_mismatch': {
    en: 'Art. 4: {by} is not among the requesters {requesters}',
    fr: 'Art. 4\u00a0: {by} ne figure pas parmi les demandeurs {requesters}',
  },
  'consultation.unknown': {
    en: 'Art. 4: no consultations {consultation} have been requested',
    fr: 'Art. 4\u00a0: aucune consultation {consultation} n’a été demandée',
  },
  'consultation.already_held': {
    en: 'Art. 4: consultations {consultation} were already held on {heldAt}',
    fr: 'Art. 4\u00a0: les consultations {consultation} ont déjà eu lieu le {heldAt}',
  },
  'consultation.before_request': {
    en: 'Art. 4: consultations on {at} cannot precede the request of {requestedAt}',
    fr: 'Art. 4\u00a0: des consultations le {at} ne peuvent précéder la demande du {requestedAt}',
  },
} satisfies Codes;
