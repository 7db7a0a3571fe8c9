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
    fr: 'La proposition {proposal} est close ({status})\u00a0; plus aucun acte n’est possible',
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
    fr: '{states} Allié le {at}\u00a0: les Alliés participent au consensus et ne sont pas invités',
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
    fr: 'Le silence sur la proposition {proposal} a pris fin le {deadline}\u00a0; une rupture le {at} ne compte pas',
  },
  'council.already_broken': {
    en: '{ally} already broke silence on proposal {proposal} on {brokenAt}',
    fr: '{ally} a déjà rompu le silence sur la proposition {proposal} le {brokenAt}',
  },
  'council.under_silence': {
    en: 'Proposal {proposal} is under silence until {deadline}; close the silence first',
    fr: 'La proposition {proposal} est sous silence jusqu’au {deadline}\u00a0; il faut d’abord clore le silence',
  },
  'council.no_consensus': {
    en: 'No consensus on proposal {proposal}: {objectors} object',
    fr: 'Pas de consensus sur la proposition {proposal}\u00a0: {objectors} s’y oppose',
  },
  'council.deadline_not_reached': {
    en: 'Silence on proposal {proposal} runs until {deadline}; it cannot close on {at}',
    fr: 'Le silence sur la proposition {proposal} court jusqu’au {deadline}\u00a0; il ne peut être clos le {at}',
  },
  'council.silence_broken': {
    en: 'Silence on proposal {proposal} was broken by {breakers}; it returns to discussion',
    fr: 'Le silence sur la proposition {proposal} a été rompu par {breakers}\u00a0; elle retourne en discussion',
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
    fr: '{state} est Allié le {at}\u00a0: les Alliés participent au consensus plutôt que de s’associer',
  },
  'council.already_associated': {
    en: '{state} already associated itself with proposal {proposal} on {associatedAt}',
    fr: '{state} s’est déjà associé à la proposition {proposal} le {associatedAt}',
  },
  'council.old_revision': {
    en: 'Proposal {proposal} is at revision {current}; an act on revision {revision} is refused',
    fr: 'La proposition {proposal} en est à la révision {current}\u00a0; un acte sur la révision {revision} est refusé',
  },
  'council.paragraph_unknown': {
    en: 'Proposal {proposal} has {count} paragraphs; there is no paragraph {paragraph} to act on',
    fr: 'La proposition {proposal} compte {count} paragraphes\u00a0; il n’y a pas de paragraphe {paragraph} sur lequel agir',
  },
  'council.wording_without_paragraph': {
    en: 'Proposed wording on proposal {proposal} must name the paragraph it replaces (paragraph)',
    fr: 'Le libellé proposé sur la proposition {proposal} doit désigner le paragraphe qu’il remplace (paragraph)',
  },
  'council.amendment_text_missing': {
    en: 'An amendment to {op} a paragraph needs the new wording (text)',
    fr: 'Un amendement de type {op} exige le nouveau libellé (text)',
  },
  'council.amendment_text_unexpected': {
    en: 'An amendment to {op} a paragraph carries no wording (text)',
    fr: 'Un amendement de type {op} ne comporte pas de libellé (text)',
  },
  'council.span_not_found': {
    en: 'Paragraph {paragraph} of proposal {proposal} does not contain “{span}” to put in brackets',
    fr: 'Le paragraphe {paragraph} de la proposition {proposal} ne contient pas «\u00a0{span}\u00a0» à mettre entre crochets',
  },
  'council.amendment_no_change': {
    en: 'The wording proposed for paragraph {paragraph} of proposal {proposal} is the current wording',
    fr: 'Le libellé proposé pour le paragraphe {paragraph} de la proposition {proposal} est le libellé actuel',
  },
  'council.not_chair_or_proposer': {
    en: 'Only the chair (SG, NAC) or {tabledBy}, which tabled proposal {proposal}, may accept amendments',
    fr: 'Seuls la présidence (SG, NAC) ou {tabledBy}, auteur du dépôt de la proposition {proposal}, peuvent accepter des amendements',
  },
  'council.amendment_unknown': {
    en: 'No amendment {amendment} has been proposed to proposal {proposal}',
    fr: 'Aucun amendement {amendment} n’a été proposé à la proposition {proposal}',
  },
  'council.amendment_not_pending': {
    en: 'Amendment {amendment} to proposal {proposal} (on revision {revision}) is {status}; only pending amendments to the current revision can be accepted',
    fr: 'L’amendement {amendment} à la proposition {proposal} (sur la révision {revision}) est {status}\u00a0; seuls les amendements en attente sur la révision en cours peuvent être acceptés',
  },
  'council.amendments_conflict': {
    en: 'Amendments {amendments} to proposal {proposal} both change paragraph {paragraph}; accept one of them',
    fr: 'Les amendements {amendments} à la proposition {proposal} modifient tous deux le paragraphe {paragraph}\u00a0; n’en accepter qu’un',
  },
  'council.open_brackets': {
    en: 'Proposal {proposal} still has square brackets in paragraph(s) {paragraphs}; a text is adopted or put under silence only when no brackets remain',
    fr: 'La proposition {proposal} comporte encore des crochets au(x) paragraphe(s) {paragraphs}\u00a0; un texte n’est adopté ou soumis au silence que lorsqu’il n’en reste aucun',
  },
  'council_revision.not_found': {
    en: 'Proposal {proposal} has no revision {revision}; its revisions run from 0 to {current}',
    fr: 'La proposition {proposal} n’a pas de révision {revision}\u00a0; ses révisions vont de 0 à {current}',
  },
  'council_proposal.not_found': {
    en: 'No proposal {proposal} in world {world}',
    fr: 'Aucune proposition {proposal} dans le monde {world}',
  },
} satisfies Codes;
