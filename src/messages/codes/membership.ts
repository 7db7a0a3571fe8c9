/** Violations of the membership rules: Treaty Art. 10, 11 and 13 and the integrated structure. */
import type { Codes } from '../message.js';

export const TREATY = {
  'treaty.already_signed': {
    en: 'Art. 11: the Treaty was already signed on {signedAt}',
    fr: 'Art. 11\u00a0: le Traité a déjà été signé le {signedAt}',
  },
  'treaty.not_signed': {
    en: 'Art. 11: the Treaty has not been signed',
    fr: 'Art. 11\u00a0: le Traité n’a pas été signé',
  },
  'treaty.already_in_force': {
    en: 'Art. 11: the Treaty already entered into force on {enteredIntoForceAt}',
    fr: 'Art. 11\u00a0: le Traité est déjà entré en vigueur le {enteredIntoForceAt}',
  },
  'treaty.party_not_signatory': {
    en: 'Art. 11: {states} did not sign the Treaty and cannot be founding Parties',
    fr: 'Art. 11\u00a0: {states} n’a pas signé le Traité et ne peut être Partie fondatrice',
  },
  'treaty.before_signature': {
    en: 'Art. 11: entry into force on {at} cannot precede signature on {signedAt}',
    fr: 'Art. 11\u00a0: l’entrée en vigueur le {at} ne peut précéder la signature du {signedAt}',
  },
  'treaty.not_in_force': {
    en: 'Art. 9 and 11: the Treaty is not in force on {at}; the Council cannot act',
    fr: 'Art. 9 et 11\u00a0: le Traité n’est pas en vigueur le {at}\u00a0; le Conseil ne peut agir',
  },
} satisfies Codes;

export const ACCESSION = {
  'accession.already_ally': {
    en: 'Art. 10: {states} already an Ally on {at}',
    fr: 'Art. 10\u00a0: {states} déjà Allié le {at}',
  },
  'accession.not_european': {
    en: 'Art. 10: only a European state may be invited to accede; {states} is not',
    fr: 'Art. 10\u00a0: seul un État européen peut être invité à adhérer\u00a0; ce n’est pas le cas de {states}',
  },
  'accession.invitation_after_signature': {
    en: 'Art. 10: {state} was invited on {invitedAt}, after the protocol signature on {at}',
    fr: 'Art. 10\u00a0: {state} a été invité le {invitedAt}, après la signature du protocole le {at}',
  },
  'accession.protocol_exists': {
    en: 'Art. 10: protocol {protocol} was already signed on {signedAt}',
    fr: 'Art. 10\u00a0: le protocole {protocol} a déjà été signé le {signedAt}',
  },
  'accession.protocol_pending': {
    en: 'Art. 10: {state} is already the invitee of protocol {protocol}, whose accession is not complete',
    fr: 'Art. 10\u00a0: {state} est déjà invité au titre du protocole {protocol}, dont l’adhésion n’est pas achevée',
  },
  'accession.protocol_unknown': {
    en: 'Art. 10: no protocol {protocol} has been signed',
    fr: 'Art. 10\u00a0: aucun protocole {protocol} n’a été signé',
  },
  'accession.not_a_ratifier': {
    en: 'Art. 10: {ally} is neither a required ratifier of protocol {protocol} nor an Ally on {at}',
    fr: 'Art. 10\u00a0: {ally} n’est ni tenu de ratifier le protocole {protocol} ni Allié le {at}',
  },
  'accession.stage_out_of_order': {
    en: 'Art. 10: {ally} cannot record {stage} for protocol {protocol} after {last}',
    fr: 'Art. 10\u00a0: {ally} ne peut enregistrer {stage} pour le protocole {protocol} après {last}',
  },
  'accession.stage_before_previous': {
    en: 'Art. 10: {stage} by {ally} on {at} is dated before {last} on {lastAt}',
    fr: 'Art. 10\u00a0: {stage} par {ally} le {at} est antérieur à {last} du {lastAt}',
  },
  'accession.ratification_before_signature': {
    en: 'Art. 10: a ratification step on {at} cannot precede the signature of protocol {protocol} on {signedAt}',
    fr: 'Art. 10\u00a0: une étape de ratification le {at} ne peut précéder la signature du protocole {protocol} le {signedAt}',
  },
  'accession.protocol_in_force': {
    en: 'Art. 10: protocol {protocol} already entered into force on {enteredIntoForceAt}',
    fr: 'Art. 10\u00a0: le protocole {protocol} est déjà entré en vigueur le {enteredIntoForceAt}',
  },
  'accession.not_ratified': {
    en: 'Art. 10: protocol for {invitees} not ratified by {missing}',
    fr: 'Art. 10\u00a0: protocole pour {invitees} non ratifié par {missing}',
  },
  'accession.before_last_ratification': {
    en: 'Art. 10: protocol {protocol} cannot enter into force on {at}, before the last ratification deposited on {lastAt}',
    fr: 'Art. 10\u00a0: le protocole {protocol} ne peut entrer en vigueur le {at}, avant la dernière ratification déposée le {lastAt}',
  },
  'accession.protocol_not_in_force': {
    en: 'Art. 10: protocol {protocol} is not in force on {at}; {state} cannot deposit its instrument of accession',
    fr: 'Art. 10\u00a0: le protocole {protocol} n’est pas en vigueur le {at}\u00a0; {state} ne peut déposer son instrument d’adhésion',
  },
  'accession.not_invited': {
    en: 'Art. 10: {state} is not an invitee of protocol {protocol}',
    fr: 'Art. 10\u00a0: {state} n’est pas invité au titre du protocole {protocol}',
  },
  'accession.already_deposited': {
    en: 'Art. 10: {state} already deposited its instrument of accession on {depositedAt}',
    fr: 'Art. 10\u00a0: {state} a déjà déposé son instrument d’adhésion le {depositedAt}',
  },
} satisfies Codes;

export const WITHDRAWAL = {
  'withdrawal.already_notified': {
    en: 'Art. 13: {ally} already gave notice of denunciation on {denouncedAt} and ceases to be a Party on {until}',
    fr: 'Art. 13\u00a0: {ally} a déjà notifié sa dénonciation le {denouncedAt} et cesse d’être Partie le {until}',
  },
  'withdrawal.too_early': {
    en: 'Art. 13: a Party may denounce the Treaty only after it has been in force for twenty years, from {from}',
    fr: 'Art. 13\u00a0: une Partie ne peut dénoncer le Traité qu’après vingt ans de vigueur, à partir du {from}',
  },
} satisfies Codes;

export const MILITARY_STRUCTURE = {
  'military_structure.already_out': {
    en: '{ally} has been out of the integrated military structure since {from}',
    fr: '{ally} est hors de la structure militaire intégrée depuis le {from}',
  },
  'military_structure.not_out': {
    en: '{ally} is not out of the integrated military structure on {at}',
    fr: '{ally} n’est pas hors de la structure militaire intégrée le {at}',
  },
} satisfies Codes;
