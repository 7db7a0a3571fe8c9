/** Violations of the Council's procedure (Art. 9; consensus; silence procedure). */
import type { Codes } from '../message.js';

export const COUNCIL = {
  'council.proposal_exists': {
    en: 'Proposal {proposal} was already tabled on {tabledAt}',
    fr: 'La proposition {proposal} a déjà été déposée le {tabledAt}',
  },
  'council.proposal_unknown': {
    en: 'No proposal {proposal} has been tabled',
    fr: 'Aucune proposition {proposal} n’a été déposée',
  },
  'council.proposal_closed': {
    en: 'Proposal {proposal} is {status}; no further act is possible',
    fr: 'La proposition {proposal} est close ({status}) ; plus aucun acte n’est possible',
  },
  'council.before_tabling': {
    en: 'An act on {at} cannot precede the tabling of proposal {proposal} on {tabledAt}',
    fr: 'Un acte le {at} ne peut précéder le dépôt de la proposition {proposal} le {tabledAt}',
  },
  'council.deadline_missing': {
    en: 'The silence procedure needs a deadline',
    fr: 'La procédure d’approbation tacite exige une échéance',
  },
  'council.deadline_not_after': {
    en: 'The silence deadline {deadline} must be after {at}',
    fr: 'L’échéance de silence {deadline} doit être postérieure au {at}',
  },
  'council.deadline_for_meeting': {
    en: 'A deadline applies to the silence procedure only, not to a meeting',
    fr: 'Une échéance ne s’applique qu’à la procédure d’approbation tacite, pas à une réunion',
  },
  'council.invitee_is_ally': {
    en: '{states} an Ally on {at}: Allies take part in consensus and are not invitees',
    fr: '{states} Allié le {at} : les Alliés participent au consensus et ne sont pas invités',
  },
  'council.already_objecting': {
    en: '{ally} already objects to proposal {proposal}',
    fr: '{ally} s’oppose déjà à la proposition {proposal}',
  },
  'council.no_objection': {
    en: '{ally} has no objection to lift on proposal {proposal}',
    fr: '{ally} n’a pas d’objection à lever sur la proposition {proposal}',
  },
  'council.not_under_silence': {
    en: 'Proposal {proposal} is not under the silence procedure',
    fr: 'La proposition {proposal} n’est pas soumise à la procédure d’approbation tacite',
  },
  'council.deadline_passed': {
    en: 'Silence on proposal {proposal} ended at {deadline}; a break at {at} does not count',
    fr: 'Le silence sur la proposition {proposal} a pris fin le {deadline} ; une rupture le {at} ne compte pas',
  },
  'council.already_broken': {
    en: '{ally} already broke silence on proposal {proposal} on {brokenAt}',
    fr: '{ally} a déjà rompu le silence sur la proposition {proposal} le {brokenAt}',
  },
  'council.under_silence': {
    en: 'Proposal {proposal} is under silence until {deadline}; close the silence first',
    fr: 'La proposition {proposal} est sous silence jusqu’au {deadline} ; il faut d’abord clore le silence',
  },
  'council.no_consensus': {
    en: 'No consensus on proposal {proposal}: {objectors} object',
    fr: 'Pas de consensus sur la proposition {proposal} : {objectors} s’y oppose',
  },
  'council.deadline_not_reached': {
    en: 'Silence on proposal {proposal} runs until {deadline}; it cannot close on {at}',
    fr: 'Le silence sur la proposition {proposal} court jusqu’au {deadline} ; il ne peut être clos le {at}',
  },
  'council.silence_broken': {
    en: 'Silence on proposal {proposal} was broken by {breakers}; it returns to discussion',
    fr: 'Le silence sur la proposition {proposal} a été rompu par {breakers} ; elle retourne en discussion',
  },
  'council.not_tabler': {
    en: 'Only the Secretary General or {tabledBy}, which tabled it, may withdraw proposal {proposal}',
    fr: 'Seuls le Secrétaire général ou {tabledBy}, auteur du dépôt, peuvent retirer la proposition {proposal}',
  },
  'council.not_invitee': {
    en: '{state} is not among the invitees of proposal {proposal}',
    fr: '{state} ne figure pas parmi les invités de la proposition {proposal}',
  },
  'council.associate_ally': {
    en: '{state} is an Ally on {at}: Allies join the consensus rather than associate themselves',
    fr: '{state} est Allié le {at} : les Alliés participent au consensus plutôt que de s’associer',
  },
  'council.already_associated': {
    en: '{state} already associated itself with proposal {proposal} on {associatedAt}',
    fr: '{state} s’est déjà associé à la proposition {proposal} le {associatedAt}',
  },
} satisfies Codes;
